/** Ctrl-C and SIGTERM: undo what a command did to the terminal, then exit as a shell reports a signal. */
import { EXIT } from './exit.js';

const CODES = { SIGINT: EXIT.interrupted, SIGTERM: EXIT.terminated } as const;

/**
 * Until the returned function is called, SIGINT and SIGTERM run `cleanup` (synchronously: the
 * process is about to go) and exit 130 or 143. Without a listener Node would die of the signal
 * with the terminal as the command left it (cursor hidden, line wrap off).
 */
export function onInterrupt(cleanup: () => void, exit: (code: number) => void = (code) => process.exit(code)): () => void {
  const handlers = Object.entries(CODES).map(([signal, code]) => {
    const handler = () => {
      try {
        cleanup();
      } finally {
        exit(code);
      }
    };
    process.once(signal, handler);
    return [signal, handler] as const;
  });
  return () => {
    for (const [signal, handler] of handlers) process.removeListener(signal, handler);
  };
}
