import { isAbsolute, posix, relative, resolve, sep } from 'node:path';

/**
 * Where each input's output goes, relative to `--out`: the input's path below the inputs' common
 * base with its extension replaced (`a/b/report.pdf` → `a/b/report.json`).
 *
 * Archives often hold one report in several formats side by side (`report.pdf`, `report.docx`).
 * Those would all map to `report.json`, so every input whose stem is shared in its directory keeps
 * its extension (`report.pdf.json`, `report.docx.json`): no input wins by sort order, and the
 * names do not depend on which shard runs. Plans are made over the whole archive, before sharding.
 */
export function planOutputs(relPaths: readonly string[], extension: string): Map<string, string> {
  const stemOf = (p: string) => {
    const ext = posix.extname(p);
    return ext ? p.slice(0, -ext.length) : p;
  };
  const stemCount = new Map<string, number>();
  for (const p of relPaths) stemCount.set(stemOf(p), (stemCount.get(stemOf(p)) ?? 0) + 1);

  const plan = new Map<string, string>();
  const used = new Set<string>();
  for (const p of [...relPaths].sort(comparePaths)) {
    const stem = stemOf(p);
    const base = stemCount.get(stem)! > 1 ? p : stem;
    let out = `${base}${extension}`;
    // only odd names collide after that (`x.pdf` beside `x.pdf.txt`); number them in path order
    for (let n = 2; used.has(out); n++) out = `${base}-${n}${extension}`;
    used.add(out);
    plan.set(p, out);
  }
  return plan;
}

/** Code-unit order: the same on every machine and locale (localeCompare is not). */
export function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The absolute path of an output below `outDir`, or null when the relative name would land
 * anywhere else: an absolute path, a `..` segment, a NUL byte. Input names come from the file
 * system and the manifest, which a user can edit; neither may make cpc write outside `--out`.
 */
export function resolveInside(outDir: string, relName: string): string | null {
  if (relName === '' || relName.includes('\0') || isAbsolute(relName) || /^[a-zA-Z]:/.test(relName)) return null;
  if (relName.split(/[\\/]/).some((segment) => segment === '..')) return null;
  const root = resolve(outDir);
  const target = resolve(root, relName);
  const rel = relative(root, target);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return null;
  return target.startsWith(root + sep) ? target : null;
}
