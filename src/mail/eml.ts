/**
 * One email file (.eml) read into the fields Onward keeps. MIME with postal-mime: multipart,
 * quoted-printable and base64, other charsets; HTML-only mail is turned into readable text.
 */
import PostalMime from 'postal-mime';
import { Problem } from '../domain/errors.js';

export interface ParsedEmail {
  /** With angle brackets; made up from the content when the message has none. */
  messageId: string;
  subject: string;
  from: string | null;
  fromName: string | null;
  to: string | null;
  /** ISO instant, or null when the Date header is missing or unreadable. */
  date: string | null;
  inReplyTo: string | null;
  references: string[];
  text: string;
}

/** Larger than any real email; the readers cut a bigger one off just past this so it is refused here. */
export const MAX_EMAIL_BYTES = 50 * 1024 * 1024;

const HEADER_LINE = /^[\x21-\x39\x3b-\x7e]+:/m;

/** Whether these first bytes of a file (4 KB is plenty) start like an email: a header line early on. */
export function looksLikeEmail(head: Uint8Array): boolean {
  return HEADER_LINE.test(
    Buffer.from(head.buffer, head.byteOffset, Math.min(head.byteLength, 4096)).toString('latin1'),
  );
}

/**
 * Windows-1252 for the C1 range. Node's TextDecoder reads windows-1252 as ISO-8859-1, so Outlook's
 * curly quotes, dashes and euro signs come out as invisible control characters; and mail that says
 * ISO-8859-1 is very often really windows-1252. Real text never holds C1 controls, so mapping them
 * back is safe whatever the declared charset.
 */
const WINDOWS_1252_C1 =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

export function repairC1(text: string): string {
  if (!/[\u0080-\u009f]/.test(text)) return text;
  return text.replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_C1[c.charCodeAt(0) - 0x80]!);
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true });

/**
 * Headers are 7-bit by the standard, but some mailers write raw 8-bit bytes in the message's own
 * charset; postal-mime reads them as UTF-8 and the subject turns into replacement characters.
 * When the header block is not valid UTF-8 it is re-encoded from the message's charset (else
 * windows-1252, what such mailers nearly always mean), so that the parser reads it right.
 */
function headersAsUtf8(bytes: Uint8Array): Uint8Array {
  const limit = Math.min(bytes.byteLength, 256 * 1024);
  let end = -1;
  let eightBit = false;
  for (let i = 0; i < limit; i++) {
    const b = bytes[i]!;
    if (b >= 0x80) eightBit = true;
    else if (b === 0x0a && (bytes[i + 1] === 0x0a || (bytes[i + 1] === 0x0d && bytes[i + 2] === 0x0a))) {
      end = i + 1;
      break;
    }
  }
  if (!eightBit) return bytes;
  if (end === -1) end = limit;
  const head = bytes.subarray(0, end);
  try {
    utf8Strict.decode(head);
    return bytes;
  } catch {
    // not UTF-8: re-encode below
  }
  const latin1 = Buffer.from(head.buffer, head.byteOffset, head.byteLength).toString('latin1');
  const charset = /^content-type:[^\n]*?charset\s*=\s*"?([\w.:-]+)/im.exec(latin1)?.[1]?.toLowerCase();
  let text: string | null = null;
  if (charset && !/^(utf-?8|us-ascii|ascii|iso-?8859-1|latin-?1|windows-1252|cp1252)$/.test(charset)) {
    try {
      text = new TextDecoder(charset).decode(head);
    } catch {
      text = null;
    }
  }
  text ??= repairC1(latin1);
  return Buffer.concat([Buffer.from(text, 'utf8'), bytes.subarray(end)]);
}

const NAMED_ENTITIES: Record<string, string> = {
  nbsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  rsquo: '\u2019',
  lsquo: '\u2018',
  rdquo: '\u201d',
  ldquo: '\u201c',
  ndash: '\u2013',
  mdash: '\u2014',
  hellip: '\u2026',
  bull: '\u2022',
  middot: '\u00b7',
  euro: '\u20ac',
  pound: '\u00a3',
  copy: '\u00a9',
  reg: '\u00ae',
  trade: '\u2122',
  eacute: '\u00e9',
  egrave: '\u00e8',
  aacute: '\u00e1',
  agrave: '\u00e0',
  uuml: '\u00fc',
  ouml: '\u00f6',
  auml: '\u00e4',
  szlig: '\u00df',
  ccedil: '\u00e7',
  zwnj: '',
  zwj: '',
  shy: '',
};

function decodeEntity(match: string, body: string): string {
  if (body[0] === '#') {
    const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : Number(body.slice(1));
    if (code === 160) return ' ';
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff)
      ? String.fromCodePoint(code)
      : match;
  }
  const name = Object.hasOwn(NAMED_ENTITIES, body) ? body : body.toLowerCase();
  return Object.hasOwn(NAMED_ENTITIES, name) ? NAMED_ENTITIES[name]! : match;
}

/** Readable text from HTML: block ends become line breaks, tags go, entities are decoded. */
/** Tags in one pass: a line break for <br> and block ends, a bullet for list items, nothing for the rest. */
const TAG = /<(br)\s*\/?>|<\/(p|div|li|tr|h[1-6]|table|blockquote)\s*>|<(li)\b[^>]*>|<[^>]+>/gi;
const replaceTag = (_tag: string, br?: string, block?: string, li?: string): string =>
  br || block ? '\n' : li ? '• ' : '';

export function htmlToText(html: string): string {
  return (
    html
      .replace(/<(script|style|head)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ')
      .replace(TAG, replaceTag)
      // One pass, so that "&amp;lt;" stays "&lt;".
      .replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, decodeEntity)
      .replace(/[ \t]+\n/g, '\n')
      .replace(/\n{3,}/g, '\n\n')
      .replace(/[ \t]{2,}/g, ' ')
      .trim()
  );
}

const ids = (value: string | undefined): string[] => value?.match(/<[^<>\s]+>/g) ?? [];

function addressText(a: { name?: string; address?: string } | undefined): string | null {
  if (!a?.address) return null;
  return a.name ? `${a.name} <${a.address}>` : a.address;
}

export async function parseEml(bytes: Uint8Array): Promise<ParsedEmail> {
  if (bytes.byteLength > MAX_EMAIL_BYTES) {
    throw new Problem('invalid_input', 'the email file is over 50 MB; is it really one email?');
  }
  if (!looksLikeEmail(bytes)) {
    throw new Problem(
      'unsupported_format',
      'this file does not look like an email (.eml): it has no headers',
    );
  }
  let email;
  try {
    email = await PostalMime.parse(headersAsUtf8(bytes), { attachmentEncoding: 'arraybuffer' });
  } catch (error) {
    throw new Problem('unsupported_format', `this email could not be read: ${(error as Error).message}`);
  }
  const from = email.from && 'address' in email.from ? email.from : undefined;
  const to = (email.to ?? []).map((a) => ('address' in a ? addressText(a) : null)).filter(Boolean);
  const date =
    email.date && !Number.isNaN(Date.parse(email.date)) ? new Date(email.date).toISOString() : null;
  const text = repairC1(email.text?.trim() ? email.text : email.html ? htmlToText(email.html) : '').replace(
    /\r\n?/g,
    '\n',
  );
  const subject = repairC1(email.subject ?? '').trim();
  let messageId = ids(email.messageId)[0];
  if (!messageId) {
    const { createHash } = await import('node:crypto');
    messageId = `<${createHash('sha256').update(bytes).digest('hex').slice(0, 32)}@onward.local>`;
  }
  return {
    messageId,
    subject,
    from: from ? addressText({ name: from.name && repairC1(from.name), address: from.address }) : null,
    fromName: from?.name ? repairC1(from.name) : null,
    to: to.join(', ') || null,
    date,
    inReplyTo: ids(email.inReplyTo)[0] ?? null,
    references: ids(email.references),
    text: text.trim(),
  };
}
