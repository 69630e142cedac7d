/**
 * The draft composer: the emails Onward proposes (DESIGN.md §2, practices 1, 2, 4, 5, 12, 13 and 17).
 *
 * Pure: the same facts and variant always give the same text. Every draft is gracious — thanks, no
 * argument, no blame, disappointment at most once and briefly — and short enough to read on a phone.
 * Inputs are free text typed by the seeker or lifted from emails, so everything is sanitised before use.
 */
import type { InterviewKind, StepKind } from '../domain/model.js';

export const DRAFT_KINDS = [
  'interview_thanks',
  'follow_up',
  'rejection_reply',
  'feedback_nudge',
  'stay_in_touch',
  'connect',
  'offer_feedback',
] as const satisfies readonly StepKind[];
export type DraftKind = (typeof DRAFT_KINDS)[number];

export function isDraftKind(kind: string): kind is DraftKind {
  return (DRAFT_KINDS as readonly string[]).includes(kind);
}

export interface DraftPerson {
  name: string | null;
  email: string | null;
}

export interface DraftFacts {
  kind: DraftKind;
  /** Signs the email; if null, sign off without a name line. */
  seeker: { name: string | null };
  company: string;
  role: string;
  /** Who the email is to. null → a team greeting ("Dear Acme hiring team,"). */
  recipient: DraftPerson | null;
  /** Other people met, thanked by first name in a thank-you. */
  others?: DraftPerson[];
  /** The latest interview, `when` already formatted for display ("Tuesday 10 November"). */
  interview?: { when: string; kind: string } | null;
  /** What was discussed, short phrases from the seeker's notes; at most two are used. */
  topics?: string[];
  /** A date they promised to reply by, formatted, for follow_up. */
  promisedBy?: string | null;
  /** For stay_in_touch: months since the rejection, and something new the seeker has done. */
  monthsSince?: number | null;
  news?: string | null;
  /** For rejection_reply and feedback_nudge: when the decision came, formatted. */
  decisionWhen?: string | null;
  /** Subject of the email being answered: the draft's subject becomes "Re: <subject>". */
  replyToSubject?: string | null;
}

export interface ComposedDraft {
  kind: DraftKind;
  subject: string;
  body: string;
  variant: number;
  variants: number;
}

/** LinkedIn's limit for an invitation note. */
export const CONNECT_NOTE_MAX = 300;

// ---------------------------------------------------------------------------------------------------
// Sanitising

const LIMITS = { name: 60, company: 80, role: 80, topic: 90, when: 40, news: 160, subject: 150 } as const;

/** Trimmed, single-spaced text without control characters or braces, or null when nothing is left. */
function clean(value: unknown, max: number): string | null {
  if (typeof value !== 'string') return null;
  let text = value
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\u2060\ufeff]/g, ' ')
    .replace(/[{}<>]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (/^(undefined|null|nan)$/i.test(text)) return null;
  if (text.length > max) {
    const cut = text.slice(0, max + 1);
    const space = cut.lastIndexOf(' ');
    text = (space > max / 2 ? cut.slice(0, space) : text.slice(0, max)).replace(/[\s,;:–—-]+$/, '');
  }
  return text === '' ? null : text;
}

/** Text used inside a sentence: no trailing punctuation of its own. */
function phrase(value: unknown, max: number): string | null {
  const text = clean(value, max)?.replace(/[\s.,;:!?…]+$/, '') ?? null;
  return text === '' ? null : text;
}

/** "The migration" → "the migration"; proper nouns and acronyms are left alone. */
function lowerLeadingWord(text: string): string {
  return text.replace(/^(The|A|An|Our|Your|Their|My|How|What|Why|Some)\b/, (w) => w.toLowerCase());
}

// ---------------------------------------------------------------------------------------------------
// Names

const TITLES: Record<string, string> = {
  dr: 'Dr',
  doctor: 'Dr',
  mr: 'Mr',
  mrs: 'Mrs',
  ms: 'Ms',
  miss: 'Miss',
  mx: 'Mx',
  prof: 'Professor',
  professor: 'Professor',
  sir: 'Sir',
  dame: 'Dame',
};
/** Titles addressed with the first name rather than the surname ("Dear Sir John"). */
const FIRST_NAME_TITLES = new Set(['Sir', 'Dame']);
const PARTICLES = new Set([
  'van',
  'von',
  'de',
  'del',
  'della',
  'der',
  'den',
  'da',
  'di',
  'du',
  'la',
  'le',
  'dos',
  'das',
  'ter',
  'ten',
  'bin',
  'binti',
  'al',
  'el',
  'st',
  'st.',
]);
const POST_NOMINALS = new Set([
  'phd',
  'md',
  'mba',
  'msc',
  'bsc',
  'ba',
  'ma',
  'jr',
  'sr',
  'ii',
  'iii',
  'cpa',
  'esq',
  'obe',
  'mbe',
  'cbe',
  'frs',
]);

interface ParsedName {
  /** The whole name, tidied, for a signature. */
  full: string;
  /** "Dr Lee", "Dana", "J. Smith": what follows "Dear". */
  address: string;
  /** True when the address is a title and surname, or otherwise too formal for "Hi". */
  formal: boolean;
}

const bare = (token: string): string => token.toLowerCase().replace(/\./g, '');

function capitalise(token: string, first: boolean): string {
  if (!first && PARTICLES.has(token.toLowerCase())) return token.toLowerCase();
  return token
    .toLowerCase()
    .replace(/(^|[-'’])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}

/** Tidy a person's name as typed or as found in an email header; null if it is not a usable name. */
function tidyName(value: unknown): string[] | null {
  const raw = typeof value === 'string' ? value.replace(/<[^>]*>/g, ' ').replace(/\([^)]*\)/g, ' ') : null;
  let text = clean(raw, 200);
  if (text === null || text.includes('@')) return null;
  text = text.replace(/["“”„«»`]/g, ' ').replace(/^'+|'+$/g, '');
  // "Lee, Dana" → "Dana Lee"; "Dana Lee, PhD" → "Dana Lee".
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '' && !POST_NOMINALS.has(bare(p)));
  if (parts.length === 2 && parts[0] && parts[1]) text = `${parts[1]} ${parts[0]}`;
  else text = parts.join(' ');
  const tokens = (clean(text, LIMITS.name) ?? '').split(' ').filter((t) => /\p{L}/u.test(t));
  while (tokens.length > 1 && POST_NOMINALS.has(bare(tokens[tokens.length - 1] ?? ''))) tokens.pop();
  if (tokens.length === 0) return null;
  const letters = tokens.join('');
  const shouting = !/\p{Ll}/u.test(letters) && /\p{Lu}.*\p{Lu}/u.test(letters);
  const mumbling = !/\p{Lu}/u.test(letters) && /\p{Ll}/u.test(letters);
  return shouting || mumbling ? tokens.map((t, i) => capitalise(t, i === 0)) : tokens;
}

function parseName(value: unknown): ParsedName | null {
  const tokens = tidyName(value);
  if (tokens === null) return null;
  let title: string | null = null;
  while (tokens.length > 0 && TITLES[bare(tokens[0] ?? '')] !== undefined) {
    const t = TITLES[bare(tokens.shift() ?? '')] ?? null;
    title ??= t;
  }
  if (tokens.length === 0) return null; // a title alone is no name
  const full = [title, ...tokens].filter(Boolean).join(' ');
  const first = tokens[0] ?? '';
  if (title !== null) {
    if (FIRST_NAME_TITLES.has(title)) return { full, address: `${title} ${first}`, formal: true };
    const particle = tokens.findIndex(
      (t, i) => i > 0 && i < tokens.length - 1 && PARTICLES.has(t.toLowerCase()),
    );
    const surname = tokens.length === 1 ? first : tokens.slice(particle > 0 ? particle : -1).join(' ');
    return { full, address: `${title} ${surname}`, formal: true };
  }
  // "J. Smith": an initial is no first name to greet, so use the whole name.
  if (/^\p{L}\.?$/u.test(first) && tokens.length > 1)
    return { full, address: tokens.join(' '), formal: true };
  return { full, address: first, formal: false };
}

function joinList(items: string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

// ---------------------------------------------------------------------------------------------------
// The facts, prepared for the templates

const INTERVIEW_NOUNS: Record<InterviewKind, string> = {
  video: 'our video interview',
  phone: 'our phone call',
  onsite: 'our interview in person',
  technical: 'the technical interview',
  behavioural: 'our interview',
  panel: 'the panel interview',
  assessment: 'the assessment',
  other: 'our interview',
};

const NUMBER_WORDS = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

function monthsText(months: unknown): string {
  if (typeof months !== 'number' || !Number.isFinite(months) || months <= 0) return 'a few months';
  const n = Math.round(months);
  if (n <= 1) return 'a month';
  if (n <= 10) return `${NUMBER_WORDS[n]} months`;
  if (n === 11) return 'almost a year';
  if (n <= 13) return 'about a year';
  return 'over a year';
}

/** "Tuesday 10 November" → "on Tuesday 10 November"; "yesterday" and "last week" stay as they are. */
function onDate(when: string | null): string {
  if (when === null) return '';
  if (/^(on|in|at|last|this|earlier|yesterday|today)\b/i.test(when))
    return when.replace(/^\p{Lu}(?=\p{Ll})/u, (c) => c.toLowerCase());
  return `on ${when}`;
}

const PAST_VERBS = new Set([
  'built',
  'began',
  'became',
  'wrote',
  'ran',
  'took',
  'got',
  'made',
  'led',
  'won',
  'taught',
  'did',
  'gave',
  'found',
  'sold',
  'spoke',
  'went',
  'set',
  'kept',
  'grew',
  'earned',
]);
const NOT_VERBS = new Set([
  'advanced',
  'applied',
  'automated',
  'distributed',
  'embedded',
  'accredited',
  'certified',
  'integrated',
  'supervised',
  'unsupervised',
  'detailed',
  'extended',
  'connected',
  'red',
  'need',
  'speed',
  'seed',
  'feed',
]);

type News = { form: 'verb' | 'noun' | 'sentence'; text: string };

/** Something new the seeker has done, in a form a sentence can take: "finished a course", "a course", "I …". */
function parseNews(value: unknown): News | null {
  let text = clean(value, LIMITS.news);
  if (text === null) return null;
  text = text.replace(/^(recently|just)\s+/i, '');
  const firstWord = (text.split(' ')[0] ?? '').toLowerCase();
  if (/^(i|i'm|i’m|i've|i’ve|my|we|our)$/.test(firstWord)) {
    const sentence = text.charAt(0).toUpperCase() + text.slice(1);
    return { form: 'sentence', text: /[.!?]$/.test(sentence) ? sentence : `${sentence}.` };
  }
  if (/^(am|have|was|now|currently)$/.test(firstWord)) {
    return { form: 'sentence', text: `I ${text.replace(/[.!?]+$/, '')}.` };
  }
  const inner = text.replace(/[\s.,;:!?…]+$/, '');
  if (inner === '') return null;
  const verb = PAST_VERBS.has(firstWord) || (/^\p{L}{3,}ed$/u.test(firstWord) && !NOT_VERBS.has(firstWord));
  if (verb) return { form: 'verb', text: inner.replace(/^\p{Lu}(?=\p{Ll}|\s)/u, (c) => c.toLowerCase()) };
  return { form: 'noun', text: lowerLeadingWord(inner) };
}

function newsSentence(news: News | null, lead: string): string | null {
  if (news === null) return null;
  if (news.form === 'verb') return `${lead}, and I recently ${news.text}.`;
  if (news.form === 'noun') return `${lead}, most recently with ${news.text}.`;
  return `${lead}. ${news.text}`;
}

interface Ctx {
  company: string | null;
  /** The company, or "your organisation" when unknown: safe after a preposition. */
  co: string;
  role: string | null;
  /** "the Data Analyst role at Acme". */
  roleAt: string;
  /** The interview, if one took place: "our video interview on Tuesday 10 November". */
  iv: { ref: string; on: string } | null;
  /** " on Tuesday 10 November", or "" when the date is unknown. */
  on: string;
  topic: string | null;
  others: string | null;
  promisedBy: string | null;
  decisionOn: string;
  months: string;
  news: News | null;
}

function prepare(facts: DraftFacts, compact: number): Ctx {
  const company = compact >= 4 ? null : phrase(facts.company, LIMITS.company);
  const role = compact >= 3 ? null : phrase(facts.role, LIMITS.role);
  const co = company ?? 'your organisation';
  const roleNoun =
    role === null
      ? 'the role'
      : /\b(role|position|job|vacancy|post)$/i.test(role)
        ? `the ${role}`
        : `the ${role} role`;
  const roleAt = company === null ? roleNoun : `${roleNoun} at ${company}`;

  let iv: Ctx['iv'] = null;
  let on = '';
  if (facts.interview !== null && facts.interview !== undefined && typeof facts.interview === 'object') {
    const when = compact >= 2 ? null : phrase(facts.interview.when, LIMITS.when);
    on = when === null ? '' : ` ${onDate(when)}`;
    const kind = String(facts.interview.kind ?? '').toLowerCase();
    const noun = (INTERVIEW_NOUNS as Record<string, string | undefined>)[kind] ?? 'our interview';
    iv = { ref: `${noun}${on}`, on };
  }

  const topics: string[] = [];
  for (const raw of compact >= 1 ? [] : (facts.topics ?? [])) {
    const t = phrase(raw, LIMITS.topic)?.replace(/^about\s+/i, '');
    if (t && !topics.some((x) => x.toLowerCase() === t.toLowerCase())) topics.push(lowerLeadingWord(t));
    if (topics.length === 2) break;
  }

  const recipient = parseName(facts.recipient?.name);
  const recipientEmail = clean(facts.recipient?.email, 200)?.toLowerCase() ?? null;
  const others: string[] = [];
  for (const person of facts.others ?? []) {
    const email = clean(person?.email, 200)?.toLowerCase() ?? null;
    if (email !== null && email === recipientEmail) continue;
    const name = parseName(person?.name);
    if (name === null || name.full === recipient?.full) continue;
    if (!others.includes(name.address)) others.push(name.address);
  }
  const shown = others.length > 3 ? [...others.slice(0, 3), 'everyone else I met'] : others;

  const decision = phrase(facts.decisionWhen, LIMITS.when);
  return {
    company,
    co,
    role,
    roleAt,
    iv,
    on,
    topic: topics.length > 0 ? joinList(topics) : null,
    others: shown.length > 0 ? joinList(shown) : null,
    promisedBy: phrase(facts.promisedBy, LIMITS.when),
    decisionOn: decision === null ? '' : ` ${onDate(decision)}`,
    months: monthsText(facts.monthsSince),
    news: parseNews(facts.news),
  };
}

// ---------------------------------------------------------------------------------------------------
// The phrasings

type Part = string | null | false | undefined | 0 | '';

/** Sentences joined into a paragraph; null when every part is empty. */
function para(...parts: Part[]): string | null {
  const kept = parts.filter((p): p is string => typeof p === 'string' && p.trim() !== '');
  return kept.length > 0 ? kept.join(' ') : null;
}

interface Phrasing {
  greeting: 'dear' | 'hi';
  closing: string;
  paragraphs: (c: Ctx) => (string | null)[];
}

const PHRASINGS: Record<DraftKind, Phrasing[]> = {
  interview_thanks: [
    {
      greeting: 'dear',
      closing: 'Kind regards,',
      paragraphs: (c) => [
        para(
          c.iv
            ? `Thank you for your time during ${c.iv.ref}, and for telling me more about ${c.roleAt}.`
            : `Thank you for taking the time to speak with me about ${c.roleAt}.`,
          c.topic
            ? `I particularly enjoyed our conversation about ${c.topic}, which gave me a clearer picture of the work ahead.`
            : 'I enjoyed learning more about the team and the work ahead.',
        ),
        para(c.others && `Please pass my thanks to ${c.others} as well.`),
        para(
          `I left even more interested in the role, and I would be glad to bring my skills to ${c.co}.`,
          'If anything further from me would help, such as references or examples of my work, please let me know.',
        ),
      ],
    },
    {
      greeting: 'hi',
      closing: 'Thanks again,',
      paragraphs: (c) => [
        para(
          `Many thanks for speaking with me${c.on} about ${c.roleAt}.`,
          c.topic
            ? `I really enjoyed hearing about ${c.topic}, and it was great to get a sense of how the team works.`
            : 'I really enjoyed the conversation and getting a sense of how the team works day to day.',
        ),
        para(c.others && `I was glad to meet ${c.others} too, so please say thank you from me.`),
        para(
          `I came away even keener to join ${c.co} and to be part of that work.`,
          "If there's anything else you need from me, I'm happy to send it over.",
        ),
      ],
    },
    {
      greeting: 'dear',
      closing: 'With best wishes,',
      paragraphs: (c) => [
        para(
          `I wanted to thank you for ${c.iv ? c.iv.ref : 'our conversation'} and for the time you gave me.`,
          c.topic
            ? `Discussing ${c.topic} was a highlight for me: it is exactly the kind of work I hope to do.`
            : 'It was good to hear how you see the role developing.',
        ),
        para(c.others && `It was also a pleasure to meet ${c.others}; please pass on my thanks.`),
        para(
          `I remain very interested in ${c.roleAt}, and I would welcome the chance to contribute to the team.`,
          'Should you need anything further from me, I would be happy to provide it.',
        ),
      ],
    },
  ],

  follow_up: [
    {
      greeting: 'dear',
      closing: 'Kind regards,',
      paragraphs: (c) => [
        para(
          'I hope you are well.',
          c.iv
            ? `I am writing to follow up on ${c.iv.ref} for ${c.roleAt}.`
            : `I am writing to follow up on my application for ${c.roleAt}.`,
          c.promisedBy
            ? `You mentioned that you hoped to have news by ${c.promisedBy}, so I thought I would check in on the timeline.`
            : 'I wondered whether there is any update on the timeline for a decision.',
        ),
        para(
          `I am still very interested in the role and in joining ${c.co}.`,
          'I understand these decisions take time, so there is no rush; I would be glad to hear from you whenever you are ready.',
        ),
      ],
    },
    {
      greeting: 'hi',
      closing: 'Many thanks,',
      paragraphs: (c) => [
        para(
          'I hope your week is going well.',
          c.iv
            ? `I'm just checking in about ${c.roleAt}, following our conversation${c.on}.`
            : `I'm just checking in about my application for ${c.roleAt}.`,
          c.promisedBy
            ? `I know you were hoping to get back to candidates by ${c.promisedBy}, so I wondered whether there is any news.`
            : 'I wondered whether there is any news on the next steps.',
        ),
        para(
          "I'm still very enthusiastic about the role.",
          "Hiring decisions can take a while, so please don't feel any pressure; I'd just be glad to hear whenever you have an update.",
        ),
      ],
    },
    {
      greeting: 'dear',
      closing: 'Best regards,',
      paragraphs: (c) => [
        para(
          c.iv
            ? `Thank you again for ${c.iv.ref}.`
            : `Thank you again for considering my application for ${c.roleAt}.`,
          c.promisedBy
            ? `I wanted to ask politely about the next steps, as you had mentioned a decision might come by ${c.promisedBy}.`
            : 'I wanted to ask politely about the next steps, and when you expect to reach a decision.',
        ),
        para(
          c.iv
            ? `Since we spoke, my interest in ${c.roleAt} has only grown, and I would welcome the chance to contribute.`
            : `I remain very interested in the role, and I would welcome the chance to contribute.`,
          'If there is anything else I can provide to help, please let me know.',
        ),
        para('I look forward to hearing from you whenever it suits you.'),
      ],
    },
  ],

  rejection_reply: [
    {
      greeting: 'dear',
      closing: 'Kind regards,',
      paragraphs: (c) => [
        para(
          c.iv
            ? `Thank you for letting me know about your decision, and for shortlisting me for ${c.roleAt}.`
            : `Thank you for letting me know about your decision, and for taking the time to consider my application for ${c.roleAt}.`,
          c.iv &&
            (c.topic
              ? `I appreciated the time you gave me during ${c.iv.ref}, especially our conversation about ${c.topic}.`
              : `I appreciated the time you gave me during ${c.iv.ref}.`),
        ),
        para(
          'I was sorry to hear the news, but I understand, and I wish you and whoever joins the team every success.',
        ),
        para(
          `I am keen to keep improving, so I would be grateful for any specific feedback: what I could do differently next time, and where ${c.iv ? 'my answers or experience' : 'my application'} fell short.`,
          'A few lines by email or a short call, whichever suits you, would be a real help.',
        ),
        para(
          `I would also be glad to be considered for future roles at ${c.co}, so please do keep me in mind.`,
        ),
      ],
    },
    {
      greeting: 'hi',
      closing: 'All the best,',
      paragraphs: (c) => [
        para(
          c.iv
            ? `Thanks for letting me know, and for giving me the chance to interview for ${c.roleAt}.`
            : `Thanks for letting me know, and for considering my application for ${c.roleAt}.`,
          c.iv && `I really valued the time you gave me${c.on}.`,
        ),
        para(
          "I'm disappointed, of course, but I understand the decision, and I hope the person you've chosen settles in well.",
        ),
        para(
          "If you're able to share it, I'd really appreciate some specific feedback.",
          'What could I have done differently, and was there an area where I fell short?',
          'Even a couple of lines would help me a lot, or a quick call if that is easier for you.',
        ),
        para(
          `I'd love to be considered for other roles at ${c.co} in the future, so please keep me in mind.`,
        ),
      ],
    },
    {
      greeting: 'dear',
      closing: 'With best wishes,',
      paragraphs: (c) => [
        para(
          `Thank you for your message${c.decisionOn} and for letting me know the outcome.`,
          c.iv
            ? `I am grateful to have been shortlisted for ${c.roleAt}, and for the time you spent with me during ${c.iv.ref}.`
            : `I am grateful that you took the time to consider my application for ${c.roleAt}.`,
        ),
        para(
          'While I was sorry not to be successful this time, I respect your decision, and I wish the successful candidate all the best in the role.',
        ),
        para(
          'To help me grow, I would value any specific feedback you are able to give.',
          `In particular, what could I have done differently, and which parts of my ${c.iv ? 'application or interview' : 'application'} were less strong?`,
          'I know your time is limited, so a few brief lines, or a ten-minute call if you prefer, would be more than enough.',
        ),
        para(
          `I have enjoyed learning about ${c.co}, and I would welcome the chance to be considered for future openings.`,
        ),
      ],
    },
    {
      greeting: 'hi',
      closing: 'Best wishes,',
      paragraphs: (c) => [
        para(
          `Thank you for getting back to me${c.decisionOn} about ${c.roleAt}.`,
          c.iv
            ? c.topic
              ? `I appreciated being shortlisted, and I enjoyed our conversation about ${c.topic}${c.on}.`
              : `I appreciated being shortlisted, and the time you gave me${c.on}.`
            : 'I appreciate you taking the time to review my application.',
        ),
        para('I understand your decision, and I wish you and the person joining your team all the best.'),
        para(
          "I'm always trying to improve, so if you have a moment, I'd be grateful to hear what I could do differently next time.",
          `Anything specific you noticed about ${c.iv ? 'my experience, my answers or how I came across' : 'my CV, my cover letter or my experience'} would be valuable, whether it's a few lines by email or a short call.`,
        ),
        para(
          `I'd also like to be considered for future roles at ${c.co}, so please keep me in mind if something suitable comes up.`,
        ),
      ],
    },
  ],

  feedback_nudge: [
    {
      greeting: 'dear',
      closing: 'Kind regards,',
      paragraphs: (c) => [
        para(
          'I hope you are well.',
          c.decisionOn
            ? `When you let me know your decision${c.decisionOn} about ${c.roleAt}, I asked whether you might be able to share some feedback.`
            : `After hearing your decision about ${c.roleAt}, I asked whether you might be able to share some feedback.`,
          'I am following up gently in case my message got lost in a busy inbox.',
        ),
        para(
          'I know how busy things get, and I appreciate that this may not be a priority.',
          'Even a line or two on what I could do differently next time would be very helpful to me.',
        ),
        para(
          "If it's not possible, no problem at all — thank you again for your time and for considering me.",
        ),
      ],
    },
    {
      greeting: 'hi',
      closing: 'Best wishes,',
      paragraphs: (c) => [
        para(
          `I just wanted to follow up on my note about feedback for ${c.roleAt}.`,
          "I realise you have a lot on, so I'll keep this short.",
        ),
        para(
          `If you do have a moment, a few words on what I could improve would mean a lot and would help me prepare for ${c.iv ? 'future interviews' : 'future applications'}.`,
        ),
        para(
          `And if it's not possible, no problem at all — thank you again for your time${c.iv ? ' and for interviewing me' : ''}.`,
        ),
      ],
    },
    {
      greeting: 'dear',
      closing: 'With best wishes,',
      paragraphs: (c) => [
        para(
          'I hope this finds you well.',
          `Following your decision${c.decisionOn} about ${c.roleAt}, I wrote to ask whether you could share some feedback, and I thought I would send one gentle reminder.`,
        ),
        para(
          'I understand you are busy.',
          'Any brief pointers on where I could improve would be welcome, whether by email or in a short call.',
        ),
        para(
          "If it's not possible, that's completely fine.",
          `Thank you again for considering me, and best wishes to you and ${c.company === null ? 'your team' : `the team at ${c.company}`}.`,
        ),
      ],
    },
  ],

  stay_in_touch: [
    {
      greeting: 'dear',
      closing: 'Kind regards,',
      paragraphs: (c) => [
        para(
          'I hope you are well.',
          `${c.iv ? 'We spoke about' : 'I applied for'} ${c.roleAt} ${c.months} ago, and I thought I would send a short note.`,
        ),
        newsSentence(c.news, 'Since then, I have kept building my skills'),
        para(
          `I am still very interested in ${c.co} and the work your team does.`,
          'I would be grateful if you could keep my CV on file, and if a suitable opening comes up, I would love to hear about it.',
        ),
        para('There is no need to reply; I simply wanted to stay in touch.'),
      ],
    },
    {
      greeting: 'hi',
      closing: 'Best wishes,',
      paragraphs: (c) => [
        para(
          `It's been ${c.months} since ${c.iv ? 'we spoke about' : 'I applied for'} ${c.roleAt}, and I wanted to say hello.`,
          'I hope things are going well for you and the team.',
        ),
        newsSentence(c.news, "I've been busy in the meantime"),
        para(
          `I'm still keen to work with ${c.co}, so if anything comes up that might suit me, I'd really appreciate a mention.`,
          'It would also be great if you could keep my CV on file.',
        ),
        para('No pressure at all; I just wanted to stay on your radar.'),
      ],
    },
    {
      greeting: 'dear',
      closing: 'With best wishes,',
      paragraphs: (c) => [
        para(
          'I hope all is well with you and the team.',
          `I ${c.iv ? 'interviewed' : 'applied'} for ${c.roleAt} ${c.months} ago, and although it did not work out at the time, I have followed your news with interest since.`,
        ),
        newsSentence(c.news, 'I have continued to develop in the meantime'),
        para(
          `I would still very much like to join ${c.co}.`,
          'Please keep my CV on file, and do let me know if a role that fits my background opens up.',
        ),
        para('Thank you, and there is no need to reply unless something comes up.'),
      ],
    },
  ],

  connect: [
    {
      greeting: 'hi',
      closing: 'Best wishes,',
      paragraphs: (c) => [
        para(
          c.iv
            ? `Thank you for our conversation about ${c.roleAt}.`
            : `Thank you for your help with my application for ${c.roleAt}.`,
          c.iv
            ? 'I enjoyed it, and I would be glad to stay connected.'
            : 'I would be glad to stay connected.',
        ),
      ],
    },
    {
      greeting: 'dear',
      closing: 'Kind regards,',
      paragraphs: (c) => [
        para(
          c.iv
            ? `It was a pleasure speaking with you${c.on} about ${c.roleAt}.`
            : `Thank you for considering me for ${c.roleAt}.`,
          "I'd like to keep in touch, so I hope you don't mind me connecting here.",
        ),
      ],
    },
    {
      greeting: 'hi',
      closing: 'All the best,',
      paragraphs: (c) => [
        para(
          c.iv
            ? `Thanks again for your time${c.on}; I enjoyed ${c.topic ? `our conversation about ${c.topic}` : 'our conversation'} and learning more about ${c.co}.`
            : `Thanks again for considering me for ${c.roleAt}.`,
          "I'd be glad to stay connected, and I hope our paths cross again.",
        ),
      ],
    },
  ],

  offer_feedback: [
    {
      greeting: 'dear',
      closing: 'Kind regards,',
      paragraphs: (c) => [
        para(
          `Thank you again for offering me ${c.roleAt}.`,
          'I appreciated the care you took throughout the process.',
        ),
        para(
          `I am always trying to learn, so I have a small request: could you tell me what stood out in my application${c.iv ? ' and interviews' : ''}?`,
          'Knowing what went well would help me keep doing it, and a few lines would be plenty.',
        ),
        para('Thank you for your time, and for a positive experience from start to finish.'),
      ],
    },
    {
      greeting: 'hi',
      closing: 'Best wishes,',
      paragraphs: (c) => [
        para(`Thank you so much for offering me ${c.roleAt}.`, 'I was delighted to hear the news.'),
        para(
          `I'd love to ask one thing: what stood out to you in my application${c.iv ? ' and interviews' : ''}?`,
          "I'd like to understand what went well so that I can keep doing it.",
          'Even a couple of lines would be really useful.',
        ),
        para(`Thanks again for a great experience throughout the process with ${c.company ?? 'you'}.`),
      ],
    },
    {
      greeting: 'dear',
      closing: 'With best wishes,',
      paragraphs: (c) => [
        para(
          c.iv
            ? `I wanted to thank you properly for the offer of ${c.roleAt}, and for the time you and your colleagues spent with me.`
            : `I wanted to thank you properly for the offer of ${c.roleAt}.`,
        ),
        para(
          'As I keep developing, it would be really helpful to know what worked well from your side.',
          `Was there anything in particular in ${c.iv ? 'my interviews, or in how I presented my experience,' : 'my application'} that made the difference?`,
          'I would like to keep doing it.',
        ),
        para(
          'Only if you have a moment, of course; a short reply would be more than enough.',
          'Thank you again for a thoughtful and well-organised process.',
        ),
      ],
    },
  ],
};

// ---------------------------------------------------------------------------------------------------
// Subjects, greetings, assembly

function defaultSubject(kind: DraftKind, c: Ctx, hasInterview: boolean): string {
  const role = c.role;
  switch (kind) {
    case 'interview_thanks':
      return role
        ? `Thank you — ${role} interview`
        : c.company
          ? `Thank you — interview at ${c.company}`
          : 'Thank you for your time';
    case 'follow_up':
      return role
        ? `Following up — ${role} ${hasInterview ? 'interview' : 'application'}`
        : `Following up on my ${hasInterview ? 'interview' : 'application'}`;
    case 'rejection_reply':
      return role ? `Thank you — ${role} application` : 'Thank you for letting me know';
    case 'feedback_nudge':
      return role ? `A gentle follow-up — feedback on the ${role} role` : 'A gentle follow-up on feedback';
    case 'stay_in_touch':
      return role ? `Keeping in touch — ${role}${c.company ? ` at ${c.company}` : ''}` : 'Keeping in touch';
    case 'connect':
      return 'Staying in touch';
    case 'offer_feedback':
      return role ? `Thank you — ${role} offer` : 'Thank you for the offer';
  }
}

/** "Re: Re: RE: Your application" → "Your application"; null if nothing is left. */
function stripReplyPrefixes(subject: unknown): string | null {
  const text = clean(subject, LIMITS.subject + 40);
  if (text === null) return null;
  return clean(text.replace(/^(\s*(re|aw|sv|antw)\s*(\[\d+\])?\s*:)+\s*/i, ''), LIMITS.subject);
}

function greetingLine(style: 'dear' | 'hi', recipient: ParsedName | null, company: string | null): string {
  if (recipient === null) {
    if (style === 'dear') return company ? `Dear ${company} hiring team,` : 'Dear hiring team,';
    return company ? `Hello ${company} team,` : 'Hello,';
  }
  return `${style === 'hi' && !recipient.formal ? 'Hi' : 'Dear'} ${recipient.address},`;
}

/** Final tidying: single spaces, no space before punctuation, no doubled full stops, one blank line at most. */
function tidy(text: string): string {
  const lines = text.split('\n').map((line) =>
    line
      .replace(/[ \t]+/g, ' ')
      .replace(/ ([,.;:?!])/g, '$1')
      .replace(/(?<!\.)\.\.(?!\.)/g, '.')
      .replace(/([?!])\./g, '$1')
      .trim(),
  );
  return `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}

const MAX_COMPACT = 4;

/** How many phrasings a kind has. */
export function variantCount(kind: DraftKind): number {
  const phrasings = PHRASINGS[kind] as Phrasing[] | undefined;
  if (phrasings === undefined) throw new RangeError(`unknown draft kind: ${String(kind)}`);
  return phrasings.length;
}

/**
 * Compose a draft. `variant` is any integer: the phrasing used is variant modulo the number of
 * phrasings for the kind, so a caller can pass a counter and never see the same text twice in a row.
 */
export function composeDraft(facts: DraftFacts, variant = 0): ComposedDraft {
  const kind = facts.kind;
  const variants = variantCount(kind);
  const v = Number.isFinite(variant) ? Math.trunc(variant) : 0;
  const index = ((v % variants) + variants) % variants;
  const phrasing = PHRASINGS[kind][index] as Phrasing;

  const recipient = parseName(facts.recipient?.name);
  const seeker = parseName(facts.seeker?.name)?.full ?? null;
  const hasInterview = facts.interview !== null && facts.interview !== undefined;

  const full = prepare(facts, 0);
  let body = '';
  // A connection note must fit LinkedIn's limit: drop detail, least important first, until it does.
  for (let compact = 0; compact <= MAX_COMPACT; compact++) {
    const ctx = compact === 0 ? full : prepare(facts, compact);
    const paragraphs = phrasing.paragraphs(ctx).filter((p): p is string => p !== null);
    body = tidy(
      [
        greetingLine(phrasing.greeting, recipient, ctx.company),
        ...paragraphs,
        seeker === null ? phrasing.closing : `${phrasing.closing}\n${seeker}`,
      ].join('\n\n'),
    );
    if (kind !== 'connect' || body.length <= CONNECT_NOTE_MAX) break;
  }
  if (kind === 'connect' && body.length > CONNECT_NOTE_MAX)
    body = `${body.slice(0, CONNECT_NOTE_MAX - 1).trimEnd()}\n`;

  const replyTo = kind === 'connect' ? null : stripReplyPrefixes(facts.replyToSubject);
  const subject = replyTo === null ? defaultSubject(kind, full, hasInterview) : `Re: ${replyTo}`;
  return { kind, subject: tidy(subject).trim(), body, variant: index, variants };
}
