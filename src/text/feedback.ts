/**
 * Feedback theme tagger (DESIGN.md §2, practice 8): finds the themes of the closed list in an
 * interviewer's feedback, each with a polarity and the sentence that carries it, so that themes can be
 * counted across applications ("two interviewers asked for more specific examples").
 *
 * Pure: no I/O, no clock, deterministic. Offsets are UTF-16 offsets into the text given.
 *
 * How it works:
 * 1. The text is lower-cased and normalised without changing its length (curly quotes become straight,
 *    accents are dropped), so every offset found in the copy is an offset into the original.
 * 2. It is split into sentences (not after abbreviations, decimals or initials; a blank line, a bullet
 *    or a short heading line also ends one) and each sentence into words and clauses. Clauses end at
 *    contrast words ("but", "however", "although … ,", "whereas") and at semicolons and dashes, so
 *    "Your technical answers were strong, but you rambled" is judged in two halves.
 * 3. Theme cues (feedback-lexicon.ts) are matched per sentence, minus look-alikes ("thank you for your
 *    interest", "if you have any questions", "a positive experience of our process"). A sentence that only
 *    describes the job ("The role will involve leading the team") carries no theme.
 * 4. Polarity, per cue: advice or doubt in the same clause ("would have liked", "next time", "we weren't
 *    sure"; "we'd encourage you to" only for what follows it) makes it a development area; otherwise the
 *    nearest evaluative word in the clause decides (commas count as distance), after negation ("not
 *    enough", "didn't come through", "no concerns", "nobody doubted") and comparatives ("more concise"
 *    is advice) have been applied. Some cues carry their own polarity ("rambled", "well prepared",
 *    "enthusiastic"). When the lexicon has nothing in the clause, the AFINN-165 word scores of the
 *    `sentiment` package are a fallback; with no evidence at all, a theme an interviewer raises is read
 *    as something to work on. `competition` is always negative, and so is every theme in the same clause
 *    as a rival ("another candidate had more experience": the rival's advantage).
 * 5. One tag per theme per sentence (a negative reading wins over a positive one in the same sentence:
 *    it is the part the seeker can act on). Praise of a strength adds `positive` once per text, at the
 *    first sentence with praise (unless the same clause says the opposite about that theme); so does
 *    general praise ("you interviewed really well").
 *
 * Known limits: cues are phrases, so feedback worded in ways the lexicon does not list is missed (the
 * misses on fresh text are mostly recall, not precision); polarity is read from nearby words, so irony,
 * long-range reference ("that" meaning an earlier sentence) and evaluative nouns used as topics ("a
 * medication error scenario") can mislead it; a theme mentioned as the topic of a question ("when asked
 * about teamwork") is tagged as if it were feedback on it.
 */
import Sentiment from 'sentiment';
import type { FeedbackTheme } from '../domain/model.js';
import {
  ABBREVIATIONS,
  ABOUT_THE_SEEKER,
  AFINN_IGNORED,
  CONCESSIVE_WORDS,
  CONTRAST_WORDS,
  EVIDENCE_RULES,
  EXCLUSIONS,
  PRAISE_CUES,
  ROLE_DESCRIPTION,
  THEME_CUES,
  type CueRule,
  type CuedTheme,
  type EvidenceKind,
  type Polarity,
} from './feedback-lexicon.js';

export interface ThemeTag {
  theme: FeedbackTheme;
  polarity: 'positive' | 'negative';
  /** The sentence that carries it, exactly as in the text, and its offsets. */
  sentence: string;
  start: number;
  end: number;
  /** The words that decided it. */
  cue: string;
}

/** The tags of a text, sorted by start; at most one tag per theme per sentence. */
export function tagFeedback(text: string): ThemeTag[] {
  if (typeof text !== 'string' || text.trim() === '') return [];
  const norm = normalise(text);
  const tags: (ThemeTag & { at: number })[] = [];
  let praiseGiven = false;
  for (const span of splitSentences(text, norm)) {
    const result = analyseSentence(text, norm, span);
    for (const tag of result.tags) tags.push(tag);
    if (!praiseGiven && result.praise) {
      praiseGiven = true;
      tags.push({
        theme: 'positive',
        polarity: 'positive',
        sentence: text.slice(span.start, span.end),
        start: span.start,
        end: span.end,
        cue: result.praise.cue,
        at: result.praise.at,
      });
    }
  }
  tags.sort((a, b) => a.start - b.start || a.at - b.at || THEME_ORDER[a.theme] - THEME_ORDER[b.theme]);
  return tags.map(({ at: _at, ...tag }) => tag);
}

/** The themes of a text, each once, in order of first appearance. */
export function themesOf(text: string): FeedbackTheme[] {
  const seen = new Set<FeedbackTheme>();
  for (const tag of tagFeedback(text)) seen.add(tag.theme);
  return [...seen];
}

// ---------------------------------------------------------------------------------------------------
// Compiled lexicon

const CUED_THEMES = Object.keys(THEME_CUES) as CuedTheme[];
const THEME_ORDER: Record<FeedbackTheme, number> = {
  communication: 0,
  technical_skills: 1,
  experience: 2,
  culture_fit: 3,
  preparation_research: 4,
  examples_evidence: 5,
  motivation_enthusiasm: 6,
  questions_asked: 7,
  leadership: 8,
  salary_expectations: 9,
  competition: 10,
  positive: 11,
};

/** Word boundaries that also hold next to apostrophes-free punctuation and non-ASCII letters. */
/** Case-sensitive: rules run on the lower-cased copy, except those written for the original capitals. */
function compile(source: string, hyphenJoins = false): RegExp {
  const edge = hyphenJoins ? '\\p{L}\\p{N}-' : '\\p{L}\\p{N}';
  return new RegExp(`(?<![${edge}])(?:${source})(?![${edge}])`, 'gu');
}

interface CompiledCue {
  re: RegExp;
  polarity: Polarity | undefined;
  caseSensitive: boolean;
}
const compileCue = (rule: CueRule): CompiledCue => ({
  re: compile(rule.re),
  polarity: rule.polarity,
  caseSensitive: rule.caseSensitive === true,
});

const CUES = new Map<CuedTheme | 'praise', CompiledCue[]>([
  ...CUED_THEMES.map((theme): [CuedTheme, CompiledCue[]] => [theme, THEME_CUES[theme].map(compileCue)]),
  ['praise', PRAISE_CUES.map(compileCue)],
]);
const EXCLUDE = EXCLUSIONS.map((exclusion) => ({
  re: compile(exclusion.re),
  caseSensitive: exclusion.caseSensitive === true,
  keys: new Set<CuedTheme | 'praise'>(
    exclusion.themes === 'all'
      ? [...CUED_THEMES, 'praise']
      : exclusion.themes.map((t) => (t === 'positive' ? 'praise' : t)),
  ),
}));
// "lower-ability pupils" and "high-volume" are not judgements: evidence words do not match inside compounds.
const EVIDENCE = EVIDENCE_RULES.map((rule) => ({ ...rule, re: compile(rule.re, true) }));
const ROLE_DESCRIPTION_RE = new RegExp(ROLE_DESCRIPTION, 'u');
const ABOUT_THE_SEEKER_RE = new RegExp(ABOUT_THE_SEEKER, 'u');
const CONTRAST = new Set<string>(CONTRAST_WORDS);
const CONCESSIVE = new Set<string>(CONCESSIVE_WORDS);
const ABBREV = new Set<string>(ABBREVIATIONS);

const sentiment = new Sentiment();
const AFINN_SKIP = new Set<string>(AFINN_IGNORED);
const afinnCache = new Map<string, number>();
/** AFINN-165 score of one word (0 when unknown or ignored); a fallback for words the lexicon lacks. */
function afinn(word: string): number {
  if (AFINN_SKIP.has(word) || !/^[a-z]+$/.test(word)) return 0;
  let score = afinnCache.get(word);
  if (score === undefined) {
    score = sentiment.analyze(word).score;
    afinnCache.set(word, score);
  }
  return score;
}

// ---------------------------------------------------------------------------------------------------
// Normalisation and sentences

const QUOTES: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201A': "'",
  '\u201B': "'",
  '\u2032': "'",
  '\u0060': "'",
  '\u00B4': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': '"',
  '\u00A0': ' ',
  '\u2010': '-',
  '\u2011': '-',
};

/** Lower case, straight quotes, no accents — and exactly as long as the input. */
function normalise(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    const quote = QUOTES[c];
    if (quote !== undefined) {
      out += quote;
      continue;
    }
    const lower = c.toLowerCase();
    let ch = lower.length === 1 ? lower : c;
    if (ch.charCodeAt(0) > 0x7f) {
      const base = ch.normalize('NFD')[0];
      if (base !== undefined && base.charCodeAt(0) <= 0x7f && /[a-z]/.test(base)) ch = base;
    }
    out += ch;
  }
  return out;
}

interface Span {
  start: number;
  end: number;
}

const TERMINATORS = '.!?\u2026';
const CLOSERS = ')]}"\'';
const BULLET = /^(?:[-*\u2022\u25CF\u25AA\u2013\u2014>]|\d{1,2}[.)])\s+/u;

function isSpace(c: string | undefined): boolean {
  return c !== undefined && /\s/u.test(c);
}

/** Sentence spans of the original text, trimmed, without leading bullet markers. */
function splitSentences(text: string, norm: string): Span[] {
  const cuts: number[] = [];
  for (let i = 0; i < norm.length; i++) {
    const c = norm[i] as string;
    if (c === '\n') {
      if (newlineEndsSentence(text, i)) cuts.push(i);
      continue;
    }
    if (!TERMINATORS.includes(c)) continue;
    if (c === '.' && !fullStopEndsSentence(norm, i)) continue;
    let j = i + 1;
    while (
      j < norm.length &&
      (TERMINATORS.includes(norm[j] as string) || CLOSERS.includes(norm[j] as string))
    )
      j++;
    if (j < norm.length && !isSpace(norm[j])) continue;
    // "e.g. the" or "approx. 20": a lower-case word or a digit after the stop continues the sentence.
    let k = j;
    while (k < norm.length && norm[k] !== '\n' && isSpace(norm[k])) k++;
    const next = text[k];
    if (next !== undefined && next !== '\n' && /[\p{Ll}\p{N}]/u.test(next) && c === '.') continue;
    cuts.push(j);
    i = j - 1;
  }
  const spans: Span[] = [];
  let from = 0;
  for (const cut of [...cuts, norm.length]) {
    const span = trimSpan(text, from, cut);
    if (span) spans.push(span);
    from = cut;
  }
  return spans;
}

function newlineEndsSentence(text: string, i: number): boolean {
  const lineStart = text.lastIndexOf('\n', i - 1) + 1;
  const line = text.slice(lineStart, i).trim();
  const nextEnd = text.indexOf('\n', i + 1);
  const nextLine = text.slice(i + 1, nextEnd === -1 ? text.length : nextEnd).trim();
  if (line === '' || nextLine === '') return true;
  if (BULLET.test(nextLine) || BULLET.test(line)) return true;
  if (/[:;.!?]$/.test(line)) return true;
  // A hard-wrapped paragraph has long lines; a short line before a capital is a heading or a list item.
  return line.length < 50 && /^[^\p{Ll}]/u.test(nextLine);
}

function fullStopEndsSentence(norm: string, i: number): boolean {
  const before = norm[i - 1];
  const after = norm[i + 1];
  if (before !== undefined && after !== undefined && /\d/.test(before) && /\d/.test(after)) return false;
  let w = i;
  while (w > 0 && /[a-z.]/.test(norm[w - 1] as string)) w--;
  const word = norm.slice(w, i);
  if (ABBREV.has(word) || ABBREV.has(word.replace(/\./g, ''))) return false;
  // A single letter before the stop is an initial ("J. Smith") unless it is a word of its own.
  if (/^[a-z]$/.test(word) && word !== 'a' && word !== 'i') return false;
  return true;
}

function trimSpan(text: string, start: number, end: number): Span | null {
  while (start < end && isSpace(text[start])) start++;
  while (end > start && isSpace(text[end - 1])) end--;
  const bullet = BULLET.exec(text.slice(start, end));
  if (bullet) start += bullet[0].length;
  while (start < end && isSpace(text[start])) start++;
  if (!/[\p{L}\p{N}]/u.test(text.slice(start, end))) return null;
  return { start, end };
}

// ---------------------------------------------------------------------------------------------------
// Words and clauses

interface Token {
  text: string;
  start: number;
  end: number;
  clause: number;
  /** Commas between the start of the sentence and this word. */
  commas: number;
}

const WORD = /[\p{L}\p{N}]+(?:'[\p{L}]+)*/gu;

function tokenise(s: string): Token[] {
  const tokens: Token[] = [];
  let clause = 0;
  let commas = 0;
  let concessiveOpen = false;
  let prevEnd = 0;
  let freshClause = true;
  for (const m of s.matchAll(WORD)) {
    const start = m.index;
    const gap = s.slice(prevEnd, start);
    const text = m[0];
    const prev = tokens[tokens.length - 1];
    if (gap.includes(',')) commas += (gap.match(/,/g) ?? []).length;
    if (tokens.length > 0) {
      if (/[;\u2014\u2013]|\s-\s|:\s/.test(gap)) {
        clause++;
        freshClause = true;
        concessiveOpen = false;
      } else if (gap.includes(',') && concessiveOpen) {
        clause++;
        freshClause = true;
        concessiveOpen = false;
      }
    }
    if (CONTRAST.has(text) && isContrast(text, s, start + text.length, prev, gap)) {
      if (!freshClause) clause++;
      concessiveOpen = CONCESSIVE.has(text);
    }
    tokens.push({ text, start, end: start + text.length, clause, commas });
    freshClause = false;
    prevEnd = start + text.length;
  }
  return tokens;
}

function isContrast(word: string, s: string, after: number, prev: Token | undefined, gap: string): boolean {
  const rest = s.slice(after, after + 12);
  if (word === 'but')
    return !/^\s+(?:also|for)\b/.test(rest) && prev?.text !== 'all' && prev?.text !== 'nothing';
  if (word === 'yet')
    return (prev === undefined || gap.includes(',') || prev.text === 'and') && !/^\s+to\b/.test(rest);
  if (word === 'while' || word === 'whilst') return prev?.text !== 'a' && prev?.text !== 'worth';
  if (word === 'though') return !/^\s*[.!?]?$/.test(rest) || prev === undefined;
  return true;
}

// ---------------------------------------------------------------------------------------------------
// Per sentence

interface Evidence {
  first: number;
  last: number;
  kind: EvidenceKind;
  polarity: Polarity;
  /** Negators and comparatives that reversed something are spent. */
  spent: boolean;
  /** Advice that a negation cancelled ("nobody doubted") turns into praise. */
  cancelled: boolean;
  /** Comes from a competition cue ("another candidate"): says nothing about the seeker's own praise. */
  rival: boolean;
  /** Advice that reaches only what follows it. */
  forward: boolean;
  start: number;
  end: number;
}

interface Hit {
  theme: CuedTheme | 'praise';
  start: number;
  end: number;
  first: number;
  last: number;
  inherent: Polarity | undefined;
}

interface Reading {
  polarity: Polarity;
  /** Offsets (in the sentence) of the words that decided it. */
  start: number;
  end: number;
}

interface SentenceResult {
  tags: (ThemeTag & { at: number })[];
  praise: { cue: string; at: number } | null;
}

const NEGATION_WINDOW = 4;
const COMMA_COST = 2;
const OTHER_CLAUSE_COST = 3;

function analyseSentence(text: string, norm: string, span: Span): SentenceResult {
  const sentence = text.slice(span.start, span.end);
  const s = norm.slice(span.start, span.end);
  const none: SentenceResult = { tags: [], praise: null };
  if (ROLE_DESCRIPTION_RE.test(s) && !ABOUT_THE_SEEKER_RE.test(s)) return none;
  const tokens = tokenise(s);
  if (tokens.length === 0) return none;
  const tokenRange = (start: number, end: number): [number, number] | null => {
    let first = -1;
    let last = -1;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i] as Token;
      if (t.end > start && t.start < end) {
        if (first === -1) first = i;
        last = i;
      }
    }
    return first === -1 ? null : [first, last];
  };

  const hits = findHits(sentence, s, tokenRange);
  if (hits.length === 0) return none;
  const rivals = hits.filter((h) => h.theme === 'competition');
  // "a strong field of candidates" says nothing good about the seeker.
  const evidence = findEvidence(s, tokenRange).filter((e) => !rivals.some((r) => overlaps(r, e)));
  for (const hit of hits) {
    if (hit.theme === 'competition') {
      evidence.push({ ...item(hit.first, hit.last, 'fixed', 'negative', hit.start, hit.end), rival: true });
    } else if (hit.inherent) {
      evidence.push(item(hit.first, hit.last, 'polar', hit.inherent, hit.start, hit.end));
    }
  }
  evidence.sort((a, b) => a.first - b.first || a.last - b.last);
  applyComparatives(evidence, tokens);
  applyNegation(evidence, tokens);

  const rivalClauses = new Set(rivals.map((r) => (tokens[r.first] as Token).clause));
  const byTheme = new Map<CuedTheme | 'praise', { hit: Hit; reading: Reading }[]>();
  for (const hit of hits) {
    const clause = (tokens[hit.first] as Token).clause;
    // In "another candidate had more experience" every theme describes the rival's advantage.
    const reading: Reading =
      hit.theme === 'competition' || (hit.theme !== 'praise' && rivalClauses.has(clause))
        ? { polarity: 'negative', start: hit.start, end: hit.end }
        : readPolarity(hit, evidence, tokens);
    const list = byTheme.get(hit.theme) ?? [];
    list.push({ hit, reading });
    byTheme.set(hit.theme, list);
  }

  const tags: (ThemeTag & { at: number })[] = [];
  let praise: SentenceResult['praise'] = null;
  const notePraise = (start: number, end: number): void => {
    if (praise === null || start < praise.at)
      praise = { cue: sentence.slice(start, end), at: span.start + start };
  };
  const clauseOf = (hit: Hit): number => (tokens[hit.first] as Token).clause;
  for (const [theme, readings] of byTheme) {
    for (const r of readings) {
      // Praise of a strength, unless the same clause says the opposite about the same theme.
      if (r.reading.polarity !== 'positive' || theme === 'competition') continue;
      const contradicted = readings.some(
        (o) => o.reading.polarity === 'negative' && clauseOf(o.hit) === clauseOf(r.hit),
      );
      if (!contradicted) notePraise(r.reading.start, r.reading.end);
    }
    if (theme === 'praise') continue;
    const chosen =
      readings.find((r) => r.reading.polarity === 'negative') ?? (readings[0] as (typeof readings)[0]);
    tags.push({
      theme,
      polarity: chosen.reading.polarity,
      sentence,
      start: span.start,
      end: span.end,
      cue: sentence.slice(chosen.hit.start, chosen.hit.end),
      at: span.start + chosen.hit.start,
    });
  }
  return { tags, praise };
}

function item(
  first: number,
  last: number,
  kind: EvidenceKind,
  polarity: Polarity,
  start: number,
  end: number,
): Evidence {
  return {
    first,
    last,
    kind,
    polarity,
    spent: false,
    cancelled: false,
    rival: false,
    forward: false,
    start,
    end,
  };
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

function findHits(
  sentence: string,
  s: string,
  tokenRange: (start: number, end: number) => [number, number] | null,
): Hit[] {
  const hits: Hit[] = [];
  const exclusions = EXCLUDE.map((x) => ({
    keys: x.keys,
    spans: [...(x.caseSensitive ? sentence : s).matchAll(x.re)].map((m) => ({
      start: m.index,
      end: m.index + m[0].length,
    })),
  })).filter((x) => x.spans.length > 0);
  for (const [theme, rules] of CUES) {
    const excluded = exclusions.filter((x) => x.keys.has(theme)).flatMap((x) => x.spans);
    const found: Hit[] = [];
    for (const rule of rules) {
      for (const m of (rule.caseSensitive ? sentence : s).matchAll(rule.re)) {
        const start = m.index;
        const end = start + m[0].length;
        if (end === start || excluded.some((x) => overlaps(x, { start, end }))) continue;
        const range = tokenRange(start, end);
        if (!range) continue;
        found.push({ theme, start, end, first: range[0], last: range[1], inherent: rule.polarity });
      }
    }
    // Within a theme the longest of overlapping matches wins ("ill-prepared" over "prepared").
    const kept: Hit[] = [];
    for (const hit of found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start)) {
      if (!kept.some((k) => overlaps(k, hit))) kept.push(hit);
    }
    hits.push(...kept.sort((a, b) => a.start - b.start));
  }
  return hits;
}

function findEvidence(
  s: string,
  tokenRange: (start: number, end: number) => [number, number] | null,
): Evidence[] {
  const taken: Span[] = [];
  const evidence: Evidence[] = [];
  for (const rule of EVIDENCE) {
    for (const m of s.matchAll(rule.re)) {
      const span = { start: m.index, end: m.index + m[0].length };
      if (span.end === span.start || taken.some((t) => overlaps(t, span))) continue;
      taken.push(span);
      if (rule.kind === 'neutral') continue;
      const range = tokenRange(span.start, span.end);
      if (!range) continue;
      const e = item(range[0], range[1], rule.kind, rule.polarity ?? 'negative', span.start, span.end);
      e.forward = rule.forward === true;
      evidence.push(e);
    }
  }
  return evidence;
}

const flip = (p: Polarity): Polarity => (p === 'positive' ? 'negative' : 'positive');

function sameStretch(tokens: Token[], from: number, to: number): boolean {
  const a = tokens[from] as Token;
  const b = tokens[to] as Token;
  return a.clause === b.clause && a.commas === b.commas;
}

/** "more concise", "a bit more confident": the word after a comparative becomes advice. */
function applyComparatives(evidence: Evidence[], tokens: Token[]): void {
  for (const cmp of evidence) {
    if (cmp.kind !== 'comparative') continue;
    const next = cmp.last + 1;
    if (tokens[next]?.text === 'than') {
      cmp.spent = true;
      continue;
    }
    const targets = evidence.filter(
      (e) => e.kind === 'polar' && e.first === next && sameStretch(tokens, cmp.last, next),
    );
    if (targets.length === 0) continue;
    const less = /\bless$/.test(tokens[cmp.last]?.text ?? '');
    for (const t of targets) t.polarity = less ? flip(t.polarity) : 'negative';
    cmp.spent = true;
  }
}

/** "not enough", "didn't come through", "nobody doubted": a negator reverses what follows it closely. */
function applyNegation(evidence: Evidence[], tokens: Token[]): void {
  for (const neg of evidence) {
    if (neg.kind !== 'negator') continue;
    // The first judgement after the negator is reversed, and any joined to it by "or"/"nor"
    // ("not clear or concise"); "not able to answer basic questions" leaves "basic" alone.
    let target = -1;
    let reach = -1;
    for (const e of evidence) {
      if (e === neg || e.first <= neg.last || e.first > neg.last + NEGATION_WINDOW) continue;
      if (!sameStretch(tokens, neg.last, e.first)) continue;
      if (e.kind !== 'polar' && !(e.kind === 'advice' && !e.cancelled)) continue;
      // Joined by "or"/"nor", right next to the last reversed word ("not the right match"), or a
      // manner adverb closing the phrase ("could not articulate it clearly").
      const joined =
        target !== -1 &&
        (/^(?:or|nor)$/.test(tokens[e.first - 1]?.text ?? '') ||
          e.first === reach + 1 ||
          /ly$/.test(tokens[e.last]?.text ?? ''));
      if (target !== -1 && e.first !== target && !joined) continue;
      if (target === -1) target = e.first;
      reach = Math.max(reach, e.last);
      if (e.kind === 'polar') e.polarity = flip(e.polarity);
      else e.cancelled = true;
      neg.spent = true;
    }
  }
}

function readPolarity(hit: Hit, evidence: Evidence[], tokens: Token[]): Reading {
  const clause = (tokens[hit.first] as Token).clause;
  const inClause = (e: Evidence): boolean =>
    (tokens[e.first] as Token).clause === clause || (tokens[e.last] as Token).clause === clause;
  const advice = evidence.find(
    (e) => e.kind === 'advice' && !e.cancelled && inClause(e) && (!e.forward || e.first <= hit.first),
  );
  if (advice) return { polarity: 'negative', start: advice.start, end: advice.end };

  let best: { cost: number; e: Evidence; polarity: Polarity } | null = null;
  for (const e of evidence) {
    if (e.rival && hit.theme === 'praise') continue;
    let polarity: Polarity;
    let extra = 0;
    if (e.kind === 'polar' || e.kind === 'fixed') polarity = e.polarity;
    else if (e.kind === 'advice') {
      if (e.forward && !e.cancelled && e.first > hit.first) continue;
      polarity = e.cancelled ? 'positive' : 'negative'; // "nobody doubted"
    } else if (e.spent) continue;
    else {
      polarity = 'negative';
      if (e.kind === 'comparative') extra = 1;
    }
    // The cue's own polarity is closest; other words inside the cue count as one step away, so that
    // "would suit a larger setting better than ours" is read from "better", not from "suit".
    const own = e.start === hit.start && e.end === hit.end && hit.inherent !== undefined;
    const gap =
      e.last < hit.first ? hit.first - e.last : e.first > hit.last ? e.first - hit.last : own ? 0 : 1;
    const lo = Math.min(e.first, hit.first);
    const hi = Math.max(e.last, hit.last);
    const commas = (tokens[hi] as Token).commas - (tokens[lo] as Token).commas;
    const otherClause = inClause(e)
      ? 0
      : OTHER_CLAUSE_COST + 2 * Math.abs((tokens[e.first] as Token).clause - clause);
    const cost = gap + extra + COMMA_COST * commas + otherClause;
    if (
      best === null ||
      cost < best.cost ||
      (cost === best.cost && polarity === 'negative' && best.polarity === 'positive')
    ) {
      best = { cost, e, polarity };
    }
  }
  // Nothing the lexicon knows in this clause: try the general-purpose word scores before falling back.
  if (best === null || !inClause(best.e)) {
    let near: { cost: number; token: Token } | null = null;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i] as Token;
      if (t.clause !== clause || Math.abs(afinn(t.text)) < 2) continue;
      const cost = i < hit.first ? hit.first - i : i > hit.last ? i - hit.last : 1;
      if (near === null || cost < near.cost) near = { cost, token: t };
    }
    if (near) {
      return {
        polarity: afinn(near.token.text) > 0 ? 'positive' : 'negative',
        start: near.token.start,
        end: near.token.end,
      };
    }
  }
  if (best === null) return { polarity: 'negative', start: hit.start, end: hit.end };
  return { polarity: best.polarity, start: best.e.start, end: best.e.end };
}
