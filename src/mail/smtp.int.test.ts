/**
 * sendEmail against a real SMTP server (smtp-server) on 127.0.0.1, no mocks: what arrives is
 * parsed back (headers unfolded, encoded words and transfer encodings decoded) and compared.
 */
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { SMTPServerOptions } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { Problem } from '../domain/errors.js';
import { MailError, sendEmail, validateSmtpSettings } from './smtp.js';
import type { OutgoingEmail, SmtpSettings } from './smtp.js';

// ---------------------------------------------------------------------------------------------
// A real server, and what it received

interface Received {
  raw: Buffer;
  mailFrom: string;
  rcptTo: string[];
  user: unknown;
  secure: boolean;
}

interface TestServer {
  port: number;
  received: Received[];
  /** TCP connections the server saw. */
  connections: () => number;
  authAttempts: () => number;
}

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((close) => close()));
});

async function listen(server: net.Server): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return (server.address() as AddressInfo).port;
}

async function startServer(options: SMTPServerOptions = {}): Promise<TestServer> {
  const received: Received[] = [];
  let connections = 0;
  let authAttempts = 0;
  const { onAuth } = options;
  const server = new SMTPServer({
    logger: false,
    disableReverseLookup: true,
    authOptional: true,
    closeTimeout: 250,
    onConnect(_session, callback) {
      connections += 1;
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const envelope = session.envelope;
        received.push({
          raw: Buffer.concat(chunks),
          mailFrom: envelope.mailFrom ? envelope.mailFrom.address : '',
          rcptTo: envelope.rcptTo.map((r) => r.address),
          user: session.user,
          secure: session.secure,
        });
        callback();
      });
    },
    ...options,
    ...(onAuth && {
      onAuth(auth, session, callback) {
        authAttempts += 1;
        onAuth(auth, session, callback);
      },
    }),
  });
  server.on('error', () => {}); // a client dropping the connection is not a test failure
  const port = await listen(server.server);
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { port, received, connections: () => connections, authAttempts: () => authAttempts };
}

/** A port with nothing listening: listen on it, then close. */
async function freePort(): Promise<number> {
  const server = net.createServer();
  const port = await listen(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Accepts TCP connections and never says a word. */
async function silentServer(): Promise<number> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
  });
  const port = await listen(server);
  cleanups.push(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return port;
}

// ---------------------------------------------------------------------------------------------
// A tiny RFC 5322 / MIME reader, enough for one text/plain part

interface Parsed {
  header: (name: string) => string | undefined;
  rawHeader: (name: string) => string | undefined;
  body: string;
}

function hexBytes(text: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const hex = text.slice(i + 1, i + 3);
    if (text[i] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(text.charCodeAt(i));
    }
  }
  return Buffer.from(bytes);
}

/** RFC 2047: decodes =?UTF-8?Q?…?= / =?UTF-8?B?…?= words; whitespace between two words goes. */
function decodeWords(value: string): string {
  const word = /=\?([^?]+)\?([QB])\?([^?]*)\?=/gi;
  const joined = value.replace(/(\?=)\s+(?==\?)/g, '$1');
  let out = '';
  let pending: Buffer[] = [];
  let last = 0;
  const flush = (): void => {
    out += Buffer.concat(pending).toString('utf8');
    pending = [];
  };
  for (const match of joined.matchAll(word)) {
    if (match.index > last) {
      flush();
      out += joined.slice(last, match.index);
    }
    expect(match[1]!.toLowerCase()).toBe('utf-8');
    const text = match[3]!;
    pending.push(
      match[2]!.toUpperCase() === 'B' ? Buffer.from(text, 'base64') : hexBytes(text.replace(/_/g, ' ')),
    );
    last = match.index + match[0].length;
  }
  flush();
  return out + joined.slice(last);
}

function parseMessage(raw: Buffer): Parsed {
  const text = raw.toString('latin1');
  const split = text.indexOf('\r\n\r\n');
  expect(split).toBeGreaterThan(0);
  const headerBlock = text.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const headers = new Map<string, string>();
  for (const line of headerBlock.split('\r\n')) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trim().toLowerCase();
    expect(headers.has(name), `one ${name} header`).toBe(false);
    headers.set(name, line.slice(colon + 1).trim());
  }
  const rawBody = text.slice(split + 4);
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  expect(headers.get('content-type')).toMatch(/^text\/plain;\s*charset=utf-8/i);
  let body: Buffer;
  if (encoding === 'quoted-printable') body = hexBytes(rawBody.replace(/=\r\n/g, ''));
  else if (encoding === 'base64') body = Buffer.from(rawBody.replace(/\s+/g, ''), 'base64');
  else body = Buffer.from(rawBody, 'latin1');
  return {
    header: (name) => {
      const value = headers.get(name.toLowerCase());
      return value === undefined ? undefined : decodeWords(value);
    },
    rawHeader: (name) => headers.get(name.toLowerCase()),
    body: body.toString('utf8').replace(/\r\n/g, '\n'),
  };
}

// ---------------------------------------------------------------------------------------------

const settingsFor = (port: number, extra: Partial<SmtpSettings> = {}): SmtpSettings => ({
  host: '127.0.0.1',
  port,
  security: 'none',
  user: null,
  password: null,
  from: 'Sam Carter <sam@example.org>',
  ...extra,
});

const draft: OutgoingEmail = {
  to: 'Dana Lee <dana@acme.example>',
  subject: 'Merci — entretien du 10 novembre',
  text: [
    'Bonjour Dana,',
    '',
    'Merci pour l’entretien du 10 novembre — j’ai beaucoup apprécié l’échange avec l’équipe, et la démonstration du produit. 🙏',
    '.a line that starts with a dot',
    'From the start of a line; trailing spaces   ',
    '面接の機会をいただき、ありがとうございました。Спасибо!',
    '',
    'Bien cordialement,',
    'Sam',
  ].join('\n'),
};

async function mailError(promise: Promise<unknown>): Promise<MailError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MailError);
  return error as MailError;
}

describe('sendEmail (real SMTP server on 127.0.0.1)', () => {
  it('delivers a new email: addresses, UTF-8 subject and body, and the returned Message-ID', async () => {
    const server = await startServer();
    const sent = await sendEmail(
      settingsFor(server.port),
      { ...draft, cc: ['"Carter, Sam" <sam.carter@example.org>', 'Zoë Martin <zoe@acme.example>'] },
      { timeoutMs: 2000 },
    );

    expect(sent.messageId).toMatch(/^<[0-9a-f-]{36}@example\.org>$/);
    expect(sent.accepted).toEqual(['dana@acme.example', 'sam.carter@example.org', 'zoe@acme.example']);
    expect(sent.rejected).toEqual([]);
    expect(sent.response).toMatch(/^250/);

    expect(server.received).toHaveLength(1);
    const got = server.received[0]!;
    expect(got.mailFrom).toBe('sam@example.org');
    expect(got.rcptTo).toEqual(['dana@acme.example', 'sam.carter@example.org', 'zoe@acme.example']);
    const message = parseMessage(got.raw);
    expect(message.header('From')).toBe('Sam Carter <sam@example.org>');
    expect(message.header('To')).toBe('Dana Lee <dana@acme.example>');
    expect(message.header('Cc')).toBe(
      '"Carter, Sam" <sam.carter@example.org>, Zoë Martin <zoe@acme.example>',
    );
    expect(message.header('Subject')).toBe('Merci — entretien du 10 novembre');
    expect(message.rawHeader('Subject')).toMatch(/^[\x20-\x7e]+$/); // encoded, not raw 8-bit
    expect(message.header('Message-ID')).toBe(sent.messageId);
    expect(message.header('In-Reply-To')).toBeUndefined();
    expect(message.header('References')).toBeUndefined();
    expect(message.header('Bcc')).toBeUndefined();
    expect(message.body.replace(/\n$/, '')).toBe(draft.text);
  });

  it('answers in a thread: In-Reply-To, and References with the answered id appended once', async () => {
    const server = await startServer();
    const settings = settingsFor(server.port);
    const first = await sendEmail(
      settings,
      { ...draft, inReplyTo: '<rejection-1@mail.acme.example>', references: ['<post-0@mail.acme.example>'] },
      { timeoutMs: 2000 },
    );
    const second = await sendEmail(
      settings,
      {
        ...draft,
        subject: 'Re: Your application',
        inReplyTo: '<rejection-1@mail.acme.example>',
        references: ['<post-0@mail.acme.example>', '<rejection-1@mail.acme.example>'],
      },
      { timeoutMs: 2000 },
    );
    expect(first.messageId).not.toBe(second.messageId);

    const [a, b] = server.received.map((r) => parseMessage(r.raw)) as [Parsed, Parsed];
    expect(a.header('Message-ID')).toBe(first.messageId);
    expect(a.header('In-Reply-To')).toBe('<rejection-1@mail.acme.example>');
    expect(a.header('References')).toBe('<post-0@mail.acme.example> <rejection-1@mail.acme.example>');
    expect(b.header('Message-ID')).toBe(second.messageId);
    expect(b.header('Subject')).toBe('Re: Your application');
    expect(b.header('References')).toBe('<post-0@mail.acme.example> <rejection-1@mail.acme.example>');
  });

  describe('authentication', () => {
    const authServer = () =>
      startServer({
        authMethods: ['PLAIN', 'LOGIN'],
        allowInsecureAuth: true,
        authOptional: false,
        onAuth(auth, _session, callback) {
          if (auth.username === 'sam' && auth.password === 'correct horse 42')
            callback(null, { user: 'sam' });
          else callback(new Error('Invalid username or password'));
        },
      });

    it('delivers with the right user name and password', async () => {
      const server = await authServer();
      await sendEmail(settingsFor(server.port, { user: 'sam', password: 'correct horse 42' }), draft, {
        timeoutMs: 2000,
      });
      expect(server.received).toHaveLength(1);
      expect(server.received[0]!.user).toBe('sam');
    });

    it('reports a wrong password as an auth error that does not contain the password', async () => {
      const server = await authServer();
      const password = 'wrong-Pa55word!';
      const error = await mailError(
        sendEmail(settingsFor(server.port, { user: 'sam', password }), draft, { timeoutMs: 2000 }),
      );
      expect(error.code).toBe('auth');
      expect(error.message).toContain(`127.0.0.1:${server.port}`);
      expect(error.message).toMatch(/refused the user name or password.*app password/);
      expect(error.message).not.toContain(password);
      expect(error.message).not.toContain(Buffer.from(password).toString('base64'));
      expect(error.message).not.toMatch(/\n/);
      expect(server.authAttempts()).toBe(1);
      expect(server.received).toHaveLength(0);
    });

    it('reports a server that requires signing in when no credentials are set', async () => {
      const server = await authServer();
      const error = await mailError(sendEmail(settingsFor(server.port), draft, { timeoutMs: 2000 }));
      expect(error.code).toBe('auth');
      expect(error.message).toMatch(/requires signing in/);
      expect(server.received).toHaveLength(0);
    });
  });

  it('reports a refused recipient as rejected, naming the address', async () => {
    const server = await startServer({
      onRcptTo(_address, _session, callback) {
        callback(Object.assign(new Error('No such user here'), { responseCode: 550 }));
      },
    });
    const error = await mailError(sendEmail(settingsFor(server.port), draft, { timeoutMs: 2000 }));
    expect(error.code).toBe('rejected');
    expect(error.message).toContain('dana@acme.example');
    expect(error.message).toContain('550 No such user here');
    expect(server.received).toHaveLength(0);
  });

  it('delivers to the accepted recipients and lists the refused copy', async () => {
    const server = await startServer({
      onRcptTo(address, _session, callback) {
        if (address.address === 'gone@acme.example') {
          callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
        } else callback();
      },
    });
    const sent = await sendEmail(
      settingsFor(server.port),
      { ...draft, cc: ['gone@acme.example'] },
      { timeoutMs: 2000 },
    );
    expect(sent.accepted).toEqual(['dana@acme.example']);
    expect(sent.rejected).toEqual(['gone@acme.example']);
    expect(server.received[0]!.rcptTo).toEqual(['dana@acme.example']);
  });

  it('reports nothing listening as a connection error, quickly', async () => {
    const port = await freePort();
    const started = Date.now();
    const error = await mailError(sendEmail(settingsFor(port), draft, { timeoutMs: 2000 }));
    expect(Date.now() - started).toBeLessThan(1500);
    expect(error.code).toBe('connection');
    expect(error.message).toBe(
      `could not reach the mail server 127.0.0.1:${port}: connection refused; check the host and port`,
    );
  });

  it('reports a server that never answers as a timeout', async () => {
    const port = await silentServer();
    const started = Date.now();
    const error = await mailError(sendEmail(settingsFor(port), draft, { timeoutMs: 300 }));
    expect(Date.now() - started).toBeLessThan(1500);
    expect(error.code).toBe('timeout');
    expect(error.message).toContain(`127.0.0.1:${port} did not answer within 0.3 s`);
  });

  describe('refuses a bad email before connecting', () => {
    const cases: [string, Partial<OutgoingEmail>, RegExp][] = [
      [
        'CR/LF in the subject',
        { subject: 'Thanks\r\nBcc: everyone@example.org' },
        /subject contains a line break/,
      ],
      ['LF in the subject', { subject: 'Thanks\nX-Injected: 1' }, /subject contains a line break/],
      [
        'CR/LF in the recipient',
        { to: 'dana@acme.example\r\nBcc: x@example.org' },
        /recipient contains a line break/,
      ],
      ['a recipient that is not an address', { to: 'Dana Lee' }, /"Dana Lee" is not an email address/],
      ['two recipients in one', { to: 'a@acme.example, b@acme.example' }, /is not an email address/],
      ['a bad cc', { cc: ['dana at acme'] }, /copy \(cc\)/],
      ['a bad In-Reply-To', { inReplyTo: '<not an id>' }, /Message-ID/],
      ['a bad reference', { references: ['<a@b>\r\nX: y'] }, /line break/],
    ];
    it.each(cases)('%s', async (_name, change, message) => {
      const server = await startServer();
      const error = await mailError(
        sendEmail(settingsFor(server.port), { ...draft, ...change }, { timeoutMs: 2000 }),
      );
      expect(error.code).toBe('invalid');
      expect(error.message).toMatch(message);
      expect(server.connections()).toBe(0);
    });

    it('bad settings', async () => {
      const server = await startServer();
      const error = await mailError(
        sendEmail(settingsFor(server.port, { from: 'Sam Carter' }), draft, { timeoutMs: 2000 }),
      );
      expect(error.code).toBe('invalid');
      expect(error.message).toMatch(/sender address/);
      expect(server.connections()).toBe(0);
    });
  });

  describe('TLS', () => {
    it('refuses to go on in plain text when STARTTLS is required but not offered', async () => {
      const server = await startServer({
        disabledCommands: ['STARTTLS'],
        allowInsecureAuth: true,
        onAuth: (_auth, _session, callback) => callback(null, { user: 'sam' }),
      });
      const error = await mailError(
        sendEmail(
          settingsFor(server.port, { security: 'starttls', user: 'sam', password: 'secret-123' }),
          draft,
          {
            timeoutMs: 2000,
          },
        ),
      );
      expect(error.code).toBe('tls');
      expect(error.message).toMatch(/does not offer STARTTLS/);
      expect(error.message).not.toContain('secret-123');
      expect(server.authAttempts()).toBe(0); // the password never went over the plain connection
      expect(server.received).toHaveLength(0);
    });

    it('upgrades with STARTTLS, and checks the certificate unless told not to', async () => {
      const server = await startServer(); // offers STARTTLS with smtp-server's self-signed certificate
      const error = await mailError(
        sendEmail(settingsFor(server.port, { security: 'starttls' }), draft, { timeoutMs: 2000 }),
      );
      expect(error.code).toBe('tls');
      expect(error.message).toMatch(/certificate .* is not trusted/);
      expect(server.received).toHaveLength(0);

      await sendEmail(settingsFor(server.port, { security: 'starttls', rejectUnauthorized: false }), draft, {
        timeoutMs: 2000,
      });
      expect(server.received).toHaveLength(1);
      expect(server.received[0]!.secure).toBe(true);
    });

    it('speaks implicit TLS, and explains a TLS client talking to a plain port', async () => {
      const tlsServer = await startServer({ secure: true });
      await sendEmail(settingsFor(tlsServer.port, { security: 'tls', rejectUnauthorized: false }), draft, {
        timeoutMs: 2000,
      });
      expect(tlsServer.received).toHaveLength(1);
      expect(tlsServer.received[0]!.secure).toBe(true);

      const plain = await startServer();
      const error = await mailError(
        sendEmail(settingsFor(plain.port, { security: 'tls', rejectUnauthorized: false }), draft, {
          timeoutMs: 2000,
        }),
      );
      expect(error.code).toBe('tls');
      expect(error.message).toContain(`127.0.0.1:${plain.port}`);
    });
  });
});

describe('validateSmtpSettings', () => {
  const valid = {
    host: 'smtp.example.org',
    port: 587,
    security: 'starttls',
    user: 'sam@example.org',
    password: 'hunter2-Secret',
    from: 'Sam Carter <sam@example.org>',
  };

  const problem = (input: unknown): Problem => {
    try {
      validateSmtpSettings(input);
    } catch (error) {
      expect(error).toBeInstanceOf(Problem);
      expect((error as Problem).code).toBe('invalid_input');
      expect((error as Problem).message).not.toMatch(/\n/);
      return error as Problem;
    }
    throw new Error('expected a Problem');
  };

  it('accepts good settings and fills the defaults', () => {
    expect(validateSmtpSettings(valid)).toEqual(valid);
    expect(
      validateSmtpSettings({
        ...valid,
        host: ' smtp.example.org ',
        user: ' sam ',
        rejectUnauthorized: false,
      }),
    ).toEqual({
      ...valid,
      user: 'sam',
      rejectUnauthorized: false,
    });
    expect(
      validateSmtpSettings({ host: 'smtp.gmail.com', port: 465, from: 'sam@example.org' }),
    ).toMatchObject({
      security: 'tls',
      user: null,
      password: null,
    });
    expect(
      validateSmtpSettings({ host: 'mail.example.org', port: '587', from: 'sam@example.org' }),
    ).toMatchObject({
      port: 587,
      security: 'starttls',
    });
    expect(
      validateSmtpSettings({ host: 'mail.example.org', security: 'tls', from: 'sam@example.org' }).port,
    ).toBe(465);
    expect(validateSmtpSettings({ ...valid, host: '127.0.0.1', security: 'none' }).host).toBe('127.0.0.1');
    expect(validateSmtpSettings({ ...valid, host: '[::1]' }).host).toBe('[::1]');
    expect(validateSmtpSettings({ ...valid, host: 'smtp.bücher.example' }).host).toBe('smtp.bücher.example');
    expect(validateSmtpSettings({ ...valid, from: '"Carter, Sam" <sam@example.org>' }).from).toBe(
      '"Carter, Sam" <sam@example.org>',
    );
  });

  it('refuses bad hosts, ports, senders and credentials with one clear line', () => {
    expect(problem(null).message).toMatch(/must be an object/);
    expect(problem({ ...valid, host: '' }).message).toMatch(/host is missing/);
    expect(problem({ ...valid, host: 'smtp://smtp.example.org' }).message).toMatch(/without "smtp:\/\/"/);
    expect(problem({ ...valid, host: 'smtp.example.org:587' }).message).toMatch(/port field/);
    expect(problem({ ...valid, host: 'smtp example org' }).message).toMatch(/not a valid server name/);
    expect(problem({ ...valid, host: 'smtp.example.org\r\nX' }).message).toMatch(/not a valid server name/);
    expect(problem({ ...valid, port: 0 }).message).toMatch(/port must be a whole number/);
    expect(problem({ ...valid, port: 70000 }).message).toMatch(/port/);
    expect(problem({ ...valid, port: 58.7 }).message).toMatch(/port/);
    expect(problem({ ...valid, port: 'smtp' }).message).toMatch(/port/);
    expect(problem({ ...valid, security: 'ssl' }).message).toMatch(/"tls", "starttls" or "none"/);
    expect(problem({ ...valid, from: '' }).message).toMatch(/sender address is missing/);
    expect(problem({ ...valid, from: 'Sam Carter' }).message).toMatch(/not an email address/);
    expect(problem({ ...valid, from: 'Sam <sam@>' }).message).toMatch(/not an email address/);
    expect(problem({ ...valid, from: 'sam@example.org\r\nBcc: x@y.z' }).message).toMatch(
      /not an email address/,
    );
    expect(problem({ ...valid, password: null }).message).toMatch(/password is missing/);
    expect(problem({ ...valid, user: null }).message).toMatch(/user name is missing/);
    expect(problem({ ...valid, rejectUnauthorized: 'no' }).message).toMatch(/rejectUnauthorized/);
    for (const bad of [
      { ...valid, port: -1 },
      { ...valid, user: null },
      { ...valid, host: '' },
    ]) {
      expect(problem(bad).message).not.toContain('hunter2-Secret');
    }
  });
});
