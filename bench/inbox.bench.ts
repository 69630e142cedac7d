/**
 * Inbox benchmark: how fast a mailbox is read, parsed, classified and imported, and how much memory
 * that takes.
 *
 *   npm run bench:inbox                                  # 100,000 messages
 *   ONWARD_BENCH_MESSAGES=20000 npm run bench:inbox      # fewer
 *   ONWARD_BENCH_MBOX_MB=1024 npm run bench:inbox        # a ~1 GB mbox: (a) and (b), RSS sampled
 *
 * A synthetic mbox is written to a temp folder from a seeded PRNG (ONWARD_BENCH_SEED), so every
 * run on every machine reads the same bytes: job-search mail of all five classes (templates
 * written for this benchmark; every name and company is made up), 2–20 KB with a long tail up to
 * 1.5 MB, plain text, multipart/alternative, HTML-only, quoted-printable, base64, 8-bit ISO-8859-1,
 * Windows-1252 and Shift_JIS, and some attachments (PDF, .ics).
 *
 * Each phase runs in its own child process, so that its peak RSS (getrusage maxrss) is its own:
 *   read      readMbox alone (the streaming splitter)
 *   (a)       bare postal-mime: PostalMime.parse on every message readMbox yields
 *   (a')      parseEml, Onward's wrapper (text from HTML, charset repairs); only when asked for with
 *             ONWARD_BENCH_PHASES=read,postal,eml,classify,import
 *   (b)       parseEml + classifyEmail (src/text/classify.ts)
 *   (c)       importInbox into a fresh SQLite file (src/services/inbox.ts); ONWARD_BENCH_IMPORT_MESSAGES
 *             limits it to the first N messages
 * (b) and (c) are skipped, with a line saying why, while their modules are missing.
 *
 * Targets (issue 5): (b) at ≥ 70% of (a)'s throughput; (c) ≥ 1,000 messages/s on one core; peak
 * RSS < 300 MB on a 1 GB mbox. ONWARD_BENCH_KEEP=1 keeps the mbox (and says where).
 * Progress goes to stderr, the results to stdout.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import type { WriteStream } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import PostalMime from 'postal-mime';
import { parseEml } from '../src/mail/eml.js';
import { readMbox } from '../src/mail/readers.js';
import type { RawMessage } from '../src/mail/readers.js';
import { cpuSummary, KEEP, progress, Random, table } from './lib.js';

// ---------------------------------------------------------------------------------------------
// Parameters

function wholeNumber(name: string, fallback: number | null): number | null {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) {
    process.stderr.write(`${name} must be a positive whole number, got "${value}"\n`);
    process.exit(1);
  }
  return n;
}

const SEED = wholeNumber('ONWARD_BENCH_SEED', 20261123)!;
const MESSAGES = wholeNumber('ONWARD_BENCH_MESSAGES', 100_000)!;
/** When set, the mbox is grown to this many MB instead of MESSAGES messages, and (c) is left out. */
const MBOX_MB = wholeNumber('ONWARD_BENCH_MBOX_MB', null);
const IMPORT_LIMIT = wholeNumber('ONWARD_BENCH_IMPORT_MESSAGES', null);
const PHASE_NAMES = ['read', 'postal', 'eml', 'classify', 'import'] as const;
type PhaseName = (typeof PHASE_NAMES)[number];
/** ONWARD_BENCH_PHASES=read,postal,eml,classify,import picks phases; "eml" (a') is not in the default run. */
const PHASES: PhaseName[] | null = process.env.ONWARD_BENCH_PHASES
  ? process.env.ONWARD_BENCH_PHASES.split(',').map((name) => {
      const phase = PHASE_NAMES.find((p) => p === name.trim());
      if (!phase) {
        process.stderr.write(`ONWARD_BENCH_PHASES: unknown phase "${name}"; use ${PHASE_NAMES.join(', ')}\n`);
        process.exit(1);
      }
      return phase;
    })
  : null;
const TTY = process.stderr.isTTY === true;
const MB = 1024 * 1024;

// ---------------------------------------------------------------------------------------------
// Made-up people, companies and roles

const FIRST =
  'Alex Sam Priya Jordan Mei Tomás Aisha Lukas Chloé Noah Fatima Oliver Yuki Mateo Zoe Ibrahim Hannah Ravi Elena Kwame Sofia Daniel Amara Felix Inès Marcus Leila Jonas Nadia Theo Björn Grace'.split(
    ' ',
  );
const LAST =
  'Okafor Lindqvist Moreau Tanaka Kowalski Fernandes Haddad Novak Brennan Achebe Schmidt Castillo Nakamura Dubois Rossi Patel Murphy Jansen Silva Andersen Keller Hughes Varga Osei Laurent Müller Ng Quinn'.split(
    ' ',
  );
const COMPANY_HEAD =
  'North Blue Bright Cedar Harbor Iron Silver Maple Quarry Summit Lumen Copper Willow Granite Aurora Falcon Orchid Pioneer Riverside Tidal'.split(
    ' ',
  );
const COMPANY_TAIL =
  'wind field stone light bridge works line path gate crest point wave forge leaf peak'.split(' ');
const COMPANY_KIND =
  'Analytics Health Labs Logistics Bank Software Energy Robotics Media Insurance Foods Systems Consulting Retail Games'.split(
    ' ',
  );
const ROLES =
  'Data Analyst|Senior Software Engineer|Product Manager|UX Designer|Marketing Coordinator|Financial Analyst|Customer Success Manager|DevOps Engineer|Project Coordinator|HR Generalist|Sales Development Representative|Machine Learning Engineer|Business Analyst|Content Writer|Operations Manager|QA Engineer|Frontend Developer|Account Executive|Research Scientist|Supply Chain Planner'.split(
    '|',
  );
const ATS_DOMAINS =
  'hire-mail.example talentflow.example recruitdesk.example jobsuite.example applypoint.example'.split(' ');
const SEEKER = { name: 'Robin Ellery', address: 'robin.ellery@example.net' };
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];

interface Cast {
  company: string;
  domain: string;
  role: string;
  person: string;
  personAddress: string;
  first: string;
  date: Date;
  slot: string;
}

function cast(random: Random, date: Date): Cast {
  const company = `${random.pick(COMPANY_HEAD)}${random.pick(COMPANY_TAIL)} ${random.pick(COMPANY_KIND)}`;
  const domain = `${company.split(' ')[0]!.toLowerCase()}.example`;
  const first = random.pick(FIRST);
  const last = random.pick(LAST);
  const ascii = (s: string) => s.normalize('NFD').replace(/[^\x20-\x7e]/g, '');
  const hour = random.int(9, 16);
  return {
    company,
    domain,
    role: random.pick(ROLES),
    person: `${first} ${last}`,
    personAddress: `${ascii(first).toLowerCase()}.${ascii(last).toLowerCase()}@${domain}`,
    first: random.pick(FIRST),
    date,
    slot: `${random.pick(WEEKDAYS)} at ${hour}:${random.pick(['00', '30'])}`,
  };
}

// ---------------------------------------------------------------------------------------------
// Templates, one family per class; {company} etc. are filled from the cast

type Label = 'application_received' | 'interview' | 'rejection' | 'offer' | 'other';

interface Template {
  subject: string;
  from: 'person' | 'ats' | 'noreply' | 'board';
  paragraphs: string[];
}

const TEMPLATES: Record<Label, Template[]> = {
  application_received: [
    {
      subject: 'Thank you for applying to {company}',
      from: 'ats',
      paragraphs: [
        'Thank you for your interest in the {role} position at {company}. We have received your application and our recruiting team will review it shortly.',
        'If your experience matches what we are looking for, a member of the team will be in touch to discuss next steps. Because of the number of applications we receive, this can take up to two weeks.',
      ],
    },
    {
      subject: 'Application received: {role}',
      from: 'noreply',
      paragraphs: [
        'This is a confirmation that your application for {role} (requisition {req}) was submitted successfully on {day}.',
        'You can follow the status of your application at any time in your candidate profile.',
      ],
    },
    {
      subject: 'We got your application, {me}!',
      from: 'ats',
      paragraphs: [
        'Thanks for applying to be our next {role}. Every application is read by a person on our team, not a robot.',
        'We aim to reply to everyone within ten working days, whatever the outcome.',
      ],
    },
    {
      subject: 'Your application to {company}',
      from: 'person',
      paragraphs: [
        'Many thanks for sending through your CV for the {role} role. I have passed it to the hiring manager and will let you know as soon as I hear back.',
      ],
    },
  ],
  interview: [
    {
      subject: 'Interview invitation: {role} at {company}',
      from: 'person',
      paragraphs: [
        'Thank you for your application for the {role} role. We were impressed by your background and would like to invite you to a first interview with the team.',
        'Would {slot} work for you? The conversation will take about 45 minutes over video; a calendar invitation with the link will follow once you confirm.',
      ],
    },
    {
      subject: 'Next steps - {role}',
      from: 'person',
      paragraphs: [
        "Great news: the hiring manager would like to move you forward to the technical round. It's a 60 minute session with two engineers.",
        'Please pick a time that suits you using the scheduling link below, ideally within the next week.',
      ],
    },
    {
      subject: 'Take-home assignment for the {role} position',
      from: 'ats',
      paragraphs: [
        'As the next step in our process, we would like you to complete a short take-home exercise. We expect it to take around three hours.',
        'Please send your solution back within five days. After that we will schedule a call to talk through it together.',
      ],
    },
    {
      subject: 'Re: {role} - availability for a call',
      from: 'person',
      paragraphs: [
        'Thanks for getting back to me. Let us go with {slot}. I will send the invite shortly. Looking forward to speaking with you!',
      ],
    },
  ],
  rejection: [
    {
      subject: 'Your application for {role}',
      from: 'ats',
      paragraphs: [
        'Thank you for taking the time to apply for the {role} position at {company}. We appreciate your interest in joining our team.',
        'After careful consideration, we have decided to move forward with other candidates whose experience more closely matches the needs of the role.',
        'We will keep your details on file and encourage you to apply for future openings. We wish you every success in your search.',
      ],
    },
    {
      subject: 'Update on your {company} application',
      from: 'person',
      paragraphs: [
        'Thank you for interviewing with us for the {role} role; the team really enjoyed meeting you.',
        'Unfortunately, we are unable to offer you the position at this time. It was a very close decision between a small number of strong finalists.',
        'If it would help, I am happy to share some feedback from the panel.',
      ],
    },
    {
      subject: '{company} - {role}',
      from: 'noreply',
      paragraphs: [
        'We regret to inform you that your application was not successful on this occasion.',
        'Due to the high volume of applications we are not able to provide individual feedback.',
      ],
    },
    {
      subject: 'Regarding your candidacy',
      from: 'person',
      paragraphs: [
        'I wanted to let you know personally that we will not be progressing your application for the {role} position further.',
        'This was not an easy decision and it does not reflect on your abilities. I hope our paths cross again.',
      ],
    },
  ],
  offer: [
    {
      subject: 'Offer of employment - {role}',
      from: 'person',
      paragraphs: [
        'I am delighted to offer you the position of {role} at {company}! Everyone you met was impressed.',
        'Please find the offer letter attached, with the salary, start date and benefits. Let me know if you have any questions; we would love to have your answer by {day}.',
      ],
    },
    {
      subject: 'Congratulations from {company}',
      from: 'person',
      paragraphs: [
        'Following your final interview, we are pleased to extend a verbal offer for the {role} role. The written offer will follow from our HR team today.',
        'Could we set up a quick call {slot} to talk through the details?',
      ],
    },
  ],
  other: [
    {
      subject: '25 new jobs for "{role}" near you',
      from: 'board',
      paragraphs: [
        'Here are the latest jobs matching your saved search. Apply early: roles posted in the last 24 hours get the most attention.',
      ],
    },
    {
      subject: 'Exciting opportunity at a fast-growing startup',
      from: 'person',
      paragraphs: [
        'I came across your profile and think you could be a great fit for a {role} role with one of my clients, a well-funded scale-up.',
        'Would you be open to a quick chat this week? Unfortunately I cannot share the client name until we speak.',
      ],
    },
    {
      subject: 'The {company} careers newsletter',
      from: 'noreply',
      paragraphs: [
        "Welcome to this month's edition of Life at {company}. Meet the team behind our new product, read our engineering blog and see our open roles.",
        'You are receiving this because you joined our talent community.',
      ],
    },
    {
      subject: 'Please verify your email address',
      from: 'noreply',
      paragraphs: [
        'Thanks for creating a candidate account. Please confirm your email address to finish setting up your profile.',
        'If you did not create this account, you can ignore this email.',
      ],
    },
    {
      subject: 'Can you interview a candidate on {day}?',
      from: 'person',
      paragraphs: [
        'Hi {first}, we have a strong candidate for the {role} opening and I would like you on the panel. Could you do {slot}?',
        'I will send over the CV and the scorecard beforehand.',
      ],
    },
    {
      subject: 'Lunch on Friday?',
      from: 'person',
      paragraphs: [
        'Hey! Are you free for lunch on Friday? Unfortunately the usual place is closed, so maybe the new ramen bar?',
      ],
    },
  ],
};

/** Japanese versions (sent as Shift_JIS), company and role names kept in Latin letters. */
const JAPANESE: Record<Label, { subject: string; body: string }> = {
  application_received: {
    subject: 'ご応募ありがとうございます（{company}）',
    body: '{role}職へのご応募を受け付けました。\n書類選考の結果は2週間以内にご連絡いたします。',
  },
  interview: {
    subject: '面接日程のご案内（{company}）',
    body: '書類選考の結果、ぜひ面接にお越しいただきたくご連絡いたしました。\n{slot}のご都合はいかがでしょうか。',
  },
  rejection: {
    subject: '選考結果のご連絡（{company}）',
    body: 'この度は{role}職にご応募いただき、誠にありがとうございました。\n慎重に選考を重ねました結果、誠に残念ながら今回はご希望に沿いかねる結果となりました。\n今後のご活躍を心よりお祈り申し上げます。',
  },
  offer: {
    subject: '内定のご連絡（{company}）',
    body: '厳正なる選考の結果、{role}として採用させていただくことに決定いたしました。\n詳細は添付の書類をご確認ください。',
  },
  other: {
    subject: '新着求人のお知らせ',
    body: 'あなたにおすすめの{role}の求人が5件あります。\nこのメールは配信専用です。',
  },
};

/** Where each class comes in an application's life; a reply follows an earlier step. */
const STEP: Record<Label, number> = {
  application_received: 1,
  interview: 2,
  rejection: 3,
  offer: 3,
  other: 0,
};

const LABEL_WEIGHTS: [Label, number][] = [
  ['other', 45],
  ['application_received', 20],
  ['rejection', 17],
  ['interview', 13],
  ['offer', 5],
];

const FOOTERS = [
  '{company} is an equal opportunity employer. We celebrate diversity and are committed to creating an inclusive environment for all employees, regardless of race, religion, colour, national origin, gender, sexual orientation, age, marital status, or disability status.',
  'Your personal data is processed in accordance with our candidate privacy notice. We keep application data for up to twelve months after the end of the process unless you ask us to delete it sooner; you can do so at any time from your candidate profile.',
  'This message was sent from an address that cannot accept replies. For questions about your application, please use the contact form in the candidate portal.',
  'Confidentiality notice: this email and any attachments are intended only for the addressee and may contain confidential information. If you received it in error, please let the sender know and delete it.',
];

const LISTING = (random: Random): string => {
  const c = cast(random, new Date(0));
  return `${c.role} - ${c.company} - ${random.pick(['Remote', 'Hybrid', 'London', 'Berlin', 'Lisbon', 'Toronto', 'Austin'])}\n${random.int(35, 140)}k - posted ${random.int(1, 9)} days ago - ${random.int(5, 300)} applicants\nView job: https://jobs.example/view/${random.int(100000, 999999)}`;
};

function fill(text: string, c: Cast, random: Random): string {
  return text.replace(/\{(\w+)\}/g, (_m, key: string) => {
    switch (key) {
      case 'company':
        return c.company;
      case 'role':
        return c.role;
      case 'first':
        return c.first;
      case 'me':
        return SEEKER.name.split(' ')[0]!;
      case 'slot':
        return c.slot;
      case 'day':
        return c.date.toUTCString().slice(0, 11);
      case 'req':
        return `R-${random.int(10000, 99999)}`;
      default:
        return key;
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Encodings

/** Windows-1252 bytes for the few characters outside Latin-1 that the templates use. */
const CP1252: Record<string, number> = {
  '€': 0x80,
  '‘': 0x91,
  '’': 0x92,
  '“': 0x93,
  '”': 0x94,
  '–': 0x96,
  '—': 0x97,
};

/** Text as a "binary" string (one char per byte) in a single-byte charset; what does not fit becomes "?". */
function singleByte(text: string, charset: 'iso-8859-1' | 'windows-1252'): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) out += ch;
    else if (charset === 'windows-1252' && CP1252[ch] !== undefined) out += String.fromCharCode(CP1252[ch]!);
    else out += '?';
  }
  return out;
}

let sjisTable: Map<string, number> | null = null;
/** Shift_JIS bytes as a binary string; the table is read back from TextDecoder, the one Node has. */
function shiftJis(text: string): string {
  if (!sjisTable) {
    sjisTable = new Map();
    const decoder = new TextDecoder('shift_jis');
    for (let lead = 0x81; lead <= 0xef; lead++) {
      if (lead > 0x9f && lead < 0xe0) continue;
      for (let trail = 0x40; trail <= 0xfc; trail++) {
        if (trail === 0x7f) continue;
        const ch = decoder.decode(new Uint8Array([lead, trail]));
        if (ch.length === 1 && ch !== '\ufffd' && !sjisTable.has(ch)) sjisTable.set(ch, (lead << 8) | trail);
      }
    }
  }
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    const sj = sjisTable.get(ch);
    if (code < 0x80) out += ch;
    else if (sj !== undefined) out += String.fromCharCode(sj >> 8, sj & 0xff);
    else out += '?';
  }
  return out;
}

/** Quoted-printable of a binary string (RFC 2045): soft breaks at 76, "=XX" for the rest. */
function quotedPrintable(binary: string): string {
  const lines = binary.split('\n');
  const out: string[] = [];
  for (const line of lines) {
    let encoded = '';
    let width = 0;
    for (let i = 0; i < line.length; i++) {
      const code = line.charCodeAt(i);
      const last = i === line.length - 1;
      let piece: string;
      if ((code >= 33 && code <= 126 && code !== 61) || (code === 32 && !last)) piece = line[i]!;
      else piece = `=${code.toString(16).toUpperCase().padStart(2, '0')}`;
      if (width + piece.length > 75) {
        out.push(`${encoded}=`);
        encoded = '';
        width = 0;
      }
      encoded += piece;
      width += piece.length;
    }
    out.push(encoded);
  }
  return out.join('\n');
}

const toBinary = (text: string): string => Buffer.from(text, 'utf8').toString('latin1');

function base64Lines(binary: string): string {
  const b64 = Buffer.from(binary, 'latin1').toString('base64');
  return b64.replace(/.{76}/g, '$&\n').replace(/\n$/, '');
}

function encodedWord(text: string, charset: string, binary: string): string {
  return /^[\x20-\x7e]*$/.test(text)
    ? text
    : `=?${charset}?B?${Buffer.from(binary, 'latin1').toString('base64')}?=`;
}

// ---------------------------------------------------------------------------------------------
// Messages

interface Generated {
  label: Label;
  /** One char per byte. */
  binary: string;
  sender: string;
  mime: string;
}

type Charset = 'utf-8' | 'iso-8859-1' | 'windows-1252' | 'shift_jis';

function asctime(date: Date): string {
  const [day, , , , time] = date.toUTCString().split(' ');
  const month = date.toUTCString().split(' ')[2]!;
  return `${day!.slice(0, 3)} ${month} ${String(date.getUTCDate()).padStart(2, ' ')} ${time} ${date.getUTCFullYear()}`;
}

function htmlOf(paragraphs: string[], company: string): string {
  const escape = (s: string) =>
    s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/’/g, '&rsquo;');
  const cells = paragraphs
    .map(
      (p) =>
        `<tr><td style="padding:0 32px 16px 32px;font-family:Helvetica,Arial,sans-serif;font-size:15px;line-height:22px;color:#30343b">${escape(p).replace(/\n/g, '<br>')}</td></tr>`,
    )
    .join('\n');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><style>body{margin:0;padding:0;background:#f4f5f7}a{color:#2457c5}.btn{display:inline-block;padding:10px 18px;border-radius:4px;background:#2457c5;color:#fff}@media (max-width:600px){.wrap{width:100%!important}}</style></head>
<body><table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f5f7"><tr><td align="center">
<table class="wrap" role="presentation" width="600" cellpadding="0" cellspacing="0" style="background:#ffffff;border-radius:6px">
<tr><td style="padding:24px 32px;font-family:Helvetica,Arial,sans-serif;font-size:20px;font-weight:bold;color:#111">${escape(company)}</td></tr>
${cells}
<tr><td style="padding:16px 32px;font-family:Helvetica,Arial,sans-serif;font-size:11px;color:#8a8f98">You are receiving this email because of your activity with ${escape(company)}. <a href="https://careers.example/unsubscribe">Manage preferences</a></td></tr>
</table></td></tr></table></body></html>`;
}

class MessageFactory {
  private readonly random: Random;
  private readonly blob: string;
  private readonly recent: { messageId: string; subject: string; cast: Cast; label: Label }[] = [];
  private serial = 0;

  constructor(seed: number) {
    this.random = new Random(seed);
    // Attachment bytes: one seeded block, sliced at random offsets.
    const bytes = Buffer.alloc(2 * MB);
    for (let i = 0; i < bytes.length; i += 4)
      bytes.writeUInt32LE(Math.floor(this.random.float() * 2 ** 32), i);
    this.blob = bytes.toString('latin1');
  }

  /** Total size aimed at: 2–20 KB for most, a tail to 1.5 MB. */
  private targetSize(): number {
    const r = this.random.float();
    if (r < 0.968) return this.random.logUniform(2 * 1024, 20 * 1024);
    if (r < 0.998) return this.random.logUniform(20 * 1024, 120 * 1024);
    return this.random.logUniform(120 * 1024, 1536 * 1024);
  }

  next(): Generated {
    const random = this.random;
    const n = ++this.serial;
    const date = new Date(Date.UTC(2025, 0, 1) + n * 7 * 60_000 + random.int(0, 6 * 60_000));
    const label = random.weighted(LABEL_WEIGHTS);
    // A third of the replies about an application follow an earlier step of the same thread: an
    // invitation after the acknowledgement, an answer after the interview.
    const before = this.recent.filter((r) => STEP[r.label] < STEP[label]);
    const earlier = before.length > 0 && random.chance(0.3) ? random.pick(before) : null;
    const c = earlier ? { ...earlier.cast, date } : cast(random, date);
    const target = this.targetSize();
    const charset: Charset = random.weighted<Charset>([
      ['utf-8', 93],
      ['iso-8859-1', 2.5],
      ['windows-1252', 2.5],
      ['shift_jis', 2],
    ]);
    const template = random.pick(TEMPLATES[label]);
    let subject: string;
    let paragraphs: string[];
    if (charset === 'shift_jis') {
      subject = fill(JAPANESE[label].subject, c, random);
      paragraphs = [
        `${SEEKER.name.split(' ')[1]}様`,
        fill(JAPANESE[label].body, c, random),
        `${c.company} 採用担当`,
      ];
    } else {
      subject = fill(template.subject, c, random);
      paragraphs = [
        `${random.pick(['Dear', 'Hi', 'Hello'])} ${SEEKER.name.split(' ')[0]},`,
        ...template.paragraphs.map((p) => fill(p, c, random)),
      ];
      if (charset !== 'utf-8')
        paragraphs.push(
          fill(
            'Our office: “{company}”, Bahnhofstraße 12, Zürich – the café on the ground floor sells day passes for €5.',
            c,
            random,
          ),
        );
      paragraphs.push(
        random.pick(['Best regards,', 'Kind regards,', 'Thanks,', 'All the best,']),
        `${c.person}\n${label === 'other' ? 'Talent Partner' : 'Recruiting'} | ${c.company}`,
      );
      if (random.chance(0.05)) paragraphs.push(`From all of us at ${c.company}: thank you.`);
    }
    if (earlier) {
      subject = `Re: ${earlier.subject}`;
      paragraphs.push(
        `On ${earlier.cast.date.toUTCString()}, ${c.person} <${c.personAddress}> wrote:\n` +
          `> Thank you for your application for the ${c.role} role.\n> From our side, the next step is a review by the hiring team.\n>\n> Best regards,\n> ${c.person}`,
      );
    }
    // Padding up to the size aimed at: listings for digests, the fine print for the rest.
    let size = paragraphs.reduce((s, p) => s + p.length, 0) * (charset === 'utf-8' ? 2.2 : 1.2) + 900;
    while (size < target * 0.75 && paragraphs.length < 4000) {
      const extra =
        label === 'other' && template.from === 'board'
          ? LISTING(random)
          : fill(random.pick(FOOTERS), c, random);
      paragraphs.push(extra);
      size += extra.length * (charset === 'utf-8' ? 2.2 : 1.2);
    }

    const fromAddress =
      template.from === 'person'
        ? `${c.person} <${c.personAddress}>`
        : template.from === 'ats'
          ? `${c.company} Recruiting <${c.domain.split('.')[0]}@${random.pick(ATS_DOMAINS)}>`
          : template.from === 'board'
            ? 'JobBoard Alerts <alerts@jobs.example>'
            : `${c.company} Careers <no-reply@${c.domain}>`;
    const messageId = `<bench.${n}.${SEED}@${c.domain}>`;
    const plain = paragraphs.join('\n\n');

    // The body: its MIME shape and transfer encoding.
    let mime: string;
    let headers = '';
    let body: string;
    const binaryText = (): string =>
      charset === 'utf-8'
        ? toBinary(plain)
        : charset === 'shift_jis'
          ? shiftJis(plain)
          : singleByte(plain, charset);
    const attach = target > 30 * 1024 ? random.chance(0.5) : random.chance(label === 'offer' ? 0.3 : 0.01);
    const shape =
      charset === 'shift_jis'
        ? 'plain-base64'
        : charset !== 'utf-8'
          ? random.pick(['plain-8bit', 'plain-qp'])
          : random.weighted([
              ['plain-7bit', 22],
              ['plain-qp', 10],
              ['plain-base64', 8],
              ['alternative', 35],
              ['html-qp', 13],
              ['html-base64', 12],
            ] as const);
    const textPart = (encoding: 'qp' | 'base64' | '8bit'): [string, string] => {
      const type = `Content-Type: text/plain; charset=${charset === 'utf-8' ? 'utf-8' : charset === 'shift_jis' ? 'Shift_JIS' : charset.toUpperCase()}\n`;
      if (encoding === 'qp')
        return [`${type}Content-Transfer-Encoding: quoted-printable\n`, quotedPrintable(binaryText())];
      if (encoding === 'base64')
        return [`${type}Content-Transfer-Encoding: base64\n`, base64Lines(binaryText())];
      return [`${type}Content-Transfer-Encoding: 8bit\n`, binaryText()];
    };
    const htmlPart = (encoding: 'qp' | 'base64'): [string, string] => {
      const html = toBinary(htmlOf(paragraphs, c.company));
      return encoding === 'qp'
        ? [
            'Content-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n',
            quotedPrintable(html),
          ]
        : ['Content-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: base64\n', base64Lines(html)];
    };
    let part: [string, string];
    switch (shape) {
      case 'plain-7bit':
        part = !/[^\t\n\x20-\x7e]/.test(plain)
          ? ['Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 7bit\n', plain]
          : textPart('qp');
        break;
      case 'plain-8bit':
        part = textPart('8bit');
        break;
      case 'plain-qp':
        part = textPart('qp');
        break;
      case 'plain-base64':
        part = textPart('base64');
        break;
      case 'alternative': {
        const boundary = `alt-${n}-${random.int(1e6, 9e6)}`;
        const [th, tb] = textPart('qp');
        const [hh, hb] = htmlPart('qp');
        part = [
          `Content-Type: multipart/alternative; boundary="${boundary}"\n`,
          `--${boundary}\n${th}\n${tb}\n--${boundary}\n${hh}\n${hb}\n--${boundary}--\n`,
        ];
        break;
      }
      case 'html-qp':
        part = htmlPart('qp');
        break;
      case 'html-base64':
        part = htmlPart('base64');
        break;
      default:
        throw new Error(`unknown shape ${String(shape)}`);
    }
    mime = shape;
    if (attach) {
      const boundary = `mix-${n}-${random.int(1e6, 9e6)}`;
      const isInvite = label === 'interview' && random.chance(0.6);
      const size = Math.max(4096, Math.round(target * 0.7));
      const offset = random.int(0, this.blob.length - Math.min(size, this.blob.length));
      const payload = isInvite
        ? `BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//Onward bench//EN\nBEGIN:VEVENT\nUID:${n}@bench\nDTSTART:20261124T100000Z\nDTEND:20261124T104500Z\nSUMMARY:Interview - ${c.role}\nEND:VEVENT\nEND:VCALENDAR\n`
        : this.blob.slice(offset, offset + Math.min(size, this.blob.length));
      const [type, name] = isInvite
        ? ['text/calendar; method=REQUEST', 'invite.ics']
        : ['application/pdf', label === 'offer' ? 'Offer letter.pdf' : 'document.pdf'];
      body =
        `--${boundary}\n${part[0]}\n${part[1]}\n` +
        `--${boundary}\nContent-Type: ${type}; name="${name}"\nContent-Disposition: attachment; filename="${name}"\nContent-Transfer-Encoding: base64\n\n${base64Lines(payload)}\n--${boundary}--\n`;
      headers = `Content-Type: multipart/mixed; boundary="${boundary}"\n`;
      mime += '+attachment';
    } else {
      headers = part[0];
      body = part[1];
    }
    if (charset !== 'utf-8') mime += `/${charset}`;

    const subjectBinary =
      charset === 'utf-8'
        ? toBinary(subject)
        : charset === 'shift_jis'
          ? shiftJis(subject)
          : singleByte(subject, charset);
    const subjectHeader = encodedWord(
      subject,
      charset === 'shift_jis' ? 'Shift_JIS' : charset,
      subjectBinary,
    );
    const fromName = fromAddress.replace(/ <.*$/, '');
    const fromHeader = /^[\x20-\x7e]*$/.test(fromName)
      ? fromAddress
      : `${encodedWord(fromName, 'utf-8', toBinary(fromName))} ${fromAddress.slice(fromName.length + 1)}`;
    const header =
      `X-Onward-Bench: ${label}\n` +
      `Return-Path: <bounce-${n}@${c.domain}>\n` +
      `Received: from mail.${c.domain} (mail.${c.domain} [192.0.2.${n % 250}])\n\tby mx.example.net with ESMTPS id ${n.toString(36)}\n\tfor <${SEEKER.address}>; ${date.toUTCString()}\n` +
      `From: ${fromHeader}\n` +
      `To: ${SEEKER.name} <${SEEKER.address}>\n` +
      `Subject: ${subjectHeader}\n` +
      `Date: ${date.toUTCString()}\n` +
      `Message-ID: ${messageId}\n` +
      (earlier ? `In-Reply-To: ${earlier.messageId}\nReferences: ${earlier.messageId}\n` : '') +
      'MIME-Version: 1.0\n' +
      headers;
    if (label === 'application_received' || label === 'interview') {
      this.recent.push({ messageId, subject, cast: c, label });
      if (this.recent.length > 200) this.recent.shift();
    }
    const sender = fromAddress.replace(/^.*<|>$/g, '');
    return { label, binary: `${header}\n${body}\n`, sender, mime };
  }
}

// ---------------------------------------------------------------------------------------------
// Writing the mbox

async function write(stream: WriteStream, data: Buffer): Promise<void> {
  if (!stream.write(data)) await new Promise<void>((resolve) => stream.once('drain', () => resolve()));
}

interface MboxStats {
  messages: number;
  bytes: number;
  sizes: number[];
  labels: Record<string, number>;
  mime: Record<string, number>;
  ms: number;
}

async function writeMbox(path: string): Promise<MboxStats> {
  const started = performance.now();
  const factory = new MessageFactory(SEED);
  const stream = createWriteStream(path);
  const stats: MboxStats = { messages: 0, bytes: 0, sizes: [], labels: {}, mime: {}, ms: 0 };
  const limitBytes = MBOX_MB ? MBOX_MB * MB : Infinity;
  const limitMessages = MBOX_MB ? Infinity : MESSAGES;
  let pending: string[] = [];
  let pendingLength = 0;
  let nextReport = 0;
  while (stats.messages < limitMessages && stats.bytes < limitBytes) {
    const message = factory.next();
    // mboxrd: every line that starts with any number of ">" and then "From " gets one more ">".
    const escaped = message.binary.replace(/^(>*From )/gm, '>$1');
    const entry = `From ${message.sender} ${asctime(new Date(Date.UTC(2025, 0, 1) + stats.messages * 7 * 60_000))}\n${escaped}\n`;
    pending.push(entry);
    pendingLength += entry.length;
    stats.messages += 1;
    stats.bytes += entry.length;
    stats.sizes.push(message.binary.length);
    stats.labels[message.label] = (stats.labels[message.label] ?? 0) + 1;
    stats.mime[message.mime] = (stats.mime[message.mime] ?? 0) + 1;
    if (pendingLength > 4 * MB) {
      await write(stream, Buffer.from(pending.join(''), 'latin1'));
      pending = [];
      pendingLength = 0;
    }
    if (TTY && stats.bytes >= nextReport) {
      process.stderr.write(
        `\r  writing the mbox: ${stats.messages.toLocaleString('en')} messages, ${(stats.bytes / MB).toFixed(0)} MB`,
      );
      nextReport += 50 * MB;
    }
  }
  await write(stream, Buffer.from(pending.join(''), 'latin1'));
  await new Promise<void>((resolve, reject) => {
    stream.once('error', reject);
    stream.end(() => resolve());
  });
  if (TTY) process.stderr.write('\n');
  stats.ms = performance.now() - started;
  return stats;
}

// ---------------------------------------------------------------------------------------------
// Phases, each in a child process

interface PhaseResult {
  phase: PhaseName;
  skipped?: string;
  messages: number;
  bytes: number;
  ms: number;
  /** Peak resident set size of the whole process, MB (getrusage). */
  peakRssMb: number;
  /** RSS at each tenth of the file, MB: flat when memory does not grow with the file. */
  rssByTenth: number[];
  errors: number;
  note?: string;
}

interface Classifier {
  classifyEmail(input: { subject: string; from: string; body: string }): {
    label: string;
    confidence: number;
  };
}

interface ImportModule {
  importInbox(
    ctx: unknown,
    messages: AsyncIterable<RawMessage>,
    options?: object,
  ): Promise<{ imported: number; duplicates: number; errors: unknown[]; byClass?: Record<string, number> }>;
}

/** Imports a module that may not exist yet; the reason when it cannot be loaded. */
async function optionalImport<T>(specifier: string): Promise<T | string> {
  try {
    return (await import(specifier)) as T;
  } catch (error) {
    const e = error as { code?: string; message?: string };
    return e.code === 'ERR_MODULE_NOT_FOUND'
      ? `${e.message?.split('\n')[0] ?? specifier}`
      : `${specifier} failed to load: ${e.message ?? String(error)}`;
  }
}

const labelOf = (bytes: Uint8Array): string => {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 64)).toString('latin1');
  return /^X-Onward-Bench: (\w+)/.exec(head)?.[1] ?? '?';
};

async function runPhase(phase: PhaseName, file: string, work: string): Promise<PhaseResult> {
  const fileBytes = statSync(file).size;
  const result: PhaseResult = {
    phase,
    messages: 0,
    bytes: 0,
    ms: 0,
    peakRssMb: 0,
    rssByTenth: [],
    errors: 0,
  };
  let tenth = 1;
  const seen = (m: RawMessage): void => {
    result.messages += 1;
    result.bytes += m.bytes.byteLength;
    while (result.bytes >= (fileBytes * tenth) / 10 && tenth <= 10) {
      result.rssByTenth.push(Math.round(process.memoryUsage.rss() / MB));
      tenth += 1;
    }
    if (TTY && result.messages % 5000 === 0)
      process.stderr.write(`\r  ${phase}: ${result.messages.toLocaleString('en')} messages`);
  };
  let started = performance.now();
  switch (phase) {
    case 'read':
      for await (const m of readMbox(file)) seen(m);
      break;
    case 'postal':
      for await (const m of readMbox(file)) {
        seen(m);
        try {
          await PostalMime.parse(m.bytes, { attachmentEncoding: 'arraybuffer' });
        } catch {
          result.errors += 1;
        }
      }
      break;
    case 'eml':
      for await (const m of readMbox(file)) {
        seen(m);
        try {
          await parseEml(m.bytes);
        } catch {
          result.errors += 1;
        }
      }
      break;
    case 'classify': {
      const module = await optionalImport<Classifier>('../src/text/classify.js');
      if (typeof module === 'string') return { ...result, skipped: module };
      started = performance.now();
      const agreement = new Map<string, [number, number]>();
      for await (const m of readMbox(file)) {
        seen(m);
        try {
          const email = await parseEml(m.bytes);
          const { label } = module.classifyEmail({
            subject: email.subject,
            from: email.from ?? '',
            body: email.text,
          });
          const intended = labelOf(m.bytes);
          const [agree, total] = agreement.get(intended) ?? [0, 0];
          agreement.set(intended, [agree + (label === intended ? 1 : 0), total + 1]);
        } catch {
          result.errors += 1;
        }
      }
      result.note = [...agreement]
        .sort()
        .map(([label, [agree, total]]) => `${label} ${((100 * agree) / total).toFixed(0)}%`)
        .join(', ');
      break;
    }
    case 'import': {
      const inbox = await optionalImport<ImportModule>('../src/services/inbox.js');
      if (typeof inbox === 'string') return { ...result, skipped: inbox };
      const services = await optionalImport<{ openContext(store: unknown): Promise<unknown> }>(
        '../src/services/index.js',
      );
      const storeModule = await optionalImport<{
        Store: { open(target: string): Promise<{ close(): Promise<void> }> };
      }>('../src/store/index.js');
      if (typeof services === 'string') return { ...result, skipped: services };
      if (typeof storeModule === 'string') return { ...result, skipped: storeModule };
      const store = await storeModule.Store.open(join(work, 'bench.db'));
      try {
        const ctx = await services.openContext(store);
        const limit = IMPORT_LIMIT ?? Infinity;
        async function* counted(): AsyncGenerator<RawMessage> {
          for await (const m of readMbox(file)) {
            if (result.messages >= limit) return;
            seen(m);
            yield m;
          }
        }
        started = performance.now();
        const summary = await inbox.importInbox(ctx, counted());
        result.errors = summary.errors.length;
        result.note =
          `imported ${summary.imported.toLocaleString('en')}, duplicates ${summary.duplicates}` +
          (summary.byClass
            ? `; by class: ${Object.entries(summary.byClass)
                .map(([k, v]) => `${k} ${v}`)
                .join(', ')}`
            : '') +
          (summary.errors.length > 0 ? `; first error: ${JSON.stringify(summary.errors[0])}` : '');
      } finally {
        await store.close();
      }
      break;
    }
  }
  result.ms = performance.now() - started;
  while (result.rssByTenth.length < 10) result.rssByTenth.push(Math.round(process.memoryUsage.rss() / MB));
  result.peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  if (TTY) process.stderr.write('\r\x1b[K');
  return result;
}

async function phaseInChild(phase: PhaseName, file: string, work: string): Promise<PhaseResult> {
  const script = fileURLToPath(import.meta.url);
  const child = spawn(process.execPath, [...process.execArgv, script, '--phase', phase, file, work], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: process.env,
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  const line = output.trim().split('\n').pop() ?? '';
  if (code !== 0 || !line.startsWith('{'))
    throw new Error(`phase ${phase} failed (exit ${code}): ${output.slice(-2000)}`);
  return JSON.parse(line) as PhaseResult;
}

// ---------------------------------------------------------------------------------------------
// Report

const fmt = (n: number, digits = 0): string =>
  n.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const PHASE_TITLES: Record<PhaseName, string> = {
  read: 'read     readMbox only',
  postal: '(a)      postal-mime parse',
  eml: "(a')     parseEml",
  classify: '(b)      parseEml + classify',
  import: '(c)      import into SQLite',
};

function report(stats: MboxStats, results: PhaseResult[], file: string): void {
  const out: string[] = [];
  out.push('Onward inbox benchmark');
  out.push(
    `machine: ${cpuSummary()}, ${fmt(os.totalmem() / 1024 ** 3, 1)} GB RAM, ` +
      `${os.platform()} ${os.release()}, Node ${process.version}`,
  );
  const sizes = [...stats.sizes].sort((a, b) => a - b);
  out.push(
    `mbox: ${fmt(stats.messages)} messages, ${fmt(stats.bytes / MB, 1)} MB (seed ${SEED}), written in ${fmt(stats.ms / 1000, 1)} s; ` +
      `message size p50 ${fmt(percentile(sizes, 50) / 1024, 1)} KB, p90 ${fmt(percentile(sizes, 90) / 1024, 1)} KB, ` +
      `p99 ${fmt(percentile(sizes, 99) / 1024, 1)} KB, max ${fmt(sizes[sizes.length - 1]! / 1024, 0)} KB, mean ${fmt(stats.bytes / stats.messages / 1024, 1)} KB`,
  );
  out.push(
    `classes: ${Object.entries(stats.labels)
      .sort()
      .map(([k, v]) => `${k} ${fmt((100 * v) / stats.messages, 1)}%`)
      .join(', ')}`,
  );
  const mimeTotals: Record<string, number> = {};
  for (const [kind, count] of Object.entries(stats.mime)) {
    for (const key of [
      kind.split(/[+/]/)[0]!,
      ...(kind.includes('+attachment') ? ['with attachment'] : []),
      ...(kind.includes('/') ? [kind.split('/')[1]!] : []),
    ]) {
      mimeTotals[key] = (mimeTotals[key] ?? 0) + count;
    }
  }
  out.push(
    `MIME: ${Object.entries(mimeTotals)
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k} ${fmt((100 * v) / stats.messages, 1)}%`)
      .join(', ')}`,
  );
  out.push('');
  const rows: string[][] = [];
  for (const r of results) {
    if (r.skipped) {
      rows.push([PHASE_TITLES[r.phase], 'skipped', '', '', '', '', '']);
      continue;
    }
    const seconds = r.ms / 1000;
    rows.push([
      PHASE_TITLES[r.phase],
      fmt(r.messages),
      fmt(seconds, 2),
      fmt(r.messages / seconds),
      fmt(r.bytes / MB / seconds, 1),
      fmt(r.peakRssMb),
      fmt(r.errors),
    ]);
  }
  out.push(table(['phase', 'messages', 's', 'msg/s', 'MB/s', 'peak RSS MB', 'errors'], rows));
  out.push('');
  for (const r of results) {
    if (r.skipped) out.push(`${PHASE_TITLES[r.phase].replace(/\s+/, ' ')}: skipped — ${r.skipped}`);
    else if (r.note) out.push(`${PHASE_TITLES[r.phase].replace(/\s+/, ' ')}: ${r.note}`);
  }
  const rate = (name: PhaseName) => {
    const r = results.find((x) => x.phase === name && !x.skipped);
    return r ? r.messages / (r.ms / 1000) : null;
  };
  const a = rate('postal');
  const b = rate('classify');
  const c = rate('import');
  if (a && b) out.push(`(b)/(a): ${fmt((100 * b) / a, 1)}% of bare postal-mime throughput (target ≥ 70%)`);
  if (c) out.push(`(c): ${fmt(c)} messages/s (target ≥ 1,000 on one core)`);
  const peak = Math.max(...results.filter((r) => !r.skipped).map((r) => r.peakRssMb));
  out.push(
    `peak RSS: ${fmt(peak)} MB over all phases on a ${fmt(stats.bytes / MB)} MB mbox (target < 300 MB on 1 GB)` +
      (MBOX_MB ? '' : '; ONWARD_BENCH_MBOX_MB=1024 checks the 1 GB case'),
  );
  for (const r of results) {
    if (!r.skipped && r.rssByTenth.length > 0) {
      out.push(
        `RSS by tenth of the file, ${PHASE_TITLES[r.phase].replace(/\s+/, ' ')}: ${r.rssByTenth.join(' ')} MB`,
      );
    }
  }
  if (KEEP) out.push(`mbox kept at ${file}`);
  process.stdout.write(`${out.join('\n')}\n`);
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--phase') {
    const [, phase, file, work] = args as [string, PhaseName, string, string];
    const result = await runPhase(phase, file, work);
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  const work = mkdtempSync(join(os.tmpdir(), 'onward-bench-inbox-'));
  const file = join(work, 'bench.mbox');
  try {
    progress(
      MBOX_MB
        ? `Writing a ${MBOX_MB} MB synthetic mbox (seed ${SEED}) to ${file}`
        : `Writing ${fmt(MESSAGES)} synthetic messages (seed ${SEED}) to ${file}`,
    );
    const stats = await writeMbox(file);
    const phases =
      PHASES ?? (MBOX_MB ? ['read', 'postal', 'classify'] : ['read', 'postal', 'classify', 'import']);
    const results: PhaseResult[] = [];
    for (const phase of phases) {
      progress(`Running ${PHASE_TITLES[phase].replace(/\s+/, ' ')}`);
      results.push(await phaseInChild(phase, file, work));
    }
    report(stats, results, file);
  } finally {
    if (!KEEP) rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench:inbox failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(2);
});
