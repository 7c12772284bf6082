/**
 * The bad-input corpus: every kind of broken or hostile file an archive holds, made by code from
 * the fixtures and the test writers (no committed binaries), each with the outcome the README
 * documents. tests/corpus/corpus-cli.test.ts runs it through `cpc extract` and `cpc batch`.
 */
import { scannedTitleImage } from '../support/scan.js';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ErrorCode, WarningCode } from '../../src/diagnostics.js';
import type { InputFormat, Report } from '../../src/model/report.js';
import { fixtureBytes } from '../helpers.js';
import { documentXml, forgeDeclaredSize, writeDocx } from '../support/docx-writer.js';
import { writePdf, type PdfPage } from '../support/pdf-writer.js';
import { seededRandom } from '../support/seeded-random.js';

export type Outcome =
  | { ok: true; format: InputFormat; pages?: number | null; warnings?: ExpectedWarning[]; meta?: Partial<Report['report']> }
  | { ok: false; code: ErrorCode; message: RegExp };

/** a diagnostic the report must carry (of any severity) */
export interface ExpectedWarning {
  code: WarningCode;
  message?: RegExp;
}

export interface CorpusItem {
  /** path inside the corpus directory */
  file: string;
  /** what the file is, as the README table says it */
  what: string;
  /** with CORPUS_ARGS, in `cpc extract` and (as a manifest entry) in `cpc batch` */
  outcome: Outcome;
  /** further `cpc extract` runs of the same file with extra options */
  variants?: { args: string[]; outcome: Outcome; ocr?: boolean }[];
}

/**
 * Options every corpus run uses, in extract and batch alike: a small inflate limit so the zip bomb
 * needs megabytes, not gigabytes, to cross it, and no OCR (slow; one variant turns it on).
 */
export const ZIP_BOMB_LIMIT = '2MB';
export const CORPUS_ARGS = ['--max-inflated', ZIP_BOMB_LIMIT, '--ocr', 'off'] as const;

export const PASSWORD = 'peer-challenge';
/** What the hostile font's payload would print (before exiting 99) if pdf.js ever compiled and ran it. */
export const PWNED_MARKER = 'CPC-PWNED-BY-FONT';
/** The content of a file outside the corpus that the Word file's external entity points at. */
export const SECRET = 'CPC-SECRET-MUST-NOT-LEAK';

/** Page counts on either side of the --max-pages default (5000), chosen and measured in the README. */
export const LONG_PDF_PAGES = 3000;
export const TOO_LONG_PDF_PAGES = 6000;

const MESSAGES: Record<string, RegExp> = {
  'input/empty': /^the file is empty$/,
  'input/corrupt': /^not a readable (PDF|Word file)|^the PDF could not be read/,
  'input/unsupported-format': /^not a PDF, Word \(\.docx\), HTML or text file$/,
  'input/wrong-type': /^named \.docx but it holds plain text, not a Word document$/,
  'input/encrypted': /^the PDF is encrypted; pass its password with --password$/,
  'input/zip-bomb': /^the part word\/document\.xml inflates past the limit of 2 MB \(raise it with --max-inflated\)$/,
  'input/too-many-pages': /^the PDF has 6000 pages, more than the limit of 5000 \(raise it with --max-pages\)$/,
};
const fails = (code: ErrorCode, message = MESSAGES[code]!): Outcome => ({ ok: false, code, message });

const MB = 1024 * 1024;
const bodyLines = ['Corporate Peer Challenge', 'Key recommendations', 'A paragraph of body text about the council and its plans.'];

/** Pages of a long appendix: a few lines each, like the back half of a bulky council report. */
const longPdf = (pages: number) =>
  writePdf(Array.from({ length: pages }, (_, i): PdfPage => ({ lines: [`Appendix page ${i + 1}`, `Evidence gathered by the peer team, item ${i + 1}.`] })));

/** A one-page scan of the scanned fixture's title block. */
const scannedTitlePage = (): Uint8Array => writePdf([{ lines: [], image: scannedTitleImage() }]);

/** pdf.js's CVE-2024-4367 shape: code in a FontMatrix, compiled into a glyph function where eval is on. */
function fontEvalPdf(): Uint8Array {
  const payload = `(0\\); globalThis.process?.stderr.write('${PWNED_MARKER}'); globalThis.process?.exit(99); //)`;
  const fontDict = `<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FontMatrix [1 2 3 4 5 ${payload}] >>`;
  return writePdf([{ lines: bodyLines }], { fontDict });
}

/** A Word file whose XML declares external entities (a file, a URL) and nested ones, and links an image by URL. */
async function entitiesDocx(secretPath: string, probeUrl: string): Promise<Uint8Array> {
  const laughs = Array.from({ length: 10 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join('');
  const doctype = `<!DOCTYPE w:document [<!ENTITY secret SYSTEM "file://${secretPath}"><!ENTITY net SYSTEM "${probeUrl}entity"><!ENTITY l0 "lol">${laughs}]>`;
  const picture = (rel: string) =>
    `<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><wp:docPr id="1" name="p" descr="linked picture"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:blipFill><a:blip xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:link="${rel}"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`;
  const xml = documentXml(['Corporate Peer Challenge', '&secret;', '&net;', '&l10;', 'Key recommendations'], doctype).replace('</w:body>', `${picture('rIdFile')}${picture('rIdNet')}</w:body>`);
  const rels = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdFile" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="file://${secretPath}" TargetMode="External"/><Relationship Id="rIdNet" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="${probeUrl}image.png" TargetMode="External"/></Relationships>`;
  return writeDocx(xml, { parts: { 'word/_rels/document.xml.rels': rels } });
}

export interface CorpusOptions {
  /** where the Word file's network references point; a test listens there to prove nothing connects */
  probeUrl?: string;
}

export interface Corpus {
  /** the corpus directory (root/corpus) */
  dir: string;
  /** a file outside the corpus holding SECRET, referenced by the Word file's external entity */
  secretPath: string;
  items: CorpusItem[];
}

/** Write the corpus into root/corpus (and the secret beside it); return what each file should give. */
export async function makeCorpus(root: string, options: CorpusOptions = {}): Promise<Corpus> {
  const dir = join(root, 'corpus');
  const secretPath = join(root, 'secret.txt');
  mkdirSync(dir, { recursive: true });
  writeFileSync(secretPath, `${SECRET}\n`);
  const probeUrl = options.probeUrl ?? 'http://127.0.0.1:9/';
  const rng = seededRandom(20240601);
  const pdf = fixtureBytes('bury-2021-cpc-revisit.pdf');
  const docx = fixtureBytes('bury-2021-cpc-revisit.docx');
  const bomb = await writeDocx(documentXml(['x'.repeat(8 * MB)]));

  const files: [CorpusItem, Uint8Array | string][] = [];
  const add = (item: CorpusItem, data: Uint8Array | string) => files.push([item, data]);

  for (const ext of ['pdf', 'docx', 'html', 'txt', 'md']) {
    add({ file: `empty.${ext}`, what: `an empty .${ext}`, outcome: fails('input/empty') }, '');
  }
  add({ file: 'truncated.pdf', what: 'a PDF cut in half (a broken download)', outcome: fails('input/corrupt') }, pdf.subarray(0, pdf.length >> 1));
  add({ file: 'truncated.docx', what: 'a Word file cut in half', outcome: fails('input/corrupt') }, docx.subarray(0, docx.length >> 1));
  for (const ext of ['pdf', 'docx', 'html', 'txt', 'md']) {
    add({ file: `random.${ext}`, what: `4 KB of random bytes named .${ext}`, outcome: fails('input/unsupported-format') }, rng.bytes(4096));
  }
  add({ file: 'word-named.pdf', what: 'a Word file named .pdf', outcome: { ok: true, format: 'docx' } }, docx);
  add({ file: 'pdf-named.docx', what: 'a PDF named .docx', outcome: { ok: true, format: 'pdf', pages: 14 } }, pdf);
  add({ file: 'text-named.docx', what: 'a text file named .docx (an error message saved as the download)', outcome: fails('input/wrong-type') }, 'This was meant to be a Word file, but the download saved an error message.\n');
  add(
    {
      file: 'user-password.pdf',
      what: 'a PDF encrypted with a user password',
      outcome: fails('input/encrypted'),
      variants: [
        { args: ['--password', PASSWORD], outcome: { ok: true, format: 'pdf', pages: 1 } },
        { args: ['--password', 'wrong'], outcome: fails('input/encrypted', /^the PDF password is incorrect$/) },
      ],
    },
    writePdf([{ lines: bodyLines }], { encrypt: { userPassword: PASSWORD, ownerPassword: 'owner-secret' } }),
  );
  add(
    { file: 'owner-password.pdf', what: 'a PDF with only an owner password (permissions)', outcome: { ok: true, format: 'pdf', pages: 1 } },
    writePdf([{ lines: bodyLines }], { encrypt: { userPassword: '', ownerPassword: 'owner-secret' } }),
  );
  add({ file: 'zip-bomb.docx', what: `a Word file whose document.xml inflates to 8 MB from a few KB (run with --max-inflated ${ZIP_BOMB_LIMIT})`, outcome: fails('input/zip-bomb') }, bomb);
  add(
    { file: 'zip-bomb-forged.docx', what: 'the same, its zip headers claiming 1 KB', outcome: fails('input/zip-bomb') },
    forgeDeclaredSize(bomb, 'word/document.xml', 1000),
  );
  add(
    {
      file: 'entities.docx',
      what: 'a Word file with external entities (a local file, a URL), nested entities (billion laughs) and images linked by file and URL',
      outcome: { ok: true, format: 'docx', pages: null },
    },
    await entitiesDocx(secretPath, probeUrl),
  );
  add({ file: 'pages-3000.pdf', what: `a PDF of ${LONG_PDF_PAGES} pages`, outcome: { ok: true, format: 'pdf', pages: LONG_PDF_PAGES } }, longPdf(LONG_PDF_PAGES));
  add({ file: 'pages-6000.pdf', what: `a PDF of ${TOO_LONG_PDF_PAGES} pages`, outcome: fails('input/too-many-pages') }, longPdf(TOO_LONG_PDF_PAGES));
  add(
    {
      file: 'scan.pdf',
      what: 'a scanned PDF: a page with no text layer',
      outcome: { ok: true, format: 'pdf', pages: 1, warnings: [{ code: 'pdf/no-text-layer', message: /^no page has a text layer \(a scan\?\): pages 1; OCR is off/ }] },
      variants: [
        {
          args: ['--ocr', 'auto'],
          outcome: { ok: true, format: 'pdf', pages: 1, warnings: [{ code: 'pdf/ocr-used', message: /^pages 1 have no text layer and were read by OCR/ }], meta: { kind: 'cpc-follow-up', councils: ['Bromsgrove District Council', 'Redditch Borough Council'], year: 2020 } },
          ocr: true,
        },
      ],
    },
    scannedTitlePage(),
  );
  add(
    { file: 'deep.html', what: 'a web page nested 10,000 elements deep', outcome: { ok: true, format: 'html', pages: null } },
    `<html><body><h1>Corporate Peer Challenge</h1>${'<div>'.repeat(10_000)}<p>Key recommendations</p>${'</div>'.repeat(10_000)}</body></html>`,
  );
  add(
    { file: 'deep-tables.docx', what: 'a Word file of 5,000 tables nested in each other', outcome: fails('input/corrupt', /^not a readable Word file: its XML nests too deeply$/) },
    await writeDocx(documentXml(['Corporate Peer Challenge']).replace(/<w:p>.*<\/w:p>/, (p) => `${'<w:tbl><w:tr><w:tc>'.repeat(5000)}${p}${'</w:tc></w:tr></w:tbl>'.repeat(5000)}`)),
  );
  add({ file: 'font-eval.pdf', what: 'a PDF whose font matrix carries JavaScript (CVE-2024-4367)', outcome: { ok: true, format: 'pdf', pages: 1 } }, fontEvalPdf());

  for (const [item, data] of files) writeFileSync(join(dir, item.file), data);
  return { dir, secretPath, items: files.map(([item]) => item) };
}
