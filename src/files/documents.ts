/**
 * Documents from disk as plain text — résumés and job descriptions in .txt, .md, .pdf and .docx — for the
 * skills reader (src/text/skills.ts). An adapter: it reads files, the text analysis stays pure.
 *
 * Parsers: mammoth for .docx (Word's own text, without styles), pdfjs-dist's legacy build for .pdf (the
 * build that runs on Node 20 without a browser; no worker thread, no fonts, no network). Every failure
 * is one line that names the file and what to do.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import mammoth from 'mammoth';
import { invalidInput, type Problem } from '../domain/errors.js';
import { markdownToText } from './markdown.js';

/** Larger than any résumé or job description; a bigger file is almost surely the wrong one. */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

export const DOCUMENT_EXTENSIONS = ['.txt', '.text', '.md', '.markdown', '.pdf', '.docx'] as const;

/** The text of a document on disk. Throws a Problem (invalid_input) with a one-line message. */
export async function readDocument(path: string): Promise<string> {
  const name = basename(path);
  checkExtension(name);
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    throw invalidInput(`${name} could not be read: is the path right?`);
  }
  checkSize(name, size);
  return readDocumentBuffer(await readFile(path), name);
}

/** The text of a document given as bytes (an upload); the file name decides how it is read. */
export async function readDocumentBuffer(buffer: Uint8Array, fileName: string): Promise<string> {
  const name = basename(fileName);
  const extension = checkExtension(name);
  checkSize(name, buffer.byteLength);
  switch (extension) {
    case '.txt':
    case '.text':
      return decodeText(buffer).trim();
    case '.md':
    case '.markdown':
      return markdownToText(decodeText(buffer));
    case '.pdf':
      return readPdf(buffer, name);
    default:
      return readDocx(buffer, name);
  }
}

function checkExtension(name: string): (typeof DOCUMENT_EXTENSIONS)[number] {
  const extension = extname(name).toLowerCase();
  const known = DOCUMENT_EXTENSIONS.find((e) => e === extension);
  if (known === undefined) {
    const what = extension === '' ? 'has no extension' : `is a ${extension} file`;
    throw invalidInput(`${name} ${what}: Onward reads .txt, .md, .pdf and .docx documents`);
  }
  return known;
}

function checkSize(name: string, bytes: number): void {
  if (bytes > MAX_DOCUMENT_BYTES)
    throw invalidInput(
      `${name} is ${(bytes / 1024 / 1024).toFixed(1)} MB, more than the 20 MB a résumé or job description can be`,
    );
}

/** UTF-8 (with or without a byte-order mark), UTF-16 with a mark, else Windows-1252 (old Notepad files). */
export function decodeText(buffer: Uint8Array): string {
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return new TextDecoder('utf-16le').decode(buffer.subarray(2));
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return new TextDecoder('utf-16be').decode(buffer.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(buffer);
  } catch {
    return decodeWindows1252(buffer);
  }
}

// Node's own 'windows-1252' decoder is Latin-1 without full ICU: 0x80–0x9F are done by hand.
const CP1252_HIGH =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

function decodeWindows1252(buffer: Uint8Array): string {
  let out = '';
  for (const byte of buffer)
    out += byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH[byte - 0x80] : String.fromCharCode(byte);
  return out;
}

async function readDocx(buffer: Uint8Array, name: string): Promise<string> {
  // A .docx is a zip with word/document.xml; anything else is not one, whatever its name says.
  if (!(buffer[0] === 0x50 && buffer[1] === 0x4b))
    throw invalidInput(
      `${name} is not a .docx document (it is not a zip file); save it again from your word processor`,
    );
  try {
    const result = await mammoth.extractRawText({ buffer: Buffer.from(buffer) });
    // mammoth ends every paragraph with a blank line; one line per paragraph keeps lists and headings
    // readable as such (an empty paragraph stays a blank line).
    return result.value.replace(/\n\n/g, '\n').trim();
  } catch (error) {
    throw problemFrom(
      error,
      `${name} is not a .docx document (no Word document inside the zip); save it again as .docx`,
    );
  }
}

interface PdfTextItem {
  str: string;
  hasEOL: boolean;
  transform: number[];
}

async function readPdf(buffer: Uint8Array, name: string): Promise<string> {
  if (!startsWithPdfHeader(buffer))
    throw invalidInput(`${name} is not a PDF (it does not start with %PDF); export it again as PDF`);
  // Loaded on first use: the parser is large and most commands never read a PDF.
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdfjs takes ownership of (and detaches) the array it is given: hand it a copy.
  const task = getDocument({
    data: new Uint8Array(buffer),
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    stopAtErrors: false,
    verbosity: 0,
  });
  try {
    const doc = await task.promise;
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      let text = '';
      let lastY: number | undefined;
      for (const item of content.items as PdfTextItem[]) {
        if (typeof item.str !== 'string') continue;
        const y = item.transform[5];
        // A new baseline without an end-of-line mark is still a new line.
        if (lastY !== undefined && y !== undefined && Math.abs(y - lastY) > 1 && !/\n$/.test(text))
          text += '\n';
        text += item.str;
        if (item.hasEOL) text += '\n';
        lastY = y;
      }
      pages.push(text.trim());
      page.cleanup();
    }
    return pages
      .filter(Boolean)
      .join('\n\n')
      .replace(/[ \t]+\n/g, '\n')
      .trim();
  } catch (error) {
    const kind = error instanceof Error ? error.name : '';
    if (kind === 'PasswordException')
      throw invalidInput(
        `${name} is a password-protected PDF; save a copy without the password and try again`,
      );
    throw problemFrom(error, `${name} is a damaged PDF that could not be read; export it again as PDF`);
  } finally {
    await task.destroy();
  }
}

function startsWithPdfHeader(buffer: Uint8Array): boolean {
  // The header may follow up to 1 KB of junk (the PDF specification allows it, and readers accept it).
  const head = Buffer.from(buffer.subarray(0, 1024)).toString('latin1');
  return head.includes('%PDF-');
}

function problemFrom(error: unknown, message: string): Problem {
  if (error instanceof Error && error.name === 'Problem') return error as Problem;
  return invalidInput(message);
}
