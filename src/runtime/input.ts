/** Inputs and outputs as the command line names them: a path, or `-` for stdin and stdout. */
import { resolve } from 'node:path';
import { CpcError } from '../diagnostics.js';
import type { CliIO } from './io.js';
import { readInput, readStream } from './read.js';

/** The argument that means stdin (as an input) or stdout (as `-o`). */
export const STDIO_ARG = '-';
/** How a document read from stdin is named in messages and in `source.file`. */
export const STDIN_NAME = '<stdin>';

export const isStdio = (arg: string | undefined): boolean => arg === STDIO_ARG;

/** The name a file goes by in messages and `source.file`: as typed; stdin as `<stdin>`. */
export const shownName = (arg: string): string => (isStdio(arg) ? STDIN_NAME : arg);

/** A document's bytes: a file relative to the working directory, or stdin for `-`. */
export async function readDocument(arg: string, io: CliIO, maxBytes: number): Promise<Uint8Array> {
  if (!isStdio(arg)) return readInput(resolve(io.cwd, arg), maxBytes);
  if (!io.stdin) throw new CpcError('input/unreadable', 'there is no standard input to read');
  return readStream(io.stdin, maxBytes);
}
