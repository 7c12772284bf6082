/**
 * Layout across producers: every corpus document in every layout (fixtures/corpus), measured
 * against its source and its Word file.
 * - words: the share of the source's words the blocks give, in order (the Markdown source for the
 *   corpus reports, the Word file for the five seeds: see sourceWords);
 * - kinds: of the words the layout and the Word file have in common, the share in blocks of the
 *   same kind (heading, list item, paragraph, table).
 * Every document in every layout meets the targets: 0.99 of the words in order, 0.98 of them in
 * blocks of the Word file's kind.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { diffArrays } from 'diff';
import { describe, expect, it } from 'vitest';
import { extractBlocks } from '../../src/extract.js';
import { blockText, type Block } from '../../src/layout/blocks.js';
import { words } from '../../src/layout/normalise.js';
import { FIXTURES } from '../helpers.js';

const CORPUS = join(FIXTURES, 'corpus');
const TARGET = { words: 0.99, kinds: 0.98 };

const docs = readdirSync(join(CORPUS, 'docs')).sort();
const nameOf = (file: string) => file.split('.')[0]!;

/**
 * The source's words: for a corpus report its Markdown (front matter, the contents table and
 * Pandoc's markup left out); for a seed, which has no Markdown, the Word file its other layouts
 * were made from (the seed text is a PDF-to-text dump that reads a table's columns across).
 */
async function sourceWords(name: string): Promise<string[]> {
  const md = join(CORPUS, 'src', `${name}.md`);
  if (!existsSync(md)) return (await kindedWordsOf(join(FIXTURES, `${name}.docx`))).words;
  const body = readFileSync(md, 'utf8')
    .replace(/^---\n[\s\S]*?\n---\n/, '')
    .replace(/^\| *Contents *\|[\s\S]*?\n\n/m, '')
    .replace(/^:::.*$/gm, '')
    .replace(/\{[.#][^}]*\}/g, '')
    .replace(/^\|[-:| ]+\|$/gm, '')
    .replace(/[*#|]+/g, ' ');
  return words(body);
}

const KIND: Record<Block['kind'], string> = { heading: 'heading', 'list-item': 'list', paragraph: 'paragraph', table: 'table', aside: 'aside' };

/** each word of the blocks with the kind of block it is in */
function kindedWords(blocks: readonly Block[]): { words: string[]; kinds: string[] } {
  const out = { words: [] as string[], kinds: [] as string[] };
  for (const b of blocks) {
    for (const w of words(blockText(b))) {
      out.words.push(w);
      out.kinds.push(KIND[b.kind]);
    }
  }
  return out;
}

function inOrder(source: readonly string[], got: readonly string[]): number {
  let common = 0;
  for (const part of diffArrays([...source], [...got])) if (!part.added && !part.removed) common += part.count ?? part.value.length;
  return common / Math.max(1, source.length);
}

function sameKinds(word: { words: string[]; kinds: string[] }, got: { words: string[]; kinds: string[] }): number {
  let i = 0;
  let j = 0;
  let common = 0;
  let agree = 0;
  for (const part of diffArrays(word.words, got.words)) {
    const n = part.count ?? part.value.length;
    if (part.added) j += n;
    else if (part.removed) i += n;
    else {
      for (let k = 0; k < n; k++) if (word.kinds[i + k] === got.kinds[j + k]) agree++;
      common += n;
      i += n;
      j += n;
    }
  }
  return agree / Math.max(1, common);
}

/** each document read once: a corpus Word file is both a document under test and a reference */
const read = new Map<string, Promise<{ words: string[]; kinds: string[] }>>();
function kindedWordsOf(path: string): Promise<{ words: string[]; kinds: string[] }> {
  let r = read.get(path);
  if (!r) read.set(path, (r = extractBlocks(new Uint8Array(readFileSync(path)), { file: path }).then(({ value }) => kindedWords(value.blocks))));
  return r;
}

const wordFileOf = (name: string) => {
  const own = join(CORPUS, 'docs', `${name}.docx`);
  return existsSync(own) ? own : join(FIXTURES, `${name}.docx`);
};

describe('corpus layout: words in order against the source, block kinds against the Word file', () => {
  it.each(docs)('%s', async (file) => {
    const name = nameOf(file);
    const got = await kindedWordsOf(join(CORPUS, 'docs', file));
    const word = await kindedWordsOf(wordFileOf(name));
    expect(inOrder(await sourceWords(name), got.words), 'words in order').toBeGreaterThanOrEqual(TARGET.words);
    expect(sameKinds(word, got), 'block kinds').toBeGreaterThanOrEqual(TARGET.kinds);
  });
});
