/**
 * Where emails come from on disk: one .eml file, a folder of them (or a Maildir), an .mbox file.
 * Each reader yields the raw bytes of one message at a time, with a name saying where it came
 * from; parsing is someone else's job (parseEml), so that one broken message costs that message.
 *
 * The mbox reader streams: it holds one message (and one read buffer) at a time, whatever the
 * size of the file.
 */
import { createReadStream } from 'node:fs';
import type { Stats } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { Problem } from '../domain/errors.js';
import { looksLikeEmail, MAX_EMAIL_BYTES } from './eml.js';

export interface RawMessage {
  /** Where it came from: "path/to/file.eml", "inbox.mbox#1234" (1-based index), "imap:INBOX/4711". */
  source: string;
  bytes: Uint8Array;
}

/** A message is cut off just past the limit parseEml accepts, so that it is refused there with a reason. */
const KEEP_BYTES = MAX_EMAIL_BYTES + 1;
const SNIFF_BYTES = 4096;
const READ_CHUNK = 256 * 1024;

// ---------------------------------------------------------------------------------------------
// Files and folders

function fsProblem(error: unknown, path: string): Error {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new Problem('invalid_input', `${path} does not exist; check the path`);
    case 'EACCES':
    case 'EPERM':
      return new Problem('invalid_input', `cannot read ${path}: permission denied`);
    case 'EISDIR':
      return new Problem('invalid_input', `${path} is a folder, not a file`);
    case undefined:
      return error instanceof Error ? error : new Error(String(error));
    default:
      return new Problem('invalid_input', `cannot read ${path}: ${(error as Error).message}`);
  }
}

async function statOf(path: string): Promise<Stats> {
  try {
    return await stat(path);
  } catch (error) {
    throw fsProblem(error, path);
  }
}

/** The first bytes of a file (or all of it, when it is small): enough to tell what it is. */
async function readHead(path: string, length: number): Promise<Buffer> {
  let handle;
  try {
    handle = await open(path, 'r');
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } catch (error) {
    throw fsProblem(error, path);
  } finally {
    await handle?.close();
  }
}

/** One .eml file. A file over the size limit is read only that far (parseEml then refuses it). */
export async function* readEmlFile(path: string): AsyncGenerator<RawMessage> {
  const info = await statOf(path);
  if (!info.isFile()) throw new Problem('invalid_input', `${path} is not a file`);
  yield { source: path, bytes: await readHead(path, Math.min(info.size, KEEP_BYTES)) };
}

const byName = new Intl.Collator('en', { numeric: true }).compare;

/** Maildir keeps messages in cur/ and new/ under names like "1700000000.M1P2.host,S=1234:2,S". */
const isMaildirPart = (dir: string): boolean => /(^|[\\/])(cur|new)$/.test(dir);

async function isEmailFile(dir: string, name: string, path: string): Promise<boolean> {
  const ext = extname(name).toLowerCase();
  if (ext === '.eml') return true;
  if (ext !== '' && !isMaildirPart(dir)) return false;
  return looksLikeEmail(await readHead(path, SNIFF_BYTES));
}

async function* walk(dir: string): AsyncGenerator<string> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    throw fsProblem(error, dir);
  }
  entries.sort((a, b) => byName(a.name, b.name));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      yield* walk(path);
    } else if (entry.isFile() || entry.isSymbolicLink()) {
      // A link is followed to a file, never to a folder (no loops).
      if (entry.isSymbolicLink() && !(await stat(path).catch(() => null))?.isFile()) continue;
      if (await isEmailFile(dir, entry.name, path)) yield path;
    }
  }
}

/**
 * Every email in a folder and its subfolders, in name order (numbers in names compare as numbers):
 * *.eml files, and files without an extension (or in a Maildir's cur/ and new/) that start like an
 * email. Anything else is skipped.
 */
export async function* readDirectory(
  path: string,
  options: { signal?: AbortSignal } = {},
): AsyncGenerator<RawMessage> {
  const info = await statOf(path);
  if (!info.isDirectory()) throw new Problem('invalid_input', `${path} is not a folder`);
  for await (const file of walk(path)) {
    options.signal?.throwIfAborted();
    yield* readEmlFile(file);
  }
}

// ---------------------------------------------------------------------------------------------
// mbox

const LF = 0x0a;
const CR = 0x0d;
const GT = 0x3e;
/** A line longer than this is content: it is passed on before its end is seen, to bound the buffer. */
const LONG_LINE = 64 * 1024;
/** The longest line RFC 5322 allows; enough of the line after a "From " line to judge it. */
const LOOKAHEAD = 1000;
const HEADER_START = /^[\x21-\x39\x3b-\x7e]+:/;
/** The date of a postmark, as asctime writes it: "Mon Nov 23 09:00:00 2026", maybe with a zone. */
const POSTMARK_DATE = /^From \S+ +[A-Z][a-z]{2} [A-Z][a-z]{2} +\d{1,2} \d{1,2}:\d\d(:\d\d)? /;

function startsWithFrom(b: Buffer, at: number): boolean {
  if (at + 5 > b.length) return false;
  return (
    b[at] === 0x46 && b[at + 1] === 0x72 && b[at + 2] === 0x6f && b[at + 3] === 0x6d && b[at + 4] === 0x20
  );
}

/** Whether the line [start, end) is empty ("\n" or "\r\n", end being just past the LF). */
const isBlank = (b: Buffer, start: number, end: number): boolean =>
  end - start === 1 || (end - start === 2 && b[start] === CR);

/**
 * Splits an mbox into messages, fed chunk by chunk (any chunk boundaries give the same result).
 *
 * A message starts at a "From " line (the postmark) at the start of the file or after an empty
 * line. Writers that did not escape "From " in bodies (mboxo, done badly) leave such lines
 * behind, so after an empty line a "From " line counts as a postmark only when the next line is
 * a header or the line carries an asctime date. Escaped lines (">From ", ">>From ", …) lose one
 * ">" (mboxrd; for mboxo that is the same for the one level it escapes). The empty line that
 * separates two messages belongs to neither. CRLF and LF files both work.
 *
 * Memory: the current message (cut off one byte past the size limit, so that parseEml refuses it
 * with a reason) and one partial line, bounded by LONG_LINE.
 */
export class MboxSplitter {
  private carry: Buffer | null = null;
  private parts: Buffer[] = [];
  /** Bytes kept for the current message, and its full length (more when it was cut off). */
  private kept = 0;
  private length = 0;
  private started = false;
  private prevBlank = true;
  /** Length of the previous line when it was blank: the separator to drop at a postmark. */
  private prevLineLength = 0;
  /** Inside a long line whose start has been handled already. */
  private midLine = false;

  private readonly limit: number;

  /** `name` is for messages; `maxMessageBytes` (default 50 MB) is where a message is cut off. */
  constructor(
    private readonly name: string,
    options: { maxMessageBytes?: number } = {},
  ) {
    this.limit = (options.maxMessageBytes ?? MAX_EMAIL_BYTES) + 1;
  }

  /** Adds a chunk; returns the messages it completed. */
  push(chunk: Buffer): Buffer[] {
    const out: Buffer[] = [];
    const b = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    this.carry = null;
    this.scan(b, false, out);
    return out;
  }

  /** The end of the file: returns the last message, if any. */
  end(): Buffer[] {
    const out: Buffer[] = [];
    const rest = this.carry;
    this.carry = null;
    if (rest) this.scan(rest, true, out);
    if (this.started) {
      // The last message may end with the separator too, before end of file.
      if (this.prevBlank && this.length === this.kept) this.trimEnd(this.prevLineLength);
      out.push(this.take());
    }
    return out;
  }

  private keep(b: Buffer, start: number, end: number): void {
    if (end <= start) return;
    this.length += end - start;
    if (this.kept >= this.limit) return;
    const stop = Math.min(end, start + this.limit - this.kept);
    this.parts.push(b.subarray(start, stop));
    this.kept += stop - start;
  }

  private trimEnd(count: number): void {
    let left = count;
    while (left > 0 && this.parts.length > 0) {
      const last = this.parts[this.parts.length - 1]!;
      const cut = Math.min(left, last.length);
      if (cut === last.length) this.parts.pop();
      else this.parts[this.parts.length - 1] = last.subarray(0, last.length - cut);
      left -= cut;
      this.kept -= cut;
      this.length -= cut;
    }
  }

  private take(): Buffer {
    const message = Buffer.concat(this.parts, this.kept);
    this.parts = [];
    this.kept = 0;
    this.length = 0;
    return message;
  }

  private notMbox(): Problem {
    return new Problem(
      'unsupported_format',
      `${this.name} is not an mbox file: it does not start with a "From " line`,
    );
  }

  /** Whether the "From " line [pos, nl) is a postmark, judged with the next line [next, nextEnd). */
  private isPostmark(b: Buffer, pos: number, nl: number, next: number, nextEnd: number): boolean {
    if (!this.started) return true;
    const following = b.toString('latin1', next, Math.min(nextEnd, next + 100));
    if (HEADER_START.test(following)) return true;
    return POSTMARK_DATE.test(b.toString('latin1', pos, Math.min(nl, pos + 200)));
  }

  private scan(b: Buffer, final: boolean, out: Buffer[]): void {
    let pos = 0;
    let segment = 0;
    if (this.midLine) {
      const nl = b.indexOf(LF);
      if (nl === -1) {
        this.keep(b, 0, b.length);
        return;
      }
      pos = nl + 1;
      this.midLine = false;
      this.prevBlank = false;
    }
    while (pos < b.length) {
      let nl = b.indexOf(LF, pos);
      if (nl === -1) {
        if (!final && b.length - pos < LONG_LINE) break;
        // A long line, or the last line of a file without a final newline: decide on what is here.
        nl = b.length;
        if (!final) this.midLine = true;
      }
      const lineEnd = Math.min(nl + 1, b.length);
      const first = b[pos];
      if (first === 0x46 && this.prevBlank && !this.midLine && startsWithFrom(b, pos)) {
        let nextEnd = b.indexOf(LF, lineEnd);
        if (nextEnd === -1) {
          if (!final && b.length - lineEnd < LOOKAHEAD) break;
          nextEnd = b.length;
        }
        if (this.isPostmark(b, pos, nl, lineEnd, nextEnd)) {
          if (this.started) {
            this.keep(b, segment, pos);
            if (this.length === this.kept) this.trimEnd(this.prevLineLength);
            out.push(this.take());
          }
          this.started = true;
          this.prevBlank = false;
          pos = lineEnd;
          segment = pos;
          continue;
        }
      }
      const blank = nl < b.length && isBlank(b, pos, lineEnd);
      if (!this.started && !blank) throw this.notMbox();
      if (first === GT) {
        let at = pos + 1;
        while (at < nl && b[at] === GT) at++;
        if (startsWithFrom(b, at)) {
          this.keep(b, segment, pos);
          segment = pos + 1;
        }
      }
      this.prevBlank = blank;
      this.prevLineLength = lineEnd - pos;
      pos = lineEnd;
    }
    if (this.started) this.keep(b, segment, pos);
    if (pos < b.length) this.carry = b.subarray(pos);
  }
}

/**
 * The messages of an mbox file, read as a stream: memory stays flat whatever the file's size.
 * See MboxSplitter for how messages are told apart. `signal` stops the reading between messages.
 */
export async function* readMbox(
  path: string,
  options: { signal?: AbortSignal } = {},
): AsyncGenerator<RawMessage> {
  const { signal } = options;
  signal?.throwIfAborted();
  const info = await statOf(path);
  if (!info.isFile()) throw new Problem('invalid_input', `${path} is not a file`);
  const splitter = new MboxSplitter(path);
  const stream = createReadStream(path, { highWaterMark: READ_CHUNK });
  let index = 0;
  try {
    try {
      for await (const chunk of stream) {
        signal?.throwIfAborted();
        for (const bytes of splitter.push(chunk as Buffer)) {
          yield { source: `${path}#${++index}`, bytes };
          signal?.throwIfAborted();
        }
      }
    } catch (error) {
      if (error instanceof Problem || signal?.aborted) throw error;
      throw fsProblem(error, path);
    }
    for (const bytes of splitter.end()) yield { source: `${path}#${++index}`, bytes };
  } finally {
    stream.destroy();
  }
}

// ---------------------------------------------------------------------------------------------
// Any of them

const MBOX_EXTENSIONS = new Set(['.mbox', '.mbx']);

/**
 * Reads whatever the path holds: a folder (readDirectory), an mbox (by its extension, or a file
 * whose first line starts with "From "), else one email file.
 */
export async function* readInput(
  path: string,
  options: { signal?: AbortSignal } = {},
): AsyncGenerator<RawMessage> {
  const info = await statOf(path);
  if (info.isDirectory()) {
    yield* readDirectory(path, options);
    return;
  }
  if (!info.isFile()) throw new Problem('invalid_input', `${path} is neither a file nor a folder`);
  if (MBOX_EXTENSIONS.has(extname(path).toLowerCase())) {
    yield* readMbox(path, options);
    return;
  }
  const head = await readHead(path, SNIFF_BYTES);
  if (head.length === 0) throw new Problem('unsupported_format', `${path} is empty`);
  if (startsWithFrom(head, 0)) {
    yield* readMbox(path, options);
    return;
  }
  if (!looksLikeEmail(head)) {
    throw new Problem(
      'unsupported_format',
      `${path} is neither an email (.eml) nor a mailbox (.mbox); export your mail in one of those formats`,
    );
  }
  yield* readEmlFile(path);
}

/** An uploaded file as messages: an mbox is split as the file reader splits one; else one .eml. */
export async function* readUpload(body: Buffer, name: string): AsyncGenerator<RawMessage> {
  if (body.subarray(0, 5).toString('latin1') !== 'From ') {
    yield { source: name, bytes: new Uint8Array(body) };
    return;
  }
  const splitter = new MboxSplitter(name);
  const messages = [...splitter.push(body), ...splitter.end()];
  for (const [i, m] of messages.entries()) yield { source: `${name}#${i + 1}`, bytes: new Uint8Array(m) };
}
