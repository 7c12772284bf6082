/**
 * A damaged PDF read through the library must not bring its host down with pdf.js's orphaned
 * rejections (src/load/pdfjs-orphans.ts), and the guard must not swallow the host's own.
 * Each case is a plain Node process importing the built dist/index.js.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { ROOT } from '../helpers.js';
import { assertBuilt, ORPHANING_PDF, runHost } from './built.js';

beforeAll(assertBuilt);

const pdf = JSON.stringify(ORPHANING_PDF);
/** long enough for Node to have reported any rejection left over from the call */
const settle = 'await new Promise((r) => setTimeout(r, 200));';
/** a host that reads the damaged PDF with extractReport, waits, and says it survived */
const READ_DAMAGED = `import { readFileSync } from 'node:fs';
   import { extractReport } from 'CPC';
   const { value } = await extractReport(readFileSync(${pdf}), { file: 'damaged.pdf' });
   console.log(value.report.kind);
   ${settle}
   console.log('survived');`;

describe('the library on a PDF pdf.js repairs', () => {
  it('without the guard, the fixture does kill a plain host (the case the guard exists for)', () => {
    // the pipeline module itself, which installs nothing
    const r = runHost(READ_DAMAGED, { cpc: join(ROOT, 'dist', 'extract.js') });
    expect(r.stdout).not.toContain('survived');
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('XRefEntryException');
  });

  it('extractReport returns the report and the host lives on', () => {
    const r = runHost(READ_DAMAGED);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('council-report\nsurvived\n');
    expect(r.status).toBe(0);
  });

  it('extractFile likewise, and leaves no listener behind once the call is over', () => {
    const r = runHost(
      `import { extractFile } from 'CPC';
       const { value } = await extractFile(${pdf});
       console.log(value.report.kind, process.listenerCount('unhandledRejection'));
       await new Promise((r) => setTimeout(r, 1200));
       console.log(process.listenerCount('unhandledRejection'));`,
    );
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('council-report 1\n0\n');
    expect(r.status).toBe(0);
  });

  it.each([
    ['after the call', `await extractFile(${pdf}); Promise.reject(new Error('the host own'));`],
    ['during the call', `const p = extractFile(${pdf}); Promise.reject(new Error('the host own')); await p;`],
    ['with a string reason', `await extractFile(${pdf}); Promise.reject('the host own');`],
  ])("the host's own unhandled rejection still stops it (%s)", (_when, code) => {
    const r = runHost(
      `import { extractFile } from 'CPC';
       ${code}
       ${settle}
       console.log('survived');`,
    );
    expect(r.stdout).not.toContain('survived');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('the host own');
  });

  it("a host's own listener still gets its own rejections (and can tell pdf.js's apart)", () => {
    const r = runHost(
      `import { extractFile, isPdfJsParserException } from 'CPC';
       const seen = [];
       process.on('unhandledRejection', (reason) => seen.push(isPdfJsParserException(reason) ? 'pdf.js' : reason.message));
       await extractFile(${pdf});
       Promise.reject(new Error('the host own'));
       ${settle}
       console.log(seen.filter((s) => s !== 'pdf.js').join(), seen.includes('pdf.js'));`,
    );
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('the host own true\n');
    expect(r.status).toBe(0);
  });

  it('--unhandled-rejections=warn is honoured: the host is warned, not stopped', () => {
    const r = runHost(
      `import { extractFile } from 'CPC';
       await extractFile(${pdf});
       Promise.reject(new Error('the host own'));
       ${settle}
       console.log('survived');`,
      { args: ['--unhandled-rejections=warn'] },
    );
    expect(r.stdout).toBe('survived\n');
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('the host own');
  });
});
