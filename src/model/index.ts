export * from './report.js';
export { validateReport, type Validation } from './validate.js';
export * from './diff.js';
