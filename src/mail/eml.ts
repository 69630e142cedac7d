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

const MAX_EMAIL_BYTES = 50 * 1024 * 1024;

/** Readable text from HTML: block ends become line breaks, tags go, entities are decoded. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style|head)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|tr|h[1-6]|table|blockquote)\s*>/gi, '\n')
    .replace(/<li\b[^>]*>/gi, '• ')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/gi, ' ')
    .replace(/&amp;/gi, '&')
    .replace(/&lt;/gi, '<')
    .replace(/&gt;/gi, '>')
    .replace(/&quot;/gi, '"')
    .replace(/&#39;|&apos;/gi, "'")
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n)))
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
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
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  if (!/^[\x21-\x39\x3b-\x7e]+:/m.test(head)) {
    throw new Problem(
      'unsupported_format',
      'this file does not look like an email (.eml): it has no headers',
    );
  }
  let email;
  try {
    email = await PostalMime.parse(bytes, { attachmentEncoding: 'arraybuffer' });
  } catch (error) {
    throw new Problem('unsupported_format', `this email could not be read: ${(error as Error).message}`);
  }
  const from = email.from && 'address' in email.from ? email.from : undefined;
  const to = (email.to ?? []).map((a) => ('address' in a ? addressText(a) : null)).filter(Boolean);
  const date =
    email.date && !Number.isNaN(Date.parse(email.date)) ? new Date(email.date).toISOString() : null;
  const text = (email.text?.trim() ? email.text : email.html ? htmlToText(email.html) : '').replace(
    /\r\n?/g,
    '\n',
  );
  const subject = (email.subject ?? '').trim();
  let messageId = ids(email.messageId)[0];
  if (!messageId) {
    const { createHash } = await import('node:crypto');
    messageId = `<${createHash('sha256').update(bytes).digest('hex').slice(0, 32)}@onward.local>`;
  }
  return {
    messageId,
    subject,
    from: addressText(from) ?? null,
    fromName: from?.name || null,
    to: to.join(', ') || null,
    date,
    inReplyTo: ids(email.inReplyTo)[0] ?? null,
    references: ids(email.references),
    text: text.trim(),
  };
}
