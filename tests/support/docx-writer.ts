/** A minimal Word file for tests: paragraphs, or a document.xml given whole (for hostile inputs). */
import JSZip from 'jszip';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export function documentXml(paragraphs: readonly string[], doctype = ''): string {
  const body = paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${p.startsWith('&') ? p : escape(p)}</w:t></w:r></w:p>`).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${doctype}<w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`;
}

export interface DocxOptions {
  compression?: 'DEFLATE' | 'STORE';
  /** further parts by path (e.g. word/_rels/document.xml.rels), written as given */
  parts?: Record<string, string>;
}

export async function writeDocx(documentXmlText: string, options: DocxOptions = {}): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>');
  zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
  zip.file('word/document.xml', documentXmlText);
  for (const [name, text] of Object.entries(options.parts ?? {})) zip.file(name, text);
  return zip.generateAsync({ type: 'uint8array', compression: options.compression ?? 'DEFLATE', compressionOptions: { level: 9 } });
}

/**
 * Rewrite the sizes a zip declares for `name` (local header and central directory) so it claims to
 * be small: a zip bomb that lies about what it inflates to.
 */
export function forgeDeclaredSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = new Uint8Array(zip);
  const view = new DataView(out.buffer);
  const nameBytes = new TextEncoder().encode(name);
  const matchesAt = (at: number) => nameBytes.every((b, i) => out[at + i] === b);
  for (let i = 0; i + 46 < out.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50 && view.getUint16(i + 26, true) === nameBytes.length && matchesAt(i + 30)) view.setUint32(i + 22, size, true);
    if (sig === 0x02014b50 && view.getUint16(i + 28, true) === nameBytes.length && matchesAt(i + 46)) view.setUint32(i + 24, size, true);
  }
  return out;
}
