/**
 * Real .docx and .pdf files built from text, for the document readers' tests: a .docx is a zip of three
 * XML parts (the least Word and mammoth accept); a PDF is one page per 48 lines of Helvetica text with a
 * correct cross-reference table. Written here so the tests need no binary fixtures.
 */
import { strToU8, zipSync } from 'fflate';

const xmlEscape = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function makeDocx(text: string): Uint8Array {
  const paragraphs = text
    .split('\n')
    .map((line) =>
      line === '' ? '<w:p/>' : `<w:p><w:r><w:t xml:space="preserve">${xmlEscape(line)}</w:t></w:r></w:p>`,
    )
    .join('');
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
        '</Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
        '</Relationships>',
    ),
    'word/document.xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
        `<w:body>${paragraphs}</w:body></w:document>`,
    ),
  });
}

/** Text as a PDF (WinAnsi encoding, so "é" and "–" survive; other characters become "?"). */
export function makePdf(text: string, options: { encrypted?: boolean } = {}): Uint8Array {
  const lines = text.split('\n');
  const pages: string[][] = [];
  for (let i = 0; i < lines.length; i += 48) pages.push(lines.slice(i, i + 48));
  const objects: string[] = [];
  const add = (body: string): number => objects.push(body);
  add('<< /Type /Catalog /Pages 2 0 R >>');
  add('PAGES');
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const kids: number[] = [];
  for (const page of pages) {
    const stream =
      'BT /F1 11 Tf 56 790 Td 15 TL ' +
      page.map((line) => `(${toWinAnsi(line).replace(/[()\\]/g, (c) => '\\' + c)}) Tj T*`).join(' ') +
      ' ET';
    const contents = add(`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`);
    kids.push(
      add(
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents ${contents} 0 R /Resources << /Font << /F1 3 0 R >> >> >>`,
      ),
    );
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  let encrypt = '';
  if (options.encrypted) {
    // A standard-security dictionary whose key check cannot pass: readers ask for a password.
    const n = add(
      '<< /Filter /Standard /V 1 /R 2 /O <' + '11'.repeat(32) + '> /U <' + '22'.repeat(32) + '> /P -4 >>',
    );
    encrypt = ` /Encrypt ${n} 0 R /ID [<${'33'.repeat(16)}> <${'33'.repeat(16)}>]`;
  }
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${encrypt} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Uint8Array.from(out, (c) => c.charCodeAt(0) & 0xff);
}

const WIN_ANSI: Record<string, number> = {
  '\u2013': 0x96,
  '\u2014': 0x97,
  '\u2019': 0x92,
  '\u2018': 0x91,
  '\u2022': 0x95,
  '\u201C': 0x93,
  '\u201D': 0x94,
};
function toWinAnsi(line: string): string {
  let out = '';
  for (const c of line) {
    const code = c.charCodeAt(0);
    if (code < 0x100) out += c;
    else out += String.fromCharCode(WIN_ANSI[c] ?? 0x3f);
  }
  return out;
}
