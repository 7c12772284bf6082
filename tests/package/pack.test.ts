/**
 * SLOW (~20–60 s): `npm pack`, then the tarball installed with `npm install --omit=dev` into an
 * empty project, used there as a user would: the `cpc` command, `import`, `require`, the batch
 * engine, the schemas, the types. The runtime dependencies come from npm's cache (`npm ci` put them
 * there); `--offline` first, and `--prefer-offline` when the cache lacks a package's metadata.
 * The pack takes the dist/ already built (`--ignore-scripts`: prepack's own build is
 * scripts/prepare.mjs, tested in prepare-script.test.ts).
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, ROOT } from '../helpers.js';
import { assertBuilt } from './built.js';

const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const work = mkdtempSync(join(tmpdir(), 'cpc-pack-'));
const project = join(work, 'host');
let packed: string[] = [];

function run(command: string, args: readonly string[], options: SpawnSyncOptions = {}) {
  const { npm_command: _a, npm_lifecycle_event: _b, npm_config_offline: _c, ...env } = process.env;
  const r = spawnSync(command, args, { cwd: project, encoding: 'utf8', timeout: 60_000, maxBuffer: 1 << 26, env: { ...env, NODE_OPTIONS: '' }, ...options });
  return { status: r.status, stdout: String(r.stdout), stderr: String(r.stderr) };
}

const node = (args: readonly string[]) => run(process.execPath, args);

beforeAll(() => {
  assertBuilt();
  const pack = run(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', work], { cwd: ROOT });
  expect(pack.status, pack.stderr).toBe(0);
  const [info] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
  packed = info!.files.map((f) => f.path);
  const tarball = join(work, info!.filename);

  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), '{ "name": "host", "version": "1.0.0", "private": true }\n');
  const install = (mode: string) => run(npm, ['install', '--omit=dev', mode, '--no-audit', '--no-fund', tarball]);
  let installed = install('--offline');
  if (installed.status !== 0 && /ENOTCACHED/.test(installed.stderr)) installed = install('--prefer-offline');
  expect(installed.status, installed.stderr).toBe(0);
}, 90_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the packed package', () => {
  it('holds dist/, bin/, schemas/, LICENSE and README, and nothing of the tests, fixtures or sources', () => {
    for (const path of ['LICENSE', 'README.md', 'package.json', 'bin/cpc.js', 'dist/index.js', 'dist/index.d.ts', 'dist/batch/index.js', 'dist/batch/worker.js', 'dist/cli/index.js', 'schemas/report.schema.json', 'schemas/diff.schema.json']) {
      expect(packed, path).toContain(path);
    }
    expect(packed.filter((p) => !/^(dist|bin|schemas)\//.test(p) && !['LICENSE', 'README.md', 'package.json'].includes(p))).toEqual([]);
  });

  it("carries its sources inside its source maps (src/ is not shipped)", () => {
    const map = JSON.parse(readFileSync(join(project, 'node_modules', 'cpc', 'dist', 'index.js.map'), 'utf8')) as { sources: string[]; sourcesContent?: string[] };
    expect(map.sourcesContent?.length).toBe(map.sources.length);
    expect(map.sourcesContent?.[0]).toContain('export function extractFile');
  });

  it('gives the cpc command: npx cpc --version, npx cpc extract', () => {
    const version = run('npx', ['--no-install', 'cpc', '--version']);
    expect(version.stdout.trim(), version.stderr).toBe(VERSION);
    const extract = run('npx', ['--no-install', 'cpc', 'extract', fixture('bury-2021-cpc-revisit.pdf')]);
    expect(extract.status, extract.stderr).toBe(0);
    expect((JSON.parse(extract.stdout) as { report: { kind: string } }).report.kind).toBe('cpc-follow-up');
  });

  it("imports: import { extractFile } from 'cpc', the schemas and package.json by their subpaths", () => {
    const r = node([
      '--input-type=module',
      '-e',
      `import { extractFile, validateReport } from 'cpc';
       import { readFile } from 'node:fs/promises';
       const { value } = await extractFile(${JSON.stringify(fixture('bury-2021-cpc-revisit.pdf'))});
       const schema = JSON.parse(await readFile(new URL(import.meta.resolve('cpc/schemas/report.schema.json')), 'utf8'));
       const pkg = JSON.parse(await readFile(new URL(import.meta.resolve('cpc/package.json')), 'utf8'));
       console.log(value.report.kind, validateReport(value).ok, typeof schema.properties, pkg.version);`,
    ]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`cpc-follow-up true object ${VERSION}\n`);
  });

  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  it.skipIf(major === 20 && minor < 19)("requires: require('cpc') on Node 20.19 and later", () => {
    const r = node(['-e', "const c = require('cpc'); const b = require('cpc/batch'); console.log(typeof c.extractFile, typeof b.runBatch)"]);
    expect(r.stdout, r.stderr).toBe('function function\n');
    expect(r.status).toBe(0);
  });

  it("runs the batch engine from 'cpc/batch': outputs and a manifest in the out directory", () => {
    const out = join(work, 'out');
    const r = node([
      '--input-type=module',
      '-e',
      `import { runBatch, readManifest, MANIFEST_NAME } from 'cpc/batch';
       import { join } from 'node:path';
       const io = { cwd: ${JSON.stringify(ROOT)}, env: process.env, stdout: process.stdout, stderr: process.stderr };
       const status = await runBatch(['fixtures/bury-2021-cpc-revisit.txt'], { out: ${JSON.stringify(out)}, format: 'json', jobs: 1, timeoutMs: 60000, maxMemoryMb: 1024, force: false, failOn: 'error', quiet: true, maxPages: 5000, maxBytes: 200 * 2 ** 20, maxInflated: 200 * 2 ** 20, ocr: 'off', pdfEngine: 'pdfium' }, io);
       const { entries } = await readManifest(join(${JSON.stringify(out)}, MANIFEST_NAME));
       console.log(status, [...entries.values()].map((e) => e.status + ' ' + e.output).join());`,
    ]);
    expect(r.stdout, r.stderr).toBe('0 ok bury-2021-cpc-revisit.json\n');
    expect(existsSync(join(out, 'bury-2021-cpc-revisit.json'))).toBe(true);
  });

  it("types: a TypeScript consumer type-checks against the package's declarations", () => {
    writeFileSync(
      join(project, 'consumer.ts'),
      `import { extractFile, extractReport, CpcError, type Report } from 'cpc';
       import { runBatch, type BatchOptions } from 'cpc/batch';
       const report: Promise<Report> = extractFile('x.pdf', { maxBytes: 1 }).then((r) => r.value);
       const again: Promise<Report> = extractReport(new Uint8Array(), { file: 'x.pdf' }).then((r) => r.value);
       const code: string = new CpcError('input/not-found', 'gone').code;
       const opts: Pick<BatchOptions, 'out' | 'jobs'> = { out: 'out', jobs: 2 };
       export { report, again, code, opts, runBatch };\n`,
    );
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, noEmit: true, skipLibCheck: false, typeRoots: [join(ROOT, 'node_modules', '@types')], types: ['node'] }, files: ['consumer.ts'] }),
    );
    const tsc = node([join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json']);
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  });
});
