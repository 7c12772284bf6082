import { posix } from 'node:path';
import { CpcError, info, isCpcError, warning, type Message } from '../diagnostics.js';
import { applyNumbering, markPageBreaks, parseXml, serializeXml } from './docx-numbering.js';
import { htmlToLines } from './html.js';
import { DEFAULT_LIMITS, type LoadOptions, type LoadResult } from './raw.js';
import { openGuardedZip, type GuardedZip } from './zip.js';

import type * as MammothModule from 'mammoth';

type Mammoth = typeof MammothModule;
let mammothModule: Promise<Mammoth> | undefined;
function mammoth(): Promise<Mammoth> {
  mammothModule ??= import('mammoth').then((m) => (m as unknown as { default?: Mammoth }).default ?? m);
  return mammothModule;
}

/** Target of the relationship of the given type in a .rels part, resolved against its folder. */
function relTarget(relsXml: string | null, typeSuffix: string, base: string): string | null {
  if (!relsXml) return null;
  for (const m of relsXml.matchAll(/<Relationship\b[^>]*>/g)) {
    const tag = m[0];
    const type = /Type="([^"]*)"/.exec(tag)?.[1] ?? '';
    const target = /Target="([^"]*)"/.exec(tag)?.[1];
    if (target && type.endsWith(typeSuffix)) {
      // a part name, "word/../customXml/item.xml" → "customXml/item.xml" (segments, not a regex scanning a long name from every position)
      return target.startsWith('/') ? target.slice(1) : posix.normalize(`${base}${target}`).replace(/^(\.\.\/)+/, '');
    }
  }
  return null;
}

const STYLE_MAP = [
  // Word's Title is the document's own title: keep it apart from the section headings
  "p[style-name='Title'] => h1.cpc-title:fresh",
  "p[style-name='Subtitle'] => p:fresh",
];

/** Text of running headers and footers: Word keeps them out of the body, cpc reports them. */
async function headerFooterTexts(zip: GuardedZip): Promise<string[]> {
  const out: string[] = [];
  for (const name of zip.names().filter((n) => /^word\/(header|footer)\d*\.xml$/.test(n)).sort()) {
    const xml = await zip.readText(name);
    if (!xml) continue;
    for (const p of xml.split(/<\/w:p>/)) {
      const text = Array.from(p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g), (m) => m[1])
        .join('')
        .replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'")
        .replace(/\s+/g, ' ')
        .trim();
      if (text) out.push(text);
    }
  }
  return out;
}

/**
 * mammoth refuses a part whose XML is malformed (it throws on any parser complaint) or whose
 * structure it cannot follow: the file is damaged, not cpc. A CpcError — a limit met while mammoth
 * read a part through the guarded zip — stays what it is.
 */
function converterFailure(e: unknown): CpcError {
  if (isCpcError(e)) return e;
  // mammoth walks the XML recursively: thousands of nested tables or content controls overflow the stack
  if (e instanceof RangeError && /call stack/i.test(e.message)) return new CpcError('input/corrupt', 'not a readable Word file: its XML nests too deeply', { cause: e });
  const detail = String((e as { message?: unknown } | null)?.message ?? e).split('\n')[0]!.replace(/\s+/g, ' ').trim();
  return new CpcError('input/corrupt', `not a readable Word file: a part is damaged (${detail})`, { cause: e });
}

export async function loadDocx(bytes: Uint8Array, options: LoadOptions = {}): Promise<LoadResult> {
  const limit = options.maxInflatedBytes ?? DEFAULT_LIMITS.maxInflatedBytes;
  const zip = await openGuardedZip(bytes, limit);
  const messages: Message[] = [];
  const mainPath = relTarget(await zip.readText('_rels/.rels'), '/officeDocument', '') ?? 'word/document.xml';
  const documentXml = await zip.readText(mainPath);
  if (documentXml == null) {
    throw new CpcError('input/corrupt', `not a readable Word file: the zip has no ${mainPath}`);
  }
  const dir = mainPath.includes('/') ? mainPath.slice(0, mainPath.lastIndexOf('/') + 1) : '';
  const docRels = await zip.readText(`${dir}_rels/${mainPath.slice(dir.length)}.rels`);
  const numberingPath = relTarget(docRels, '/numbering', dir);
  const stylesPath = relTarget(docRels, '/styles', dir);
  const numberingXml = numberingPath ? await zip.readText(numberingPath) : null;
  const stylesXml = stylesPath ? await zip.readText(stylesPath) : null;
  const doc = parseXml(documentXml);
  if (!doc.documentElement) throw new CpcError('input/corrupt', `not a readable Word file: ${mainPath} is not XML`);
  applyNumbering(doc, numberingXml, stylesXml);
  const pageBreaks = markPageBreaks(doc);
  const numberedXml = serializeXml(doc);

  // mammoth reads parts through this object: it gets the numbered main part and size-guarded reads
  const file = {
    exists: (name: string) => zip.exists(name),
    read: async (name: string, encoding?: string): Promise<string | Uint8Array> => {
      if (name === mainPath) return encoding ? numberedXml : new TextEncoder().encode(numberedXml);
      const data = (await zip.read(name)) ?? new Uint8Array(0);
      if (encoding === 'base64') return Buffer.from(data).toString('base64');
      return encoding ? new TextDecoder(encoding).decode(data) : data;
    },
  };
  const m = await mammoth();
  let skippedImages = 0;
  const converted = await m.convertToHtml(
    // mammoth accepts a zip-like `file` ({exists, read}) besides path/buffer; its types omit it
    { file } as unknown as Parameters<Mammoth['convertToHtml']>[0],
    {
      styleMap: STYLE_MAP,
      ignoreEmptyParagraphs: true,
      // images are not report text; not reading them also keeps their bytes uninflated
      convertImage: m.images.imgElement(() => {
        skippedImages++;
        return Promise.resolve({ src: '' });
      }),
    },
  ).catch((e: unknown) => {
    throw converterFailure(e);
  });
  for (const msg of converted.messages) {
    // unknown paragraph styles are routine (they render as paragraphs); anything else is worth a look
    const routine = /^Unrecognised (paragraph|run) style/.test(msg.message);
    messages.push((routine ? info : warning)('load', 'docx/converter-message', msg.message));
  }
  if (skippedImages) messages.push(info('load', 'docx/image-skipped', `${skippedImages} image${skippedImages === 1 ? '' : 's'} skipped (alt text is not report text)`));
  const { lines, furniture, pages } = htmlToLines(converted.value);
  const runningText = await headerFooterTexts(zip);
  if (runningText.length) {
    messages.push(info('layout', 'layout/furniture-removed', `running headers/footers kept out of the text: ${runningText.map((t) => JSON.stringify(t)).join(', ')}`));
  }
  if (pageBreaks === 0) {
    messages.push(info('load', 'docx/pages-unknown', 'the Word file records no page breaks, so pages are unknown (null)'));
    return {
      value: { format: 'docx', flow: true, pages: [{ number: null, width: 0, height: 0, lines }], pageCount: null, furniture: [...runningText, ...furniture] },
      messages,
    };
  }
  return { value: { format: 'docx', flow: true, pages, pageCount: pages.length, furniture: [...runningText, ...furniture] }, messages };
}
