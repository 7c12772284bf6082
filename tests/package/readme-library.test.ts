/**
 * The README's Library section is code a user copies: each of its TypeScript blocks is
 * type-checked against the built package's declarations and run against the built package, in a
 * project where `cpc` is installed (a link to this checkout) and fixtures/ is at hand.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emitJson, extractFile } from '../../src/index.js';
import { fixture, FIXTURES, ROOT } from '../helpers.js';
import { assertBuilt } from './built.js';

function librarySnippets(): string[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf('\n## Library\n');
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end === -1 ? undefined : end);
  return [...section.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);
}

const snippets = librarySnippets();
const project = mkdtempSync(join(tmpdir(), 'cpc-readme-'));
const files = snippets.map((_, i) => join(project, `snippet-${i + 1}.ts`));

beforeAll(async () => {
  assertBuilt();
  writeFileSync(join(project, 'package.json'), '{ "name": "readme", "private": true, "type": "module" }\n');
  mkdirSync(join(project, 'node_modules'));
  symlinkSync(ROOT, join(project, 'node_modules', 'cpc'), 'dir');
  symlinkSync(FIXTURES, join(project, 'fixtures'), 'dir');
  // the validation example reads what `cpc extract x.pdf > report.json` wrote
  writeFileSync(join(project, 'report.json'), emitJson((await extractFile(fixture('bury-2021-cpc-revisit.txt'))).value));
  snippets.forEach((code, i) => writeFileSync(files[i]!, code));
});

afterAll(() => rmSync(project, { recursive: true, force: true }));

function run(file: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const js = file.replace(/\.ts$/, '.mjs');
  writeFileSync(js, ts.transpileModule(readFileSync(file, 'utf8'), { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [js], { cwd: project, env: { ...process.env, NODE_OPTIONS: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe("the README's Library examples", () => {
  it('are there: one for each function a user needs', () => {
    const all = snippets.join('\n');
    for (const name of ['extractFile', 'extractReport', 'extractBlocks', 'validateReport', 'cpc/schemas/report.schema.json', 'diffRecommendations', 'runBatch']) expect(all).toContain(name);
  });

  it('type-check, strict, against the package as installed', () => {
    const program = ts.createProgram(files, {
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      types: ['node'],
      typeRoots: [join(ROOT, 'node_modules', '@types')],
    });
    const problems = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n') + (d.file ? ` (${d.file.fileName.replace(project, '')})` : ''));
    expect(problems).toEqual([]);
  });

  it('run, and print what they say they print', async () => {
    const results = await Promise.all(files.map(run));
    results.forEach((r, i) => expect(r.status, `snippet ${i + 1}: ${r.stderr}`).toBe(0));
    const [file, bytes, blocks, validate, diff, batch] = results.map((r) => r.stdout);
    expect(file).toMatch(/^cpc-follow-up \[ 'Bury Council' \] \d+\n/);
    expect(bytes).toMatch(/^current 1 /);
    expect(blocks).toMatch(/^pdf \d+\n0 1 heading /);
    expect(validate).toMatch(/^true \d+\nhttps:\/\/json-schema\.org\//);
    expect(diff).toMatch(/^\{\n {2}unchanged: \d+,/);
    expect(batch).toMatch(/^ok bury-2021-cpc-revisit\.pdf bury-2021-cpc-revisit\.json \n/m);
    expect(results.slice(0, 5).map((r) => r.stderr)).toEqual(['', '', '', '', '']);
  });
});
