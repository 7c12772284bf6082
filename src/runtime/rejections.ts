import { isPdfJsParserException } from '../load/pdfjs-orphans.js';

/**
 * One process listener drops the unobserved rejections pdf.js leaves behind when it repairs a
 * damaged PDF (see src/load/pdfjs-orphans.ts); every other unhandled rejection stays fatal, as Node
 * would have it. It is attached for good by the processes cpc owns (the CLI, each batch worker),
 * and by the library only around its own calls: a host process is left exactly as Node made it
 * the rest of the time. Workers have their own `process` events, so each installs its own.
 */
let everywhere = false;
let attached = false;
/** library calls that may be reading a PDF right now */
let inFlight = 0;
let graceTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * How long the listener stays after the last library call settles. pdf.js is handed the whole
 * file and talks to its worker side through promises (src/load/pdfjs-port.ts), so a document is
 * read in microtasks: its orphans are rejected while the call runs, and Node reports them at the
 * first drain of the microtask queue after that — at the latest the end of the task in which the
 * call settles (measured: under a millisecond after it resolves). A timer cannot fire before that
 * drain however long it is; the second is a margin for pdf.js work that might outlive
 * `doc.destroy()`. Within it only pdf.js's own parser exceptions are dropped, so all a host can
 * lose to the margin is a pdf.js parser exception of its own.
 */
const GRACE_MS = 1000;

/**
 * What Node does with an unhandled rejection nobody listens to (`--unhandled-rejections`, on the
 * command line or in NODE_OPTIONS). Only the default, `throw`, stops the process because no
 * listener took it: `warn`, `warn-with-error-code` and `none` never stop it, and `strict` has
 * already raised it as an uncaught exception before any listener is called.
 */
function unhandledRejectionsMode(): string {
  const flag = /^--unhandled-rejections(?:=(.*))?$/;
  const fromArgs = (args: readonly string[]): string | undefined => {
    for (let i = args.length - 1; i >= 0; i--) {
      const m = flag.exec(args[i]!);
      if (m) return m[1] ?? args[i + 1];
    }
    return undefined;
  };
  return fromArgs(process.execArgv) ?? fromArgs((process.env['NODE_OPTIONS'] ?? '').split(/\s+/)) ?? 'throw';
}

function onUnhandledRejection(reason: unknown): void {
  if (isPdfJsParserException(reason)) return;
  // another listener means the host handles rejections itself, as it would without cpc
  if (process.listenerCount('unhandledRejection') > 1 || unhandledRejectionsMode() !== 'throw') return;
  // with no listener, Node would have stopped on this rejection: keep it fatal, told as Node tells it
  if (reason instanceof Error) throw reason;
  throw Object.assign(
    new Error(`This error originated either by throwing inside of an async function without a catch block, or by rejecting a promise which was not handled with .catch(). The promise rejected with the reason "${String(reason)}".`),
    { name: 'UnhandledPromiseRejection', code: 'ERR_UNHANDLED_REJECTION' },
  );
}

function attach(): void {
  if (attached) return;
  attached = true;
  process.on('unhandledRejection', onUnhandledRejection);
}

function detachWhenIdle(): void {
  graceTimer = undefined;
  if (everywhere || inFlight > 0 || !attached) return;
  attached = false;
  process.off('unhandledRejection', onUnhandledRejection);
}

/**
 * Drop pdf.js's orphaned rejections for the rest of the process: for a program that owns its
 * process (the CLI, a batch worker). The library's own functions need no call to this.
 */
export function dropOrphanedPdfJsRejections(): void {
  everywhere = true;
  attach();
}

/** Run one library call with pdf.js's orphans dropped while it runs and for a moment after. */
export async function guardPdfJs<T>(call: () => Promise<T>): Promise<T> {
  inFlight++;
  if (graceTimer) clearTimeout(graceTimer);
  graceTimer = undefined;
  attach();
  try {
    return await call();
  } finally {
    if (--inFlight === 0) {
      graceTimer = setTimeout(detachWhenIdle, GRACE_MS);
      // a host that is done need not wait for cpc's margin to exit
      graceTimer.unref();
    }
  }
}

