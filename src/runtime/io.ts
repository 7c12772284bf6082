/** The CLI talks to the world only through this, so tests can run it in-process. */
export interface Stream {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

export interface CliIO {
  stdout: Stream;
  stderr: Stream;
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
}

export function processIO(): CliIO {
  // the reader went away (`cpc extract a.pdf | head -1`): nothing more can be told, so stop quietly
  // with the status so far, as a command line tool does, instead of crashing on EPIPE
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') throw e;
      process.exit();
    });
  }
  return { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env };
}

/** chalk level: colours only on a terminal, never with NO_COLOR; FORCE_COLOR wins. */
export function colorLevel(stream: Stream, env: CliIO['env']): 0 | 1 | 2 | 3 {
  const force = env['FORCE_COLOR'];
  if (force !== undefined && force !== '' && force !== '0' && force !== 'false') return 1;
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return 0;
  if (force === '0' || force === 'false') return 0;
  return stream.isTTY ? 1 : 0;
}

/** One line on stderr, naming the file, the error code (as in batch's manifest) and the cause. */
export function reportError(io: CliIO, file: string | null, message: string, code?: string): void {
  const first = message.split('\n')[0]!;
  io.stderr.write(`cpc: ${file ? `${file}: ` : ''}${code && code !== 'usage' ? `${code}: ` : ''}${first}\n`);
}
