import { readFileSync } from 'node:fs';

let version: string | undefined;

/**
 * The tool's version from package.json, read once. The manifest records it so that a new cpc
 * redoes every file: a changed pipeline may give different output for the same bytes.
 */
export function toolVersion(): string {
  // src/batch/version.ts and dist/batch/version.js both sit two levels below the package root
  version ??= (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  return version;
}
