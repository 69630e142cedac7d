/**
 * Tone check for the emails Onward drafts and the edits a job seeker makes to them (DESIGN.md §2,
 * "Tone"): every email is gracious — thanks, no argument with the decision or the feedback, no blame,
 * disappointment allowed but brief. A draft edited into anger, sarcasm, pleading or argument gets a
 * gentle warning with the lines marked.
 *
 * Pure: no I/O, no clock, deterministic. Offsets are UTF-16 offsets into the text given.
 *
 * How it works:
 * 1. The text is lower-cased and normalised without changing its length (curly quotes and
 *    apostrophes become straight ones, full-width ! and ? become ASCII), so every offset found in
 *    the normalised copy is an offset into the original.
 * 2. It is split into sentences (full stops after abbreviations, initials and inside decimals do not
 *    end a sentence; an ellipsis ends one only before a capital; a blank line always does) and into
 *    word tokens, with contractions expanded ("didn't" → "did not").
 * 3. Phrase rules (tone-lexicon.ts) are matched per sentence, with guards for negation ("I am not
 *    angry at all" is fine), self-reference ("I was rubbish at the presentation" is fine) and
 *    empathy ("I understand you couldn't give more detail" is fine).
 * 4. The AFINN-165 word scores of the `sentiment` package are one signal for anger: profanity
 *    (score −4 or −5), and a strongly negative word aimed at them ("your recruiters are nasty").
 *    Words AFINN scores negative but that are fine in a gracious email ("sorry", "disappointed",
 *    "unfortunately", "rejected", "failed") are not counted.
 * 5. Character-level checks: capitals (two or more shouted words together, or one shouted word of four
 *    or more letters or an emphatic one like "NOT"; acronyms such as NHS, SQL, PGCE and words with digits
 *    are fine), exclamation marks (doubled marks "!!", "?!", "??"; or more than two "!" in a short
 *    email, which marks every sentence carrying one), scare quotes, masked swearing, emoji.
 * 6. Matches are merged to one issue per kind per sentence, sorted by start; 'too_long' spans the whole
 *    text. Known limits: phrase rules miss hostility phrased in ways they do not list, and sarcasm
 *    without a lexical cue ("Really top-notch.") is not detected.
 */
import Sentiment from 'sentiment';
import {
  ABBREVIATIONS,
  ACRONYMS,
  EMPHATIC_SHORT_WORDS,
  GRACEFUL_WORDS,
  NOT_PROFANE,
  PHRASE_RULES,
  SHOUTED_SHORT_WORDS,
  SUGGESTIONS,
  WORD_SETS,
  type GuardName,
} from './tone-lexicon.js';

export const TONE_ISSUE_KINDS = [
  'anger',
  'sarcasm',
  'blame',
  'arguing',
  'pleading',
  'all_caps',
  'exclamations',
  'too_long',
] as const;
export type ToneIssueKind = (typeof TONE_ISSUE_KINDS)[number];

export interface ToneIssue {
  kind: ToneIssueKind;
  /** UTF-16 offsets into the text given, [start, end). */
  start: number;
  end: number;
  /** text.slice(start, end): the marked span (a phrase or the sentence that carries the problem). */
  text: string;
  /** One gentle, specific sentence. */
  suggestion: string;
}

export interface ToneReport {
  ok: boolean;
  issues: ToneIssue[];
  words: number;
}

export interface ToneOptions {
  /** Flag 'too_long' past this many words; default DEFAULT_MAX_WORDS. */
  maxWords?: number;
}

/**
 * A thank-you or a reply to a rejection reads best at 50–150 words, and recruiters often read on a
 * phone. 250 words is well past that, a full screen and more: far past a short email, so only drafts
 * that have really grown get the warning.
 */
export const DEFAULT_MAX_WORDS = 250;

/** Exclamation marks a short email can carry before they read as heated. */
const MAX_EXCLAMATIONS = 2;

// ------------------------------------------------------------------------------------------ types

interface Token {
  /** Normalised, lower-cased word (a contraction yields two tokens: "did" + "not"). */
  w: string;
  start: number;
  end: number;
  /** Punctuation (not only spaces) separates this token from the previous one, or it opens a sentence. */
  brk: boolean;
}

interface Span {
  start: number;
  end: number;
}

interface Sentence extends Span {
  /** Token range [t0, t1). */
  t0: number;
  t1: number;
}

interface RawMatch extends Span {
  kind: ToneIssueKind;
  sentence: number;
  hint: string;
  /** For exclamations: the total count, used in the suggestion. */
  count?: number;
}

// ------------------------------------------------------------------------------------------ sets

const set = (words: readonly string[]): ReadonlySet<string> => new Set(words);

const NEGATORS = set(WORD_SETS.neg ?? []);
const SELF = set(WORD_SETS.self ?? []);
const HOSTILE_TARGET = set(WORD_SETS.hostileTarget ?? []);
const SOUR_CUE = set(WORD_SETS.sourCue ?? []);
const GRACEFUL = set(GRACEFUL_WORDS);
const NOT_PROFANE_SET = set(NOT_PROFANE);
const ACRONYM_SET = set(ACRONYMS);
const SHOUTED_SHORT = set(SHOUTED_SHORT_WORDS);
const EMPHATIC_SHORT = set(EMPHATIC_SHORT_WORDS);
const ABBREV = set(ABBREVIATIONS);
/** Abbreviations that may be followed by a capital without ending the sentence. */
const ABBREV_BEFORE_CAPITAL = set(
  'mr mrs ms mx dr prof st rev sr jr capt sgt lt col gen hon e.g i.e eg ie cf vs viz al approx incl no ref tel'.split(
    ' ',
  ),
);
const EMPATHY = set([
  'understand',
  'understandable',
  'understandably',
  'understood',
  'appreciate',
  'realise',
  'realize',
  'imagine',
  'sympathise',
  'sympathize',
  'recognise',
  'recognize',
  'respect',
  'accept',
]);
const NOT_A_NEGATION_AFTER = set([
  'only',
  'just',
  'tell',
  'say',
  'express',
  'describe',
  'stress',
  'emphasise',
  'emphasize',
  'overstate',
  'help',
  'begin',
  'believe',
]);
/** Gracious about oneself ("I had an awful cold"), hostile when aimed at them ("your panel were awful"). */
const HARSH_WHEN_AIMED = set(['bad', 'terrible', 'awful', 'worst', 'hell']);
/** "never been so …", "never felt more …": an intensifier, not a negation. */
const EXPERIENCE_VERBS = set(['been', 'felt', 'seen', 'had', 'experienced', 'met']);
const INTENSIFIERS = set(['so', 'more', 'this', 'such', 'as', 'that']);
const CONNECTORS = set(['to', 'by', 'from', 'of', 'with']);
const FUTURE_HOPE = set(['hope', 'hoping', 'hopefully', 'future', 'next', 'someday', 'wish', 'aim', 'plan']);
const SCARE_DET = set(['the', 'your', 'this', 'that', 'their', 'our', 'a', 'an', 'such', 'so-called', 'my']);
const SCARE_WORDS = set([
  'fit',
  'feedback',
  'process',
  'culture',
  'experience',
  'candidate',
  'candidates',
  'consideration',
  'reasons',
  'decision',
  'opportunity',
  'team',
]);
const REPORTING = set([
  'mentioned',
  'mention',
  'said',
  'says',
  'say',
  'wrote',
  'write',
  'noted',
  'note',
  'called',
  'call',
  'described',
  'describe',
  'suggested',
  'suggest',
  'word',
  'words',
  'phrase',
  'term',
  'highlighted',
  'raised',
  'titled',
  'named',
  'labelled',
  'labeled',
  'question',
  'heading',
  'section',
  'module',
  'course',
  'book',
  'article',
  'post',
  'project',
  'quote',
  'quoted',
  'read',
  'use',
  'used',
  'using',
]);
const ANGER_EMOJI = set([
  '\u{1F621}',
  '\u{1F92C}',
  '\u{1F620}',
  '\u{1F595}',
  '\u{1F4A2}',
  '\u{1F47F}',
  '\u{1F624}',
]);
const SARCASM_EMOJI = set(['\u{1F644}', '\u{1F612}', '\u{1F643}']);
/** Words that refer back to "is" after an apostrophe-s ("it's" → "it is"); otherwise 's is possessive. */
const S_IS = set(
  'it that there here what who he she this where how everything nothing everyone someone something one let'.split(
    ' ',
  ),
);

// ------------------------------------------------------------------------------------------ AFINN

const sentiment = new Sentiment();
const afinnCache = new Map<string, number>();

/** AFINN-165 score of one lower-case word (0 when unknown), through the sentiment package. */
function afinn(word: string): number {
  const cached = afinnCache.get(word);
  if (cached !== undefined) return cached;
  const score = sentiment.analyze(word).score;
  if (afinnCache.size > 50_000) afinnCache.clear();
  afinnCache.set(word, score);
  return score;
}

// ------------------------------------------------------------------------------------------ characters

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const DIGIT = /\p{N}/u;
const TITLE = /\p{Lt}/u;
const NO_SPACE_SCRIPT =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

function isWordCode(cp: number): boolean {
  if (cp < 128) {
    return (cp >= 97 && cp <= 122) || (cp >= 65 && cp <= 90) || (cp >= 48 && cp <= 57);
  }
  return WORD_CHAR.test(String.fromCodePoint(cp));
}

function isSpace(c: string | undefined): boolean {
  if (c === undefined) return false;
  return (
    c === ' ' ||
    c === '\n' ||
    c === '\r' ||
    c === '\t' ||
    c === '\f' ||
    c === '\v' ||
    c === '\u00a0' ||
    c === '\u2028' ||
    c === '\u2029' ||
    c === '\u3000' ||
    c === '\u202f' ||
    (c >= '\u2000' && c <= '\u200a')
  );
}

function isUpperLetter(c: string | undefined): boolean {
  return c !== undefined && UPPER.test(c);
}

function isLowerLetter(c: string | undefined): boolean {
  return c !== undefined && LOWER.test(c);
}

function isLetterOrDigit(c: string | undefined): boolean {
  return c !== undefined && WORD_CHAR.test(c);
}

/** Lower-case and normalise quotes without changing the length (so offsets stay valid). */
function normalise(text: string): string {
  let lower = text.toLowerCase();
  if (lower.length !== text.length) {
    const parts: string[] = [];
    for (const ch of text) {
      const l = ch.toLowerCase();
      parts.push(l.length === ch.length ? l : ch);
    }
    lower = parts.join('');
  }
  return lower
    .replace(/[\u2018\u2019\u201A\u201B\u02BC\u2032\uFF07]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033\uFF02\u00AB\u00BB]/g, '"')
    .replace(/[\u2010\u2011]/g, '-')
    .replace(/\uFF01/g, '!')
    .replace(/\uFF1F/g, '?');
}

// ------------------------------------------------------------------------------------------ tokens

interface Tokenised {
  tokens: Token[];
  /** Word ranges before contractions are expanded (for capitals and word counts). */
  words: Span[];
}

/** Contractions typed without the apostrophe ("dont", "cant", "im"); ambiguous ones (its, were, ill, id) are left. */
const BARE_CONTRACTIONS: ReadonlyMap<string, readonly [string, string, number]> = new Map(
  (
    [
      ['dont', 'do', 'not', 2],
      ['didnt', 'did', 'not', 3],
      ['doesnt', 'does', 'not', 4],
      ['cant', 'can', 'not', 2],
      ['couldnt', 'could', 'not', 5],
      ['wouldnt', 'would', 'not', 5],
      ['shouldnt', 'should', 'not', 6],
      ['wont', 'will', 'not', 2],
      ['isnt', 'is', 'not', 2],
      ['wasnt', 'was', 'not', 3],
      ['arent', 'are', 'not', 3],
      ['werent', 'were', 'not', 4],
      ['havent', 'have', 'not', 4],
      ['hasnt', 'has', 'not', 3],
      ['hadnt', 'had', 'not', 3],
      ['im', 'i', 'am', 1],
      ['ive', 'i', 'have', 1],
      ['youre', 'you', 'are', 3],
      ['youve', 'you', 'have', 3],
      ['theyre', 'they', 'are', 4],
      ['thats', 'that', 'is', 4],
      ['whats', 'what', 'is', 4],
      ['theres', 'there', 'is', 5],
    ] as const
  ).map(([bare, a, b, cut]) => [bare, [a, b, cut] as const]),
);

function push(out: Token[], w: string, start: number, end: number, brk: boolean): void {
  out.push({ w, start, end, brk });
}

function expand(raw: string, start: number, end: number, brk: boolean, out: Token[]): void {
  const bare = BARE_CONTRACTIONS.get(raw);
  if (bare) {
    push(out, bare[0], start, start + bare[2], brk);
    push(out, bare[1], start + bare[2], end, false);
    return;
  }
  if (raw.length > 3 && raw.endsWith("n't")) {
    let base = raw.slice(0, -3);
    if (base === 'ca') base = 'can';
    else if (base === 'wo') base = 'will';
    else if (base === 'sha') base = 'shall';
    else if (base === 'ai') base = 'is';
    push(out, base, start, end - 3, brk);
    push(out, 'not', end - 3, end, false);
    return;
  }
  if (raw === 'cannot') {
    push(out, 'can', start, start + 3, brk);
    push(out, 'not', start + 3, end, false);
    return;
  }
  const apos = raw.lastIndexOf("'");
  if (apos > 0 && apos < raw.length - 1) {
    const base = raw.slice(0, apos);
    const suffix = raw.slice(apos + 1);
    const cut = start + apos;
    let second: string | null | undefined;
    if (suffix === 'm') second = 'am';
    else if (suffix === 're') second = 'are';
    else if (suffix === 've') second = 'have';
    else if (suffix === 'll') second = 'will';
    else if (suffix === 'd') second = 'would';
    else if (suffix === 's') second = base === 'let' ? 'us' : S_IS.has(base) ? 'is' : null;
    if (second !== undefined) {
      push(out, base, start, cut, brk);
      if (second !== null) push(out, second, cut, end, false);
      return;
    }
  }
  push(out, raw, start, end, brk);
}

function tokenise(norm: string): Tokenised {
  const tokens: Token[] = [];
  const words: Span[] = [];
  const n = norm.length;
  let i = 0;
  let prevEnd = 0;
  while (i < n) {
    const cp = norm.codePointAt(i) ?? 0;
    const width = cp > 0xffff ? 2 : 1;
    if (!isWordCode(cp)) {
      i += width;
      continue;
    }
    const start = i;
    i += width;
    for (;;) {
      if (i >= n) break;
      const c = norm.codePointAt(i) ?? 0;
      if (isWordCode(c)) {
        i += c > 0xffff ? 2 : 1;
        continue;
      }
      // An apostrophe or hyphen joins two word characters: "didn't", "copy-paste".
      if ((c === 39 || c === 45) && i + 1 < n && isWordCode(norm.codePointAt(i + 1) ?? 0)) {
        i += 1;
        continue;
      }
      break;
    }
    let brk = tokens.length === 0;
    for (let k = prevEnd; k < start && !brk; k++) if (!isSpace(norm[k])) brk = true;
    words.push({ start, end: i });
    expand(norm.slice(start, i), start, i, brk, tokens);
    prevEnd = i;
  }
  return { tokens, words };
}

function countWords(norm: string, words: Span[]): number {
  let count = 0;
  for (const { start, end } of words) {
    const word = norm.slice(start, end);
    if (!NO_SPACE_SCRIPT.test(word)) {
      count += 1;
      continue;
    }
    // Scripts written without spaces: about two characters a word.
    let chars = 0;
    for (const ch of word) if (NO_SPACE_SCRIPT.test(ch)) chars++;
    count += Math.max(1, Math.ceil(chars / 2));
  }
  return count;
}

// ------------------------------------------------------------------------------------------ sentences

const TERMINATORS = '.!?\u2026\u3002\u203C\u2047\u2048\u2049';
const CLOSERS = ')]}"\'\u203A';

function wordBefore(norm: string, i: number): string {
  let k = i;
  while (k > 0) {
    const c = norm[k - 1] ?? '';
    if (c === '.' || (c >= 'a' && c <= 'z')) k--;
    else break;
  }
  return norm.slice(k, i).replace(/^\.+/, '');
}

function splitSentences(text: string, norm: string): Span[] {
  const out: Span[] = [];
  const n = norm.length;
  let sStart = -1;
  const close = (endAt: number): void => {
    let e = endAt;
    while (e > sStart && isSpace(norm[e - 1])) e--;
    if (sStart >= 0 && e > sStart) out.push({ start: sStart, end: e });
    sStart = -1;
  };
  let i = 0;
  while (i < n) {
    const c = norm[i] ?? '';
    if (c === '\n' || c === '\r') {
      let j = i;
      let newlines = 0;
      while (j < n && isSpace(norm[j])) {
        const cj = norm[j];
        if (cj === '\n' || cj === '\u2028' || cj === '\u2029' || (cj === '\r' && norm[j + 1] !== '\n'))
          newlines++;
        j++;
      }
      if (sStart >= 0) {
        let boundary = newlines >= 2 || j >= n;
        if (!boundary) {
          let k = i;
          while (k > sStart && isSpace(norm[k - 1])) k--;
          // A hard-wrapped line: a word, a line break, then a lower-case word.
          boundary = !(isLetterOrDigit(norm[k - 1]) && isLowerLetter(text[j]));
        }
        if (boundary) close(i);
      }
      i = j;
      continue;
    }
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (sStart < 0) sStart = i;
    if (!TERMINATORS.includes(c)) {
      i++;
      continue;
    }
    let k = i;
    while (k < n && TERMINATORS.includes(norm[k] ?? '')) k++;
    const run = norm.slice(i, k);
    while (k < n && CLOSERS.includes(norm[k] ?? '')) k++;
    let boundary: boolean;
    if (k < n && !isSpace(norm[k])) {
      // "3.5", "node.js", "e.g", or a missing space after "!": only a clear break counts.
      boundary = run.includes('\u3002') || (/[!?]/.test(run) && isUpperLetter(text[k]));
    } else {
      let m = k;
      while (m < n && isSpace(norm[m])) m++;
      const next = m < n ? text[m] : undefined;
      if (run === '.') {
        const w = wordBefore(norm, i);
        if (w !== '' && (ABBREV_BEFORE_CAPITAL.has(w) || (w.length === 1 && w !== 'i'))) boundary = false;
        else if (next !== undefined && (isLowerLetter(next) || DIGIT.test(next))) boundary = false;
        else if (ABBREV.has(w) || w.includes('.')) boundary = next === undefined || isUpperLetter(next);
        else boundary = true;
      } else if (/^[.\u2026]+$/.test(run)) {
        boundary = next === undefined || isUpperLetter(next);
      } else {
        boundary = true;
      }
    }
    if (boundary) close(k);
    i = k;
  }
  if (sStart >= 0) close(n);
  return out;
}

// ------------------------------------------------------------------------------------------ patterns

type El =
  | { k: 'lit'; words: ReadonlySet<string>; prefixes: readonly string[]; opt: boolean }
  | { k: 'any'; opt: boolean }
  | { k: 'gap'; max: number; stop: ReadonlySet<string> | null; clause: boolean }
  | { k: 'start' }
  | { k: 'end' };

type Pattern = readonly El[];

function compilePattern(source: string): Pattern {
  const els: El[] = [];
  for (const part of source.trim().split(/\s+/)) {
    if (part === '^') els.push({ k: 'start' });
    else if (part === '$') els.push({ k: 'end' });
    else if (part === '*' || part === '?*') els.push({ k: 'any', opt: part === '?*' });
    else if (part.startsWith('~')) {
      const [count = '', stopName] = part.slice(1).split('^');
      const clause = count.endsWith('c');
      const max = Number(clause ? count.slice(0, -1) : count);
      if (!Number.isInteger(max) || max < 1) throw new Error(`tone pattern "${source}": bad gap ${part}`);
      let stop: ReadonlySet<string> | null = null;
      if (stopName !== undefined) {
        const words = WORD_SETS[stopName];
        if (!words) throw new Error(`tone pattern "${source}": unknown set ${stopName}`);
        stop = new Set(words);
      }
      els.push({ k: 'gap', max, stop, clause });
    } else {
      const opt = part.startsWith('?');
      const words = new Set<string>();
      const prefixes: string[] = [];
      for (const alt of (opt ? part.slice(1) : part).split('|')) {
        if (alt === '') throw new Error(`tone pattern "${source}": empty alternative`);
        if (alt.startsWith('@')) {
          const members = WORD_SETS[alt.slice(1)];
          if (!members) throw new Error(`tone pattern "${source}": unknown set ${alt}`);
          for (const m of members) words.add(m);
        } else if (alt.endsWith('*')) prefixes.push(alt.slice(0, -1));
        else words.add(alt);
      }
      els.push({ k: 'lit', words, prefixes, opt });
    }
  }
  if (!els.some((e) => e.k === 'lit' || e.k === 'any'))
    throw new Error(`tone pattern "${source}": matches nothing`);
  return els;
}

function litMatches(el: { words: ReadonlySet<string>; prefixes: readonly string[] }, w: string): boolean {
  if (el.words.has(w)) return true;
  for (const p of el.prefixes) if (w.startsWith(p)) return true;
  return false;
}

/** Shortest match of els[ei..] at token ti within [lo, hi); returns the end token index or -1. */
function matchFrom(els: Pattern, ei: number, toks: Token[], ti: number, lo: number, hi: number): number {
  const el = els[ei];
  if (el === undefined) return ti;
  switch (el.k) {
    case 'start':
      return ti === lo ? matchFrom(els, ei + 1, toks, ti, lo, hi) : -1;
    case 'end':
      return ti === hi ? matchFrom(els, ei + 1, toks, ti, lo, hi) : -1;
    case 'lit':
    case 'any': {
      const tok = ti < hi ? toks[ti] : undefined;
      if (tok !== undefined && (el.k === 'any' || litMatches(el, tok.w))) {
        const r = matchFrom(els, ei + 1, toks, ti + 1, lo, hi);
        if (r >= 0) return r;
      }
      return el.opt ? matchFrom(els, ei + 1, toks, ti, lo, hi) : -1;
    }
    case 'gap': {
      for (let skip = 0; skip <= el.max && ti + skip <= hi; skip++) {
        if (skip > 0) {
          const skipped = toks[ti + skip - 1];
          if (el.stop && skipped && el.stop.has(skipped.w)) break;
        }
        // A clause-bound gap (~Nc) does not cross punctuation.
        if (el.clause && ti + skip < hi && ti > lo && toks[ti + skip]?.brk) break;
        const r = matchFrom(els, ei + 1, toks, ti + skip, lo, hi);
        if (r >= 0) return r;
      }
      return -1;
    }
  }
}

interface CompiledRule {
  id: number;
  kind: ToneIssueKind;
  hint: string;
  except: Pattern[];
  guards: readonly GuardName[];
}

interface Entry {
  rule: CompiledRule;
  pattern: Pattern;
  /** Only the sentence-start position can match. */
  anchored: boolean;
}

/** Entries by the word their first element must match. */
const INDEX = new Map<string, Entry[]>();
/** Entries whose first element is optional, a prefix or the sentence start: tried at every position. */
const GENERIC: Entry[] = [];
/**
 * Entries by their anchor, the required literal element with the fewest words: a pattern is tried in a
 * sentence only when one of its anchor words occurs there. Entries without an anchor are ALWAYS tried.
 */
const ANCHORS = new Map<string, Entry[]>();
const ALWAYS: Entry[] = [];

function addTo(map: Map<string, Entry[]>, key: string, entry: Entry): void {
  const list = map.get(key);
  if (list) list.push(entry);
  else map.set(key, [entry]);
}

PHRASE_RULES.forEach((r, id) => {
  const rule: CompiledRule = {
    id,
    kind: r.kind,
    hint: r.hint ?? r.kind,
    except: (r.except ?? []).map(compilePattern),
    guards: r.guard ?? [],
  };
  for (const source of typeof r.p === 'string' ? [r.p] : r.p) {
    const pattern = compilePattern(source);
    const first = pattern[0];
    const entry: Entry = { rule, pattern, anchored: first?.k === 'start' };
    if (first && first.k === 'lit' && !first.opt && first.prefixes.length === 0) {
      for (const w of first.words) addTo(INDEX, w, entry);
    } else {
      GENERIC.push(entry);
    }
    let anchor: ReadonlySet<string> | null = null;
    for (const el of pattern) {
      if (el.k === 'lit' && !el.opt && el.prefixes.length === 0 && (!anchor || el.words.size < anchor.size)) {
        anchor = el.words;
      }
    }
    if (anchor) for (const w of anchor) addTo(ANCHORS, w, entry);
    else ALWAYS.push(entry);
  }
});

// ------------------------------------------------------------------------------------------ analysis

class Analysis {
  readonly norm: string;
  readonly tokens: Token[];
  readonly wordSpans: Span[];
  readonly sentences: Sentence[];
  readonly matches: RawMatch[] = [];
  private readonly negScore = new Map<number, number>();
  private readonly exceptSpans = new Map<string, Span[]>();
  /** Sentences quoting back words with a negation or a negative word: 'really insightful: "not a fit"'. */
  private readonly sourQuotes = new Set<number>();

  constructor(readonly text: string) {
    this.norm = normalise(text);
    const { tokens, words } = tokenise(this.norm);
    this.tokens = tokens;
    this.wordSpans = words;
    const spans = splitSentences(text, this.norm);
    this.sentences = [];
    let t = 0;
    for (const s of spans) {
      while (t < tokens.length && (tokens[t]?.start ?? 0) < s.start) t++;
      const t0 = t;
      while (t < tokens.length && (tokens[t]?.start ?? 0) < s.end) t++;
      const first = tokens[t0];
      if (first && t > t0) first.brk = true;
      this.sentences.push({ ...s, t0, t1: t });
    }
  }

  sentenceAt(offset: number): number {
    let lo = 0;
    let hi = this.sentences.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.sentences[mid]?.start ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  add(kind: ToneIssueKind, start: number, end: number, hint: string = kind, count?: number): void {
    const m: RawMatch = { kind, start, end, sentence: this.sentenceAt(start), hint };
    if (count !== undefined) m.count = count;
    this.matches.push(m);
  }

  /** Whether a word of `words` occurs within `window` tokens before ti (within its clause if `clause`). */
  private seenBefore(
    ti: number,
    lo: number,
    window: number,
    words: ReadonlySet<string>,
    clause = true,
  ): boolean {
    const toks = this.tokens;
    let j = ti;
    for (let steps = 0; steps < window; steps++) {
      if (j <= lo) return false;
      if (clause && toks[j]?.brk) return false;
      j--;
      if (words.has(toks[j]?.w ?? '')) return true;
    }
    return false;
  }

  isNegated(ti: number, lo: number, window = 4): boolean {
    const toks = this.tokens;
    let j = ti;
    for (let steps = 0; steps < window; steps++) {
      if (j <= lo || toks[j]?.brk) return false;
      j--;
      // "not only", "can't tell you how annoyed", "never been so insulted": not negations.
      if (NEGATORS.has(toks[j]?.w ?? '') && !NOT_A_NEGATION_AFTER.has(toks[j + 1]?.w ?? '')) {
        const intensifier =
          EXPERIENCE_VERBS.has(toks[j + 1]?.w ?? '') &&
          (INTENSIFIERS.has(toks[j + 2]?.w ?? '') || INTENSIFIERS.has(toks[j + 3]?.w ?? ''));
        if (!intensifier) return true;
      }
    }
    return false;
  }

  /** Sum of the AFINN scores below zero in a sentence, leaving out gracious and negated words. */
  sentenceNegScore(si: number): number {
    const cached = this.negScore.get(si);
    if (cached !== undefined) return cached;
    const s = this.sentences[si];
    let sum = 0;
    if (s) {
      for (let ti = s.t0; ti < s.t1; ti++) {
        const w = this.tokens[ti]?.w ?? '';
        const score = afinn(w);
        if (score >= 0 || GRACEFUL.has(w) || this.isNegated(ti, s.t0, 2)) continue;
        sum += score;
      }
    }
    this.negScore.set(si, sum);
    return sum;
  }

  guardPasses(g: GuardName, si: number, ti: number, lo: number, hi: number): boolean {
    const toks = this.tokens;
    switch (g) {
      case 'notNegated':
        return !this.isNegated(ti, lo);
      case 'notSelf':
        return !this.seenBefore(ti, lo, 3, SELF);
      case 'noEmpathy':
        return !this.seenBefore(ti, lo, 12, EMPATHY);
      case 'notFutureHope':
        return !this.seenBefore(ti, lo, 6, FUTURE_HOPE, false);
      case 'negativeContext': {
        if (this.sourQuotes.has(si)) return true;
        for (let j = lo; j < hi; j++) if (SOUR_CUE.has(toks[j]?.w ?? '')) return true;
        return this.sentenceNegScore(si) <= -2;
      }
    }
  }

  private exceptsOf(rule: CompiledRule, si: number, lo: number, hi: number): Span[] {
    const key = `${rule.id}:${si}`;
    const cached = this.exceptSpans.get(key);
    if (cached) return cached;
    const spans: Span[] = [];
    for (const pattern of rule.except) {
      for (let ti = lo; ti < hi; ti++) {
        const r = matchFrom(pattern, 0, this.tokens, ti, lo, hi);
        if (r > ti) spans.push({ start: ti, end: r });
      }
    }
    this.exceptSpans.set(key, spans);
    return spans;
  }

  private tryEntry(entry: Entry, si: number, ti: number, lo: number, hi: number): void {
    const toks = this.tokens;
    const r = matchFrom(entry.pattern, 0, toks, ti, lo, hi);
    if (r <= ti) return;
    const { rule } = entry;
    if (rule.except.length > 0) {
      for (const e of this.exceptsOf(rule, si, lo, hi)) if (e.start < r && e.end > ti) return;
    }
    for (const g of rule.guards) if (!this.guardPasses(g, si, ti, lo, hi)) return;
    const first = toks[ti];
    const last = toks[r - 1];
    if (first && last) this.add(rule.kind, first.start, last.end, rule.hint);
  }

  runPhraseRules(): void {
    const toks = this.tokens;
    const active = new Set<Entry>();
    for (let si = 0; si < this.sentences.length; si++) {
      const s = this.sentences[si];
      if (!s) continue;
      const lo = s.t0;
      const hi = s.t1;
      active.clear();
      for (const e of ALWAYS) active.add(e);
      let pleases = 0;
      let firstPlease = -1;
      let lastPlease = -1;
      for (let ti = lo; ti < hi; ti++) {
        const w = toks[ti]?.w ?? '';
        const anchored = ANCHORS.get(w);
        if (anchored) for (const e of anchored) active.add(e);
        if (w === 'please') {
          pleases++;
          if (firstPlease < 0) firstPlease = ti;
          lastPlease = ti;
        }
      }
      for (let ti = lo; ti < hi; ti++) {
        const indexed = INDEX.get(toks[ti]?.w ?? '');
        if (indexed) for (const e of indexed) if (active.has(e)) this.tryEntry(e, si, ti, lo, hi);
        for (const e of GENERIC)
          if (active.has(e) && (!e.anchored || ti === lo)) this.tryEntry(e, si, ti, lo, hi);
        this.afinnSignals(ti, lo, hi);
      }
      if (pleases >= 3) {
        const a = toks[firstPlease];
        const b = toks[lastPlease];
        if (a && b) this.add('pleading', a.start, b.end);
      }
    }
  }

  /** The sentiment signal: profanity, and strongly negative words aimed at them. */
  private afinnSignals(ti: number, lo: number, hi: number): void {
    const toks = this.tokens;
    const tok = toks[ti];
    if (!tok) return;
    let score = afinn(tok.w);
    if (score > -4 && tok.w.includes('-')) {
      // "piss-up", "bull-shit": profanity inside a hyphenated word.
      for (const part of tok.w.split('-'))
        if (afinn(part) <= -4 && !NOT_PROFANE_SET.has(part)) score = afinn(part);
    }
    if (score > -3) return;
    if (score <= -4 && !NOT_PROFANE_SET.has(tok.w) && !GRACEFUL.has(tok.w)) {
      this.add('anger', tok.start, tok.end, 'profanity');
      return;
    }
    if ((GRACEFUL.has(tok.w) && !HARSH_WHEN_AIMED.has(tok.w)) || this.isNegated(ti, lo)) return;
    if (this.seenBefore(ti, lo, 3, SELF)) return; // "I was miserable", "my worst answer"
    // "your recruiters are nasty", "a miserable experience thanks to your team": a hostile word and
    // them, in the same clause, with no "I"/"my" between.
    for (let j = ti, steps = 0; steps < 5 && j > lo && !toks[j]?.brk; steps++) {
      j--;
      const w = toks[j]?.w ?? '';
      if (SELF.has(w)) break;
      const from = toks[j];
      if (HOSTILE_TARGET.has(w) && from) {
        this.add('anger', from.start, tok.end);
        return;
      }
    }
    // After the word only through a connector: "thanks to your team", "by your recruiters".
    let linked = false;
    for (let j = ti + 1, steps = 0; steps < 5 && j < hi && !toks[j]?.brk; steps++, j++) {
      const w = toks[j]?.w ?? '';
      if (SELF.has(w)) return;
      if (CONNECTORS.has(w)) linked = true;
      const to = toks[j];
      if (linked && HOSTILE_TARGET.has(w) && to) {
        this.add('anger', tok.start, to.end);
        return;
      }
    }
  }

  runSentenceScores(): void {
    this.sentences.forEach((s, si) => {
      if (this.sentenceNegScore(si) <= -8) this.add('anger', s.start, s.end);
    });
  }

  runCharacterChecks(): void {
    const { text, norm } = this;
    // Emoji.
    for (let i = 0; i < text.length; i++) {
      const cp = text.codePointAt(i) ?? 0;
      if (cp > 0xffff) {
        const ch = String.fromCodePoint(cp);
        if (ANGER_EMOJI.has(ch)) this.add('anger', i, i + 2);
        else if (SARCASM_EMOJI.has(ch)) this.add('sarcasm', i, i + 2);
        i++;
      }
    }
    // Masked swearing: "f***", "s**t", "sh*t", "b*llocks" (not "C#" or "F#").
    const masked =
      /(?<![\p{L}\p{N}])(?:f|s|sh|b|bu|bull|d|c|cr|a|as|p|pi|wt)(?:[*#]{2,4}[a-z]{0,8}|[*#][a-z]{1,8})(?![\p{L}\p{N}*#])/gu;
    for (const m of norm.matchAll(masked)) this.add('anger', m.index, m.index + m[0].length, 'profanity');
    this.capitals();
    this.exclamations();
  }

  private tokenIndexAt(offset: number): number {
    let lo = 0;
    let hi = this.tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.tokens[mid]?.start ?? 0) < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Quotation marks around a word or two of theirs: 'your "feedback"', 'not a "good fit"'. */
  scareQuotes(): void {
    const { text, norm } = this;
    const n = norm.length;
    for (let i = 0; i < n; i++) {
      const q = norm[i];
      if (q !== '"' && q !== "'") continue;
      if (q === "'" && i > 0 && !isSpace(norm[i - 1]) && !'([{'.includes(norm[i - 1] ?? '')) continue;
      if (!isLetterOrDigit(norm[i + 1])) continue;
      let j = i + 1;
      const limit = Math.min(n, i + 40);
      while (j < limit && norm[j] !== '\n') {
        if (norm[j] === q && (q === '"' || (isLetterOrDigit(norm[j - 1]) && !isLetterOrDigit(norm[j + 1]))))
          break;
        j++;
      }
      if (j >= limit || norm[j] !== q) continue;
      const inner = norm.slice(i + 1, j);
      const t0 = this.tokenIndexAt(i + 1);
      const t1 = this.tokenIndexAt(j);
      const count = t1 - t0;
      const innerWords = this.tokens.slice(t0, t1).map((t) => t.w);
      if (innerWords.some((w) => NEGATORS.has(w) || (afinn(w) < 0 && !GRACEFUL.has(w)))) {
        this.sourQuotes.add(this.sentenceAt(i));
      }
      const ok =
        count >= 1 &&
        (count <= 2 || (count === 3 && innerWords.some((w) => SCARE_WORDS.has(w)))) &&
        !isUpperLetter(text[i + 1]) &&
        /\p{L}/u.test(inner);
      if (ok && t0 > 0) {
        const prev = this.tokens[t0 - 1];
        const prevRaw = prev ? norm.slice(prev.start, Math.min(i, prev.end + 2)) : '';
        const det = prev !== undefined && (SCARE_DET.has(prev.w) || /'s\s*$/.test(prevRaw));
        let reported = false;
        for (let k = t0 - 1; k >= Math.max(0, t0 - 4); k--)
          if (REPORTING.has(this.tokens[k]?.w ?? '')) reported = true;
        if (det && !reported && prev && this.sentenceAt(prev.start) === this.sentenceAt(i)) {
          this.add('sarcasm', i, j + 1, 'scareQuotes');
        }
      }
      i = j;
    }
  }

  private capitals(): void {
    const { text } = this;
    interface Cap extends Span {
      shout: boolean;
      letters: number;
      emphatic: boolean;
    }
    const caps: (Cap | null)[] = [];
    for (const span of this.wordSpans) {
      const word = text.slice(span.start, span.end);
      let ascii = true;
      let plain = true;
      let lowerOrDigit = false;
      for (let c = 0; c < word.length; c++) {
        const code = word.charCodeAt(c);
        if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) {
          lowerOrDigit = true; // a-z or 0-9: not capitals
          break;
        }
        if (code > 127) ascii = false;
        if (code === 39 || code === 45 || code === 0x2019) plain = false;
      }
      if (
        lowerOrDigit ||
        (!ascii && (DIGIT.test(word) || LOWER.test(word) || TITLE.test(word))) ||
        !UPPER.test(word)
      ) {
        caps.push(null);
        continue;
      }
      const parts = plain ? [word] : word.split('-').map((part) => part.replace(/['\u2019]/g, ''));
      let shout = false;
      let letters = 0;
      for (const part of parts) {
        letters += part.length;
        if (part.length <= 1 || ACRONYM_SET.has(part)) continue;
        if (SHOUTED_SHORT.has(part) || part.length >= 4) shout = true;
      }
      const joined = plain ? word : parts.join('');
      caps.push({ start: span.start, end: span.end, shout, letters, emphatic: EMPHATIC_SHORT.has(joined) });
    }
    // Group adjacent capitalised words (separated by spaces and light punctuation only) into runs.
    let i = 0;
    while (i < caps.length) {
      const first = caps[i];
      if (!first) {
        i++;
        continue;
      }
      let last = first;
      let shouted = first.shout ? 1 : 0;
      let long = first.letters > 1 ? 1 : 0;
      let strong = first.shout && (first.letters >= 4 || first.emphatic);
      let j = i + 1;
      for (; j < caps.length; j++) {
        const cur = caps[j];
        if (!cur) break;
        const gap = text.slice(last.end, cur.start);
        if (gap.length > 3 || !/^[ \t,;:'"/&*_\u2013\u2014-]*$/.test(gap) || !/[ \t]/.test(gap)) break;
        last = cur;
        if (cur.shout) shouted++;
        if (cur.letters > 1) long++;
        if (cur.shout && (cur.letters >= 4 || cur.emphatic)) strong = true;
      }
      // Two or more shouted-looking words together, or one long or emphatic shouted word.
      if (shouted > 0 && (long >= 2 || strong)) this.add('all_caps', first.start, last.end);
      i = j;
    }
  }

  private exclamations(): void {
    const { norm } = this;
    const marks: number[] = [];
    let total = 0;
    const n = norm.length;
    let i = 0;
    while (i < n) {
      const c = norm[i] ?? '';
      if (c !== '!' && c !== '?' && c !== '\u203C' && c !== '\u2048' && c !== '\u2049') {
        i++;
        continue;
      }
      let j = i;
      let bangs = 0;
      let width = 0;
      while (j < n && '!?\u203C\u2048\u2049'.includes(norm[j] ?? '')) {
        const d = norm[j];
        if (d === '!') bangs++;
        else if (d === '\u203C') bangs += 2;
        else if (d === '\u2048' || d === '\u2049') bangs++;
        width += d === '!' || d === '?' ? 1 : 2;
        j++;
      }
      if (bangs > 0) {
        total += bangs;
        marks.push(i);
      }
      // "!!", "?!", "!?", "??": doubled marks read as heated (a single "?" or "!" is fine).
      if (width >= 2) this.add('exclamations', this.sentenceSpanAt(i).start, this.sentenceSpanAt(i).end);
      i = j;
    }
    const words = countWords(norm, this.wordSpans);
    const allowed = Math.max(MAX_EXCLAMATIONS, Math.floor(words / 100));
    if (total > allowed) {
      for (const at of marks) {
        const s = this.sentenceSpanAt(at);
        this.add('exclamations', s.start, s.end, 'exclamationCount', total);
      }
    }
  }

  private sentenceSpanAt(offset: number): Span {
    return this.sentences[this.sentenceAt(offset)] ?? { start: offset, end: offset + 1 };
  }
}

// ------------------------------------------------------------------------------------------ API

function suggestionFor(m: RawMatch): string {
  if (m.hint === 'exclamationCount') {
    return `This email has ${m.count ?? 0} exclamation marks; keeping one or two lets the warm ones count, and a full stop reads calmer elsewhere.`;
  }
  return SUGGESTIONS[m.hint] ?? SUGGESTIONS[m.kind] ?? SUGGESTIONS.anger ?? '';
}

const KIND_ORDER = new Map<ToneIssueKind, number>(TONE_ISSUE_KINDS.map((k, i) => [k, i]));

/**
 * Checks the tone of an email draft. Issues are sorted by start (then by kind), one per kind per
 * sentence; `ok` is true when there are none.
 */
export function checkTone(text: string, options: ToneOptions = {}): ToneReport {
  const input = typeof text === 'string' ? text : '';
  const maxWords =
    typeof options.maxWords === 'number' && Number.isFinite(options.maxWords) && options.maxWords > 0
      ? Math.floor(options.maxWords)
      : DEFAULT_MAX_WORDS;
  const a = new Analysis(input);
  a.scareQuotes();
  a.runPhraseRules();
  a.runSentenceScores();
  a.runCharacterChecks();

  // One issue per kind per sentence: the span from the first match to the end of the last.
  const groups = new Map<string, RawMatch>();
  const order: string[] = [];
  const sorted = [...a.matches].sort((x, y) => x.start - y.start || y.end - x.end);
  for (const m of sorted) {
    const key = `${m.kind}:${m.sentence}`;
    const g = groups.get(key);
    if (!g) {
      groups.set(key, { ...m });
      order.push(key);
    } else {
      g.end = Math.max(g.end, m.end);
      if (g.hint === g.kind && m.hint !== m.kind) g.hint = m.hint;
      if (m.count !== undefined) g.count = m.count;
    }
  }
  const issues: ToneIssue[] = order.map((key) => {
    const m = groups.get(key) as RawMatch;
    return {
      kind: m.kind,
      start: m.start,
      end: m.end,
      text: input.slice(m.start, m.end),
      suggestion: suggestionFor(m),
    };
  });

  const words = countWords(a.norm, a.wordSpans);
  if (words > maxWords) {
    issues.push({
      kind: 'too_long',
      start: 0,
      end: input.length,
      text: input,
      suggestion: `At ${words} words this is long for a reply; a short email of under ${maxWords} words (a few short paragraphs) is more likely to be read in full, so you could keep the thanks and one request.`,
    });
  }
  issues.sort(
    (x, y) =>
      x.start - y.start || (KIND_ORDER.get(x.kind) ?? 0) - (KIND_ORDER.get(y.kind) ?? 0) || x.end - y.end,
  );
  return { ok: issues.length === 0, issues, words };
}
