/**
 * pdf.js, opening a PDF with a damaged cross-reference table, prefetches the page tree's objects
 * into a cache, fails on them, rebuilds the table and drops the cache — leaving the prefetches'
 * rejections unobserved (Catalog.getPageDict in pdfjs-dist 5.4). Node treats an unobserved
 * rejection as fatal: one damaged PDF would stop `cpc extract` after its report was made, or kill
 * a batch worker together with whichever file it was running next. Those rejections repeat what
 * the awaited pdf.js calls already report (or recover from), so they may be dropped; any other
 * unhandled rejection stays fatal. The listener that drops them is process-wide, so the edges
 * install it (src/runtime/rejections.ts): the CLI and each batch worker for good, the library's
 * entry points (src/index.ts) only around their own calls.
 */

/** Exceptions pdf.js's parser raises on malformed input (its BaseException subclasses, told apart by name). */
const PARSER_EXCEPTIONS = new Set(['XRefEntryException', 'XRefParseException', 'FormatError', 'MissingDataException', 'ParserEOFException']);

export function isPdfJsParserException(reason: unknown): boolean {
  return reason instanceof Error && PARSER_EXCEPTIONS.has(reason.name);
}
