import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { makeDocx, makePdf } from '../../test/documents.js';
import { Problem } from '../domain/errors.js';
import { MAX_DOCUMENT_BYTES, readDocument, readDocumentBuffer } from './documents.js';

const dir = mkdtempSync(join(tmpdir(), 'onward-documents-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function problemOf(promise: Promise<unknown>): Promise<Problem> {
  const error: unknown = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Problem);
  const problem = error as Problem;
  expect(problem.code).toBe('invalid_input');
  expect(problem.message).not.toContain('\n');
  return problem;
}

const CV = 'Jo Bloggs\nSkills: Excel, stock control – and café shifts\nReferences on request';

describe('readDocument', () => {
  it('reads plain text in UTF-8, with a byte-order mark, in UTF-16 and in Windows-1252', async () => {
    expect(await readDocumentBuffer(strToU8(CV), 'cv.txt')).toBe(CV);
    expect(await readDocumentBuffer(new Uint8Array([0xef, 0xbb, 0xbf, ...strToU8('Excel')]), 'cv.txt')).toBe(
      'Excel',
    );
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from('café', 'utf16le')]);
    expect(await readDocumentBuffer(utf16, 'cv.txt')).toBe('café');
    expect(await readDocumentBuffer(new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x96]), 'CV.TXT')).toBe(
      'café –',
    );
  });

  it('reads Markdown without its syntax', async () => {
    const md =
      '# Jo\n\n**Skills**: *Excel*, [SQL](https://example.com)\n\n* Python\n\n| a | b |\n|---|---|\n| Xero | SAP |';
    expect(await readDocumentBuffer(strToU8(md), 'cv.md')).toBe(
      'Jo\n\nSkills: Excel, SQL\n\n- Python\n\na, b\nXero, SAP',
    );
  });

  it('reads .docx and .pdf files from disk', async () => {
    writeFileSync(join(dir, 'cv.docx'), makeDocx(CV));
    writeFileSync(join(dir, 'cv.pdf'), makePdf(CV));
    expect(await readDocument(join(dir, 'cv.docx'))).toBe(CV);
    expect(await readDocument(join(dir, 'cv.pdf'))).toBe(CV);
  });

  it('reads every page of a long PDF', async () => {
    const lines = Array.from({ length: 120 }, (_, i) => `Line ${i + 1}`);
    const text = await readDocumentBuffer(makePdf(lines.join('\n')), 'long.pdf');
    expect(text.split(/\n+/)).toEqual(lines);
  });

  it('says clearly what is wrong with a file it cannot read', async () => {
    expect((await problemOf(readDocumentBuffer(strToU8('x'), 'cv.odt'))).message).toBe(
      'cv.odt is a .odt file: Onward reads .txt, .md, .pdf and .docx documents',
    );
    expect(
      (await problemOf(readDocumentBuffer(makePdf('secret', { encrypted: true }), 'cv.pdf'))).message,
    ).toMatch(/password-protected PDF/);
    expect((await problemOf(readDocumentBuffer(makePdf(CV).subarray(0, 120), 'cv.pdf'))).message).toMatch(
      /damaged PDF/,
    );
    expect((await problemOf(readDocumentBuffer(strToU8('hello'), 'cv.pdf'))).message).toMatch(/not a PDF/);
    const notWord = zipSync({ 'notes.txt': strToU8('hello') });
    expect((await problemOf(readDocumentBuffer(notWord, 'cv.docx'))).message).toMatch(
      /not a \.docx document/,
    );
    expect((await problemOf(readDocumentBuffer(strToU8('plain'), 'cv.docx'))).message).toMatch(/not a zip/);
    const huge = new Uint8Array(MAX_DOCUMENT_BYTES + 1);
    expect((await problemOf(readDocumentBuffer(huge, 'cv.txt'))).message).toMatch(
      /20\.0 MB, more than the 20 MB/,
    );
    writeFileSync(join(dir, 'huge.pdf'), huge);
    expect((await problemOf(readDocument(join(dir, 'huge.pdf')))).message).toMatch(/more than the 20 MB/);
    expect((await problemOf(readDocument(join(dir, 'missing.docx')))).message).toMatch(/could not be read/);
  });
});
