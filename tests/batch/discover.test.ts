import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { commonAncestor, discoverInputs } from '../../src/batch/discover.js';
import { sniffFormat } from '../../src/batch/sniff.js';
import { fixtureBytes } from '../helpers.js';

const root = mkdtempSync(join(tmpdir(), 'cpc-discover-'));
const put = (rel: string, data: string | Uint8Array) => {
  mkdirSync(join(root, rel, '..'), { recursive: true });
  writeFileSync(join(root, rel), data);
};
const random = Uint8Array.from({ length: 3000 }, (_, i) => (i * 7919 + 13) % 256);

beforeAll(async () => {
  // a Word file whose first 64 KB hold only an image: only its central directory, at the end, names word/document.xml
  const zip = new JSZip();
  zip.file('media/image1.bin', Uint8Array.from({ length: 200_000 }, (_, i) => (i * 31 + 7) % 251), { compression: 'STORE' });
  zip.file('[Content_Types].xml', '<Types/>');
  zip.file('word/document.xml', '<w:document/>');
  put('archive/padded.data', await zip.generateAsync({ type: 'uint8array' }));
  put('archive/2021/b.pdf', fixtureBytes('bury-2021-cpc-revisit.pdf'));
  put('archive/2021/a.docx', fixtureBytes('bury-2021-cpc-revisit.docx'));
  put('archive/notes.txt', 'A note.\n');
  put('archive/broken.pdf', random); // a document by name: kept, to fail visibly
  put('archive/photo.png', random); // not a document: ignored
  put('archive/data.csv', 'a,b\n1,2\n'); // text, but not a report: ignored
  put('archive/download', fixtureBytes('bury-2021-cpc-revisit.pdf')); // a PDF by content, no extension
  put('archive/renamed.bin', fixtureBytes('bury-2021-cpc-revisit.docx')); // Word by content
  put('archive/.hidden/x.pdf', fixtureBytes('bury-2021-cpc-revisit.pdf'));
  put('archive/out/old.txt', 'previous output');
  put('other/deep/c.txt', 'Other.\n');
});

describe('discoverInputs', () => {
  it('walks directories, keeps documents by name or content, ignores the rest, sorted by path', async () => {
    const d = await discoverInputs(['archive'], { cwd: root, exclude: [join(root, 'archive', 'out')] });
    expect(d.base).toBe(join(root, 'archive'));
    expect(d.inputs.map((i) => i.rel)).toEqual(['2021/a.docx', '2021/b.pdf', 'broken.pdf', 'download', 'notes.txt', 'padded.data', 'renamed.bin']);
    expect(d.ignored).toEqual(['data.csv', 'photo.png']);
  });

  it('makes paths relative to the common base of all arguments', async () => {
    const d = await discoverInputs(['archive/2021', 'other/deep/c.txt'], { cwd: root, exclude: [] });
    expect(d.base).toBe(root);
    expect(d.inputs.map((i) => i.rel)).toEqual(['archive/2021/a.docx', 'archive/2021/b.pdf', 'other/deep/c.txt']);
  });

  it('expands globs from their fixed directory, and takes named files whatever they hold', async () => {
    const d = await discoverInputs(['archive/**/*.pdf', 'archive/photo.png'], { cwd: root, exclude: [] });
    expect(d.base).toBe(join(root, 'archive'));
    expect(d.inputs.map((i) => i.rel)).toEqual(['2021/b.pdf', 'broken.pdf', 'photo.png']);
  });

  it('lists a file named twice once', async () => {
    const d = await discoverInputs(['archive/notes.txt', 'archive/notes.txt', 'archive/*.txt'], { cwd: root, exclude: [] });
    expect(d.inputs.map((i) => i.rel)).toEqual(['notes.txt']);
  });

  it('refuses a missing path and an input set with no documents', async () => {
    await expect(discoverInputs(['nope'], { cwd: root, exclude: [] })).rejects.toThrow(/nope: no such file or directory/);
    await expect(discoverInputs(['archive/*.zzz'], { cwd: root, exclude: [] })).rejects.toThrow(/no documents found/);
  });
});

describe('sniffFormat', () => {
  it('recognises a Word file from its head and tail alone', async () => {
    expect(await sniffFormat(join(root, 'archive/padded.data'), 'padded.data')).toBe('docx');
    expect(await sniffFormat(join(root, 'archive/renamed.bin'), 'renamed.bin')).toBe('docx');
    expect(await sniffFormat(join(root, 'archive/download'), 'download')).toBe('pdf');
    expect(await sniffFormat(join(root, 'archive/photo.png'), 'photo.png')).toBeNull();
  });
});

describe('commonAncestor', () => {
  it('is the deepest shared directory', () => {
    expect(commonAncestor(['/a/b/c', '/a/b/d/e', '/a/b'])).toBe('/a/b');
    expect(commonAncestor(['/x/y', '/z'])).toBe('/');
  });
});
