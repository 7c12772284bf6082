// Builds dist/ for `npm install` / `npm ci` in a clone (prepare) and for `npm pack` / `npm publish`
// (prepack, with --pack). TypeScript is a dev dependency: `npm install --omit=dev` in a clone has
// none, and that install must not fail for want of it. A package made by `npm pack` ships dist/,
// so installing it never builds anything.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const forPack = process.argv.includes('--pack');

// npm pack runs prepack and then prepare: prepack has just built, once is enough
if (!forPack && ['pack', 'publish'].includes(process.env.npm_command ?? '')) process.exit(0);

let tsc = null;
try {
  tsc = createRequire(new URL('../package.json', import.meta.url)).resolve('typescript/bin/tsc');
} catch {
  // not installed: told below
}

if (!tsc) {
  if (!forPack) {
    console.log('cpc: dist/ was not built (TypeScript, a dev dependency, is not installed): `npm install` with dev dependencies, then `npm run build`');
    process.exit(0);
  }
  if (existsSync(new URL('../dist/index.js', import.meta.url))) {
    console.error('cpc: packing the dist/ already built (TypeScript is not installed to build it again)');
    process.exit(0);
  }
  console.error('cpc: cannot pack: dist/ is not built and TypeScript (a dev dependency) is not installed: `npm install`, then `npm pack`');
  process.exit(1);
}

const build = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
if (build.status === 0) pruneStaleOutputs();
process.exit(build.status ?? 1);

/**
 * tsc never deletes: a module moved or removed in src/ leaves its old output in dist/, which a
 * package would ship. Removed after the build, not by emptying dist/ first, so a clone's dist/ is
 * never missing while it builds.
 */
function pruneStaleOutputs() {
  const dist = join(root, 'dist');
  for (const entry of readdirSync(dist, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const stem = relative(dist, path).replace(/\.(d\.ts|js)(\.map)?$/, '');
    if (stem !== relative(dist, path) && !existsSync(join(root, 'src', `${stem}.ts`))) rmSync(path);
  }
}
