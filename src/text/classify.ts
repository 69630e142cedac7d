/**
 * Offline email classifier and extractor for inbox import (issue 5; DESIGN.md §2 "Email classes").
 *
 * Each message gets one class (`application_received`, `interview`, `rejection`, `offer`, `other`)
 * with a confidence, the employer, the role, the person who wrote it, and for interviews the
 * proposed time when an absolute date is stated. Pure: no I/O, no clock (the "now" used to complete
 * a date without a year is a parameter), deterministic, no model download.
 *
 * How it works:
 * 1. Normalisation (normaliseEmailText): HTML leftovers and entities removed, typographic quotes and
 *    dashes made ASCII, quoted replies ("On … wrote:", "> …", Outlook headers) cut, unsubscribe and
 *    legal footer lines dropped. Of a long body only the head and the tail (sign-off) are kept.
 * 2. Phrase rules (classify-lexicon.ts) score each class over the subject and the first MAX_SCAN
 *    characters of the body, lower-cased, contractions expanded. Every rule is a transparent,
 *    weighted regular expression with guards for conditionals ("if you are not selected…"),
 *    negation ("not shortlisted for interview") and third parties ("offered the post to another
 *    candidate"). `other` starts with a prior, so vague mail ("unfortunately I'm out of the office")
 *    stays other; mail without any job-search word keeps only part of its job-class evidence.
 *    Japanese and Chinese mail gets a small phrase list of its own.
 * 3. A short reply with little evidence of its own inherits the evidence of its thread (and the
 *    interview time stated there).
 * 4. Scores become probabilities by a softmax (TEMPERATURE); the winner's probability is the
 *    confidence: ≥ 0.8 is "sure", < 0.6 belongs on the human review list.
 * 5. Extraction, for job-search mail: company (cues such as "the Data Analyst position at Acme",
 *    then the From display name without "Careers"/"Recruiting", then the signature, then the sender
 *    domain unless it is an ATS or a job board), role, person (the From display name when it is a
 *    person, else the name under the sign-off) and, for interviews, the date and time (see
 *    findInterviewTime). Other mail with no job-search evidence (newsletters, account and personal
 *    mail) has no employer or role: only a person From name is read.
 *
 * Speed: one pass over the text finds every anchor word (hashed tokens, an open-addressing table);
 * each rule's regex is then tried only at its anchors, as a sticky match; patterns have bounded gaps
 * and no nested quantifiers. The extraction reads its cue words from the same pass. About 50–100 µs
 * per typical email on a busy 2-core machine (the test run prints a figure).
 */
import { DateTime } from 'luxon';
import type { EmailClass } from '../domain/model.js';
import {
  BODY_RULES,
  CJK_RULES,
  DOMAIN_SUFFIXES,
  JOB_CONTEXT_WORDS,
  NO_CONTEXT_FACTOR,
  NON_PERSON_WORDS,
  OTHER_PRIOR,
  PLATFORM_DOMAINS,
  ROLE_HEADS,
  SUBJECT_RULES,
  type Guard,
  type PhraseRule,
} from './classify-lexicon.js';

export interface EmailText {
  subject: string;
  from: string | null;
  body: string;
}

export interface EmailInput extends EmailText {
  /** Earlier messages of the same thread, oldest first: a short reply keeps the thread's context. */
  thread?: EmailText[];
}

export interface Classification {
  label: EmailClass;
  /** 0..1, calibrated enough that >= 0.8 is "sure" and < 0.6 goes to a human review list. */
  confidence: number;
  scores: Record<EmailClass, number>;
  /** The employer, not the ATS or job board. */
  company: string | null;
  role: string | null;
  /** Who wrote it: the From display name when it is a person, else the name under the sign-off. */
  person: string | null;
  /**
   * For interviews: the proposed time when an absolute date is stated, as ISO 8601 in UTC; a date
   * without a time gives the start of that day in the zone. Null when there is no date, when only a
   * weekday or "tomorrow" is given, when several different times are offered, or when the year is
   * missing and no `now` was passed.
   */
  interviewTime: string | null;
  /** A few short human-readable reasons (the phrases that decided it), for the review list. */
  reasons: string[];
}

export interface ClassifyOptions {
  /** ISO instant used to complete dates without a year (the next such date on or after now). */
  now?: string;
  /** The seeker's IANA zone: the zone of times stated without one. Default UTC. */
  timeZone?: string;
}

const CLASSES: readonly EmailClass[] = ['application_received', 'interview', 'rejection', 'offer', 'other'];
const JOB_CLASSES: readonly EmailClass[] = ['application_received', 'interview', 'rejection', 'offer'];

/** Characters of a raw body looked at at all: plain text, and HTML (long before any text). */
const MAX_RAW = 8_000;
const MAX_RAW_HTML = 24_000;
/** Characters of the normalised body scanned by the phrase rules. */
const MAX_SCAN = 1_200;
/** Of a long body, the characters kept from its start and from its end. */
const KEEP_HEAD = 1_800;
const KEEP_TAIL = 700;
/** Softmax temperature: the weight scale of the lexicon, chosen so that ≥ 0.8 is reliably right. */
const TEMPERATURE = 1.6;
/** A reply whose best job-class score is below this inherits its thread's evidence. */
const THREAD_THRESHOLD = 5;
/** Below this best job-class score, `other` mail is not job-search mail: no company or role cues are read. */
const WEAK_EVIDENCE = 2;
/** Weight of the thread's evidence added to a short reply. */
const THREAD_WEIGHT = 0.9;

// ---------------------------------------------------------------------------------------------
// Normalisation
// ---------------------------------------------------------------------------------------------

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  rsquo: "'",
  lsquo: "'",
  rdquo: '"',
  ldquo: '"',
  ndash: '-',
  mdash: '-',
  hellip: '...',
  bull: '*',
  middot: '·',
  copy: '©',
  reg: '®',
  trade: '™',
  eacute: 'é',
  egrave: 'è',
  agrave: 'à',
  ccedil: 'ç',
  uuml: 'ü',
  ouml: 'ö',
  auml: 'ä',
  szlig: 'ß',
  euro: '€',
  pound: '£',
};

const HTML_HINT = /<(?:[a-z][a-z0-9]*\b[^>]*|\/[a-z][a-z0-9]*\s*|!--[^>]*)>/i;
const HTML_DROP =
  /<(?:style|script|head|title)\b[^>]*>[\s\S]*?<\/(?:style|script|head|title)\s*>|<!--[\s\S]*?-->/gi;
const HTML_BLOCK =
  /<\/?(?:br|p|div|li|tr|h[1-6]|table|ul|ol|section|article|header|footer|blockquote|hr)\b[^>]*>/gi;
const HTML_TAG = /<\/?[a-z][^>]{0,2000}>/gi;
/** Anything beyond printable ASCII: only then is the typography pass needed. */
const NON_ASCII = /[^\t\n\r\x20-\x7e]/;
const TYPOGRAPHY_ONE =
  /^[\u00a0\u00ad\u2000-\u200f\u2010-\u2015\u2018-\u201f\u2026\u202f\u2028\u2029\u2032\u2033\u205f\u3000\ufeff]$/;
const TYPOGRAPHY =
  /[\u00a0\u00ad\u2000-\u200f\u2010-\u2015\u2018-\u201f\u2026\u202f\u2028\u2029\u2032\u2033\u205f\u3000\ufeff]/g;
/** The start of quoted text: cut everything from here. */
const QUOTE_START =
  /^[ \t]*(?:>|on\s[^\n]{1,250}?wrote:|on\s[^\n]{1,200}\n[^\n]{1,120}?wrote:|-{2,}\s*(?:original|forwarded) message|begin forwarded message|from:[^\n]{1,200}\n[ \t]*(?:sent|date|to|subject):|_{10,}[ \t]*\n[ \t]*from:)/im;
const QUOTED_LINE = /^[ \t]*>.*$/gm;
/** Words of footer and boilerplate lines: the whole line is dropped. */
const FOOTER_WORDS =
  /unsubscribe|manage (?:your )?(?:e-?mail )?(?:preferences|alerts|subscriptions?|notifications)|you(?:'re| are) receiving this|this (?:e-?mail|message) was sent (?:to|by|from)|view (?:this (?:e-?mail|message) )?in (?:your |a )?browser|all rights reserved|sent from my (?:iphone|ipad|android|mobile|phone|samsung)|get outlook for/gi;
const FOOTER_SCAN = 1_000;
const BULK_FOOTER = /^(?:unsubscribe|manage|you|view)/i;
/** Signs of quoted text (checked before the costlier QUOTE_START). */
const QUOTE_HINT = /wrote:|\n[ \t]*>|-----|rom:|_____/;
/** Entities, typographic characters and runs of blanks: replaced in one pass by cleanup(). */
const CLEANUP =
  /&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z]{2,8});|[ \t\f\v]{2,}|[\t\f\v\u00a0\u00ad\u2000-\u200f\u2010-\u2015\u2018-\u201f\u2026\u202f\u2028\u2029\u2032\u2033\u205f\u3000\ufeff]/gi;
const TRAILING_SPACES = / +\n/g;
const BLANK_LINES = /\n[ \t]*(?:\n[ \t]*)+/g;
const HTML_SPACE_BEFORE_PUNCTUATION = / +(?=[.,;:!?])/g;

function typography(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c === 0x2018 || c === 0x2019 || c === 0x201a || c === 0x201b || c === 0x2032) return "'";
  if (c >= 0x201c && c <= 0x201f) return '"';
  if (c === 0x2033) return '"';
  if (c >= 0x2010 && c <= 0x2015) return '-';
  if (c === 0x2026) return '...';
  if (c === 0x00ad || (c >= 0x200b && c <= 0x200f) || c === 0xfeff) return '';
  return ' ';
}

function cleanup(match: string): string {
  const c = match.charCodeAt(0);
  if (c === 38 /* & */) {
    const decoded = decodeEntity(match, match.slice(1, -1));
    return decoded.length === 1 && TYPOGRAPHY_ONE.test(decoded) ? typography(decoded) : decoded;
  }
  if (c === 32 || c === 9 || c === 12 || c === 11) return ' ';
  return typography(match);
}

function decodeEntity(whole: string, name: string): string {
  if (name.charCodeAt(0) === 35 /* # */) {
    const hex = name.charCodeAt(1) === 120 || name.charCodeAt(1) === 88;
    const code = Number.parseInt(name.slice(hex ? 2 : 1), hex ? 16 : 10);
    if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff) return ' ';
    return String.fromCodePoint(code);
  }
  return ENTITIES[name.toLowerCase()] ?? whole;
}

interface Prepared {
  /** Normalised text, original case. */
  clean: string;
  /** True when a list/marketing footer (unsubscribe, preferences) was found. */
  bulk: boolean;
}

function prepare(body: string): Prepared {
  let s =
    body.length > MAX_RAW
      ? body.slice(0, HTML_HINT.test(body.slice(0, 2_000)) ? MAX_RAW_HTML : MAX_RAW)
      : body;
  if (s.includes('\r')) s = s.replace(/\r\n?/g, '\n');
  if (s.includes('<') && HTML_HINT.test(s)) {
    s = s
      .replace(HTML_DROP, ' ')
      .replace(HTML_BLOCK, '\n')
      .replace(HTML_TAG, ' ')
      .replace(HTML_SPACE_BEFORE_PUNCTUATION, '');
  }
  // Of a long text only the head (read by the rules) and the tail (sign-off, footer) matter.
  if (s.length > KEEP_HEAD + KEEP_TAIL + 500) s = `${s.slice(0, KEEP_HEAD)}\n\n${s.slice(-KEEP_TAIL)}`;
  if (s.charCodeAt(0) === 62 || QUOTE_HINT.test(s)) {
    const quote = QUOTE_START.exec(s);
    if (quote) {
      const before = s.slice(0, quote.index);
      // A reply written below the quote (rare): keep the text, drop the quoted lines only.
      s = before.trim().length >= 2 ? before : s.replace(QUOTED_LINE, '');
    }
  }
  // One pass for entities, typographic characters and runs of blanks.
  s = s.replace(CLEANUP, cleanup);
  let bulk = false;
  // Footers sit at the end: only the last part is searched.
  FOOTER_WORDS.lastIndex = Math.max(0, s.length - FOOTER_SCAN);
  let footer = FOOTER_WORDS.exec(s);
  if (footer) {
    const kept: string[] = [];
    let from = 0;
    while (footer) {
      const lineStart = s.lastIndexOf('\n', footer.index) + 1;
      let lineEnd = s.indexOf('\n', footer.index);
      if (lineEnd < 0) lineEnd = s.length;
      if (BULK_FOOTER.test(footer[0])) bulk = true;
      if (lineStart >= from) kept.push(s.slice(from, lineStart));
      from = Math.max(from, lineEnd);
      FOOTER_WORDS.lastIndex = lineEnd;
      footer = FOOTER_WORDS.exec(s);
    }
    kept.push(s.slice(from));
    s = kept.join('');
  }
  return { clean: s.trim(), bulk };
}

/**
 * The readable text of an email body: HTML leftovers and entities removed, quotes and dashes made
 * ASCII, quoted replies and unsubscribe/legal footers cut, whitespace collapsed. Case is kept.
 */
export function normaliseEmailText(text: string): string {
  return prepare(text).clean.replace(TRAILING_SPACES, '\n').replace(BLANK_LINES, '\n\n');
}

// ---------------------------------------------------------------------------------------------
// Scoring
// ---------------------------------------------------------------------------------------------

interface CompiledRule {
  rule: PhraseRule;
  re: RegExp;
  /** Anchor ids (indices into ANCHOR_WORDS); empty: always run on the whole text. */
  anchors: number[];
  /** rule.also as pairs, for a quick loop. */
  also: [EmailClass, number][];
  /** A subject rule: only matches starting inside the subject count. */
  subjectOnly: boolean;
}

/** Every distinct `need` word of the body rules, by id. */
const ANCHOR_WORDS: string[] = [];
/** Token hash -> anchor ids with that hash (a collision only costs an extra regex run). */
const ANCHOR_BY_HASH = new Map<number, number[]>();
/** The same as an open-addressing table, built once the rules are compiled: faster than a Map. */
const TABLE_BITS = 12;
const TABLE_MASK = (1 << TABLE_BITS) - 1;
const tableKeys = new Int32Array(1 << TABLE_BITS);
/** Index into TABLE_IDS + 1 (0: empty slot). */
const tableSlots = new Int32Array(1 << TABLE_BITS);
const TABLE_IDS: number[][] = [];

function hashWord(word: string): number {
  let h = 0;
  for (let i = 0; i < word.length; i++) h = (Math.imul(h, 31) + word.charCodeAt(i)) | 0;
  return h;
}

function anchorId(word: string): number {
  let id = ANCHOR_WORDS.indexOf(word);
  if (id >= 0) return id;
  id = ANCHOR_WORDS.push(word) - 1;
  const h = hashWord(word);
  const ids = ANCHOR_BY_HASH.get(h);
  if (ids) ids.push(id);
  else ANCHOR_BY_HASH.set(h, [id]);
  return id;
}

const compile = (rules: readonly PhraseRule[], subjectOnly: boolean): CompiledRule[] =>
  rules.map((rule) => ({
    rule,
    re: new RegExp(rule.source, 'y'),
    anchors: rule.need.map(anchorId),
    also: Object.entries(rule.also) as [EmailClass, number][],
    subjectOnly,
  }));

/** Japanese and Chinese phrases: searched whole, only in mail with CJK characters. */
const CJK = CJK_RULES.map((rule) => ({ rule, re: new RegExp(rule.source, 'g') }));
/** Words of job-search mail in Japanese and Chinese (the CJK counterpart of JOB_CONTEXT_WORDS). */
const CJK_CONTEXT = /応募|選考|採用|面接|内定|求人|職種|应聘|面试|录用|招聘|简历|职位/;

/** Body rules (over subject and body) and subject rules (counted only inside the subject). */
const RULES = [...compile(BODY_RULES, false), ...compile(SUBJECT_RULES, true)];
/** Anchor ids of the words that make an email job-search mail at all. */
const CONTEXT_ANCHORS = JOB_CONTEXT_WORDS.map(anchorId);

/** Extraction cues (see "Company" and "Role"): the words that start them, by kind (CUE_* bits). */
const CUE_ROLE_OF = 1;
const CUE_ROLE_NOUN = 2;
const CUE_ROLE_FOR = 4;
const CUE_ROLE_AS = 8;
const CUE_COMPANY = 16;
const CUE_KIND_BY_HASH = new Map<number, number>();
const CUE_WORD_LISTS: readonly [number, string][] = [
  [CUE_ROLE_OF, 'position role post job vacancy opening'],
  [
    CUE_ROLE_NOUN,
    'position role post job vacancy opening opportunity internship apprenticeship programme program scheme requisition vacancies',
  ],
  [
    CUE_ROLE_FOR,
    'application applying applied apply interest interview interviewing candidacy candidature consideration shortlisted offer',
  ],
  [CUE_ROLE_AS, 'as'],
  [
    CUE_COMPANY,
    'interest apply applying applied application joining join career employment opportunity opportunities welcome work working position role job opening vacancy internship post apprenticeship programme program here team behalf offer interview interviewing considering',
  ],
];
for (const [kind, words] of CUE_WORD_LISTS) {
  for (const word of words.split(' ')) {
    anchorId(word); // the token pass records cue words too
    const h = hashWord(word);
    CUE_KIND_BY_HASH.set(h, (CUE_KIND_BY_HASH.get(h) ?? 0) | kind);
  }
}

const slotOf = (h: number): number => (h ^ (h >>> TABLE_BITS)) & TABLE_MASK;
for (const [h, ids] of ANCHOR_BY_HASH) {
  let slot = slotOf(h);
  while (tableSlots[slot] !== 0) slot = (slot + 1) & TABLE_MASK;
  tableKeys[slot] = h;
  tableSlots[slot] = TABLE_IDS.push(ids);
}

/** The cue kinds of each anchor id (0: not a cue word). */
const CUE_KIND_BY_ANCHOR = Uint8Array.from(ANCHOR_WORDS, (word) => CUE_KIND_BY_HASH.get(hashWord(word)) ?? 0);

/** Character classes for the tokeniser: 1 for letters, digits and the apostrophe. */
const WORD_CHAR = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  WORD_CHAR[c] = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || c === 39 ? 1 : 0;
}

/** Positions of each anchor in the current text: at most MAX_POSITIONS per anchor. */
const MAX_POSITIONS = 6;
const anchorCount = new Uint8Array(ANCHOR_WORDS.length);
const anchorPositions = new Int32Array(ANCHOR_WORDS.length * MAX_POSITIONS);
const touched: number[] = [];
/** Set by findAnchors: the text has Japanese or Chinese characters. */
let sawCjk = false;

/**
 * One pass over the (lower-case) text: record where each anchor word occurs. A word is a run of
 * a-z, digits, apostrophes and letters from U+00C0 on; it cannot start with an apostrophe.
 * Written as a plain loop with the hash table probed inline: this is the hottest code here.
 */
function findAnchors(text: string): void {
  for (const id of touched) anchorCount[id] = 0;
  touched.length = 0;
  sawCjk = false;
  const n = text.length;
  let i = 0;
  while (i < n) {
    let c = text.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c >= 0xc0)) {
      i++;
      continue;
    }
    if (c >= 0x3040 && c <= 0x9fff) sawCjk = true;
    const start = i;
    let h = 0;
    do {
      h = (Math.imul(h, 31) + c) | 0;
      if (++i >= n) break;
      c = text.charCodeAt(i);
    } while ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 39 || c >= 0xc0);
    let slot = (h ^ (h >>> TABLE_BITS)) & TABLE_MASK;
    let entry = tableSlots[slot] as number;
    while (entry !== 0 && tableKeys[slot] !== h) {
      slot = (slot + 1) & TABLE_MASK;
      entry = tableSlots[slot] as number;
    }
    if (entry === 0) continue;
    const ids = TABLE_IDS[entry - 1] as number[];
    for (let j = 0; j < ids.length; j++) {
      const id = ids[j] as number;
      const k = anchorCount[id] as number;
      if (k === 0) touched.push(id);
      if (k < MAX_POSITIONS) {
        anchorPositions[id * MAX_POSITIONS + k] = start;
        anchorCount[id] = k + 1;
      }
    }
  }
}

/** Expands contractions so that one pattern covers both: "won't" → "will not", "didn't" → "did not". */
const CONTRACTION = /\b(?:(won)|(can)|(shan)|([a-z]+))n't\b/g;
function expandContractions(text: string): string {
  if (!text.includes("n't")) return text;
  return text.replace(CONTRACTION, (_, won?: string, can?: string, shan?: string, stem?: string) =>
    won ? 'will not' : can ? 'cannot' : shan ? 'shall not' : `${stem ?? ''} not`,
  );
}

/**
 * A conditional or hypothetical lead-in in the same clause, or the seeker's own decision ("you have
 * decided not to continue with your application").
 */
const COND_BEFORE =
  /\b(?:if|unless|whether|should|in the event|in case|once(?! again)|when(?:ever)?|until|assume|may|might|could potentially|either|will (?:shortly |soon |then )?(?:receive|get|be sent)|you(?: have|'ve)? (?:decided|chosen|elected|opted|wish(?:ed)?|asked|requested))\b/;
/** A negation shortly before, in the same clause. */
const NEG_BEFORE = /\b(?:not|no|never|unable|cannot|without|nor|neither)\b/;
/** The phrase is about someone else ("… to another candidate"). */
const ELSEWHERE_AFTER =
  /^[^.\n]{0,50}?\bto (?:a|an|another|the other|other|one of the other|the successful|the preferred|an internal|a different|an external|the selected)\s+(?:[a-z-]+\s+)?(?:candidate|applicant|person)/;

function clauseBefore(text: string, index: number, max: number): string {
  let start = index;
  const limit = Math.max(0, index - max);
  while (start > limit) {
    const c = text.charCodeAt(start - 1);
    // . ! ? ; newline end a clause
    if (c === 46 || c === 33 || c === 63 || c === 59 || c === 10) break;
    start--;
  }
  return text.slice(start, index);
}

function guardsPass(guards: readonly Guard[], text: string, index: number, end: number): boolean {
  for (const guard of guards) {
    if (guard === 'cond') {
      if (COND_BEFORE.test(clauseBefore(text, index, 100))) return false;
    } else if (guard === 'neg') {
      if (NEG_BEFORE.test(clauseBefore(text, index, 45))) return false;
    } else if (ELSEWHERE_AFTER.test(text.slice(end, end + 80))) {
      return false;
    }
  }
  return true;
}

interface Hit {
  cls: EmailClass;
  weight: number;
  phrase: string;
}

/** For each anchor id, the rules (indices into RULES) that may start at it. */
const RULES_BY_ANCHOR: number[][] = ANCHOR_WORDS.map(() => []);
RULES.forEach((compiled, index) => {
  for (const id of compiled.anchors) RULES_BY_ANCHOR[id]?.push(index);
});
const ruleDone = new Uint8Array(RULES.length);

function record(
  compiled: CompiledRule,
  match: RegExpExecArray,
  scores: Record<EmailClass, number>,
  hits: Hit[],
): void {
  const { rule } = compiled;
  scores[rule.cls] += rule.weight;
  for (const [cls, delta] of compiled.also) scores[cls] += delta;
  hits.push({ cls: rule.cls, weight: rule.weight, phrase: match[0] });
}

/**
 * The rules, driven by the anchors found in the text: each rule is tried, as a sticky match, only
 * where one of its anchor words occurs (subject rules: only inside the subject), and counts once.
 */
function applyRules(text: string, subjectEnd: number, scores: Record<EmailClass, number>, hits: Hit[]): void {
  ruleDone.fill(0);
  for (const id of touched) {
    const count = anchorCount[id] ?? 0;
    for (const index of RULES_BY_ANCHOR[id] ?? []) {
      if (ruleDone[index] === 1) continue;
      const compiled = RULES[index] as CompiledRule;
      const { rule, re } = compiled;
      for (let j = 0; j < count; j++) {
        const position = anchorPositions[id * MAX_POSITIONS + j] ?? 0;
        if (compiled.subjectOnly && position >= subjectEnd) break;
        re.lastIndex = position;
        const match = re.exec(text);
        if (match === null) continue;
        if (
          rule.guards.length > 0 &&
          !guardsPass(rule.guards, text, match.index, match.index + match[0].length)
        ) {
          continue;
        }
        record(compiled, match, scores, hits);
        ruleDone[index] = 1;
        break;
      }
    }
  }
}

/** The CJK phrases; true when the text reads as job-search mail in Japanese or Chinese. */
function applyCjkRules(text: string, scores: Record<EmailClass, number>, hits: Hit[]): boolean {
  for (const compiled of CJK) {
    compiled.re.lastIndex = 0;
    const match = compiled.re.exec(text);
    if (match === null) continue;
    scores[compiled.rule.cls] += compiled.rule.weight;
    hits.push({ cls: compiled.rule.cls, weight: compiled.rule.weight, phrase: match[0] });
  }
  return CJK_CONTEXT.test(text);
}

const emptyScores = (): Record<EmailClass, number> => ({
  application_received: 0,
  interview: 0,
  rejection: 0,
  offer: 0,
  other: OTHER_PRIOR,
});

const REPLY_PREFIX = /^(?:\s*(?:re|aw|sv|vs|fw|fwd|tr|wg|antw)\s*(?:\[\d+\])?\s*:\s*)+/i;

interface Scored {
  scores: Record<EmailClass, number>;
  hits: Hit[];
  clean: string;
  lowerSubject: string;
  /** Cue words of the body for the extraction, or null when they must be looked for again. */
  cues: BodyCues | null;
}

function lowerSubjectOf(email: EmailText): string {
  const subject = (email.subject ?? '').slice(0, 300);
  return expandContractions(
    (NON_ASCII.test(subject) ? subject.replace(TYPOGRAPHY, typography) : subject).toLowerCase(),
  );
}

function ruleTextOf(lowerSubject: string, clean: string): string {
  return `${lowerSubject}\n\n${lowerBodyOf(clean).expanded}`;
}

function lowerBodyOf(clean: string): { expanded: string; sameOffsets: boolean } {
  const body = clean.length > MAX_SCAN ? clean.slice(0, MAX_SCAN) : clean;
  const lower = body.toLowerCase();
  const expanded = expandContractions(lower);
  return { expanded, sameOffsets: expanded === lower && lower.length === body.length };
}

/** The cue words of the body's first EXTRACT_SCAN characters, from the anchors just found. */
function bodyCues(bodyStart: number): BodyCues {
  const found: [number, number][] = [];
  for (const id of touched) {
    const kind = CUE_KIND_BY_ANCHOR[id] ?? 0;
    if (kind === 0) continue;
    const count = anchorCount[id] ?? 0;
    for (let j = 0; j < count; j++) {
      const position = (anchorPositions[id * MAX_POSITIONS + j] ?? 0) - bodyStart;
      if (position >= 0 && position < EXTRACT_SCAN) found.push([position, kind]);
    }
  }
  found.sort((a, b) => a[0] - b[0]);
  return { positions: found.map((f) => f[0]), kinds: found.map((f) => f[1]) };
}

/**
 * The text the body rules read: subject and normalised body (first MAX_SCAN characters),
 * lower-cased, contractions expanded. For tests and for explaining a classification.
 */
export function ruleText(email: EmailText): string {
  return ruleTextOf(lowerSubjectOf(email), prepare(email.body ?? '').clean);
}

function scoreEmail(email: EmailText): Scored {
  const { clean, bulk } = prepare(email.body ?? '');
  const lowerSubject = lowerSubjectOf(email);
  const lowerBody = lowerBodyOf(clean);
  const text = `${lowerSubject}\n\n${lowerBody.expanded}`;
  const scores = emptyScores();
  const hits: Hit[] = [];
  findAnchors(text);
  applyRules(text, lowerSubject.length, scores, hits);
  const cjk = sawCjk && applyCjkRules(text, scores, hits);
  // The extraction reads cue words at these positions when offsets in the body are unchanged.
  const cues = lowerBody.sameOffsets ? bodyCues(lowerSubject.length + 2) : null;
  let context = cjk;
  for (const id of CONTEXT_ANCHORS) if ((anchorCount[id] ?? 0) > 0) context = true;
  if (!context) {
    // "Book your slot for parents' evening", "did you accept the offer?": no job-search words at all.
    for (const cls of JOB_CLASSES) if (scores[cls] > 0) scores[cls] *= NO_CONTEXT_FACTOR;
  }
  if (bulk) {
    scores.other += 2;
    hits.push({ cls: 'other', weight: 2, phrase: 'unsubscribe footer' });
  }
  return { scores, hits, clean, lowerSubject, cues };
}

function bestJob(scores: Record<EmailClass, number>): number {
  let best = 0;
  for (const cls of JOB_CLASSES) best = Math.max(best, scores[cls]);
  return best;
}

function softmax(scores: Record<EmailClass, number>): Record<EmailClass, number> {
  let max = -Infinity;
  for (const cls of CLASSES) max = Math.max(max, scores[cls]);
  let sum = 0;
  const exp = {} as Record<EmailClass, number>;
  for (const cls of CLASSES) {
    exp[cls] = Math.exp((scores[cls] - max) / TEMPERATURE);
    sum += exp[cls];
  }
  const out = {} as Record<EmailClass, number>;
  for (const cls of CLASSES) out[cls] = Math.round((exp[cls] / sum) * 1000) / 1000;
  return out;
}

// ---------------------------------------------------------------------------------------------
// Classification
// ---------------------------------------------------------------------------------------------

export function classifyEmail(input: EmailInput, options: ClassifyOptions = {}): Classification {
  const own = scoreEmail(input);
  const scores = own.scores;
  const reasons: string[] = [];

  const thread = input.thread;
  let context: Scored | null = null;
  if (thread && thread.length > 0 && bestJob(scores) < THREAD_THRESHOLD) {
    for (let k = thread.length - 1; k >= 0; k--) {
      const message = thread[k];
      if (!message) continue;
      const earlier = scoreEmail(message);
      if (bestJob(earlier.scores) < THREAD_THRESHOLD) continue;
      let top: EmailClass = 'other';
      for (const cls of JOB_CLASSES) {
        scores[cls] += THREAD_WEIGHT * Math.max(0, earlier.scores[cls]);
        if (top === 'other' || earlier.scores[cls] > earlier.scores[top]) top = cls;
      }
      reasons.push(`thread: an earlier message reads as ${top.replace('_', ' ')}`);
      context = earlier;
      break;
    }
  }

  let label: EmailClass = 'other';
  for (const cls of CLASSES) if (scores[cls] > scores[label]) label = cls;
  const probabilities = softmax(scores);

  reasons.unshift(...explain(own.hits, label));
  if (reasons.length === 0) reasons.push('no job-search phrase found');

  const sender = parseFrom(input.from);
  // Job-search mail gets the full extraction. Other mail without job-search evidence (newsletters,
  // account mail, personal mail) has no employer or role to name: only the From name is read.
  const jobMail = label !== 'other' || bestJob(scores) >= WEAK_EVIDENCE;
  let person: string | null;
  let company: string | null = null;
  let role: string | null = null;
  if (jobMail) {
    const signature = new LazySignature(own.clean, sender);
    person = findPerson(sender, signature, own.clean);
    const subject = excerpt(
      (input.subject ?? '').slice(0, 300).replace(REPLY_PREFIX, '').replace(/\s+/g, ' '),
    );
    const body = excerpt(
      own.clean.length > EXTRACT_SCAN ? own.clean.slice(0, EXTRACT_SCAN) : own.clean,
      own.cues,
    );
    company = findCompany(subject, body, sender, signature, person);
    role = findRole(subject, body);
  } else person = sender.person;
  const zone = options.timeZone ?? 'UTC';
  let interviewTime = label === 'interview' ? findInterviewTime(own.clean, options.now, zone) : null;
  // "Thanks, see you then": the time is in the message it answers.
  if (label === 'interview' && interviewTime === null && thread) {
    if (context) interviewTime = findInterviewTime(context.clean, options.now, zone);
    for (let k = thread.length - 1; k >= 0 && interviewTime === null && context === null; k--) {
      const message = thread[k];
      if (message) interviewTime = findInterviewTime(prepare(message.body ?? '').clean, options.now, zone);
    }
  }

  return {
    label,
    confidence: probabilities[label],
    scores: probabilities,
    company,
    role,
    person,
    interviewTime,
    reasons,
  };
}

const describe = (hit: Hit): string =>
  `${hit.cls.replace('_', ' ')} +${hit.weight}: "${hit.phrase.trim().slice(0, 70)}"`;

/** The strongest phrases for the label (at most four), then the strongest phrase against it. */
function explain(hits: Hit[], label: EmailClass): string[] {
  const out: string[] = [];
  const used = new Set<Hit>();
  for (let n = 0; n < 4; n++) {
    let best: Hit | null = null;
    for (const hit of hits) {
      if (
        hit.cls === label &&
        hit.weight > 0 &&
        !used.has(hit) &&
        (best === null || hit.weight > best.weight)
      )
        best = hit;
    }
    if (best === null) break;
    used.add(best);
    out.push(describe(best));
  }
  let against: Hit | null = null;
  for (const hit of hits) {
    if (hit.cls !== label && hit.weight >= 4 && (against === null || hit.weight > against.weight))
      against = hit;
  }
  if (against) out.push(`against: ${describe(against)}`);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Sender, person, signature
// ---------------------------------------------------------------------------------------------

interface Sender {
  /** Display name, quotes removed. */
  display: string | null;
  local: string | null;
  domainLabels: string[];
  /** The person part of the display name ("Sarah Bradley" in "Sarah Bradley (Acme)"). */
  personPart: string | null;
  /** The organisation part ("Acme" in "Sarah Bradley (Acme)", "Acme Careers", "People at Acme"). */
  orgPart: string | null;
  /** True when the display name had an explicit organisation next to it (parentheses, "at", "via", "|"). */
  explicitOrg: boolean;
  /** The display name when it is clearly a person (see personFromDisplay), computed once per sender. */
  person: string | null;
  /** The display name's person part, cleaned, when it looks like a name at all. */
  nameLike: string | null;
}

const FROM_ANGLE = /^\s*"?([^"<]*?)"?\s*<([^<>\s]+)>\s*$/;
const ADDRESS = /^[^\s@<>]+@[^\s@<>]+$/;
const GENERIC_LOCAL =
  /^(?:jobs?|talent|careers?|hr|recruit\w*|no-?reply|do-?not-?reply|info|hello|office|practice|people|team|hiring|notify|notifications?|apply|applications|campus|early-?careers|graduates?|support|admin|contact|enquiries|mail|alerts?|digest|news|events|reviews|offers|orders|bookings|statements|reminders|service|winner|store|bewerbung|rh|talento|personal|workday|university|ta|staffing|results)\d*$/i;

const DISPLAY_PAREN = /^(.*?)\s*\(([^()]+)\)\s*$/;
const DISPLAY_VIA = /^(.+?)\s+via\s+(.+)$/i;
const DISPLAY_SPLIT = /^(.+?)\s+(?:\||-|at|from|@)\s+(.+)$/i;

/** Senders repeat in a mailbox: parsed From headers are kept (a small cache, cleared when full). */
const SENDERS = new Map<string, Sender>();

function parseFrom(from: string | null | undefined): Sender {
  if (!from) return readFrom(null);
  let sender = SENDERS.get(from);
  if (sender === undefined) {
    if (SENDERS.size >= 500) SENDERS.clear();
    sender = readFrom(from);
    SENDERS.set(from, sender);
  }
  return sender;
}

function readFrom(from: string | null): Sender {
  const sender: Sender = {
    display: null,
    local: null,
    domainLabels: [],
    personPart: null,
    orgPart: null,
    explicitOrg: false,
    person: null,
    nameLike: null,
  };
  if (!from) return sender;
  const trimmed = from.trim().slice(0, 300);
  let address: string | null = null;
  const angle = FROM_ANGLE.exec(trimmed);
  if (angle) {
    sender.display = (angle[1] ?? '').trim() || null;
    address = angle[2] ?? null;
  } else if (ADDRESS.test(trimmed)) address = trimmed;
  else sender.display = trimmed.replace(/^"|"$/g, '').trim() || null;
  if (address) {
    const at = address.lastIndexOf('@');
    sender.local = address.slice(0, at).toLowerCase();
    sender.domainLabels = address
      .slice(at + 1)
      .toLowerCase()
      .split('.')
      .filter((l) => l !== '');
  }
  const display = sender.display;
  if (!display) return sender;
  let personPart: string | null = display;
  let orgPart: string | null = null;
  const paren = display.includes('(') ? DISPLAY_PAREN.exec(display) : null;
  const via = display.includes(' ') ? DISPLAY_VIA.exec(display) : null;
  const split = display.includes(' ') ? DISPLAY_SPLIT.exec(display) : null;
  if (paren) {
    personPart = paren[1]?.trim() || null;
    orgPart = paren[2]?.trim() || null;
    sender.explicitOrg = true;
  } else if (via) {
    orgPart = via[1]?.trim() || null;
    personPart = null;
    sender.explicitOrg = true;
  } else if (split) {
    const left = split[1]?.trim() ?? '';
    const right = split[2]?.trim() ?? '';
    // "Recruiting | Acme", "People & Culture at Acme", "Acme - Recruitment Team"
    if (hasNonPersonWord(left) && !hasNonPersonWord(right)) {
      orgPart = right;
      personPart = null;
    } else if (hasNonPersonWord(right)) {
      orgPart = stripOrgSuffix(left) ?? left;
      personPart = looksLikeName(left) ? left : null;
      if (personPart) orgPart = stripOrgSuffix(right);
    } else {
      personPart = left;
      orgPart = right;
    }
    sender.explicitOrg = true;
  }
  sender.personPart = personPart;
  // Without an explicit organisation, the display name is either a person or the organisation.
  sender.orgPart = orgPart ?? stripOrgSuffix(display);
  sender.nameLike = personPart && looksLikeName(personPart) ? cleanName(personPart) : null;
  sender.person = personFromDisplay(sender);
  return sender;
}

const TITLE = /^(?:dr|mr|mrs|ms|miss|mx|prof|professor|sir|dame)\.?\s+/i;
const UPPER = 'A-Z\\u00c0-\\u00d6\\u00d8-\\u00de';
const LOWER = 'a-z\\u00df-\\u00f6\\u00f8-\\u00ff\\u0100-\\u024f';
const NAME_TOKEN = new RegExp(
  `^(?:[${UPPER}][${LOWER}'-]*[${LOWER}]|[${UPPER}]\\.?|[${UPPER}]'[${UPPER}][${LOWER}]+|Mc[${UPPER}][${LOWER}]+|de|van|von|der|den|da|di|la|le|du|del|bin|al|el|dos|das|ten|ter)$`,
);

function hasNonPersonWord(text: string): boolean {
  for (const word of text.toLowerCase().split(/[\s,&/|.()]+/)) if (NON_PERSON_WORDS.has(word)) return true;
  return false;
}

/** A person's name: 1–4 capitalised tokens, no organisation word, not a job title. */
function looksLikeName(raw: string): boolean {
  const text = raw.replace(TITLE, '').trim();
  if (text.length < 2 || text.length > 50) return false;
  const tokens = text.split(/\s+/);
  if (tokens.length > 4) return false;
  let letters = 0;
  for (const token of tokens) {
    if (!NAME_TOKEN.test(token)) return false;
    if (token.length >= 2 && !token.endsWith('.')) letters++;
  }
  if (letters === 0) return false;
  if (hasNonPersonWord(text)) return false;
  const last = tokens[tokens.length - 1]?.toLowerCase() ?? '';
  return !ROLE_HEADS.has(last);
}

function sameFirstName(a: string | null, b: string): boolean {
  return a !== null && a.split(' ')[0] === b.split(' ')[0];
}

function nameMatchesAddress(name: string, local: string | null): boolean {
  if (!local) return false;
  for (const token of name.replace(TITLE, '').toLowerCase().split(/\s+/)) {
    if (token.length >= 3 && local.includes(token.replace(/[^a-z]/g, ''))) return true;
  }
  return false;
}

function cleanName(name: string): string {
  return name.replace(TITLE, '').replace(/\s+/g, ' ').trim();
}

interface Signature {
  person: string | null;
  /** Lines under the name (title, organisation). */
  lines: string[];
}

const CLOSING =
  /^(?:(?:best|kind|warm|warmest|many|with|all the|yours|thanks|thank you|regards|cheers|sincerely|best wishes|warm wishes|respectfully|cordially|greetings|take care|speak soon|talk soon|see you|enjoy|wishing you|with best wishes|looking forward)\b[^\n]{0,40}|[-—~]+\s*\S[^\n]{0,40})$/i;

function readSignature(clean: string, sender: Sender): Signature {
  const tail = clean.length > 600 ? clean.slice(-600) : clean;
  const lines = tail
    .split('\n')
    .slice(-15)
    .map((l) => l.trim());
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i] ?? '';
    if (!CLOSING.test(line) || line.length > 45) continue;
    // "Thanks, Tom" / "— Quillon": the name on the closing line itself.
    const inline = /^(?:[-—~]+\s*|[^,]{2,30},\s*)([^,]{2,40})$/.exec(line);
    const after = lines.slice(i + 1).filter((l) => l !== '');
    if (after.length === 0 && inline?.[1]) {
      const candidate = inline[1].replace(/[.!]+$/, '').trim();
      return { person: looksLikeName(candidate) ? cleanName(candidate) : null, lines: [candidate] };
    }
    const first =
      (after[0] ?? '')
        .split(/\s+[-–|]\s+|,\s*/)[0]
        ?.replace(/[.!]+$/, '')
        .trim() ?? '';
    const person = looksLikeName(first) ? cleanName(first) : null;
    return { person, lines: after.slice(0, 4) };
  }
  // No closing line: a last line that is the sender's name ("…good luck!\n\nTom").
  const nonEmpty = lines.filter((l) => l !== '');
  for (const line of nonEmpty.slice(-3)) {
    const first = line.split(/\s+[-–|]\s+|,\s*/)[0]?.trim() ?? '';
    if (looksLikeName(first) && nameMatchesAddress(first, sender.local)) {
      const at = nonEmpty.indexOf(line);
      return { person: cleanName(first), lines: nonEmpty.slice(at, at + 4) };
    }
  }
  return { person: null, lines: [] };
}

const MY_NAME_IS = new RegExp(
  `\\b(?:my name is|this is|i am|i'm)\\s+([${UPPER}][${LOWER}]+(?:\\s+[${UPPER}][${LOWER}]+)?)`,
);

/** The signature, read only when the From name and the body cues leave a question open. */
class LazySignature {
  private value: Signature | null = null;
  constructor(
    private readonly clean: string,
    private readonly sender: Sender,
  ) {}
  get(): Signature {
    this.value ??= readSignature(this.clean, this.sender);
    return this.value;
  }
}

/** The From display name when it is clearly a person (no signature needed). */
function personFromDisplay(sender: Sender): string | null {
  const part = sender.personPart;
  const name = sender.nameLike;
  if (!part || !name) return null;
  const evidence =
    nameMatchesAddress(name, sender.local) ||
    sender.explicitOrg ||
    TITLE.test(part) ||
    (name.includes(' ') && sender.local !== null && !GENERIC_LOCAL.test(sender.local));
  return evidence ? name : null;
}

function findPerson(sender: Sender, lazy: LazySignature, clean: string): string | null {
  if (sender.person) return sender.person;
  const signature = lazy.get();
  // "Joanne Price <hello@…>" signed "Joanne": the display name is hers.
  if (sender.nameLike && sameFirstName(signature.person, sender.nameLike)) return sender.nameLike;
  if (signature.person) return signature.person;
  const intro = MY_NAME_IS.exec(clean.slice(0, 600));
  if (intro?.[1] && looksLikeName(intro[1])) return intro[1];
  return null;
}

// ---------------------------------------------------------------------------------------------
// Company
// ---------------------------------------------------------------------------------------------

const ORG_SUFFIX =
  /(?:\s+|^)(?:careers?|career site|jobs|job alerts|recruiting|recruitment|talent acquisition|talent(?: team| partner| community)?|hiring team|hiring|hr|human resources|people(?: team| & culture| and culture)?|team|early careers|campus(?: team| recruiting)?|university recruiting|graduate recruitment|graduates?|apprenticeships|notifications|no-?reply|reviews|career advice|careers team|recruitment team|personnel|rh|talent team|staffing)\s*$/i;

/** Last words that can end an organisation suffix (a cheap test before ORG_SUFFIX). */
const ORG_SUFFIX_WORDS = new Set(
  'careers career site jobs alerts recruiting recruitment acquisition talent team partner community hiring hr resources people culture campus graduate graduates apprenticeships notifications noreply no-reply reply reviews advice personnel rh staffing'.split(
    ' ',
  ),
);

function stripOrgSuffix(raw: string | null): string | null {
  if (!raw) return null;
  let text = raw.trim().replace(/^the\s+/i, '');
  const last = text.slice(text.lastIndexOf(' ') + 1).toLowerCase();
  for (let i = 0; i < 3 && ORG_SUFFIX_WORDS.has(last); i++) {
    const next = text.replace(ORG_SUFFIX, '').trim();
    if (next === text) break;
    text = next;
  }
  text = text.replace(/[\s,|–—-]+$/, '').trim();
  if (text.length < 2 || text.length > 60) return null;
  if (/^(?:the|our|team|careers?|jobs|hr|recruiting|recruitment|talent|hiring|people)$/i.test(text))
    return null;
  return text;
}

const PLATFORM_NAME =
  /^(?:linkedin|indeed|indeed apply|glassdoor|ziprecruiter|monster|dice|workday|greenhouse|lever|icims|jobvite|smartrecruiters|teamtailor|hackerrank|codility|hirevue|calendly|careerbuilder|reed|totaljobs|seek|stepstone|welcome to the jungle|otta|wellfound|angellist|handshake)(?:\s.*)?$/i;

/** A phrase that introduces the employer (sticky, at a cue word); group 1 is the name that follows. */
const COMPANY_CUE =
  /(?:interest in|apply(?:ing)? (?:to|with|at)|applied (?:to|with|at)|application (?:to|with|at)|joining|(?<=\bto )join|career opportunities (?:at|with)|employment (?:at|with)|opportunit(?:y|ies) (?:at|with)|welcome to|work(?:ing)? (?:at|for)|(?:position|role|job|opening|vacancy|internship|post|apprenticeship|programme|program)\b[^.,\n]{0,50}?\b(?:at|with)|here at|team at|(?<=\bon )behalf of|offer from|interview(?:ing)? at|considering)[ \t]*\n?[ \t]*(?:the[ \t]+)?([a-z0-9\u00c0-\u024f][^\s]*(?:[ \t]+[^\s]+){0,6})/dy;

const CLOCK_TIME = /^\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s|$)/i;
const CAPITAL_START = /^[A-Z0-9\u00c0-\u00de]/;
const CONNECTORS = new Set(['of', 'and', '&', 'de', 'du', 'la', 'le', 'der', 'für', 'for', 'the', 'y', 'et']);
const NOT_COMPANY = new Set(
  (
    'our us you your we the this that it its their my a an all any every each one monday tuesday wednesday ' +
    'thursday friday saturday sunday january february march april may june july august september october ' +
    'november december today tomorrow employment careers career jobs job team hr people recruitment ' +
    'recruiting talent applying applications application linkedin indeed hiring dear hi hello thanks thank'
  ).split(' '),
);

function companyFromPhrase(raw: string): string | null {
  const tokens = raw.split(/[ \t]+/);
  const kept: string[] = [];
  for (const token of tokens) {
    const word = token.replace(/[.,!]+$/, '');
    const lower = word.toLowerCase();
    const capital = CAPITAL_START.test(word);
    if (kept.length > 0 && CONNECTORS.has(lower) && !capital) {
      kept.push(word);
      continue;
    }
    if (!capital) break;
    if (ROLE_HEADS.has(lower) && kept.length > 0) return null; // "the Data Analyst position": a role
    kept.push(word);
    if (word !== token) break; // punctuation ends the name
  }
  while (kept.length > 0 && CONNECTORS.has((kept[kept.length - 1] ?? '').toLowerCase())) kept.pop();
  if (kept.length === 0) return null;
  const first = (kept[0] ?? '').toLowerCase();
  if (NOT_COMPANY.has(first)) return null;
  const last = (kept[kept.length - 1] ?? '').toLowerCase();
  if (ROLE_HEADS.has(last)) return null;
  const name = kept.join(' ');
  if (name.length < 2 || name.length > 60 || PLATFORM_NAME.test(name)) return null;
  if (/^\d+$/.test(name) || CLOCK_TIME.test(name)) return null;
  return name;
}

const SIGNATURE_PIECES = /\s*[,|]\s*|\s+[-–]\s+|\s+at\s+/;
const NOT_AN_ORG = /^(?:www\.|https?:|\+?\d)|@/i;

/** A company named after a cue, unless it is the writer's own name. */
function companyFromCue(phrase: string, person: string | null): string | null {
  const name = companyFromPhrase(phrase);
  return name && (!person || !person.includes(name)) ? name : null;
}

function companyFromSignature(signature: Signature, person: string | null): string | null {
  const firstName = person?.split(' ')[0] ?? null;
  for (const [index, line] of signature.lines.slice(0, 4).entries()) {
    let pieces = line.split(SIGNATURE_PIECES).filter((p) => p !== '');
    if (firstName && pieces[0]?.startsWith(firstName)) pieces = pieces.slice(1); // the name line itself
    // "Talent Partner, Fintrail", "Recruiting at Tessera": a title next to it marks the organisation.
    const besideTitle = pieces.length > 1 && pieces.some((p) => looksLikeTitle(p) || hasNonPersonWord(p));
    for (let i = pieces.length - 1; i >= 0; i--) {
      const piece = pieces[i] ?? '';
      if (NOT_AN_ORG.test(piece)) continue;
      const name = stripOrgSuffix(piece);
      if (!name || looksLikeTitle(name) || !CAPITAL_START.test(name) || name.split(' ').length > 6) continue;
      const nameLike = looksLikeName(name) && !hasNonPersonWord(name);
      // A name-like line is the organisation only beside a title or right under the writer's name.
      if (nameLike && !besideTitle && !(person && index > 0 && name.split(' ').length === 1)) continue;
      return name;
    }
  }
  return null;
}

function looksLikeTitle(text: string): boolean {
  const words = text.toLowerCase().split(/\s+/);
  return words.some((w) => ROLE_HEADS.has(w) || w === 'recruiter' || w === 'hr' || w === 'talent');
}

function companyFromDomain(labels: string[]): string | null {
  const core = labels.filter((l) => !DOMAIN_SUFFIXES.has(l));
  for (let i = core.length - 1; i >= 0; i--) {
    const label = core[i] ?? '';
    if (PLATFORM_DOMAINS.has(label) || label.length < 2) continue;
    if (
      /^(?:mail|email|e|m|em|news|info|jobs?|careers?|hire|apply|notify|notifications|go|www|accounts?)$/.test(
        label,
      )
    ) {
      continue;
    }
    // A sub-domain in front of an ATS ("acme.teamtailor-mail.example") names the employer.
    return label.charAt(0).toUpperCase() + label.slice(1);
  }
  return null;
}

/** The start of a text for extraction, in original case and lower case with the same offsets. */
interface Excerpt {
  text: string;
  lower: string;
  /** Positions of cue words in `lower`, and which cues each may start (CUE_* bits). */
  cuePositions: number[];
  cueKinds: number[];
}

/** Characters of the body read by the company and role cues: they name both early. */
const EXTRACT_SCAN = 800;

/** Cue words found by the token pass over the rule text, as positions in the body. */
interface BodyCues {
  positions: number[];
  kinds: number[];
}

function excerpt(text: string, cues: BodyCues | null = null): Excerpt {
  const lower = text.toLowerCase();
  // Lower-casing keeps offsets except for a few letters (e.g. "İ"); then read the lower case.
  const ex: Excerpt = {
    text: lower.length === text.length ? text : lower,
    lower,
    cuePositions: cues?.positions ?? [],
    cueKinds: cues?.kinds ?? [],
  };
  if (cues) return ex;
  const n = lower.length;
  let i = 0;
  while (i < n) {
    let c = lower.charCodeAt(i);
    if (c < 97 || c > 122) {
      i++;
      continue;
    }
    const start = i;
    let h = 0;
    while (i < n) {
      c = lower.charCodeAt(i);
      if (c < 128 ? WORD_CHAR[c] === 0 : c < 0xc0) break;
      h = (Math.imul(h, 31) + c) | 0;
      i++;
    }
    const kind = CUE_KIND_BY_HASH.get(h);
    if (kind !== undefined) {
      ex.cuePositions.push(start);
      ex.cueKinds.push(kind);
    }
  }
  return ex;
}

/** Runs a sticky cue at each cue word of its kind, in text order; the first accepted result wins. */
function fromCues(
  ex: Excerpt,
  kind: number,
  cue: RegExp,
  accept: (captured: string, context: string | null) => string | null,
  context: string | null,
): string | null {
  let tries = 0;
  for (let k = 0; k < ex.cuePositions.length && tries < 8; k++) {
    if (((ex.cueKinds[k] ?? 0) & kind) === 0) continue;
    tries++;
    cue.lastIndex = ex.cuePositions[k] ?? 0;
    const match = cue.exec(ex.lower);
    if (match === null) continue;
    const result = accept(captured(ex, match), context);
    if (result !== null) return result;
  }
  return null;
}

/** The original-case text of capture group 1 of a match made on the lower-case copy. */
function captured(ex: Excerpt, match: RegExpExecArray): string {
  const span = match.indices?.[1];
  return span ? ex.text.slice(span[0], span[1]) : (match[1] ?? '');
}

function findCompany(
  subject: Excerpt,
  body: Excerpt,
  sender: Sender,
  signature: LazySignature,
  person: string | null,
): string | null {
  const fromText =
    fromCues(subject, CUE_COMPANY, COMPANY_CUE, companyFromCue, person) ??
    fromCues(body, CUE_COMPANY, COMPANY_CUE, companyFromCue, person);
  if (fromText) return fromText;
  const org = sender.orgPart;
  const part = sender.personPart;
  const displayName = part === null ? null : cleanName(part);
  const displayIsPerson = person !== null && displayName !== null && sameFirstName(displayName, person);
  if (org && !PLATFORM_NAME.test(org) && (sender.explicitOrg || !displayIsPerson)) return org;
  const fromSignature = companyFromSignature(signature.get(), person);
  if (fromSignature) return fromSignature;
  return companyFromDomain(sender.domainLabels);
}

// ---------------------------------------------------------------------------------------------
// Role
// ---------------------------------------------------------------------------------------------

const ROLE_TOKEN = String.raw`[a-z0-9\u00c0-\u024f(][a-z0-9\u00c0-\u024f&'./+#()-]*`;
const ROLE_WORDS = String.raw`(?:${ROLE_TOKEN}[ \t]+){0,7}?${ROLE_TOKEN}`;
const ROLE_NOUN =
  '(?:position|role|post|job|vacancy|opening|opportunity|internship|apprenticeship|programme|program|scheme|requisition|vacancies)';
const ROLE_END = String.raw`(?=[ \t]+(?:at|with|in|for|here|on|position|role|post|job|vacancy|opening)\b|[.,;:!?)\n]|[ \t]+-[ \t]|$)`;
/** Cues for the role (sticky, at a cue word of their kind); group 1 is the role. Most specific first. */
const ROLE_CUES: readonly [number, RegExp][] = [
  // "the position of: Research Software Engineer", "the role as Electrician", "Job title: Porter"
  [
    CUE_ROLE_OF,
    new RegExp(
      String.raw`(?:(?:position|role|post|job|vacancy|opening)[ \t]+(?:of|as)(?::|[ \t])|job title:?)[ \t]*(?:an?[ \t]+|the[ \t]+)?(${ROLE_WORDS})${ROLE_END}`,
      'dy',
    ),
  ],
  // "for the Data Analyst position": the noun first, the words before it by a lookbehind.
  [
    CUE_ROLE_NOUN,
    new RegExp(
      String.raw`${ROLE_NOUN}\b(?<=\b(?:the|our|your|this|an?|for)[ \t]+(${ROLE_WORDS})[ \t]+${ROLE_NOUN})`,
      'dy',
    ),
  ],
  // "your application for Payroll Officer.", "interview for Staff Nurse at …"
  [
    CUE_ROLE_FOR,
    new RegExp(
      String.raw`(?:application|applying|applied|apply|interest|interview|interviewing|candidacy|candidature|consideration|shortlisted|offer)[ \t]+(?:for|to|as|in)[ \t]+(?:the[ \t]+|our[ \t]+|an?[ \t]+)?(?:position of[ \t]+|post of[ \t]+|role of[ \t]+)?(${ROLE_WORDS})${ROLE_END}`,
      'dy',
    ),
  ],
  // "welcome you as our new Software Developer"
  [
    CUE_ROLE_AS,
    new RegExp(
      String.raw`as[ \t]+(?:an?|our)[ \t]+(?:new[ \t]+)?(${ROLE_WORDS})(?=[.,;:!?\n]|[ \t]+(?:at|with|in|on|from)\b|$)`,
      'dy',
    ),
  ],
];

const ROLE_LEADING_NOISE =
  /^(?:(?:advertised|above|following|open|new|current|exciting|vacant|posted|recent|available|full-time|part-time|permanent|temporary|fixed-term)\s+)+/i;
const ROLE_ID = /\s*(?:\((?:[^()]*\d[^()]*)\)|[-–]\s*[A-Z]{0,6}-?\d[\w-]*|#\s*\d+)\s*$/;
const ROLE_LEADING_ID = /^(?:req(?:uisition)?\.?\s*)?[A-Z]{0,4}-?\d{3,}\s+(?=[A-Za-z\u00c0-\u024f])/;
/** Words that cannot be inside a job title: the title is what follows the last of them. */
const NOT_IN_ROLE = new Set(
  'application applying applied apply for with to your our the a an this that interest as at on from'.split(
    ' ',
  ),
);
/** Words that end a job title: the title is what comes before the first of them. */
const AFTER_ROLE = new Set('has have had is was will would be been are were and which who that'.split(' '));
const TRAILING_JOB_NOUN = /\s+(?:position|role|job|post|vacancy|opening|opportunity)$/i;
const ROLE_WORD_LETTERS = /[^a-z\u00c0-\u024f-]/g;
/** Any job-title head noun, as a word: a cheap first test for a role candidate. */
const ROLE_HEAD_WORD = new RegExp(`\\b(?:${[...ROLE_HEADS].join('|')})\\b`, 'i');

function cleanRole(raw: string): string | null {
  if (raw.length < 2 || !ROLE_HEAD_WORD.test(raw)) return null;
  let words0 = raw.replace(/\s+/g, ' ').trim().split(' ');
  const stop = words0.findIndex((w, i) => i > 0 && AFTER_ROLE.has(w.toLowerCase()));
  if (stop > 0) words0 = words0.slice(0, stop);
  let role = words0.join(' ');
  for (let i = words0.length - 2; i >= 0; i--) {
    if (NOT_IN_ROLE.has((words0[i] ?? '').toLowerCase())) {
      role = words0.slice(i + 1).join(' ');
      break;
    }
  }
  role = role.replace(TRAILING_JOB_NOUN, '');
  role = role.replace(ROLE_LEADING_NOISE, '').replace(ROLE_LEADING_ID, '');
  for (let i = 0; i < 2; i++) role = role.replace(ROLE_ID, '');
  role = role.replace(/[\s,.:;!-]+$/, '').replace(/^[\s,.:;-]+/, '');
  if (role.length < 2 || role.length > 80) return null;
  const words = role.split(' ');
  if (words.length > 9) return null;
  if (!words.some((w) => ROLE_HEADS.has(w.toLowerCase().replace(ROLE_WORD_LETTERS, '')))) return null;
  if (/^(?:position|role|job|post|programme|program|scheme|vacancy)$/i.test(role)) return null;
  return role;
}

function roleFromCues(ex: Excerpt): string | null {
  for (const [kind, cue] of ROLE_CUES) {
    const role = fromCues(ex, kind, cue, cleanRole, null);
    if (role) return role;
  }
  return null;
}

const SUBJECT_SPLIT = /\s+[-–—:|]\s+|:\s+|\s+(?:for|at)\s+(?:the\s+)?/i;
const SUBJECT_NOISE =
  /^(?:your |an? )?(?:application|interview|invitation|offer|job offer|update|confirmation|received|status)(?:\s+(?:for|to|as|received|submitted|confirmation|update|status|invitation|outcome|details))*\s*/i;

function findRole(subject: Excerpt, body: Excerpt): string | null {
  const fromBody = roleFromCues(body);
  if (fromBody) return fromBody;
  const fromSubject = roleFromCues(subject);
  if (fromSubject) return fromSubject;
  for (const piece of subject.text.split(SUBJECT_SPLIT)) {
    const role = cleanRole(piece.replace(SUBJECT_NOISE, '').trim());
    if (role && role.split(' ').length <= 6) return role;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Interview time
// ---------------------------------------------------------------------------------------------

const MONTH = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;
/** "10 November 2026", "Tuesday 10th of Nov", "3 June". Starts at the digit, so scanning is cheap. */
const DATE_DAY_MONTH = new RegExp(
  String.raw`\b(\d{1,2})(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?${MONTH}\b\.?(?:,?[ \t]+(\d{4}))?`,
  'gi',
);
/** "Nov 10", "March 11, 2026". */
const DATE_MONTH_DAY = new RegExp(
  String.raw`\b${MONTH}\.?[ \t]+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?[ \t]+(\d{4}))?`,
  'gi',
);
/** "2026-11-10", "10/11/2026", "10.11.26". */
const DATE_NUMERIC = /\b(\d{4})-(\d{2})-(\d{2})\b|\b(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})\b/g;
const WEEKDAY_BEFORE = /\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?[ \t]+(?:the[ \t]+)?$/i;
const TIME =
  /\b(?:(\d{1,2})(?:[:.](\d{2}))?[ \t]*([ap])\.?[ \t]?m\b\.?|([01]?\d|2[0-3])[:h]([0-5]\d)\b(?![:/]?\d)|(noon|midday))/i;
const ZONE =
  /^[ \t,]*(?:\(?\b(utc|gmt|bst|cet|cest|eet|eest|wet|west|est|edt|cst|cdt|mst|mdt|pst|pdt|aest|aedt|ist|sgt|jst)\b(?:[ \t]*([+-]\d{1,2})(?::?(\d{2}))?)?\)?|\(([A-Za-z]+\/[A-Za-z_]+(?:\/[A-Za-z_]+)?)\)|(uk|london|british) time|(eastern|central|mountain|pacific) time)/i;
const END_TIME = /^[ \t]*(?:-|to|until)[ \t]*\d{1,2}(?:[:.]\d{2})?[ \t]*(?:[ap]\.?[ \t]?m\.?)?/i;
const DEADLINE_BEFORE =
  /\b(?:by|before|until|deadline|closing date|closes|no later than|applied|submitted|posted|sent|dated|received|expires?)\b[^.\n]{0,12}$/i;
const TIME_THEN_DATE = /^[ \t]*(?:,|on|,[ \t]*on)?[ \t]*(?:the[ \t]+)?$/i;
const DIGIT = /\d/;

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
const WEEKDAYS: Record<string, number> = { mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6, sun: 7 };
/** Zone abbreviations as offsets in minutes east of UTC. */
const ZONE_OFFSETS: Record<string, number> = {
  utc: 0,
  gmt: 0,
  bst: 60,
  cet: 60,
  cest: 120,
  eet: 120,
  eest: 180,
  wet: 0,
  west: 60,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
  aest: 600,
  aedt: 660,
  ist: 330,
  sgt: 480,
  jst: 540,
};
const REGION_ZONES: Record<string, string> = {
  uk: 'Europe/London',
  london: 'Europe/London',
  british: 'Europe/London',
  eastern: 'America/New_York',
  central: 'America/Chicago',
  mountain: 'America/Denver',
  pacific: 'America/Los_Angeles',
};

/** A zone: an IANA name or a fixed offset in minutes. */
type Zone = string | number;

interface DateFound {
  index: number;
  end: number;
  year: number | null;
  month: number;
  day: number;
  weekday: number | null;
}

interface TimeFound {
  hour: number;
  minute: number;
  zone: Zone | null;
  index: number;
  end: number;
}

const ZONE_VALID = new Map<string, boolean>();
function validZone(zone: string): boolean {
  let valid = ZONE_VALID.get(zone);
  if (valid === undefined) {
    valid = DateTime.local({ zone }).isValid;
    if (ZONE_VALID.size > 100) ZONE_VALID.clear();
    ZONE_VALID.set(zone, valid);
  }
  return valid;
}

function readTime(text: string): TimeFound | null {
  const m = TIME.exec(text);
  if (!m) return null;
  let hour: number;
  let minute = 0;
  if (m[6]) hour = 12;
  else if (m[3]) {
    hour = Number(m[1]);
    minute = m[2] ? Number(m[2]) : 0;
    if (hour < 1 || hour > 12) return null;
    const pm = m[3].toLowerCase() === 'p';
    if (pm && hour !== 12) hour += 12;
    if (!pm && hour === 12) hour = 0;
  } else {
    hour = Number(m[4]);
    minute = Number(m[5]);
  }
  if (minute > 59) return null;
  const end = m.index + m[0].length;
  return { hour, minute, zone: readZone(text.slice(end, end + 40)), index: m.index, end };
}

function readZone(after: string): Zone | null {
  const z = ZONE.exec(after.replace(END_TIME, '')); // skip an end time: "10:00 AM - 11:00 AM (PST)"
  if (!z) return null;
  if (z[1]) {
    const base = ZONE_OFFSETS[z[1].toLowerCase()] ?? 0;
    if (base === 0 && z[2]) return Number(z[2]) * 60 + Math.sign(Number(z[2]) || 1) * Number(z[3] ?? 0);
    return base;
  }
  if (z[4]) return validZone(z[4]) ? z[4] : null;
  return REGION_ZONES[(z[5] ?? z[6] ?? '').toLowerCase()] ?? null;
}

function collectDates(text: string, americanOrder: boolean): DateFound[] {
  const found: DateFound[] = [];
  const month = (name: string | undefined): number => MONTHS[(name ?? '').slice(0, 3).toLowerCase()] ?? 0;
  const weekdayBefore = (index: number): number | null => {
    const w = WEEKDAY_BEFORE.exec(text.slice(Math.max(0, index - 16), index));
    return w?.[1] ? (WEEKDAYS[w[1].toLowerCase()] ?? null) : null;
  };
  DATE_DAY_MONTH.lastIndex = 0;
  for (let m = DATE_DAY_MONTH.exec(text); m; m = DATE_DAY_MONTH.exec(text)) {
    const day = Number(m[1]);
    const year = m[3] ? Number(m[3]) : null;
    found.push({
      index: m.index,
      end: m.index + m[0].length,
      weekday: weekdayBefore(m.index),
      day,
      month: month(m[2]),
      year,
    });
  }
  DATE_MONTH_DAY.lastIndex = 0;
  for (let m = DATE_MONTH_DAY.exec(text); m; m = DATE_MONTH_DAY.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    // "3 March 3pm" was read above; "May 2026" is not a day.
    if (found.some((f) => start < f.end && end > f.index)) continue;
    const year = m[3] ? Number(m[3]) : null;
    found.push({
      index: start,
      end,
      weekday: weekdayBefore(start),
      month: month(m[1]),
      day: Number(m[2]),
      year,
    });
  }
  DATE_NUMERIC.lastIndex = 0;
  for (let m = DATE_NUMERIC.exec(text); m; m = DATE_NUMERIC.exec(text)) {
    const end = m.index + m[0].length;
    if (m[1]) {
      found.push({
        index: m.index,
        end,
        weekday: null,
        year: Number(m[1]),
        month: Number(m[2]),
        day: Number(m[3]),
      });
      continue;
    }
    let day = Number(m[4]);
    let monthNumber = Number(m[5]);
    const yearText = m[6] ?? '';
    const year = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
    // Day first, unless the zone is American or the first part cannot be a day of a month.
    if (day <= 12 && (monthNumber > 12 || americanOrder)) [day, monthNumber] = [monthNumber, day];
    found.push({ index: m.index, end, weekday: weekdayBefore(m.index), year, day, month: monthNumber });
  }
  return found.sort((x, y) => x.index - y.index);
}

function validDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** ISO weekday (Monday 1 … Sunday 7) of a calendar date. */
function isoWeekday(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay() || 7;
}

const DAY_MS = 86_400_000;

/** The seeker's local date at `now`; cached, as an import classifies many emails with one `now`. */
let todayCache: { key: string; ms: number; year: number } | null = null;
function localToday(now: string, zone: string): { ms: number; year: number } | null {
  const key = `${now}|${zone}`;
  if (todayCache?.key === key) return todayCache;
  const dt = DateTime.fromISO(now, { zone });
  if (!dt.isValid) return null;
  todayCache = { key, ms: Date.UTC(dt.year, dt.month - 1, dt.day), year: dt.year };
  return todayCache;
}

/** The year of a date stated without one: the next such date from yesterday on; a stated weekday decides. */
function pickYear(date: DateFound, today: { ms: number; year: number }): number {
  const fits = (year: number): boolean => validDate(year, date.month, date.day);
  const msOf = (year: number): number => Date.UTC(year, date.month - 1, date.day);
  let year = today.year;
  if (!fits(year) || msOf(year) < today.ms - DAY_MS) year++;
  if (date.weekday !== null && fits(year) && isoWeekday(year, date.month, date.day) !== date.weekday) {
    for (const other of [today.year, today.year + 1]) {
      if (other !== year && fits(other) && msOf(other) >= today.ms - 30 * DAY_MS) {
        if (isoWeekday(other, date.month, date.day) === date.weekday) return other;
      }
    }
  }
  return year;
}

function toInstant(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  zone: Zone,
): string | null {
  if (typeof zone === 'number' || zone === 'UTC') {
    const offset = typeof zone === 'number' ? zone : 0;
    return new Date(Date.UTC(year, month - 1, day, hour, minute) - offset * 60_000).toISOString();
  }
  const dt = DateTime.fromObject({ year, month, day, hour, minute }, { zone });
  return dt.isValid ? dt.toUTC().toISO() : null;
}

/**
 * The interview time stated in an email, as an ISO instant in UTC. Recognises "Tuesday 10 November
 * at 14:00", "10/11/2026 2pm" (day first unless the zone is American or the day is above 12),
 * "on Nov 10 at 2:00 PM EST", "Date: 15 July 2026 / Time: 9:00 AM" and "2026-11-10 14:00". A zone
 * stated next to the time wins over `timeZone`. Dates after "by", "before", "deadline" or "applied
 * on" are not interview times. Several different times offered: null (the seeker picks one).
 */
export function findInterviewTime(clean: string, now: string | undefined, timeZone: string): string | null {
  const text = clean.length > MAX_SCAN ? clean.slice(0, MAX_SCAN) : clean;
  if (!DIGIT.test(text)) return null;
  const zone = validZone(timeZone) ? timeZone : 'UTC';
  const dates = collectDates(text, zone.startsWith('America/'));
  const withTime = new Map<string, [number, number, number, number, number, Zone]>();
  const dateOnly = new Map<string, [number, number, number]>();
  for (const date of dates) {
    if (DEADLINE_BEFORE.test(text.slice(Math.max(0, date.index - 30), date.index))) continue;
    let year = date.year;
    if (year === null) {
      const today = now ? localToday(now, zone) : null;
      if (!today) continue;
      year = pickYear(date, today);
    }
    if (!validDate(year, date.month, date.day)) continue;
    // The time: just after the date (same line or the next), else just before it ("at 2pm on …").
    const after = text.slice(date.end, date.end + 70);
    let time = readTime(after);
    if (time && /\n[^\n]*\n/.test(after.slice(0, time.index))) time = null;
    if (!time) {
      const before = text.slice(Math.max(0, date.index - 30), date.index);
      const t = readTime(before);
      if (t && TIME_THEN_DATE.test(before.slice(t.end))) time = t;
    }
    if (time) {
      const tz = time.zone ?? zone;
      withTime.set(`${year}-${date.month}-${date.day} ${time.hour}:${time.minute} ${tz}`, [
        year,
        date.month,
        date.day,
        time.hour,
        time.minute,
        tz,
      ]);
    } else dateOnly.set(`${year}-${date.month}-${date.day}`, [year, date.month, date.day]);
  }
  if (withTime.size === 1) {
    const [y, mo, d, h, mi, tz] = [...withTime.values()][0] ?? [];
    if (y !== undefined && mo !== undefined && d !== undefined && h !== undefined && mi !== undefined) {
      return toInstant(y, mo, d, h, mi, tz ?? zone);
    }
  }
  if (withTime.size === 0 && dateOnly.size === 1) {
    const [y, mo, d] = [...dateOnly.values()][0] ?? [];
    if (y !== undefined && mo !== undefined && d !== undefined) return toInstant(y, mo, d, 0, 0, zone);
  }
  return null;
}
