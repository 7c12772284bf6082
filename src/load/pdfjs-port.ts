/**
 * The message port between pdf.js's API and its worker side when both run on one thread (Node:
 * pdf.js has no Web Worker there, and a cpc batch already gives each document a thread of its own).
 *
 * pdf.js's own stand-in (LoopbackPort) structured-clones every message, as a real worker boundary
 * would, and most of what it copies is text content, item by item: a fifth of the time spent reading
 * a PDF here. The copy is a snapshot, and pdf.js relies on that — after posting a text chunk it
 * starts the next one on the same object (`textContent.items = []`). So text chunks are passed as
 * a shallow snapshot instead: the chunk object and its item list copied, the items themselves (built
 * fresh for each message and never touched again by the worker) shared; the stream protocol's many
 * small messages of primitives are copied by a spread. Every other message is structured-cloned as
 * before. Messages are delivered asynchronously and in order, as LoopbackPort
 * delivers them.
 */
type Listener = (this: SameThreadPort, event: { data: unknown }) => void;

interface TextChunkMessage {
  chunk: { items: unknown[]; styles: object; lang?: unknown };
}

/** A message of primitives only (the stream protocol's pulls and acknowledgements): a spread copies it exactly. */
function isFlatRecord(m: unknown): m is Record<string, unknown> {
  if (typeof m !== 'object' || m === null || Object.getPrototypeOf(m) !== Object.prototype) return false;
  for (const key in m) {
    const v = (m as Record<string, unknown>)[key];
    if (typeof v === 'object' ? v !== null : typeof v === 'function' || typeof v === 'symbol') return false;
  }
  return true;
}

/** A stream chunk of `getTextContent` (and only that: operator lists and data chunks have no styles). */
function isTextChunkMessage(m: unknown): m is TextChunkMessage {
  const chunk = (m as { chunk?: unknown } | null)?.chunk as { items?: unknown; styles?: unknown } | undefined;
  return typeof chunk === 'object' && chunk !== null && Array.isArray(chunk.items) && typeof chunk.styles === 'object' && chunk.styles !== null;
}

export class SameThreadPort {
  readonly #listeners = new Map<Listener, (() => void) | null>();
  readonly #delivered = Promise.resolve();

  postMessage(message: unknown, transfer?: Transferable[]): void {
    const data = isFlatRecord(message)
      ? { ...message }
      : isTextChunkMessage(message)
        ? { ...message, chunk: { ...message.chunk, items: message.chunk.items.slice(), styles: { ...message.chunk.styles } } }
        : structuredClone(message, transfer ? { transfer } : undefined);
    const event = { data };
    void this.#delivered.then(() => {
      // a Map's iteration survives a listener removing itself, as pdf.js's LoopbackPort relies on
      for (const listener of this.#listeners.keys()) listener.call(this, event);
    });
  }

  addEventListener(type: string, listener: Listener, options?: { signal?: AbortSignal }): void {
    if (type !== 'message') return;
    const signal = options?.signal;
    if (signal?.aborted) return;
    let detach: (() => void) | null = null;
    if (signal) {
      // pdf.js's MessageHandler stops listening by aborting this signal when a document closes
      const onAbort = () => this.removeEventListener(type, listener);
      signal.addEventListener('abort', onAbort, { once: true });
      detach = () => signal.removeEventListener('abort', onAbort);
    }
    this.#listeners.set(listener, detach);
  }

  removeEventListener(type: string, listener: Listener): void {
    if (type !== 'message') return;
    this.#listeners.get(listener)?.();
    this.#listeners.delete(listener);
  }

  /** the count of attached listeners: the worker side's own, plus those of documents still open */
  get listenerCount(): number {
    return this.#listeners.size;
  }
}
