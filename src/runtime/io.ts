/** The CLI talks to the world only through this, so tests can run it in-process. */
import type { Message } from '../diagnostics.js';
import { EXIT } from './exit.js';

export interface Stream {
  write(chunk: string | Uint8Array): unknown;
  isTTY?: boolean;
}

export interface CliIO {
  stdout: Stream;
  stderr: Stream;
  /** what `-` reads as an input; absent, `-` is refused */
  stdin?: AsyncIterable<Uint8Array | string>;
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
}

/** How much a command says on stderr besides errors: `-q` nothing, by default warnings, `-v` also notes. */
export type Verbosity = 'quiet' | 'normal' | 'verbose';

export const verbosityOf = (opts: { quiet?: boolean; verbose?: boolean }): Verbosity => (opts.quiet ? 'quiet' : opts.verbose ? 'verbose' : 'normal');

/** What the streams' error handlers do; exported for the tests. */
export function onStreamError(name: 'stdout' | 'stderr', e: NodeJS.ErrnoException, exit: (code: number) => void, stderr: Stream): void {
  // the reader went away (`cpc extract a.pdf | head -1`): it asked for no more, so stop without a
  // word, with the status a process killed by SIGPIPE has (128 + 13), as git does
  if (e.code === 'EPIPE') return exit(EXIT.closedPipe);
  // a full disk or a broken device: one line, its own status
  if (name === 'stdout') {
    try {
      stderr.write(`cpc: cannot write to stdout: ${e.code ? `${e.code}: ` : ''}${(e.message ?? String(e)).replace(/^\w+: /, '')}\n`);
    } catch {
      // stderr is gone too: the status still tells
    }
  }
  exit(EXIT.output);
}

/**
 * stderr as a command writes to it: when its reader goes away (`cpc batch … 2>&1 | head`) the
 * diagnostics have nowhere to go, but the work goes on — the outputs, the manifest and the exit
 * status are what a batch is for. A terminal is passed as it is (the progress bar needs it whole).
 */
function guardedStderr(): Stream {
  const stream = process.stderr;
  if (stream.isTTY) {
    stream.on('error', (e: NodeJS.ErrnoException) => onStreamError('stderr', e, (code) => process.exit(code), stream));
    return stream;
  }
  let gone = false;
  stream.on('error', () => (gone = true));
  return { write: (chunk) => (gone ? true : stream.write(chunk)), isTTY: false };
}

export function processIO(): CliIO {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => onStreamError('stdout', e, (code) => process.exit(code), process.stderr));
  return { stdout: process.stdout, stderr: guardedStderr(), stdin: process.stdin, cwd: process.cwd(), env: process.env };
}

/**
 * chalk level from `--color` (auto, always, never) and the environment: `auto` colours only a
 * terminal, never with NO_COLOR set or TERM=dumb; FORCE_COLOR forces it (0 or false turn it off).
 */
export function colorLevel(stream: Stream, env: CliIO['env'], mode: ColorMode = 'auto'): 0 | 1 | 2 | 3 {
  if (mode === 'always') return 1;
  if (mode === 'never') return 0;
  const force = env['FORCE_COLOR'];
  if (force !== undefined && force !== '' && force !== '0' && force !== 'false') return 1;
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return 0;
  if (force === '0' || force === 'false') return 0;
  if (env['TERM'] === 'dumb') return 0;
  return stream.isTTY ? 1 : 0;
}

export const COLOR_MODES = ['auto', 'always', 'never'] as const;
export type ColorMode = (typeof COLOR_MODES)[number];

/**
 * A name or message as it may be printed to a log or a terminal: control characters (a newline
 * that would forge a log line, an escape sequence the terminal would obey) shown as \n, \xNN.
 */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what this finds
  return text.replace(/[\x00-\x1f\x7f-\x9f]/g, (c) => (c === '\n' ? '\\n' : c === '\t' ? '\\t' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`));
}

/** One line on stderr, naming the file, the error code (as in batch's manifest) and the cause. */
export function reportError(io: CliIO, file: string | null, message: string, code?: string): void {
  const first = message.split('\n')[0]!;
  io.stderr.write(`cpc: ${file ? `${printable(file)}: ` : ''}${code && code !== 'usage' ? `${code}: ` : ''}${printable(first)}\n`);
}

/**
 * A document's diagnostics on stderr, one line each, `cpc: <file>: <code>: <message>` (the page
 * after it where there is one): warnings by default, notes too with `-v`, nothing with `-q`.
 */
export function reportMessages(io: CliIO, file: string, messages: readonly Message[], verbosity: Verbosity): void {
  if (verbosity === 'quiet') return;
  for (const m of messages) {
    if (m.severity === 'info' && verbosity !== 'verbose') continue;
    io.stderr.write(`cpc: ${printable(file)}: ${m.code}: ${printable(m.message)}${m.page != null ? ` (page ${m.page})` : ''}\n`);
  }
}
