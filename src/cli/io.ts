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

/** One line on stderr, naming the file and the cause. */
export function reportError(io: CliIO, file: string | null, message: string): void {
  const first = message.split('\n')[0]!;
  io.stderr.write(`cpc: ${file ? `${file}: ` : ''}${first}\n`);
}
