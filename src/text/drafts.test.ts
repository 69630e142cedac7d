import { describe, expect, it } from 'vitest';
import {
  composeDraft,
  CONNECT_NOTE_MAX,
  DRAFT_KINDS,
  isDraftKind,
  variantCount,
  type DraftFacts,
  type DraftKind,
} from './drafts.js';

type Facts = Omit<DraftFacts, 'kind'>;

const minimal: Facts = {
  seeker: { name: 'Sam Carter' },
  company: 'Acme',
  role: 'Data Analyst',
  recipient: { name: 'Dana Lee', email: 'dana@acme.com' },
};

const full: Facts = {
  ...minimal,
  others: [{ name: 'Priya Shah', email: 'priya@acme.com' }],
  interview: { when: 'Tuesday 10 November', kind: 'video' },
  topics: ['the quarterly reporting pipeline', 'the move to a new warehouse system'],
  promisedBy: 'Friday 20 November',
  monthsSince: 3,
  news: 'finished a course in advanced SQL',
  decisionWhen: 'Monday 16 November',
};

const noInterview: Facts = { ...full, interview: null, topics: [] };

/** Everything at once, and long: the word ceiling must still hold. */
const crowded: Facts = {
  ...full,
  company: 'Northwind Logistics and Distribution Services',
  role: 'Senior Business Intelligence and Data Analyst',
  others: [
    { name: 'Priya Shah', email: null },
    { name: 'Tom Okafor', email: null },
    { name: 'Alex Moreau', email: null },
    { name: 'Kim Park', email: null },
  ],
  topics: [
    'the migration of the quarterly reporting pipeline to the new cloud warehouse',
    'how the analytics team works with finance and operations every week',
    'a third topic that must never appear',
  ],
  news: 'completed a twelve-week course in statistics and built a public dashboard of open transport data',
};

const fixtures: [string, Facts][] = [
  ['minimal facts', minimal],
  ['full facts', full],
  ['no interview', noInterview],
  ['crowded facts', crowded],
];

const compose = (kind: DraftKind, facts: Facts, variant?: number) =>
  composeDraft({ ...facts, kind }, variant);
const words = (text: string): number => text.split(/\s+/).filter(Boolean).length;
const variantsOf = (kind: DraftKind): number[] => Array.from({ length: variantCount(kind) }, (_, i) => i);
const cases = DRAFT_KINDS.flatMap((kind) => variantsOf(kind).map((v) => [kind, v] as const));
/** Sentences of the body between the greeting and the sign-off. */
const sentences = (body: string): string[] =>
  body
    .split('\n')
    .slice(1, -3)
    .join(' ')
    .split(/(?<=[.?!])\s+/)
    .map((s) => s.trim())
    .filter(Boolean);

describe('draft kinds', () => {
  it('lists the seven kinds and recognises only them', () => {
    expect(DRAFT_KINDS).toHaveLength(7);
    for (const kind of DRAFT_KINDS) expect(isDraftKind(kind)).toBe(true);
    for (const other of ['mood_checkin', 'reflect', '', 'REJECTION_REPLY', 'toString']) {
      expect(isDraftKind(other), other).toBe(false);
    }
  });

  it('has at least three phrasings per kind, four for the rejection reply', () => {
    for (const kind of DRAFT_KINDS) {
      expect(variantCount(kind), kind).toBeGreaterThanOrEqual(kind === 'rejection_reply' ? 4 : 3);
    }
  });
});

describe.each(fixtures)('every kind and variant, %s', (_label, facts) => {
  it.each(cases)('%s variant %i is clean and well-formed', (kind, variant) => {
    const draft = compose(kind, facts, variant);
    const { body, subject } = draft;
    expect(draft.kind).toBe(kind);
    expect(draft.variant).toBe(variant);
    expect(draft.variants).toBe(variantCount(kind));

    expect(body).toContain(facts.company);
    if (kind !== 'connect') expect(body).toContain(facts.role);
    expect(body).toMatch(/^(Dear|Hi) Dana,\n\n/);
    expect(body.endsWith('\nSam Carter\n')).toBe(true);

    for (const text of [body, subject]) {
      expect(text).not.toMatch(/undefined|null|NaN|[{}<>]/);
      expect(text).not.toMatch(/ {2}/);
      expect(text).not.toMatch(/\s[,.;:?]/);
      expect(text).not.toMatch(/(?<!\.)\.\.(?!\.)/);
    }
    expect(body).not.toMatch(/\n\n\n|\r|[ \t]\n/);
    expect(body.endsWith('\n') && !body.endsWith('\n\n')).toBe(true);
    expect((body.match(/!/g) ?? []).length).toBeLessThanOrEqual(1);
    for (const line of body.split('\n'))
      expect(/\p{L}/u.test(line) && !/\p{Ll}/u.test(line), line).toBe(false);

    const n = words(body);
    if (kind === 'connect') {
      expect(body.length).toBeLessThanOrEqual(CONNECT_NOTE_MAX);
      expect(n).toBeGreaterThanOrEqual(15);
    } else {
      expect(n).toBeGreaterThanOrEqual(60);
      expect(n).toBeLessThanOrEqual(180);
    }

    expect(subject.length).toBeGreaterThan(0);
    expect(subject).not.toMatch(/\n/);
    // Never argue, blame or plead.
    expect(body).not.toMatch(/\b(unfair|disagree|reconsider|mistake|beg|desperate|please, please|wrong)\b/i);
  });
});

describe('variants', () => {
  it.each(DRAFT_KINDS)('%s: every phrasing opens differently and shares few sentences', (kind) => {
    for (const facts of [full, noInterview, minimal]) {
      const bodies = variantsOf(kind).map((v) => compose(kind, facts, v).body);
      for (let i = 0; i < bodies.length; i++) {
        const a = bodies[i] ?? '';
        const b = bodies[(i + 1) % bodies.length] ?? '';
        expect(a).not.toBe(b);
        const sa = sentences(a);
        const sb = sentences(b);
        expect(sa[0]).not.toBe(sb[0]);
        const shared = sa.filter((s) => sb.includes(s)).length;
        expect(shared / Math.max(sa.length, sb.length), `${kind} ${i}`).toBeLessThan(0.5);
      }
    }
  });

  it('wraps modulo the count, for large and negative variants', () => {
    for (const kind of DRAFT_KINDS) {
      const n = variantCount(kind);
      const at = (v: number) => compose(kind, full, v);
      expect(at(n).body).toBe(at(0).body);
      expect(at(n).variant).toBe(0);
      expect(at(n * 7 + 2).body).toBe(at(2).body);
      expect(at(-1).body).toBe(at(n - 1).body);
      expect(at(-1).variant).toBe(n - 1);
      expect(at(-n).variant).toBe(0);
      expect(compose(kind, full).body).toBe(at(0).body);
    }
  });

  it('is deterministic', () => {
    expect(compose('rejection_reply', full, 2)).toEqual(compose('rejection_reply', full, 2));
  });
});

describe('rejection_reply', () => {
  const elements: [string, RegExp[]][] = [
    [
      'thanks for letting them know',
      [
        /thank(s| you) for letting me know/i,
        /thank you for your message/i,
        /thank you for getting back to me/i,
      ],
    ],
    ['accepts the decision', [/\bI understand\b/i, /\bI respect your decision\b/i, /\bI accept\b/i]],
    [
      'wishes them and the new hire well',
      [
        /wish (you and )?(whoever joins the team|the person joining your team|the successful candidate)/i,
        /hope the person you've chosen settles in well/i,
      ],
    ],
    [
      'asks for specific feedback',
      [
        /what I could (do|have done) differently/i,
        /what could I have done differently/i,
        /where (my [a-z ]+ )?fell short/i,
      ],
    ],
    ['asks for it specifically', [/\bspecific\b/i]],
    [
      'makes it easy',
      [/(a few|a couple of) (brief )?lines/i, /(short|quick|ten-minute) call/i, /whichever suits you/i],
    ],
    [
      'asks to be considered again',
      [/considered for (future|other) (roles|openings)/i, /keep me in mind/i, /future openings/i],
    ],
  ];

  it.each(variantsOf('rejection_reply'))(
    'variant %i has every element, with or without an interview',
    (v) => {
      for (const facts of [full, noInterview, minimal]) {
        const { body } = compose('rejection_reply', facts, v);
        for (const [element, patterns] of elements) {
          expect(
            patterns.some((re) => re.test(body)),
            `${element}\n${body}`,
          ).toBe(true);
        }
        expect((body.match(/sorry|disappoint/gi) ?? []).length, body).toBeLessThanOrEqual(1);
      }
    },
  );

  it.each(variantsOf('rejection_reply'))('variant %i mentions the interview only when there was one', (v) => {
    const withInterview = compose('rejection_reply', full, v).body;
    expect(withInterview).toContain('Tuesday 10 November');
    expect(withInterview).toMatch(/shortlist|interview/i);

    const without = compose('rejection_reply', noInterview, v).body;
    expect(without).not.toMatch(/interview|shortlist|Tuesday 10 November/i);
    expect(without).toMatch(/application/i);
  });

  it('uses "Re:" when answering their email', () => {
    expect(compose('rejection_reply', { ...full, replyToSubject: 'Your application' }).subject).toBe(
      'Re: Your application',
    );
    expect(compose('rejection_reply', full).subject).toBe('Thank you — Data Analyst application');
  });
});

describe('other kinds', () => {
  it.each(variantsOf('follow_up'))('follow_up %i mentions the promised date only when given', (v) => {
    expect(compose('follow_up', full, v).body).toContain('Friday 20 November');
    const without = compose('follow_up', { ...full, promisedBy: null }, v).body;
    expect(without).not.toContain('Friday 20 November');
    expect(without).toMatch(/timeline|next steps|decision/i);
  });

  it.each(variantsOf('interview_thanks'))(
    'interview_thanks %i thanks for the time, topic and others',
    (v) => {
      const { body, subject } = compose('interview_thanks', full, v);
      expect(subject).toBe('Thank you — Data Analyst interview');
      expect(body).toMatch(/thank/i);
      expect(body).toContain('Tuesday 10 November');
      expect(body).toContain('the quarterly reporting pipeline and the move to a new warehouse system');
      expect(body).toContain('Priya');
      expect(body).not.toContain('Shah');
      expect(body).toMatch(/anything (else|further)/i);
    },
  );

  it('interview_thanks caps topics at two and others at three', () => {
    const { body } = compose('interview_thanks', crowded, 0);
    expect(body).not.toContain('a third topic');
    expect(body).toContain('Priya, Tom, Alex and everyone else I met');
    expect(body).not.toContain('Kim');
  });

  it('does not thank the recipient as one of the others', () => {
    const facts = { ...full, others: [{ name: 'Dana Lee', email: 'dana@acme.com' }] };
    expect(compose('interview_thanks', facts).body).not.toMatch(/thanks to Dana/);
  });

  it.each(variantsOf('feedback_nudge'))('feedback_nudge %i is gentle and offers an easy out', (v) => {
    const { body } = compose('feedback_nudge', full, v);
    expect(body).toMatch(/feedback|pointers|what I could/i);
    expect(body).toMatch(/busy|a lot on/i);
    expect(body).toMatch(/if it's not possible, (no problem at all|that's completely fine)/i);
  });

  it.each(variantsOf('stay_in_touch'))('stay_in_touch %i: months, news, CV on file, no pressure', (v) => {
    const { body } = compose('stay_in_touch', full, v);
    expect(body).toContain('three months');
    expect(body).toContain('I recently finished a course in advanced SQL.');
    expect(body).toMatch(/CV on file/);
    expect(body).toMatch(/no need to reply|no pressure/i);
    const quiet = compose('stay_in_touch', { ...full, news: null, monthsSince: null }, v).body;
    expect(quiet).toContain('a few months');
    expect(quiet).not.toContain('SQL');
  });

  it('stay_in_touch turns the months and the news into sentences', () => {
    const at = (monthsSince: number | null, news: string | null) =>
      compose('stay_in_touch', { ...full, monthsSince, news }, 0).body;
    expect(at(6, null)).toContain('six months ago');
    expect(at(11, null)).toContain('almost a year ago');
    expect(at(1, null)).toContain('a month ago');
    expect(at(3, 'a course in data visualisation.')).toContain(
      'most recently with a course in data visualisation.',
    );
    expect(at(3, 'I built a dashboard for a local charity')).toContain(
      'building my skills. I built a dashboard for a local charity.',
    );
    expect(at(3, 'Completed the Google Data Analytics certificate')).toContain(
      'I recently completed the Google Data Analytics certificate.',
    );
    expect(at(3, 'Advanced Excel course')).toContain('most recently with Advanced Excel course.');
  });

  it.each(variantsOf('connect'))('connect %i fits a LinkedIn note, even with long inputs', (v) => {
    const { body, subject } = compose('connect', full, v);
    expect(subject).toBe('Staying in touch');
    expect(body.length).toBeLessThanOrEqual(CONNECT_NOTE_MAX);
    expect(body).toMatch(/connect|keep in touch/i);
    const long = 'Extraordinarily Long Name '.repeat(8);
    const huge = compose(
      'connect',
      {
        ...crowded,
        company: long,
        role: long,
        recipient: { name: long, email: null },
        seeker: { name: long },
      },
      v,
    ).body;
    expect(huge.length).toBeLessThanOrEqual(CONNECT_NOTE_MAX);
    expect(huge).toMatch(/^(Hi|Dear) Extraordinarily,\n\n/);
    expect(huge.endsWith('\n')).toBe(true);
  });

  it.each(variantsOf('offer_feedback'))('offer_feedback %i thanks and asks what went well', (v) => {
    const { body, subject } = compose('offer_feedback', full, v);
    expect(subject).toBe('Thank you — Data Analyst offer');
    expect(body).toMatch(/thank/i);
    expect(body).toMatch(/offer/i);
    expect(body).toMatch(/what (stood out|went well|worked well)/i);
    expect(body).toMatch(/keep doing it/i);
  });
});

describe('greetings and signatures', () => {
  it.each(cases)('%s %i greets the team when there is no recipient', (kind, v) => {
    const body = compose(kind, { ...full, recipient: null }, v).body;
    expect(body).toMatch(/^(Dear Acme hiring team|Hello Acme team),\n\n/);
    const nameless = compose(kind, { ...full, recipient: { name: null, email: 'jobs@acme.com' } }, v).body;
    expect(nameless).toMatch(/^(Dear Acme hiring team|Hello Acme team),\n\n/);
    const emailAsName = compose(kind, { ...full, recipient: { name: 'dana@acme.com', email: null } }, v).body;
    expect(emailAsName).not.toContain('@');
  });

  it.each(cases)('%s %i signs off without an empty line when the seeker has no name', (kind, v) => {
    const body = compose(kind, { ...full, seeker: { name: null } }, v).body;
    const lines = body.split('\n');
    expect(lines.at(-1)).toBe('');
    expect(lines.at(-2)).toMatch(/^[A-Z][a-z ]+,$/);
    expect(lines.at(-3)).toBe('');
    expect(lines.at(-4)).not.toBe('');
  });

  it.each(cases)('%s %i addresses a titled recipient by title and surname', (kind, v) => {
    const body = compose(kind, { ...full, recipient: { name: 'Dr. Dana Lee', email: null } }, v).body;
    expect(body.startsWith('Dear Dr Lee,\n\n')).toBe(true);
  });

  it('handles the shapes names come in', () => {
    const greet = (name: string, v = 0) =>
      compose('interview_thanks', { ...full, recipient: { name, email: null } }, v).body.split('\n')[0];
    expect(greet('Prof. Ana de la Cruz')).toBe('Dear Professor de la Cruz,');
    expect(greet('Mrs Jane Smith-Jones')).toBe('Dear Mrs Smith-Jones,');
    expect(greet('DR DANA LEE')).toBe('Dear Dr Lee,');
    expect(greet('Lee, Dana')).toBe('Dear Dana,');
    expect(greet('Dana Lee, PhD')).toBe('Dear Dana,');
    expect(greet('Dana Lee <dana@acme.com>')).toBe('Dear Dana,');
    expect(greet('"Dana Lee" (she/her)')).toBe('Dear Dana,');
    expect(greet('DANA LEE')).toBe('Dear Dana,');
    expect(greet('dana lee', 1)).toBe('Hi Dana,');
    expect(greet('Madonna', 1)).toBe('Hi Madonna,');
    expect(greet('Ludwig van Beethoven')).toBe('Dear Ludwig,');
    expect(greet('J. Smith', 1)).toBe('Dear J. Smith,');
    expect(greet('Sir John Smith', 1)).toBe('Dear Sir John,');
    expect(greet('Dr.')).toBe('Dear Acme hiring team,');
    expect(greet('   ')).toBe('Dear Acme hiring team,');
  });

  it('tidies a shouted seeker name for the signature', () => {
    expect(compose('follow_up', { ...full, seeker: { name: '  SAM   CARTER ' } }).body).toMatch(
      /\nSam Carter\n$/,
    );
  });
});

describe('subjects', () => {
  it('answers "Re:" once, however many there were', () => {
    const subject = (replyToSubject: string | null, kind: DraftKind = 'rejection_reply') =>
      compose(kind, { ...full, replyToSubject }).subject;
    expect(subject('Re: Re: Your application')).toBe('Re: Your application');
    expect(subject('RE: re:Your application')).toBe('Re: Your application');
    expect(subject('Re[2]: Your application')).toBe('Re: Your application');
    expect(subject('Fwd: Your application')).toBe('Re: Fwd: Your application');
    expect(subject('  Your \n application ')).toBe('Re: Your application');
    expect(subject('Re: ')).toBe('Thank you — Data Analyst application');
    expect(subject('Re: Interview', 'follow_up')).toBe('Re: Interview');
    expect(subject('Re: Interview', 'connect')).toBe('Staying in touch');
  });

  it('names the role in each default subject', () => {
    for (const kind of DRAFT_KINDS) {
      const subject = compose(kind, full).subject;
      if (kind === 'connect') expect(subject).toBe('Staying in touch');
      else expect(subject, kind).toContain('Data Analyst');
    }
    expect(compose('follow_up', full).subject).toBe('Following up — Data Analyst interview');
    expect(compose('follow_up', noInterview).subject).toBe('Following up — Data Analyst application');
  });
});

describe('sanitising', () => {
  const messy: Facts = {
    seeker: { name: ' Sam\tCarter ' },
    company: '  Acme \n Corp  ',
    role: ' Data   Analyst ',
    recipient: { name: ' Dana  Lee ', email: null },
    others: [{ name: 'null', email: null }, { name: 'undefined', email: null }, null as never],
    interview: { when: ' Tuesday  10 November ', kind: 'unheard-of' },
    topics: ['  {the} quarterly <reporting> pipeline. ', '', 'undefined', 'The Quarterly Reporting Pipeline'],
    promisedBy: 'null',
    decisionWhen: 'undefined',
    news: '   ',
  };

  it.each(cases)('%s %i leaves no debris from messy input', (kind, v) => {
    const { body, subject } = compose(kind, messy, v);
    for (const text of [body, subject]) {
      expect(text).not.toMatch(/undefined|null|[{}<>]| {2}|\t/);
    }
    expect(body).toContain('Acme Corp');
    expect(body).toMatch(/^(Hi|Dear) Dana,/);
    expect(body).toMatch(/\nSam Carter\n$/);
    expect(body).not.toMatch(/\n\n\n/);
    if (/Tuesday/.test(body)) expect(body).toContain('Tuesday 10 November');
  });

  it('uses each topic once, trimmed of its own punctuation', () => {
    const { body } = compose('interview_thanks', messy, 0);
    expect(body).toContain('our conversation about the quarterly reporting pipeline, which');
  });

  it('avoids a doubled full stop after a company ending in one', () => {
    for (const kind of DRAFT_KINDS) {
      for (const v of variantsOf(kind)) {
        expect(compose(kind, { ...full, company: 'Acme Ltd.' }, v).body).not.toMatch(/Ltd\.\./);
      }
    }
  });

  it('still writes sensible text without a company or role', () => {
    for (const [kind, v] of cases) {
      const { body, subject } = compose(kind, { ...full, company: ' ', role: '' }, v);
      expect(body).not.toMatch(/\bat\s*[.,]| {2}|the {2}role|\bthe role role\b/);
      expect(body).toMatch(/^(Dear hiring team|Hello|Dear Dana|Hi Dana),/);
      expect(subject).not.toMatch(/—\s*$|— {2}| {2}/);
    }
  });
});
