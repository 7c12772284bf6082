import { isCpcError } from '../diagnostics.js';

/** Exit codes, as the README documents them. */
export const EXIT = {
  ok: 0,
  input: 1,
  usage: 2,
  encrypted: 3,
  invalid: 4,
  /** an output could not be written: a full disk, a read-only place, a device error */
  output: 5,
  /** SIGINT (Ctrl-C): 128 + 2, as a shell reports it */
  interrupted: 130,
  /** the reader of stdout went away (`| head`): 128 + SIGPIPE, as git exits */
  closedPipe: 141,
  /** SIGTERM: 128 + 15 */
  terminated: 143,
} as const;

export class UsageError extends Error {
  readonly exitCode = EXIT.usage;
}

/** The exit code and one-line message for anything a command threw. */
export function describeFailure(e: unknown): { code: number; message: string; errorCode: string } {
  if (isCpcError(e)) return { code: e.exitCode, message: e.message, errorCode: e.code };
  if (e instanceof UsageError) return { code: EXIT.usage, message: e.message, errorCode: 'usage' };
  const err = e as NodeJS.ErrnoException;
  if (err?.code === 'ENOENT') return { code: EXIT.input, message: 'no such file', errorCode: 'input/not-found' };
  if (err?.code === 'EISDIR') return { code: EXIT.input, message: 'is a directory, not a document', errorCode: 'input/unreadable' };
  if (err?.code === 'EACCES') return { code: EXIT.input, message: 'permission denied', errorCode: 'input/unreadable' };
  // anything else is a bug in cpc, not in the input: say so rather than blame the file
  return { code: EXIT.input, message: `internal error: ${err?.message ?? String(e)}`, errorCode: 'internal' };
}
