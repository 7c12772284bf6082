/**
 * Diagnostics travel with results (`{ value, messages }`), the way mammoth returns messages and
 * unified attaches them to a vfile. Codes form a closed list so consumers can switch on them.
 */

export const WARNING_CODES = [
  // load
  'docx/converter-message',
  'docx/pages-unknown',
  'docx/image-skipped',
  'pdf/no-text-layer',
  'pdf/ocr-used',
  'pdf/ocr-failed',
  'pdf/engine-fallback',
  'pdf/shapes-capped',
  'text/encoding-guessed',
  'text/nul-removed',
  'text/row-too-wide',
  // layout
  'layout/furniture-removed',
  'layout/toc-removed',
  'layout/table-joined',
  'layout/hyphenation-joined',
  // parse
  'sections/none-found',
  'recommendations/none-found',
  'recommendations/count-mismatch',
  'recommendations/numbering-gap',
  'recommendations/numbering-duplicate',
  'recommendations/merged-duplicates',
  'recommendations/close-call',
  'decisions/none-found',
  'metadata/kind-unknown',
  'metadata/council-unknown',
  'metadata/year-unknown',
  'peers/none-found',
] as const;

export type WarningCode = (typeof WARNING_CODES)[number];

export type Severity = 'info' | 'warning';

export interface Message {
  code: WarningCode;
  severity: Severity;
  message: string;
  /** 1-based page, when the format has pages */
  page?: number;
  /** the stage that raised it: load, layout, parse, … */
  source: string;
  /** the rule or cue that raised it ("stated-count", "lead-in-list"), where one did */
  rule?: string;
  /** 0-based index of the block it is about, in the laid-out blocks (as `cpc text` numbers them) */
  block?: number;
}

/** Where a message points: a page, a block, and the rule that raised it. */
export interface Place {
  page?: number | null;
  block?: number | null;
  rule?: string | null;
}

export interface Result<T> {
  value: T;
  messages: Message[];
}

export function result<T>(value: T, messages: Message[] = []): Result<T> {
  return { value, messages };
}

function message(severity: Severity, source: string, code: WarningCode, text: string, at: number | null | undefined | Place): Message {
  const place: Place = typeof at === 'object' && at !== null ? at : { page: at };
  const m: Message = { code, severity, message: text, source };
  if (place.page != null) m.page = place.page;
  if (place.rule != null) m.rule = place.rule;
  if (place.block != null) m.block = place.block;
  return m;
}

/** `at`: the page, or a place (page, block, rule) */
export function info(source: string, code: WarningCode, text: string, at?: number | null | Place): Message {
  return message('info', source, code, text, at);
}

export function warning(source: string, code: WarningCode, text: string, at?: number | null | Place): Message {
  return message('warning', source, code, text, at);
}

const severityRank: Record<Severity, number> = { warning: 0, info: 1 };

/** Stable order (by page, severity, source, code, message), duplicates dropped — like vfile-sort. */
export function sortMessages(messages: readonly Message[]): Message[] {
  const seen = new Set<string>();
  const unique: Message[] = [];
  for (const m of messages) {
    const key = `${m.page ?? 0}\u0000${m.severity}\u0000${m.source}\u0000${m.code}\u0000${m.message}\u0000${m.rule ?? ''}\u0000${m.block ?? -1}`;
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(m);
  }
  return unique.sort(
    (a, b) =>
      (a.page ?? 0) - (b.page ?? 0) ||
      severityRank[a.severity] - severityRank[b.severity] ||
      a.source.localeCompare(b.source) ||
      a.code.localeCompare(b.code) ||
      a.message.localeCompare(b.message) ||
      (a.block ?? -1) - (b.block ?? -1),
  );
}

/**
 * Fatal input problems. These are the only errors the pipeline throws on purpose: the document
 * cannot be read at all. Each code maps to one exit code and one documented message.
 */
export const ERROR_CODES = {
  'input/not-found': 1,
  'input/unreadable': 1,
  'input/not-a-file': 1,
  'input/empty': 1,
  'input/unsupported-format': 1,
  'input/wrong-type': 1,
  'input/corrupt': 1,
  'input/encrypted': 3,
  'input/too-large': 1,
  'input/too-many-pages': 1,
  'input/zip-bomb': 1,
  'input/timeout': 1,
  'input/out-of-memory': 1,
  'output/invalid': 4,
  'output/write-failed': 5,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class CpcError extends Error {
  readonly code: ErrorCode;
  readonly exitCode: number;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CpcError';
    this.code = code;
    this.exitCode = ERROR_CODES[code];
  }
}

/**
 * A CpcError, told by its shape rather than its class: a module loaded twice (a bundler's copy, a
 * loader that gives a dynamic import its own instance, as tsx does in worker threads) has a class
 * of its own, and `instanceof` would call its errors bugs.
 */
export function isCpcError(e: unknown): e is CpcError {
  if (e instanceof CpcError) return true;
  const x = e as { name?: unknown; code?: unknown; exitCode?: unknown } | null;
  return e instanceof Error && x!.name === 'CpcError' && typeof x!.code === 'string' && Object.hasOwn(ERROR_CODES, x!.code) && typeof x!.exitCode === 'number';
}
