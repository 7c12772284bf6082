/**
 * What a worker reads before it takes its first file, so `--timeout` measures the file's own work:
 * the engine instantiated and the pipeline's code compiled on small documents of each kind a
 * batch reads most (a PDF of a few lines, a text report with each structure the parser knows).
 */
const LINES = [
  'Anytown Borough Council - LGA Corporate Peer Challenge Feedback Report',
  '1. Executive summary',
  'Anytown Borough Council received an LGA Corporate Peer Challenge from 7 to 10 March 2023.',
  '2. Key recommendations',
  'The peer team makes the following recommendations to the council:',
  '1. Refresh the council plan so that priorities are clear',
  '2. Invest in the scrutiny function',
  '3. The peer team',
  '- Jo Bloggs - Chief Executive, Othertown District Council',
];

export const WARM_UP_TEXT = new TextEncoder().encode(LINES.join('\n\n'));

/** A one-page PDF of the same lines in Helvetica, with a correct cross-reference table. */
export function warmUpPdf(): Uint8Array {
  const text = LINES.map((l, i) => `BT /F1 11 Tf 72 ${760 - i * 22} Td (${l.replace(/[()\\]/g, '\\$&')}) Tj ET`).join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${text.length} >>\nstream\n${text}\nendstream`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(pdf);
}
