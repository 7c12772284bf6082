export * from './report.js';
export { validateReport, type Validation } from './validate.js';
