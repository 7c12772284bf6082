/**
 * Fuzz cases: case i of seed s is one fixture with one to three mutations, made by a generator
 * seeded from (s, i) alone — so any case can be made again on its own from the two numbers.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { FIXTURES } from '../helpers.js';
import { seededRandom } from '../support/seeded-random.js';
import { anyByteMutation, type Mutated } from './byte-mutations.js';
import { mutatePdf } from './pdf-mutations.js';
import { mutateZip } from './zip-mutations.js';

export type SourceKind = 'pdf' | 'docx' | 'html' | 'txt';

export interface FuzzSource {
  /** file name in fixtures/ */
  name: string;
  kind: SourceKind;
  bytes: Uint8Array;
}

export interface FuzzCase {
  seed: number;
  index: number;
  source: string;
  /** the name the case is extracted under: the source's extension, which detection may weigh */
  file: string;
  bytes: Uint8Array;
  /** the mutations applied, in order */
  description: string;
}

/** Every fixture (the scan too: with OCR off its image streams are what gets fuzzed). */
export function loadSources(filter: (name: string) => boolean = () => true): FuzzSource[] {
  return readdirSync(FIXTURES)
    .filter((name) => /\.(pdf|docx|html|txt)$/.test(name) && filter(name))
    .sort()
    .map((name) => ({ name, kind: extname(name).slice(1) as SourceKind, bytes: new Uint8Array(readFileSync(join(FIXTURES, name))) }));
}

const caseSeed = (seed: number, index: number) => (Math.imul(seed, 0x9e3779b1) + Math.imul(index + 1, 0x85ebca6b)) >>> 0;

async function mutateOnce(kind: SourceKind, bytes: Uint8Array, rng: ReturnType<typeof seededRandom>): Promise<Mutated> {
  // structure-aware mutations most of the time; plain byte damage for the rest
  if (kind === 'docx' && rng.next() < 0.7) return mutateZip(bytes, rng);
  if (kind === 'pdf' && rng.next() < 0.6) return mutatePdf(bytes, rng);
  return anyByteMutation(bytes, rng);
}

/** Case `index` of `seed`: sources are taken in turn, so every fixture gets its share. */
export async function makeCase(sources: readonly FuzzSource[], seed: number, index: number): Promise<FuzzCase> {
  const source = sources[index % sources.length]!;
  const rng = seededRandom(caseSeed(seed, index));
  const roll = rng.next();
  const count = roll < 0.6 ? 1 : roll < 0.85 ? 2 : 3;
  let bytes = source.bytes;
  const steps: string[] = [];
  for (let k = 0; k < count; k++) {
    const m = await mutateOnce(source.kind, bytes, rng);
    bytes = m.bytes;
    steps.push(m.description);
  }
  const stem = source.name.replace(/\.[^.]+$/, '');
  return { seed, index, source: source.name, file: `${stem}.case-${index}.${source.kind}`, bytes, description: steps.join('; ') };
}
