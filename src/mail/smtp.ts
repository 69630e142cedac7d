/**
 * Sending the seeker's drafts over SMTP (nodemailer).
 *
 * One transport per send (no pooling: a seeker sends a handful of emails a day), closed afterwards.
 * The Message-ID is generated here so the caller can store it and thread the replies. Every failure
 * becomes a MailError whose message is one user-facing sentence naming the server and what to fix;
 * the password never appears in it.
 */
import { randomUUID } from 'node:crypto';
import { isIP } from 'node:net';
import { domainToASCII } from 'node:url';
import nodemailer from 'nodemailer';
import type { SMTPTransportOptions } from 'nodemailer';
import { Problem } from '../domain/errors.js';

export interface SmtpSettings {
  host: string;
  /** 465 → implicit TLS by default, 587/25 → STARTTLS. */
  port: number;
  /** tls = implicit TLS; starttls = require STARTTLS; none = plain text (loopback/testing only). */
  security: 'tls' | 'starttls' | 'none';
  user: string | null;
  password: string | null;
  /** "Sam Carter <sam@example.org>" or a bare address. */
  from: string;
  /** Check the server certificate; default true. */
  rejectUnauthorized?: boolean;
}

export interface OutgoingEmail {
  /** "Dana Lee <dana@acme.example>" or a bare address. */
  to: string;
  cc?: string[];
  subject: string;
  /** Plain text body. */
  text: string;
  /** Message-ID of the email being answered, with angle brackets "<abc@x>". */
  inReplyTo?: string | null;
  /** The thread's Message-IDs, oldest first; the inReplyTo id is appended if missing. */
  references?: string[];
}

export interface SentEmail {
  /** The Message-ID header sent, with angle brackets. */
  messageId: string;
  accepted: string[];
  rejected: string[];
  /** The server's last reply, e.g. "250 OK: queued as …". */
  response: string;
}

export type MailErrorCode = 'connection' | 'auth' | 'rejected' | 'tls' | 'timeout' | 'invalid';

export class MailError extends Error {
  constructor(
    readonly code: MailErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'MailError';
  }
}

export const DEFAULT_SMTP_TIMEOUT_MS = 15_000;

/** Echoes a value the user typed, on one line and not too long. */
function quote(value: string): string {
  const shown = value.length > 80 ? `${value.slice(0, 77)}...` : value;
  return JSON.stringify(shown);
}

// ---------------------------------------------------------------------------------------------
// Addresses

interface Mailbox {
  name: string;
  address: string;
}

const LOCAL_PART = /^[^\s@<>()[\]\\,;:"]+$/u;
const DOMAIN_LABEL = /^[^\s@<>()[\]\\,;:"._]+$/u;
const LINE_BREAK = /[\r\n]/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x08\x0a-\x1f\x7f]/;

function isAddress(value: string): boolean {
  const at = value.lastIndexOf('@');
  if (at <= 0 || at === value.length - 1) return false;
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  if (!LOCAL_PART.test(local) || local.startsWith('.') || local.endsWith('.') || local.includes('..')) {
    return false;
  }
  const labels = domain.split('.');
  if (!labels.every((l) => DOMAIN_LABEL.test(l) && !l.startsWith('-') && !l.endsWith('-'))) return false;
  return domainToASCII(domain) !== '';
}

/** Parses one mailbox: `Name <addr>`, `"Carter, Sam" <addr>`, `<addr>` or a bare `addr`. */
export function parseMailbox(input: string): Mailbox | null {
  const value = input.trim();
  if (value === '' || CONTROL.test(value)) return null;
  const angle = /^(.*?)\s*<([^<>]*)>$/su.exec(value);
  if (!angle) return isAddress(value) ? { name: '', address: value } : null;
  const rawName = angle[1]!.trim();
  const address = angle[2]!.trim();
  if (!isAddress(address)) return null;
  let name = rawName;
  if (rawName.startsWith('"')) {
    const quoted = /^"((?:[^"\\]|\\.)*)"$/su.exec(rawName);
    if (!quoted) return null;
    name = quoted[1]!.replace(/\\(.)/gsu, '$1');
  } else if (/[<>"]/.test(rawName)) {
    return null;
  }
  return { name, address };
}

function domainOf(address: string): string {
  const domain = address.slice(address.lastIndexOf('@') + 1);
  return domainToASCII(domain) || 'onward.invalid';
}

const MESSAGE_ID = /^<[^<>\s@]+@[^<>\s@]+>$/;

function normalizeMessageId(value: string, what: string): string {
  if (LINE_BREAK.test(value)) throw new MailError('invalid', `${what} contains a line break; remove it`);
  const trimmed = value.trim();
  const id = trimmed.startsWith('<') ? trimmed : `<${trimmed}>`;
  if (!MESSAGE_ID.test(id)) {
    throw new MailError('invalid', `${what} ${quote(trimmed)} is not a Message-ID like <abc@example.org>`);
  }
  return id;
}

// ---------------------------------------------------------------------------------------------
// Settings

const HOST_NAME =
  /^(?=.{1,253}$)[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)*\.?$/i;
const SECURITIES = ['tls', 'starttls', 'none'] as const;

function isHost(host: string): boolean {
  // checked before domainToASCII, which (like any URL parser) silently drops tabs and newlines
  // eslint-disable-next-line no-control-regex
  if (/[\s\x00-\x1f\x7f]/.test(host)) return false;
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  if (isIP(bare)) return true;
  if (bare !== host) return false;
  const ascii = domainToASCII(host);
  return ascii !== '' && HOST_NAME.test(ascii);
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks settings that came from a form, a file or the API. Throws Problem('invalid_input') with
 * one line naming the field. A missing security follows the port (465 → tls, else starttls); a
 * missing port follows the security (tls → 465, starttls → 587, none → 25).
 */
export function validateSmtpSettings(input: unknown): SmtpSettings {
  const fail = (message: string): never => {
    throw new Problem('invalid_input', message);
  };
  if (!isRecord(input)) return fail('the SMTP settings must be an object with host, port and from');

  const rawHost = input['host'];
  if (typeof rawHost !== 'string' || rawHost.trim() === '') {
    return fail('the SMTP host is missing; enter the server name, e.g. smtp.example.org');
  }
  const host = rawHost.trim();
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(host)) {
    return fail(
      `the SMTP host ${quote(host)} should be a server name like smtp.example.org, without "smtp://"`,
    );
  }
  if (!isHost(host)) {
    const hint = /:\d+$/.test(host) ? '; put the port in the port field' : '';
    return fail(`the SMTP host ${quote(host)} is not a valid server name or IP address${hint}`);
  }

  const rawSecurity = input['security'];
  if (rawSecurity !== undefined && rawSecurity !== null && !SECURITIES.includes(rawSecurity as never)) {
    return fail(`the SMTP security must be "tls", "starttls" or "none", not ${JSON.stringify(rawSecurity)}`);
  }

  const rawPort = input['port'];
  let port: number;
  if (rawPort === undefined || rawPort === null || rawPort === '') {
    port = rawSecurity === 'tls' ? 465 : rawSecurity === 'none' ? 25 : 587;
  } else {
    port = typeof rawPort === 'string' && /^\s*\d+\s*$/.test(rawPort) ? Number(rawPort) : Number.NaN;
    if (typeof rawPort === 'number') port = rawPort;
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
      return fail(
        `the SMTP port must be a whole number from 1 to 65535 (usually 465 or 587), not ${String(rawPort)}`,
      );
    }
  }
  const security = (rawSecurity ?? (port === 465 ? 'tls' : 'starttls')) as SmtpSettings['security'];

  const rawFrom = input['from'];
  if (typeof rawFrom !== 'string' || rawFrom.trim() === '') {
    return fail('the sender address is missing; enter it like Sam Carter <sam@example.org>');
  }
  const from = rawFrom.trim();
  if (!parseMailbox(from)) {
    return fail(
      `the sender address ${quote(from)} is not an email address; write it like Sam Carter <sam@example.org>`,
    );
  }

  const rawUser = input['user'];
  const rawPassword = input['password'];
  if (rawUser !== undefined && rawUser !== null && typeof rawUser !== 'string') {
    return fail('the SMTP user name must be text');
  }
  if (rawPassword !== undefined && rawPassword !== null && typeof rawPassword !== 'string') {
    return fail('the SMTP password must be text');
  }
  const user = typeof rawUser === 'string' && rawUser.trim() !== '' ? rawUser.trim() : null;
  const password = typeof rawPassword === 'string' && rawPassword !== '' ? rawPassword : null;
  if (user !== null && LINE_BREAK.test(user)) {
    return fail('the SMTP user name contains a line break; remove it');
  }
  if (user !== null && password === null) {
    return fail(
      `the SMTP password is missing for user ${quote(user)}; enter it (for Gmail or Outlook, an app password)`,
    );
  }
  if (user === null && password !== null) {
    return fail('the SMTP user name is missing; enter it with the password');
  }

  const rawReject = input['rejectUnauthorized'];
  if (rawReject !== undefined && rawReject !== null && typeof rawReject !== 'boolean') {
    return fail('rejectUnauthorized must be true or false');
  }

  const settings: SmtpSettings = { host, port, security, user, password, from };
  if (typeof rawReject === 'boolean') settings.rejectUnauthorized = rawReject;
  return settings;
}

// ---------------------------------------------------------------------------------------------
// Sending

interface Prepared {
  settings: SmtpSettings;
  from: Mailbox;
  to: Mailbox;
  cc: Mailbox[];
  subject: string;
  text: string;
  messageId: string;
  inReplyTo: string | null;
  references: string[];
}

function prepare(settings: SmtpSettings, email: OutgoingEmail): Prepared {
  let checked: SmtpSettings;
  try {
    checked = validateSmtpSettings(settings);
  } catch (error) {
    if (error instanceof Problem) throw new MailError('invalid', error.message, { cause: error });
    throw error;
  }
  const from = parseMailbox(checked.from)!;

  for (const [what, value] of [
    ['the subject', email.subject],
    ['the recipient', email.to],
    ...(email.cc ?? []).map((cc) => ['a copy (cc) address', cc] as const),
  ] as const) {
    if (typeof value !== 'string') throw new MailError('invalid', `${what} is missing`);
    if (LINE_BREAK.test(value)) {
      throw new MailError(
        'invalid',
        `${what} contains a line break, which could change the email's headers; remove it`,
      );
    }
  }
  if (typeof email.text !== 'string') throw new MailError('invalid', 'the email has no text');

  const to = parseMailbox(email.to);
  if (!to) {
    throw new MailError('invalid', `${quote(email.to.trim())} is not an email address; check the recipient`);
  }
  const cc = (email.cc ?? []).map((value) => {
    const mailbox = parseMailbox(value);
    if (!mailbox) {
      const shown = quote(value.trim());
      throw new MailError('invalid', `${shown} is not an email address; check the copy (cc) list`);
    }
    return mailbox;
  });
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/.test(email.subject)) {
    throw new MailError('invalid', 'the subject contains control characters; remove them');
  }

  const inReplyTo = email.inReplyTo ? normalizeMessageId(email.inReplyTo, 'the email being answered') : null;
  const references: string[] = [];
  for (const ref of email.references ?? []) {
    const id = normalizeMessageId(ref, 'a reference of the thread');
    if (!references.includes(id)) references.push(id);
  }
  if (inReplyTo && !references.includes(inReplyTo)) references.push(inReplyTo);

  return {
    settings: checked,
    from,
    to,
    cc,
    subject: email.subject,
    text: email.text,
    messageId: `<${randomUUID()}@${domainOf(from.address)}>`,
    inReplyTo,
    references,
  };
}

function transportOptions(settings: SmtpSettings, timeoutMs: number): SMTPTransportOptions {
  const options: SMTPTransportOptions = {
    host: settings.host.replace(/^\[(.*)\]$/, '$1'),
    port: settings.port,
    secure: settings.security === 'tls',
    requireTLS: settings.security === 'starttls',
    ignoreTLS: settings.security === 'none',
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    dnsTimeout: timeoutMs,
    tls: { rejectUnauthorized: settings.rejectUnauthorized ?? true },
    logger: false,
    debug: false,
    disableFileAccess: true,
    disableUrlAccess: true,
  };
  if (settings.user !== null && settings.password !== null) {
    options.auth = { user: settings.user, pass: settings.password };
  }
  return options;
}

/**
 * Sends one plain-text email. Resolves with the Message-ID that was sent (store it: replies will
 * quote it) and what the server accepted; rejects with a MailError.
 */
export async function sendEmail(
  settings: SmtpSettings,
  email: OutgoingEmail,
  options: { timeoutMs?: number } = {},
): Promise<SentEmail> {
  const message = prepare(settings, email);
  const timeoutMs = options.timeoutMs ?? DEFAULT_SMTP_TIMEOUT_MS;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw new MailError('invalid', 'the SMTP timeout must be above 0');
  }
  const transport = nodemailer.createTransport(transportOptions(message.settings, timeoutMs));
  try {
    const info = await transport.sendMail({
      from: message.from,
      to: message.to,
      cc: message.cc.length ? message.cc : undefined,
      subject: message.subject,
      text: message.text,
      messageId: message.messageId,
      inReplyTo: message.inReplyTo ?? undefined,
      references: message.references.length ? message.references : undefined,
    });
    return {
      messageId: message.messageId,
      accepted: (info.accepted ?? []).map(addressText),
      rejected: (info.rejected ?? []).map(addressText),
      response: typeof info.response === 'string' ? info.response : String(info.response ?? ''),
    };
  } catch (error) {
    throw toMailError(error, message, timeoutMs);
  } finally {
    transport.close();
  }
}

const addressText = (a: unknown): string =>
  typeof a === 'string' ? a : isRecord(a) && typeof a['address'] === 'string' ? a['address'] : String(a);

// ---------------------------------------------------------------------------------------------
// Errors

interface NodemailerFailure {
  code?: string;
  originalCode?: string;
  responseCode?: number;
  response?: string;
  command?: string;
  message?: string;
  rejected?: unknown[];
  reason?: string;
}

const TLS_CODE =
  /^(?:ERR_SSL_|ERR_TLS_|CERT_|DEPTH_ZERO_|SELF_SIGNED_|UNABLE_TO_|HOSTNAME_MISMATCH|ERR_OSSL_)/;
const CERT_CODE = /^(?:CERT_|DEPTH_ZERO_|SELF_SIGNED_|UNABLE_TO_|ERR_TLS_CERT_|HOSTNAME_MISMATCH)/;

/** Turns a nodemailer/socket failure into a MailError with one sentence the seeker can act on. */
function toMailError(error: unknown, message: Prepared, timeoutMs: number): MailError {
  const settings = message.settings;
  const e: NodemailerFailure = isRecord(error) ? (error as NodemailerFailure) : { message: String(error) };
  const where = `${settings.host}:${settings.port}`;
  const code = e.code ?? '';
  const original = e.originalCode ?? '';
  const secret = settings.password;
  const clean = (text: string | undefined): string => {
    let line = (text ?? '').replace(/\s+/g, ' ').trim();
    if (secret) line = line.split(secret).join('***');
    return line.length > 200 ? `${line.slice(0, 197)}...` : line;
  };
  const reply = clean(e.response);
  const withReply = reply ? ` (${reply})` : '';
  const make = (c: MailErrorCode, text: string): MailError => new MailError(c, text, { cause: error });
  const errorText = `${e.message ?? ''} ${reply}`;

  // authentication
  if (code === 'EAUTH') {
    return make(
      'auth',
      `the mail server ${where} refused the user name or password${withReply}; check them, and for Gmail or Outlook use an app password`,
    );
  }
  if (code === 'ENOAUTH' || e.responseCode === 530 || (code === 'EENVELOPE' && /authenticat/i.test(reply))) {
    const how = settings.security === 'none' ? ' and use "starttls" or "tls" security' : '';
    return make(
      'auth',
      `the mail server ${where} requires signing in${withReply}; enter the user name and password${how}`,
    );
  }

  // TLS
  const tlsish = code === 'ETLS' || code === 'EREQUIRETLS' || TLS_CODE.test(original) || TLS_CODE.test(code);
  if (tlsish) {
    if (e.command === 'STARTTLS' && e.response) {
      return make(
        'tls',
        `the mail server ${where} does not offer STARTTLS${withReply}; use "tls" security with port 465, or check the port`,
      );
    }
    if (CERT_CODE.test(original) || /certificate/i.test(errorText)) {
      return make(
        'tls',
        `the certificate of the mail server ${where} is not trusted (${clean(e.reason ?? e.message)}); check the host name, and turn off certificate checking only if you trust this server`,
      );
    }
    if (/wrong version number|packet length too long|unknown protocol/i.test(errorText)) {
      return make(
        'tls',
        `could not start TLS with the mail server ${where}; port ${settings.port} may expect STARTTLS, so use "starttls" security (or port 465 for "tls")`,
      );
    }
    return make(
      'tls',
      `could not set up an encrypted connection with the mail server ${where}; check the port and the security setting (465 uses "tls", 587 uses "starttls")`,
    );
  }

  // reaching the server
  if (original === 'ECONNREFUSED') {
    return make(
      'connection',
      `could not reach the mail server ${where}: connection refused; check the host and port`,
    );
  }
  if (code === 'EDNS' || original === 'ENOTFOUND' || original === 'EAI_AGAIN') {
    return make(
      'connection',
      `could not reach the mail server ${where}: the host name was not found; check the host and your network`,
    );
  }
  if (original === 'ETIMEDOUT') {
    return make(
      'connection',
      `could not reach the mail server ${where}: the connection timed out; check the host and port`,
    );
  }
  if (['EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN', 'EADDRNOTAVAIL'].includes(original)) {
    return make(
      'connection',
      `could not reach the mail server ${where}: the network is unreachable; check your connection and the host`,
    );
  }
  if (code === 'ETIMEDOUT') {
    const seconds = Math.round((timeoutMs / 1000) * 10) / 10;
    return make(
      'timeout',
      `the mail server ${where} did not answer within ${seconds} s; check the host, the port and the security setting, or try again later`,
    );
  }

  // the server refused something
  if (code === 'EENVELOPE' && e.command === 'MAIL FROM') {
    return make(
      'rejected',
      `the mail server ${where} refused the sender ${message.from.address}${withReply}; use the address of the account you sign in with`,
    );
  }
  if (code === 'EENVELOPE' && e.command === 'RCPT TO') {
    const refused = (e.rejected ?? []).map(addressText);
    const who = refused.length
      ? refused.join(', ')
      : [message.to, ...message.cc].map((m) => m.address).join(', ');
    const noun = refused.length > 1 ? 'recipients' : 'recipient';
    return make(
      'rejected',
      `the mail server ${where} refused the ${noun} ${who}${withReply}; check the address`,
    );
  }
  if (code === 'EMESSAGE' || (code === 'EENVELOPE' && e.command === 'DATA')) {
    return make(
      'rejected',
      `the mail server ${where} refused the message${withReply}; check the recipients and the text`,
    );
  }
  if (code === 'EENVELOPE' || code === 'EMAXRECIPIENTS' || code === 'ECONFIG') {
    return make('invalid', `the email could not be sent through ${where}: ${clean(e.message)}`);
  }
  if (original === 'ECONNRESET' || code === 'ECONNECTION' || code === 'EPROTOCOL') {
    const why = original === 'ECONNRESET' ? 'the connection was reset' : 'the server closed the connection';
    return make(
      'connection',
      `${why} by the mail server ${where}${withReply}; check the port and the security setting (465 uses "tls", 587 uses "starttls")`,
    );
  }
  return make(
    'connection',
    `could not send through the mail server ${where} (${clean(e.message) || 'unknown error'}); check the host, port and security setting`,
  );
}
