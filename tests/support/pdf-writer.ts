/**
 * A small PDF writer for tests: text pages in a standard font, optionally encrypted with AES-256
 * (security handler revision 5, which pdf.js reads). Tests make their own odd PDFs with it instead
 * of needing qpdf or committed binaries.
 */
import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { deflateSync } from 'node:zlib';

export interface PdfPage {
  /** lines of text, top to bottom */
  lines: string[];
  fontSize?: number;
  /** a greyscale picture filling the page (a scan): one byte per pixel, rows top to bottom */
  image?: { width: number; height: number; gray: Uint8Array };
}

export interface PdfOptions {
  /** encrypt: userPassword '' opens without a password (an owner-password-only PDF) */
  encrypt?: { userPassword: string; ownerPassword: string };
  /** extra objects (raw PDF source) added to the first page's resources and content */
  rawContent?: string;
  /** the font dictionary, raw (to make a hostile font) */
  fontDict?: string;
  /** form XObjects for the first page's resources, /Fm1, /Fm2, … in order (draw them with `/Fm1 Do` in rawContent) */
  forms?: { content: string; matrix?: readonly number[]; group?: boolean }[];
  /** raw entries for the first page's resources besides fonts and XObjects (e.g. `/ExtGState << /GS1 << /ca 0 >> >>`) */
  resources?: string;
}

const sha256 = (...parts: Uint8Array[]) => createHash('sha256').update(Buffer.concat(parts)).digest();
const utf8 = (s: string) => Buffer.from(s, 'utf8');

function aes256cbc(key: Buffer, iv: Buffer, data: Buffer, padding: boolean): Buffer {
  const c = createCipheriv('aes-256-cbc', key, iv);
  c.setAutoPadding(padding);
  return Buffer.concat([c.update(data), c.final()]);
}

interface Security {
  fileKey: Buffer;
  dict: string;
}

/** PDF 1.7 extension level 3 (R5): SHA-256 password hashes, AES-256 for strings and streams. */
function security(userPassword: string, ownerPassword: string): Security {
  const fileKey = randomBytes(32);
  const up = utf8(userPassword).subarray(0, 127);
  const op = utf8(ownerPassword).subarray(0, 127);
  const uvs = randomBytes(8);
  const uks = randomBytes(8);
  const U = Buffer.concat([sha256(up, uvs), uvs, uks]);
  const UE = aes256cbc(sha256(up, uks), Buffer.alloc(16), fileKey, false);
  const ovs = randomBytes(8);
  const oks = randomBytes(8);
  const O = Buffer.concat([sha256(op, ovs, U), ovs, oks]);
  const OE = aes256cbc(sha256(op, oks, U), Buffer.alloc(16), fileKey, false);
  const P = -4;
  const perms = Buffer.alloc(16);
  perms.writeInt32LE(P, 0);
  perms.writeInt32LE(-1, 4);
  perms.write('Tadb', 8, 'latin1');
  randomBytes(4).copy(perms, 12);
  const ecb = createCipheriv('aes-256-ecb', fileKey, null);
  ecb.setAutoPadding(false);
  const Perms = Buffer.concat([ecb.update(perms), ecb.final()]);
  const hex = (b: Buffer) => `<${b.toString('hex')}>`;
  const dict = `<< /Filter /Standard /V 5 /R 5 /Length 256 /CF << /StdCF << /AuthEvent /DocOpen /CFM /AESV3 /Length 32 >> >> /StmF /StdCF /StrF /StdCF /O ${hex(O)} /U ${hex(U)} /OE ${hex(OE)} /UE ${hex(UE)} /P ${P} /Perms ${hex(Perms)} >>`;
  return { fileKey, dict };
}

const escapePdfString = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`).replace(/[^\x20-\x7e]/g, '?');

function contentStream(page: PdfPage, extra = ''): string {
  const size = page.fontSize ?? 12;
  const lines = page.lines.map((l, i) => `BT /F1 ${size} Tf 72 ${770 - i * size * 1.4} Td (${escapePdfString(l)}) Tj ET`);
  return `${lines.join('\n')}\n${extra}`;
}

/** Build a PDF with the given pages. */
export function writePdf(pages: readonly PdfPage[], options: PdfOptions = {}): Uint8Array {
  const sec = options.encrypt ? security(options.encrypt.userPassword, options.encrypt.ownerPassword) : null;
  const objects: Buffer[] = [];
  const add = (body: Buffer | string) => {
    objects.push(typeof body === 'string' ? Buffer.from(body, 'latin1') : body);
    return objects.length;
  };
  const stream = (data: string) => {
    let bytes = Buffer.from(data, 'latin1');
    if (sec) {
      const iv = randomBytes(16);
      bytes = Buffer.concat([iv, aes256cbc(sec.fileKey, iv, bytes, true)]);
    }
    return Buffer.concat([Buffer.from(`<< /Length ${bytes.length} >>\nstream\n`, 'latin1'), bytes, Buffer.from('\nendstream', 'latin1')]);
  };
  const catalog = add('');
  const pagesObj = add('');
  const font = add(options.fontDict ?? '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const kids: number[] = [];
  pages.forEach((page, i) => {
    let drawImage = '';
    let xobjects = '';
    if (page.image) {
      const { width, height, gray } = page.image;
      let data = deflateSync(gray);
      // in an encrypted file every stream is encrypted, images too
      if (sec) {
        const iv = randomBytes(16);
        data = Buffer.concat([iv, aes256cbc(sec.fileKey, iv, data, true)]);
      }
      const head = Buffer.from(`<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length ${data.length} >>\nstream\n`, 'latin1');
      const img = add(Buffer.concat([head, data, Buffer.from('\nendstream', 'latin1')]));
      drawImage = 'q 595 0 0 842 0 0 cm /Im1 Do Q\n';
      xobjects = ` /XObject << /Im1 ${img} 0 R >>`;
    }
    if (i === 0 && options.forms?.length) {
      const names = options.forms.map((form, k) => {
        const matrix = form.matrix ? ` /Matrix [${form.matrix.join(' ')}]` : '';
        const group = form.group ? ' /Group << /S /Transparency >>' : '';
        const body = stream(form.content);
        const ref = add(Buffer.concat([Buffer.from(`<< /Type /XObject /Subtype /Form /BBox [0 0 595 842]${matrix}${group} /Resources << /Font << /F1 ${font} 0 R >> >> `, 'latin1'), body.subarray(3)]));
        return `/Fm${k + 1} ${ref} 0 R`;
      });
      xobjects += ` /XObject << ${names.join(' ')} >>`;
    }
    const content = add(stream(drawImage + contentStream(page, i === 0 ? options.rawContent : '')));
    const extra = i === 0 && options.resources ? ` ${options.resources}` : '';
    kids.push(add(`<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 595 842] /Contents ${content} 0 R /Resources << /Font << /F1 ${font} 0 R >>${xobjects}${extra} >> >>`));
  });
  objects[catalog - 1] = Buffer.from(`<< /Type /Catalog /Pages ${pagesObj} 0 R >>`, 'latin1');
  objects[pagesObj - 1] = Buffer.from(`<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`, 'latin1');
  const encrypt = sec ? add(sec.dict) : null;

  const id = randomBytes(16).toString('hex');
  const chunks: Buffer[] = [Buffer.from('%PDF-1.7\n%\xE2\xE3\xCF\xD3\n', 'latin1')];
  let offset = chunks[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(offset);
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), body, Buffer.from('\nendobj\n', 'latin1')]);
    chunks.push(chunk);
    offset += chunk.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  const trailer = `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R${encrypt ? ` /Encrypt ${encrypt} 0 R` : ''} /ID [<${id}> <${id}>] >>\nstartxref\n${offset}\n%%EOF\n`;
  chunks.push(Buffer.from(xref + trailer, 'latin1'));
  return new Uint8Array(Buffer.concat(chunks));
}
