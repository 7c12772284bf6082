import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { ManifestEntry, ManifestHeader } from '../../batch/manifest.js';
import { CSV_COLUMNS } from '../../emit/csv.js';
import { DiffResult } from '../../model/diff.js';
import { Report } from '../../model/report.js';
import { describeFailure, EXIT } from '../../runtime/exit.js';
import { isStdio, readDocument, shownName } from '../../runtime/input.js';
import { reportError, type CliIO } from '../../runtime/io.js';
import { appendAll } from '../../arrays.js';

/** What cpc writes, each told by its shape: a report, a diff, a manifest line, a recommendations-index row. */
const IndexRow = z.object(Object.fromEntries(CSV_COLUMNS.map((c) => [c, z.union([z.string(), z.number(), z.null()])]))).strict();
const KINDS = [
  { name: 'report', plural: 'reports', schema: Report, looksLike: (d: Record<string, unknown>) => 'recommendations' in d && 'source' in d },
  { name: 'diff', plural: 'diffs', schema: DiffResult, looksLike: (d: Record<string, unknown>) => 'links' in d },
  { name: 'manifest header', plural: 'manifest headers', schema: ManifestHeader, looksLike: (d: Record<string, unknown>) => 'manifest' in d },
  { name: 'manifest entry', plural: 'manifest entries', schema: ManifestEntry, looksLike: (d: Record<string, unknown>) => 'sha256' in d && 'status' in d },
  { name: 'index row', plural: 'index rows', schema: IndexRow, looksLike: (d: Record<string, unknown>) => 'text' in d && 'cycle' in d && !('recommendations' in d) },
] as const;

/** Files a directory holds that cpc may have written. */
const DATA_FILE = /\.(json|jsonl|ndjson|ya?ml)$/i;
const MAX_FILE_BYTES = 512 * 1024 * 1024;

function kindOf(item: unknown): (typeof KINDS)[number] {
  const d = item !== null && typeof item === 'object' && !Array.isArray(item) ? (item as Record<string, unknown>) : {};
  return KINDS.find((k) => k.looksLike(d)) ?? KINDS[0];
}

/** The items of one file: a JSON value (an array is its items), JSON Lines, or YAML. */
function itemsOf(text: string, file: string): { items: unknown[]; lines: boolean } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (/\.(jsonl|ndjson)$/i.test(file)) return { items: body.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as unknown), lines: true };
  if (/\.json$/i.test(file) || /^\s*[[{]/.test(body)) {
    try {
      const data = JSON.parse(body) as unknown;
      return { items: Array.isArray(data) ? data : [data], lines: false };
    } catch (e) {
      // not one JSON value: JSON Lines, if every line is one
      const lines = body.split('\n').filter((l) => l.trim());
      if (lines.length > 1) {
        try {
          return { items: lines.map((l) => JSON.parse(l) as unknown), lines: true };
        } catch {
          // fall through to the first error, which names the problem in the file as a whole
        }
      }
      throw e;
    }
  }
  // yaml reports problems it can recover from as process warnings; the command reports its own
  const data = parseYaml(body, { logLevel: 'error' }) as unknown;
  return { items: Array.isArray(data) ? data : [data], lines: false };
}

/** Directories become the data files under them, sorted; everything else stays as given. */
async function expand(args: readonly string[], io: CliIO): Promise<string[]> {
  const out: string[] = [];
  for (const arg of args) {
    const info = isStdio(arg) ? null : await stat(resolve(io.cwd, arg)).catch(() => null);
    if (!info?.isDirectory()) {
      out.push(arg);
      continue;
    }
    const found = (await readdir(resolve(io.cwd, arg), { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile() && DATA_FILE.test(e.name))
      .map((e) => join(arg, e.parentPath.slice(resolve(io.cwd, arg).length), e.name).replace(/\\/g, '/'))
      .sort();
    appendAll(out, found);
  }
  return out;
}

/**
 * Check what cpc wrote against its schemas: reports (one, an array, JSON Lines), diff results,
 * manifests and recommendation indexes (JSON Lines); directories are searched for them.
 */
export async function validateCommand(args: readonly string[], io: CliIO): Promise<number> {
  let exitCode: number = EXIT.ok;
  const files = await expand(args, io);
  if (files.length === 0) {
    reportError(io, null, `no .json, .jsonl or .yaml files in ${args.join(' ')}`);
    return EXIT.input;
  }
  for (const file of files) {
    const shown = shownName(file);
    let parsed: { items: unknown[]; lines: boolean };
    try {
      parsed = itemsOf(new TextDecoder().decode(await readDocument(file, io, MAX_FILE_BYTES)), file);
    } catch (e) {
      const f = e instanceof SyntaxError || (e as Error).name === 'YAMLParseError' ? { code: EXIT.input, errorCode: 'input/unreadable', message: `not JSON, JSON Lines or YAML (${(e as Error).message.split('\n')[0]})` } : describeFailure(e);
      reportError(io, shown, f.message, f.errorCode);
      if (exitCode === EXIT.ok) exitCode = f.code;
      continue;
    }
    const { items, lines } = parsed;
    let bad = 0;
    const counts = new Map<(typeof KINDS)[number], number>();
    items.forEach((item, i) => {
      const kind = kindOf(item);
      counts.set(kind, (counts.get(kind) ?? 0) + 1);
      const r = kind.schema.safeParse(item);
      if (r.success) return;
      bad++;
      const where = items.length > 1 || lines ? ` (${lines ? 'line' : 'item'} ${i + 1})` : '';
      io.stderr.write(`cpc: ${shown}${where}: not a valid cpc ${kind.name}:\n${z.prettifyError(r.error).replace(/^/gm, '  ')}\n`);
    });
    if (bad) {
      if (exitCode === EXIT.ok) exitCode = EXIT.invalid;
    } else {
      const what = [...counts].map(([kind, n]) => `${n} ${n === 1 ? kind.name : kind.plural}`).join(', ');
      io.stdout.write(`${shown}: valid (${what || 'empty'})\n`);
    }
  }
  return exitCode;
}
