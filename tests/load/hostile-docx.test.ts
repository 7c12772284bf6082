import { describe, expect, it } from 'vitest';
import { extractBlocks, extractReport } from '../../src/extract.js';
import { blockText } from '../../src/layout/blocks.js';
import { loadDocx } from '../../src/load/docx.js';
import { documentXml, forgeDeclaredSize, writeDocx } from '../support/docx-writer.js';

const MB = 1024 * 1024;

describe('hostile Word files', () => {
  it('reads a minimal Word file', async () => {
    const r = await loadDocx(await writeDocx(documentXml(['Corporate Peer Challenge', 'Key recommendations'])));
    expect(r.value.pages[0]!.lines.map((l) => l.text)).toEqual(['Corporate Peer Challenge', 'Key recommendations']);
  });

  it('refuses a part that inflates past the limit (a zip bomb) before inflating it', async () => {
    const bomb = await writeDocx(documentXml(['x'.repeat(8 * MB)]));
    expect(bomb.length).toBeLessThan(100_000); // 8 MB of one letter deflates to a few kilobytes
    await expect(loadDocx(bomb, { maxInflatedBytes: 2 * MB })).rejects.toMatchObject({ code: 'input/zip-bomb', message: expect.stringContaining('word/document.xml') });
  });

  it('stops inflating a part whose declared size lies', async () => {
    const bomb = forgeDeclaredSize(await writeDocx(documentXml(['x'.repeat(8 * MB)])), 'word/document.xml', 1000);
    await expect(loadDocx(bomb, { maxInflatedBytes: 2 * MB })).rejects.toMatchObject({ code: 'input/zip-bomb' });
  });

  it('neither fetches nor expands external entities', async () => {
    const doctype = '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY net SYSTEM "http://127.0.0.1:9/x">]>';
    const docx = await writeDocx(documentXml(['Before', '&xxe;', '&net;', 'After'], doctype));
    const { value } = await extractBlocks(docx, { file: 'xxe.docx' });
    // the references stay as they are written; nothing is read from the file system or network
    expect(value.blocks.map(blockText)).toEqual(['Before', '&xxe;', '&net;', 'After']);
    expect((await extractReport(docx, { file: 'xxe.docx' })).value.source.format).toBe('docx');
  });

  it('does not expand nested entities (billion laughs)', async () => {
    const levels = Array.from({ length: 10 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join('');
    const doctype = `<!DOCTYPE w:document [<!ENTITY l0 "lol">${levels}]>`;
    const docx = await writeDocx(documentXml(['Start', '&l10;', 'End'], doctype));
    const started = Date.now();
    const { value } = await extractReport(docx, { file: 'laughs.docx' });
    expect(JSON.stringify(value).length).toBeLessThan(100_000);
    expect(Date.now() - started).toBeLessThan(30_000); // a generous bound: expansion would take far longer and exhaust memory
  });

  it('reports a part with malformed XML as corrupt, not as an internal error (found by the fuzzer)', async () => {
    // mammoth throws on any XML parser complaint; here an attribute given twice in the relationships
    const rels = '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Target="a.xml" Target="b.xml"/></Relationships>';
    const docx = await writeDocx(documentXml(['Text']), { parts: { 'word/_rels/document.xml.rels': rels } });
    await expect(loadDocx(docx)).rejects.toMatchObject({ code: 'input/corrupt', message: expect.stringMatching(/^not a readable Word file: a part is damaged \(.*Attribute Target redefined/) });
  });

  it('reports an empty main part as corrupt (its size headers forged to 0: found by the fuzzer)', async () => {
    const docx = forgeDeclaredSize(await writeDocx(documentXml(['Text'])), 'word/document.xml', 0);
    await expect(loadDocx(docx)).rejects.toMatchObject({ code: 'input/corrupt', message: 'not a readable Word file: word/document.xml is not XML' });
  });

  it('refuses XML nested thousands deep (which overflows mammoth) as corrupt, not as an internal error', async () => {
    const nested = documentXml(['Text']).replace(/<w:p>.*<\/w:p>/, (p) => `${'<w:tbl><w:tr><w:tc>'.repeat(5000)}${p}${'</w:tc></w:tr></w:tbl>'.repeat(5000)}`);
    await expect(loadDocx(await writeDocx(nested))).rejects.toMatchObject({ code: 'input/corrupt', message: 'not a readable Word file: its XML nests too deeply' });
  });

  it('reports a damaged zip as corrupt', async () => {
    const docx = await writeDocx(documentXml(['Text']));
    await expect(loadDocx(docx.slice(0, docx.length - 40))).rejects.toMatchObject({ code: 'input/corrupt' });
  });
});
