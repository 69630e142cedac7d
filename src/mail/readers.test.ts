import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Problem } from '../domain/errors.js';
import { htmlToText, parseEml } from './eml.js';
import { MboxSplitter, readDirectory, readEmlFile, readInput, readMbox } from './readers.js';
import type { RawMessage } from './readers.js';

const dir = mkdtempSync(join(tmpdir(), 'onward-readers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let fileCount = 0;
function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, `${++fileCount}-${name}`);
  writeFileSync(path, content);
  return path;
}

async function all(messages: AsyncIterable<RawMessage>): Promise<RawMessage[]> {
  const out: RawMessage[] = [];
  for await (const m of messages) out.push(m);
  return out;
}

const text = (m: RawMessage | undefined): string => Buffer.from(m!.bytes).toString('latin1');

async function problemOf(messages: AsyncIterable<RawMessage>): Promise<Problem> {
  try {
    await all(messages);
  } catch (error) {
    if (error instanceof Problem) return error;
    throw error;
  }
  throw new Error('expected a Problem');
}

/** Writes messages as mboxrd: every line matching /^>*From / gets one more ">". */
function mboxrd(messages: string[], eol = '\n'): string {
  return messages
    .map((message, i) => {
      const body = message
        .split(eol)
        .map((line) => (/^>*From /.test(line) ? `>${line}` : line))
        .join(eol);
      return `From sender${i}@example.com Mon Nov 23 09:00:0${i % 10} 2026${eol}${body}${eol}`;
    })
    .join('');
}

const latin1 = (s: string): Buffer => Buffer.from(s, 'latin1');

// ---------------------------------------------------------------------------------------------
// MIME, through parseEml, on messages the readers deliver

describe('MIME variety (read from disk, parsed with parseEml)', () => {
  async function parsedFile(content: string | Uint8Array) {
    const [raw] = await all(readEmlFile(file('m.eml', content)));
    return parseEml(raw!.bytes);
  }

  it('multipart/alternative: takes the plain text part', async () => {
    const email = await parsedFile(
      [
        'From: Dana Recruiter <dana@acme.example>',
        'To: me@example.com',
        'Subject: Interview invitation',
        'Message-ID: <alt-1@acme.example>',
        'MIME-Version: 1.0',
        'Content-Type: multipart/alternative; boundary="alt"',
        '',
        '--alt',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'We would like to invite you to an interview.',
        '--alt',
        'Content-Type: text/html; charset=utf-8',
        '',
        '<p>We would like to <b>invite</b> you to an interview.</p>',
        '--alt--',
        '',
      ].join('\r\n'),
    );
    expect(email.subject).toBe('Interview invitation');
    expect(email.text).toBe('We would like to invite you to an interview.');
    expect(email.fromName).toBe('Dana Recruiter');
    expect(email.messageId).toBe('<alt-1@acme.example>');
  });

  it('HTML-only: readable text with line breaks, list items and entities', async () => {
    const email = await parsedFile(
      [
        'From: jobs@acme.example',
        'Subject: Your application',
        'Content-Type: text/html; charset=utf-8',
        '',
        '<html><head><style>p{color:red}</style></head><body>',
        '<p>Thank you for applying &ndash; we&rsquo;ve received it.</p>',
        '<ul><li>Role: Data Analyst</li><li>Ref: A&amp;B&#x2019;s &amp;lt;42&amp;gt;</li></ul>',
        'Best,<br>Acme Talent</body></html>',
      ].join('\n'),
    );
    expect(email.text).toContain('Thank you for applying \u2013 we\u2019ve received it.');
    expect(email.text).toContain('• Role: Data Analyst');
    expect(email.text).toContain('A&B\u2019s &lt;42&gt;');
    expect(email.text).toContain('Best,\nAcme Talent');
    expect(email.text).not.toContain('color');
    expect(email.text).not.toContain('<');
  });

  it('quoted-printable: soft line breaks and encoded bytes', async () => {
    const email = await parsedFile(
      [
        'From: hr@example.com',
        'Subject: =?utf-8?Q?Caf=C3=A9_team_=E2=80=93_next_steps?=',
        'Content-Type: text/plain; charset=utf-8',
        'Content-Transfer-Encoding: quoted-printable',
        '',
        'We were impressed by your r=C3=A9sum=C3=A9 and would like to talk. This line is lo=',
        'ng enough to be wrapped.',
      ].join('\r\n'),
    );
    expect(email.subject).toBe('Café team – next steps');
    expect(email.text).toBe(
      'We were impressed by your résumé and would like to talk. This line is long enough to be wrapped.',
    );
  });

  it('base64 body', async () => {
    const body = Buffer.from('Unfortunately we will not be moving forward. Ça va?', 'utf8').toString(
      'base64',
    );
    const email = await parsedFile(
      [
        'From: hr@example.com',
        'Subject: Update',
        'Content-Type: text/plain; charset=UTF-8',
        'Content-Transfer-Encoding: base64',
        '',
        body.slice(0, 40),
        body.slice(40),
      ].join('\r\n'),
    );
    expect(email.text).toBe('Unfortunately we will not be moving forward. Ça va?');
  });

  it('ISO-8859-1 subject (encoded word) and body', async () => {
    const email = await parsedFile(
      latin1(
        [
          'From: =?ISO-8859-1?Q?Ren=E9e_M=FCller?= <renee@example.de>',
          'Subject: =?ISO-8859-1?Q?Ihre_Bewerbung_=FCber_unser_Portal?=',
          'Content-Type: text/plain; charset=ISO-8859-1',
          'Content-Transfer-Encoding: 8bit',
          '',
          'Vielen Dank f\xfcr Ihre Bewerbung. Gr\xfc\xdfe',
        ].join('\r\n'),
      ),
    );
    expect(email.subject).toBe('Ihre Bewerbung über unser Portal');
    expect(email.fromName).toBe('Renée Müller');
    expect(email.text).toBe('Vielen Dank für Ihre Bewerbung. Grüße');
  });

  it('Windows-1252: curly quotes, dashes and euro signs come out right', async () => {
    const email = await parsedFile(
      latin1(
        [
          'From: hr@example.com',
          'Subject: =?windows-1252?Q?=93Next_steps=94_=96_offer?=',
          'Content-Type: text/plain; charset=windows-1252',
          'Content-Transfer-Encoding: quoted-printable',
          '',
          'We=92re pleased to offer =8045,000 =97 welcome!',
        ].join('\r\n'),
      ),
    );
    expect(email.subject).toBe('\u201cNext steps\u201d \u2013 offer');
    expect(email.text).toBe('We\u2019re pleased to offer \u20ac45,000 \u2014 welcome!');
  });

  it('raw 8-bit header bytes (not encoded words) are read in the message charset', async () => {
    const email = await parsedFile(
      latin1(
        [
          'From: Ren\xe9e <hr@example.fr>',
          'Subject: Votre candidature \x96 r\xe9ponse',
          'Content-Type: text/plain; charset=windows-1252',
          '',
          '\x93Merci\x94',
        ].join('\n'),
      ),
    );
    expect(email.subject).toBe('Votre candidature \u2013 réponse');
    expect(email.fromName).toBe('Renée');
    expect(email.text).toBe('\u201cMerci\u201d');
  });

  it('Shift_JIS subject and body', async () => {
    const email = await parsedFile(
      Buffer.concat([
        latin1(
          [
            'From: =?Shift_JIS?B?k/qWe4zq?= <saiyo@example.jp>',
            'Subject: =?Shift_JIS?B?lsqQ2g==?= =?Shift_JIS?B?gqiSbYLngrk=?=',
            'Content-Type: text/plain; charset=Shift_JIS',
            'Content-Transfer-Encoding: 8bit',
            '',
            '',
          ].join('\r\n'),
        ),
        Buffer.from('96ca90da82a8926d82e782b9', 'hex'),
      ]),
    );
    expect(email.subject).toBe('面接お知らせ');
    expect(email.fromName).toBe('日本語');
    expect(email.text).toBe('面接お知らせ');
  });

  it('attachments are skipped: only the message text is kept', async () => {
    const pdf = Buffer.from('%PDF-1.4 SECRET-ATTACHMENT-CONTENT').toString('base64');
    const email = await parsedFile(
      [
        'From: hr@example.com',
        'Subject: Your offer letter',
        'Content-Type: multipart/mixed; boundary="mix"',
        '',
        '--mix',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'Please find your offer letter attached.',
        '--mix',
        'Content-Type: application/pdf; name="offer.pdf"',
        'Content-Disposition: attachment; filename="offer.pdf"',
        'Content-Transfer-Encoding: base64',
        '',
        pdf,
        '--mix',
        'Content-Type: text/plain; name="notes.txt"',
        'Content-Disposition: attachment; filename="notes.txt"',
        '',
        'ATTACHED-NOTES-TEXT',
        '--mix--',
        '',
      ].join('\r\n'),
    );
    expect(email.text).toBe('Please find your offer letter attached.');
    expect(email.text).not.toContain('SECRET');
    expect(email.text).not.toContain('ATTACHED-NOTES');
  });

  it('a broken MIME boundary and an unknown charset still give the text', async () => {
    const email = await parsedFile(
      [
        'From: hr@example.com',
        'Subject: Broken',
        'Content-Type: multipart/alternative; boundary="never-closed"',
        '',
        '--never-closed',
        'Content-Type: text/plain; charset=x-no-such-charset',
        '',
        'We would like to schedule a call.',
      ].join('\r\n'),
    );
    expect(email.subject).toBe('Broken');
    expect(email.text).toBe('We would like to schedule a call.');
  });

  it('htmlToText decodes each entity once', () => {
    expect(htmlToText('a &amp;lt; b &toString; &#0; &#x1F600;')).toBe('a &lt; b &toString; &#0; 😀');
  });
});

// ---------------------------------------------------------------------------------------------
// mbox

const plainMessage = (n: number, body: string, eol = '\n'): string =>
  [`From: hr${n}@example.com`, `Subject: Message ${n}`, `Message-ID: <m${n}@example.com>`, '', body, ''].join(
    eol,
  );

describe('readMbox', () => {
  it('reads messages in order, named by 1-based index', async () => {
    const messages = [plainMessage(1, 'one'), plainMessage(2, 'two'), plainMessage(3, 'three')];
    const path = file('inbox.mbox', mboxrd(messages));
    const read = await all(readMbox(path));
    expect(read.map((m) => m.source)).toEqual([`${path}#1`, `${path}#2`, `${path}#3`]);
    expect(read.map(text)).toEqual(messages);
    const parsed = await Promise.all(read.map((m) => parseEml(m.bytes)));
    expect(parsed.map((e) => e.subject)).toEqual(['Message 1', 'Message 2', 'Message 3']);
  });

  it('mboxrd escaping round trip: "From " lines with any number of ">" come back unchanged', async () => {
    const tricky = plainMessage(
      1,
      [
        'First line.',
        '',
        'From the team: thank you.',
        '>From a quoted reply',
        '>>From a quote of a quote',
        '>>>From deeper still',
        ' From not at the start of the line',
        '>not a From line',
        '',
        'From Mon Nov 23 09:00:00 2026 looks like a postmark but is escaped',
      ].join('\n'),
    );
    const messages = [tricky, plainMessage(2, 'From here on, plain.')];
    const written = mboxrd(messages);
    expect(written).toContain('\n>From the team');
    expect(written).toContain('\n>>>>From deeper still');
    const read = await all(readMbox(file('escaped.mbox', written)));
    expect(read.map(text)).toEqual(messages);
  });

  it('mboxo written without escaping: a "From " line in a body does not start a new message', async () => {
    const body = 'Thanks for your time.\n\nFrom now on, please write to careers@acme.example.\nBest, Acme';
    const mbox =
      `From hr@acme.example Mon Nov 23 09:00:00 2026\n${plainMessage(1, body)}\n` +
      `From hr@acme.example Tue Nov 24 10:30:00 2026\n${plainMessage(2, 'Second.')}\n`;
    const read = await all(readMbox(file('mboxo.mbox', mbox)));
    expect(read).toHaveLength(2);
    expect(text(read[0])).toBe(plainMessage(1, body));
    expect((await parseEml(read[0]!.bytes)).text).toContain('From now on, please write');
    expect(text(read[1])).toBe(plainMessage(2, 'Second.'));
  });

  it('postmarks in the styles of Gmail Takeout and Thunderbird', async () => {
    const mbox =
      'From 1781234567890123456@xxx Mon Nov 23 09:00:00 +0000 2026\nX-GM-THRID: 1781234567890123456\n' +
      plainMessage(1, 'a') +
      '\nFrom - Tue Nov 24 10:00:00 2026\nX-Mozilla-Status: 0001\n' +
      plainMessage(2, 'b') +
      '\n';
    const read = await all(readMbox(file('styles.mbox', mbox)));
    expect(read).toHaveLength(2);
    expect(text(read[0])).toBe(`X-GM-THRID: 1781234567890123456\n${plainMessage(1, 'a')}`);
    expect(text(read[1])).toBe(`X-Mozilla-Status: 0001\n${plainMessage(2, 'b')}`);
  });

  it('CRLF files: CRLF kept inside messages, the separator line dropped', async () => {
    const messages = [plainMessage(1, 'one\r\n\r\nFrom the team', '\r\n'), plainMessage(2, 'two', '\r\n')];
    const path = file('crlf.mbox', mboxrd(messages, '\r\n'));
    const read = await all(readMbox(path));
    expect(read.map(text)).toEqual(messages);
    expect((await parseEml(read[0]!.bytes)).text).toBe('one\n\nFrom the team');
  });

  it('an empty mbox, or one of blank lines, has no messages', async () => {
    expect(await all(readMbox(file('empty.mbox', '')))).toEqual([]);
    expect(await all(readMbox(file('blank.mbox', '\n\r\n\n')))).toEqual([]);
  });

  it('a truncated last message: the ones before are whole, the last comes as far as it goes', async () => {
    const whole = mboxrd([plainMessage(1, 'one'), plainMessage(2, 'two')]);
    const cut = `${whole}From x@example.com Mon Nov 23 09:00:00 2026\nFrom: hr3@example.com\nSubject: Mess`;
    const read = await all(readMbox(file('truncated.mbox', cut)));
    expect(read.map(text)).toEqual([
      plainMessage(1, 'one'),
      plainMessage(2, 'two'),
      'From: hr3@example.com\nSubject: Mess',
    ]);
    const last = await parseEml(read[2]!.bytes);
    expect(last.subject).toBe('Mess');
  });

  it('a file that is not an mbox is refused with a reason', async () => {
    const problem = await problemOf(readMbox(file('notes.mbox', 'Dear diary,\nFrom today on...\n')));
    expect(problem.code).toBe('unsupported_format');
    expect(problem.message).toMatch(/not an mbox file/);
  });

  it('a missing file is a clear invalid_input', async () => {
    const problem = await problemOf(readMbox(join(dir, 'nope.mbox')));
    expect(problem.code).toBe('invalid_input');
    expect(problem.message).toMatch(/does not exist/);
  });

  it('stops when the signal is aborted', async () => {
    const path = file('abort.mbox', mboxrd([1, 2, 3, 4].map((n) => plainMessage(n, 'x'))));
    const controller = new AbortController();
    const seen: string[] = [];
    await expect(async () => {
      for await (const m of readMbox(path, { signal: controller.signal })) {
        seen.push(m.source);
        controller.abort();
      }
    }).rejects.toThrow();
    expect(seen).toHaveLength(1);
  });
});

describe('MboxSplitter', () => {
  function split(input: Buffer, chunkSize: number, options?: { maxMessageBytes?: number }): string[] {
    const splitter = new MboxSplitter('test.mbox', options);
    const out: Buffer[] = [];
    for (let i = 0; i < input.length; i += chunkSize)
      out.push(...splitter.push(input.subarray(i, i + chunkSize)));
    out.push(...splitter.end());
    return out.map((b) => b.toString('latin1'));
  }

  const messages = [
    plainMessage(1, 'one\n\nFrom the start\n>From quoted\n\n'),
    plainMessage(2, 'Thanks.\n\nFrom now on, write to jobs@example.com\n>>From x'),
    plainMessage(3, 'From: not a header in a body\n\n'),
    plainMessage(4, ''),
  ];
  const withLongLine = [...messages, plainMessage(5, `${'long line '.repeat(10_000)}\n>>From x`)];
  const lf = (list: string[]) => Buffer.from(mboxrd(list), 'latin1');
  const crlf = (list: string[]) => Buffer.from(mboxrd(toCrlf(list), '\r\n'), 'latin1');
  const toCrlf = (list: string[]) => list.map((m) => m.replace(/\n/g, '\r\n'));

  it.each([1, 2, 3, 5, 7, 13])('gives the same messages whatever the chunk size (%i bytes)', (size) => {
    expect(split(lf(messages), size)).toEqual(messages);
    expect(split(crlf(messages), size)).toEqual(toCrlf(messages));
  });

  it.each([64, 1000, 65_536, 1 << 20])('the same with a 100 KB line (chunks of %i bytes)', (size) => {
    expect(split(lf(withLongLine), size)).toEqual(withLongLine);
    expect(split(crlf(withLongLine), size)).toEqual(toCrlf(withLongLine));
  });

  it('a line longer than its buffer is passed through whole', () => {
    const huge = plainMessage(1, `>From ${'y'.repeat(300_000)}\nend`);
    expect(split(Buffer.from(mboxrd([huge])), 4096)).toEqual([huge]);
  });

  it('cuts a message off just past the size limit, and goes on with the next', () => {
    const big = plainMessage(1, 'z'.repeat(5000));
    const out = split(Buffer.from(mboxrd([big, plainMessage(2, 'small')])), 333, { maxMessageBytes: 1000 });
    expect(out[0]).toBe(big.slice(0, 1001));
    expect(out[1]).toBe(plainMessage(2, 'small'));
  });

  it('a file without a final newline keeps its last line', () => {
    expect(split(Buffer.from('From a@b Mon Nov 23 09:00:00 2026\nSubject: x\n\nno newline'), 4)).toEqual([
      'Subject: x\n\nno newline',
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// Files, folders and dispatch

describe('readDirectory and readInput', () => {
  const tree = join(dir, 'tree');
  const eml = (subject: string): string => `From: a@example.com\nSubject: ${subject}\n\nbody\n`;
  mkdirSync(join(tree, 'b', 'cur'), { recursive: true });
  mkdirSync(join(tree, '.hidden'), { recursive: true });
  writeFileSync(join(tree, '10.eml'), eml('ten'));
  writeFileSync(join(tree, '2.EML'), eml('two'));
  writeFileSync(join(tree, 'a-no-extension'), eml('no extension'));
  writeFileSync(join(tree, 'notes'), 'just some notes, not an email');
  writeFileSync(join(tree, 'readme.txt'), eml('a .txt is skipped'));
  writeFileSync(join(tree, '.DS_Store'), eml('hidden'));
  writeFileSync(join(tree, '.hidden', 'x.eml'), eml('hidden folder'));
  writeFileSync(join(tree, 'b', 'cur', '1700000000.M1P2.host,S=40:2,S'), eml('maildir'));
  writeFileSync(join(tree, 'b', 'z.eml'), eml('nested'));

  it('reads *.eml, extensionless emails and Maildir files recursively, in name order', async () => {
    const read = await all(readDirectory(tree));
    expect(read.map((m) => m.source)).toEqual([
      join(tree, '2.EML'),
      join(tree, '10.eml'),
      join(tree, 'a-no-extension'),
      join(tree, 'b', 'cur', '1700000000.M1P2.host,S=40:2,S'),
      join(tree, 'b', 'z.eml'),
    ]);
    const subjects = await Promise.all(read.map(async (m) => (await parseEml(m.bytes)).subject));
    expect(subjects).toEqual(['two', 'ten', 'no extension', 'maildir', 'nested']);
  });

  it('readInput dispatches on what the path holds', async () => {
    expect(await all(readInput(tree))).toHaveLength(5);
    const single = file('one.eml', eml('single'));
    expect((await all(readInput(single))).map((m) => m.source)).toEqual([single]);
    const mbox = file('export.mbx', mboxrd([eml('x'), eml('y')]));
    expect(await all(readInput(mbox))).toHaveLength(2);
    const sniffed = file('mail-export', mboxrd([eml('x'), eml('y'), eml('z')]));
    expect((await all(readInput(sniffed))).map((m) => m.source)).toEqual(
      [1, 2, 3].map((n) => `${sniffed}#${n}`),
    );
  });

  it('readInput explains what is wrong with a path', async () => {
    const missing = await problemOf(readInput(join(dir, 'missing.eml')));
    expect(missing.code).toBe('invalid_input');
    expect(missing.message).toContain('missing.eml does not exist');
    const pdf = await problemOf(readInput(file('cv.pdf', '%PDF-1.4\n%âãÏÓ\n1 0 obj\n')));
    expect(pdf.code).toBe('unsupported_format');
    expect(pdf.message).toMatch(/neither an email \(\.eml\) nor a mailbox/);
    const empty = await problemOf(readInput(file('empty.eml', '')));
    expect(empty.code).toBe('unsupported_format');
    const notMbox = await problemOf(readInput(file('fake.mbox', 'hello\n')));
    expect(notMbox.code).toBe('unsupported_format');
  });

  it('readEmlFile and readDirectory refuse the wrong kind of path', async () => {
    expect((await problemOf(readEmlFile(tree))).message).toMatch(/is not a file/);
    expect((await problemOf(readDirectory(join(tree, '10.eml')))).message).toMatch(/is not a folder/);
  });
});
