/** cpc as a library: the one-call pipeline, and each stage for those who need it. */
export { extractReport, extractBlocks, type ExtractOptions, type TextResult } from './extract.js';
export { load, loadAs, detectFormat, DEFAULT_LIMITS, type RawDoc, type LoadOptions } from './load/index.js';
export { layout, type Block, type Layout, type TextBlock, type TableBlock } from './layout/index.js';
export { parse, type Parsed } from './parse/index.js';
export { emit, emitJson, emitYaml, emitCsv, OUTPUT_FORMATS, type OutputFormat } from './emit/index.js';
export * from './model/index.js';
export { diffRecommendations, hasChanges, renderDiff, DIFF_FORMATS, DEFAULT_THRESHOLD, type DiffOptions, type DiffFormat } from './diff/index.js';
/** for applications reading untrusted PDFs: see src/load/pdfjs-orphans.ts */
export { dropOrphanedPdfJsRejections } from './runtime/rejections.js';
export { CpcError, ERROR_CODES, WARNING_CODES, type ErrorCode, type WarningCode, type Message, type Result } from './diagnostics.js';
