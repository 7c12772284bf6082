import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { glob, isDynamicPattern } from 'tinyglobby';
import { UsageError } from '../runtime/exit.js';
import { comparePaths } from './output-paths.js';
import { sniffFormat } from './sniff.js';
import { appendAll } from '../arrays.js';

/**
 * Extensions that name a document. A file found by walking a directory or a glob is an input
 * when it has one of these — even when its content turns out to be wrong, so a broken
 * `report.pdf` is reported as a failure rather than silently left out — or when its content is a
 * PDF or a Word file whatever its name. Anything else met on the walk (images, spreadsheets,
 * notes, cpc's own outputs) is ignored and counted. A file named on the command line is always
 * an input.
 */
export const DOCUMENT_EXTENSIONS = new Set(['.pdf', '.docx', '.docm', '.doc', '.rtf', '.html', '.htm', '.xhtml', '.txt', '.text', '.md', '.markdown']);

/** formats recognisable by content alone; text under an unknown extension (CSV, JSON, notes) is not a report */
const BINARY_DOCUMENTS = new Set<string>(['pdf', 'docx']);

export interface DiscoveredInput {
  /** absolute path */
  abs: string;
  /** relative to the common base, with forward slashes: the manifest key and the output's place */
  rel: string;
}

export interface Discovery {
  /** the deepest directory holding every argument (directories, globs' fixed parts, files' folders) */
  base: string;
  /** sorted by `rel`, deduplicated */
  inputs: DiscoveredInput[];
  /** relative paths of files met on a walk that are not documents */
  ignored: string[];
  /** folders met on a walk that could not be listed (relative, ending in /), and documents that are no regular files, with why */
  unreadable: { rel: string; reason: string; file: boolean }[];
  /**
   * Whether this run looked for `abs`: it lies in a directory given, matches a glob given, or is a
   * file given. A manifest entry it did not look for belongs to another run and is kept.
   */
  covers(abs: string): boolean;
}

export interface DiscoverOptions {
  cwd: string;
  /** absolute paths of files or directories never taken as inputs (--out, the index file) */
  exclude: readonly string[];
  /** the folder `rel` paths are taken from; by default the deepest one holding every argument */
  base?: string;
}

/** The fixed directory part of a glob: `reports/20*\/*.pdf` → `reports`. */
function globRoot(pattern: string, cwd: string): string {
  const segments = pattern.split(/[\\/]/);
  const fixed: string[] = [];
  for (const segment of segments.slice(0, -1)) {
    if (isDynamicPattern(segment)) break;
    fixed.push(segment);
  }
  return resolve(cwd, fixed.join('/') || '.');
}

export function commonAncestor(paths: readonly string[]): string {
  const split = paths.map((p) => resolve(p).split(sep));
  const first = split[0] ?? [];
  let n = first.length;
  for (const parts of split) {
    let i = 0;
    while (i < n && i < parts.length && parts[i] === first[i]) i++;
    n = i;
  }
  return first.slice(0, n).join(sep) || sep;
}

/** Folders below `root` (links not followed, hidden ones skipped as the walk skips them) that cannot be listed. */
async function unlistable(root: string): Promise<{ abs: string; reason: string; file?: boolean }[]> {
  const out: { abs: string; reason: string; file?: boolean }[] = [];
  const visit = async (dir: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      out.push({ abs: dir, reason: err.code === 'EACCES' ? 'permission denied' : (err.code ?? err.message) });
      return;
    }
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      if (e.isDirectory()) await visit(join(dir, e.name));
      // a FIFO, socket or device named as a document: the walk (files only) would pass it over
      else if ((e.isFIFO() || e.isSocket() || e.isCharacterDevice() || e.isBlockDevice()) && DOCUMENT_EXTENSIONS.has(extname(e.name).toLowerCase())) {
        out.push({ abs: join(dir, e.name), reason: 'not a regular file', file: true });
      }
    }
  };
  await visit(root);
  return out;
}

const isInside = (file: string, excluded: string) => file === excluded || file.startsWith(excluded + sep);

/** Find the inputs of a batch from directories, globs and file paths. Throws UsageError when there are none. */
export async function discoverInputs(args: readonly string[], options: DiscoverOptions): Promise<Discovery> {
  const roots: string[] = [];
  const unreadableDirs: { abs: string; reason: string; file?: boolean }[] = [];
  const explicit = new Set<string>();
  const walked = new Set<string>();
  const dirs: string[] = [];
  const patterns: ((abs: string) => boolean)[] = [];
  for (const arg of args) {
    const abs = resolve(options.cwd, arg);
    const info = await stat(abs).catch(() => null);
    if (info?.isDirectory()) {
      roots.push(abs);
      dirs.push(abs);
      // symbolic links are not followed: a link cycle or a link out of the archive cannot surprise a CI run
      for (const f of await glob('**/*', { cwd: abs, absolute: true, dot: false, onlyFiles: true, followSymbolicLinks: false })) walked.add(resolve(f));
      // the walk passes over a folder it cannot list without a word: those are found and told
      appendAll(unreadableDirs, await unlistable(abs));
    } else if (info) {
      roots.push(dirname(abs));
      explicit.add(abs);
    } else if (isDynamicPattern(arg)) {
      roots.push(globRoot(arg, options.cwd));
      const matches = picomatch(resolve(options.cwd, arg).split(sep).join('/'), { dot: false });
      patterns.push((f) => matches(f.split(sep).join('/')));
      for (const f of await glob(arg, { cwd: options.cwd, absolute: true, dot: false, onlyFiles: true, followSymbolicLinks: false })) walked.add(resolve(f));
    } else {
      throw new UsageError(`${arg}: no such file or directory`);
    }
  }
  const excluded = options.exclude.map((p) => resolve(options.cwd, p));
  const keep = (f: string) => !excluded.some((x) => isInside(f, x));

  const base = options.base ? resolve(options.cwd, options.base) : commonAncestor(roots);
  const toRel = (abs: string) => relative(base, abs).split(sep).join('/');
  const inputs = new Map<string, DiscoveredInput>();
  const ignored: string[] = [];
  // a file named on the command line is never dropped without a word
  const refused = [...explicit].filter((abs) => !keep(abs));
  if (refused.length) {
    const shown = refused.map((abs) => relative(options.cwd, abs) || abs).join(', ');
    throw new UsageError(`${shown}: inside --out (or the --index file), where cpc writes; move ${refused.length === 1 ? 'it' : 'them'} out or choose another --out`);
  }
  for (const abs of explicit) inputs.set(abs, { abs, rel: toRel(abs) });
  for (const abs of walked) {
    if (inputs.has(abs) || !keep(abs)) continue;
    // a file that cannot be read to be sniffed is an input, so it is reported as unreadable, not ignored
    const isDocument = DOCUMENT_EXTENSIONS.has(extname(abs).toLowerCase()) || BINARY_DOCUMENTS.has((await sniffFormat(abs, basename(abs)).catch(() => 'pdf')) ?? '');
    if (isDocument) inputs.set(abs, { abs, rel: toRel(abs) });
    else ignored.push(toRel(abs));
  }
  if (inputs.size === 0) {
    throw new UsageError(`no documents found in ${args.join(' ')}${ignored.length ? ` (${ignored.length} other file${ignored.length === 1 ? '' : 's'} ignored)` : ''}`);
  }
  return {
    base,
    inputs: [...inputs.values()].sort((a, b) => comparePaths(a.rel, b.rel)),
    ignored: ignored.sort(comparePaths),
    unreadable: unreadableDirs.filter((d) => keep(d.abs)).map((d) => ({ rel: d.file ? toRel(d.abs) : `${toRel(d.abs)}/`, reason: d.reason, file: d.file === true })).sort((a, b) => comparePaths(a.rel, b.rel)),
    covers: (abs) => explicit.has(abs) || dirs.some((d) => isInside(abs, d)) || patterns.some((m) => m(abs)),
  };
}
