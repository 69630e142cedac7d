/**
 * Skills (issue 6; DESIGN.md §2, practice 9): finds the skills, tools, knowledge, qualifications, licences
 * and certifications a job description asks for and a résumé shows, and compares the two — the gaps become
 * a learning plan.
 *
 * Pure: no I/O, no clock, deterministic. Offsets are UTF-16 offsets into the text given.
 *
 * How it works:
 * 1. Text and aliases are cut into the same tokens: runs of letters and digits, keeping the shapes skills
 *    have ("C++", "C#", ".NET", "Node.js", "A+", "P&L" → p, &, l). Each token gets a key: lower case, no
 *    accents, no internal dots ("Node.js" = "NodeJS") or apostrophes, "&" = "and", and British spellings
 *    turned American ("organisation", "licence", "paediatric", "modelling") so one key serves both.
 * 2. Aliases go into a token trie (one flat Map, so ESCO's ~110k labels stay cheap). A match may cross only
 *    soft gaps — spaces, one line break, hyphens, slashes, brackets — never a comma or a full stop. Hyphenated words
 *    match their closed form both ways ("e-mail" = "email"), and a plural in the text falls back to the
 *    singular ("patient assessments").
 * 3. Guards for words that are ordinary English elsewhere: a one-word alias in capitals (RN, POS, SEO) and any
 *    alias marked `=` match only as written or in capitals; an alias marked `@field` needs a word of that
 *    field within a few words ("Go" beside "Python", not "ready to go").
 * 4. Longest match wins (then the earlier entry: built-in before imported); spans never overlap.
 * 5. matchSkills reads "nice to have" / "desirable" / "a plus" / "preferred" headings and sentences in the
 *    job description and keeps those skills apart: they count for `weightedCoverage` at half weight and not
 *    at all for `coverage`. A résumé entry covers what it implies (PostgreSQL covers SQL).
 *
 * Known limits: only written forms the vocabulary lists are found, so paraphrases ("tuned the slow
 * queries" for query optimisation) and verbs ("trained new starters") are missed; a skill the job says it
 * does not need ("no SQL required") is still listed; guards read a window of words, not meaning.
 */
import {
  BUILT_IN_SKILLS,
  CONTEXT_WORDS,
  slugify,
  type SkillEntry,
  type SkillKind,
} from './skills-vocabulary.js';

export { BUILT_IN_SKILLS, slugify, type SkillEntry, type SkillKind };
export { parseEscoSkillsCsv, parseCsv } from './skills-esco.js';

export interface SkillSpan {
  id: string;
  label: string;
  kind: SkillKind;
  /** Offsets into the text; `text` is exactly text.slice(start, end). */
  start: number;
  end: number;
  text: string;
}

export interface SkillMatch {
  /** What the job asks for outside its nice-to-have parts, in order of first mention. */
  required: SkillEntry[];
  /** Required and shown by the résumé (directly or through what a résumé entry implies). */
  matched: SkillEntry[];
  /** Required and not shown: the gaps a recruiter would name. */
  missing: SkillEntry[];
  /** In the résumé and not asked for. */
  extra: SkillEntry[];
  /** matched / required, 0..1; null when the job names nothing required (no figure rather than 0 or 1). */
  coverage: number | null;
  /** Required at weight 1 and nice-to-have at weight ½; null when the job names nothing at all. */
  weightedCoverage: number | null;
  /** Skills under "nice to have", "desirable", "a plus", "preferred" (and not also required). */
  niceToHave: { all: SkillEntry[]; matched: SkillEntry[]; missing: SkillEntry[] };
}

// ---------------------------------------------------------------------------------------------------
// Tokens and keys

interface Token {
  key: string;
  /** The token as written, minus internal dots and apostrophes (for case-sensitive aliases). */
  surface: string;
  start: number;
  end: number;
  /** The gap before it may sit inside one alias (spaces, one line break, hyphen, slash). */
  softBefore: boolean;
  /** Joined to the previous token by a bare hyphen ("e-mail"). */
  gluedBefore: boolean;
}

// A leading dot only where it starts a word (".NET"); internal dots and apostrophes stay in one token
// ("Node.js", "master's"); "++", "+" and "#" close a token when nothing follows ("C++", "A+", "C#").
const TOKEN_RE =
  /(?:(?<![\p{L}\p{N}])\.(?=\p{L}))?[\p{L}\p{N}]+(?:[.'\u2019][\p{L}\p{N}]+)*(?:\+\+|[+#](?![\p{L}\p{N}]))?|&/gu;
const SOFT_GAP = /^[ \t\u00A0\-\u2010\u2011\u2013/()]*(?:\r?\n[ \t\u00A0]*)?$/u;
const HYPHEN_GAP = /^[-\u2010\u2011]$/u;

const keyCache = new Map<string, string>();

/** The matching key of one token as written. */
function keyOf(surface: string): string {
  let key = keyCache.get(surface);
  if (key !== undefined) return key;
  let s = surface.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  s = s.startsWith('.') ? '.' + s.slice(1).replace(/\./g, '') : s.replace(/\./g, '');
  s = s.replace(/['\u2019]/g, '');
  key = s === '&' ? 'and' : americanise(s);
  if (keyCache.size > 200_000) keyCache.clear();
  keyCache.set(surface, key);
  return key;
}

const WORD_SPELLINGS: Record<string, string> = {
  licence: 'license',
  licences: 'licenses',
  licenced: 'licensed',
  programme: 'program',
  programmes: 'programs',
  centre: 'center',
  centres: 'centers',
  theatre: 'theater',
  theatres: 'theaters',
  catalogue: 'catalog',
  dialogue: 'dialog',
  analogue: 'analog',
  defence: 'defense',
  offence: 'offense',
  practise: 'practice',
  modelling: 'modeling',
  modelled: 'modeled',
  travelling: 'traveling',
  labelling: 'labeling',
  counselling: 'counseling',
  counsellor: 'counselor',
  cancelling: 'canceling',
  levelling: 'leveling',
  signalling: 'signaling',
  fuelling: 'fueling',
  channelling: 'channeling',
  fulfil: 'fulfill',
  fulfilment: 'fulfillment',
  enrolment: 'enrollment',
  ageing: 'aging',
  judgement: 'judgment',
  grey: 'gray',
  tyre: 'tire',
  tyres: 'tires',
  aluminium: 'aluminum',
  despatch: 'dispatch',
};
const OUR_WORDS = /^(colo|behavio|labo|favo|hono|neighbo|harbo|humo|rumo|vapo|savo|endeavo|flavo)ur/;
const MEDICAL_AE = /^(paed|anaesth|haem|gynaec|orthopaed|oesoph|foet|haemat|leukaem|anaem|diarrhoe|oedem)/;

/** British spellings as American, so both sides of a match share one key. */
function americanise(word: string): string {
  const listed = WORD_SPELLINGS[word];
  if (listed !== undefined) return listed;
  if (word.length < 5) return word;
  let w = word;
  const our = OUR_WORDS.exec(w);
  if (our) w = our[1] + 'r' + w.slice(our[0].length);
  if (MEDICAL_AE.test(w)) w = w.replace(/^(\w*?)(ae|oe)/, (_m, a: string, b: string) => a + b.slice(1));
  // Both sides are rewritten alike, so over-applying ("advise" → "advize") costs nothing.
  w = w
    .replace(/isation(s?)$/, 'ization$1')
    .replace(/is(e|es|ed|ing|er|ers)$/, 'iz$1')
    .replace(/ys(e|es|ed|ing|er|ers)$/, 'yz$1');
  return w;
}

function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  let prevEnd = -1;
  for (const m of text.matchAll(TOKEN_RE)) {
    const raw = m[0];
    const start = m.index;
    const gap = prevEnd < 0 ? '' : text.slice(prevEnd, start);
    tokens.push({
      key: keyOf(raw),
      surface: surfaceOf(raw),
      start,
      end: start + raw.length,
      softBefore: prevEnd >= 0 && SOFT_GAP.test(gap),
      gluedBefore: prevEnd >= 0 && HYPHEN_GAP.test(gap),
    });
    prevEnd = start + raw.length;
  }
  return tokens;
}

const surfaceOf = (raw: string): string =>
  (raw.startsWith('.') ? '.' + raw.slice(1).replace(/\./g, '') : raw.replace(/\./g, '')).replace(
    /['\u2019]/g,
    '',
  );

/** The singular keys to try when a plural has no edge of its own. */
function singulars(key: string): string[] {
  if (key.length < 4 || !key.endsWith('s') || key.endsWith('ss') || key.endsWith('us') || key.endsWith('is'))
    return [];
  if (key.endsWith('ies')) return [key.slice(0, -3) + 'y'];
  if (/(?:ch|sh|x|ss|z)es$/.test(key)) return [key.slice(0, -2), key.slice(0, -1)];
  return [key.slice(0, -1)];
}

// ---------------------------------------------------------------------------------------------------
// The compiled vocabulary

interface Alias {
  entry: number;
  /** Surfaces to compare with when the alias is case-sensitive; null otherwise. */
  surfaces: string[] | null;
  context: ReadonlySet<string> | null;
}

const CONTEXT_SETS = new Map<string, ReadonlySet<string>>(
  Object.entries(CONTEXT_WORDS).map(([field, words]) => [field, new Set(words.map((w) => keyOf(w)))]),
);

/** Words a context guard looks at on each side of a match. */
const CONTEXT_WINDOW = 12;

/**
 * A vocabulary ready for matching. Build it once (compileVocabulary) and reuse it: compiling the built-in
 * vocabulary takes a few milliseconds, ESCO's a few hundred.
 */
export class SkillMatcher {
  readonly entries: readonly SkillEntry[];
  private readonly byId = new Map<string, SkillEntry>();
  /** Edges of the trie: `${node}\u0000${key}` → child node. Node 0 is the root. */
  private readonly edges = new Map<string, number>();
  private readonly terminals = new Map<number, Alias[]>();
  private nodes = 1;

  constructor(entries: readonly SkillEntry[]) {
    this.entries = entries;
    entries.forEach((entry, index) => {
      if (this.byId.has(entry.id)) return;
      this.byId.set(entry.id, entry);
      for (const alias of entry.aliases) this.add(alias, index);
    });
  }

  entry(id: string): SkillEntry | undefined {
    return this.byId.get(id);
  }

  private add(written: string, entry: number): void {
    let alias = written.trim();
    let context: ReadonlySet<string> | null = null;
    const at = /@(\w+)$/.exec(alias);
    if (at) {
      context = CONTEXT_SETS.get(at[1] as string) ?? null;
      if (context === null) throw new Error(`unknown context "@${at[1]}" in skill alias "${written}"`);
      alias = alias.slice(0, at.index);
    }
    let caseSensitive = alias.startsWith('=');
    if (caseSensitive) alias = alias.slice(1);
    const tokens = tokenise(alias);
    if (tokens.length === 0) return;
    const only = tokens.length === 1 ? (tokens[0] as Token) : null;
    if (only && /\p{L}/u.test(only.surface) && only.surface === only.surface.toUpperCase())
      caseSensitive = true;
    // One or two lower-case letters ("re", "ng" in imported labels) are never a skill on their own.
    if (only && !caseSensitive && only.key.replace(/[^\p{L}\p{N}]/gu, '').length <= 2) return;
    const ref: Alias = { entry, surfaces: caseSensitive ? tokens.map((t) => t.surface) : null, context };
    this.insert(
      tokens.map((t) => t.key),
      ref,
    );
    // "e-mail" also as "email", so that the closed form in a text finds it.
    if (tokens.some((t, i) => i > 0 && t.gluedBefore) && ref.surfaces === null) {
      const joined: string[] = [];
      tokens.forEach((t, i) => {
        if (i > 0 && t.gluedBefore) joined[joined.length - 1] += t.key;
        else joined.push(t.key);
      });
      this.insert(joined, { ...ref });
    }
  }

  private insert(keys: string[], ref: Alias): void {
    let node = 0;
    for (const key of keys) {
      const edge = `${node}\u0000${key}`;
      let next = this.edges.get(edge);
      if (next === undefined) {
        next = this.nodes++;
        this.edges.set(edge, next);
      }
      node = next;
    }
    const list = this.terminals.get(node);
    if (!list) this.terminals.set(node, [ref]);
    else if (!list.some((r) => r.entry === ref.entry && sameSurfaces(r.surfaces, ref.surfaces)))
      list.push(ref);
  }

  /** Spans of the text, longest first, without overlaps, sorted by start. */
  extract(text: string): SkillSpan[] {
    if (typeof text !== 'string' || text === '') return [];
    const tokens = tokenise(text);
    const candidates: Candidate[] = [];
    for (let i = 0; i < tokens.length; i++) this.walk(tokens, i, candidates);
    candidates.sort(
      (a, b) =>
        b.end - b.start - (a.end - a.start) || a.entry - b.entry || a.first - b.first || a.start - b.start,
    );
    const taken: boolean[] = new Array<boolean>(tokens.length).fill(false);
    const spans: SkillSpan[] = [];
    for (const c of candidates) {
      let free = true;
      for (let t = c.first; t <= c.last && free; t++) if (taken[t]) free = false;
      if (!free) continue;
      for (let t = c.first; t <= c.last; t++) taken[t] = true;
      const entry = this.entries[c.entry] as SkillEntry;
      spans.push({
        id: entry.id,
        label: entry.label,
        kind: entry.kind,
        start: c.start,
        end: c.end,
        text: text.slice(c.start, c.end),
      });
    }
    return spans.sort((a, b) => a.start - b.start);
  }

  /** Every alias that matches from token `first` on, as candidates. */
  private walk(tokens: Token[], first: number, out: Candidate[]): void {
    // Paths: (trie node, next token, surfaces read so far); a hyphenated pair may be read as one key.
    const stack: { node: number; next: number; read: string[] }[] = [{ node: 0, next: first, read: [] }];
    while (stack.length > 0) {
      const { node, next, read } = stack.pop() as { node: number; next: number; read: string[] };
      const token = tokens[next];
      if (token === undefined) continue;
      if (next > first && !token.softBefore) continue;
      const steps: { keys: string[]; surface: string; span: number }[] = [
        { keys: [token.key, ...singulars(token.key)], surface: token.surface, span: 1 },
      ];
      const after = tokens[next + 1];
      if (after?.gluedBefore)
        steps.push({
          keys: [token.key + after.key, ...singulars(token.key + after.key)],
          surface: token.surface + after.surface,
          span: 2,
        });
      for (const step of steps) {
        for (const key of step.keys) {
          const child = this.edges.get(`${node}\u0000${key}`);
          if (child === undefined) continue;
          const surfaces = [...read, step.surface];
          const lastToken = next + step.span - 1;
          const refs = this.terminals.get(child);
          if (refs)
            for (const ref of refs) {
              if (!this.accepts(ref, surfaces, tokens, first, lastToken)) continue;
              out.push({
                entry: ref.entry,
                first,
                last: lastToken,
                start: (tokens[first] as Token).start,
                end: (tokens[lastToken] as Token).end,
              });
            }
          stack.push({ node: child, next: lastToken + 1, read: surfaces });
          break; // the exact key found an edge: its singular is not tried as well
        }
      }
    }
  }

  private accepts(ref: Alias, surfaces: string[], tokens: Token[], first: number, last: number): boolean {
    if (ref.surfaces !== null) {
      if (ref.surfaces.length !== surfaces.length) return false;
      for (let k = 0; k < surfaces.length; k++) {
        const wanted = ref.surfaces[k] as string;
        const seen = surfaces[k] as string;
        if (seen === wanted || seen === wanted.toUpperCase()) continue;
        // "KPIs" for "KPI"
        if (seen.endsWith('s') && seen.slice(0, -1) === wanted) continue;
        return false;
      }
    }
    if (ref.context !== null) {
      const from = Math.max(0, first - CONTEXT_WINDOW);
      const to = Math.min(tokens.length - 1, last + CONTEXT_WINDOW);
      let found = false;
      for (let t = from; t <= to && !found; t++)
        if ((t < first || t > last) && ref.context.has((tokens[t] as Token).key)) found = true;
      if (!found) return false;
    }
    return true;
  }
}

interface Candidate {
  entry: number;
  first: number;
  last: number;
  start: number;
  end: number;
}

function sameSurfaces(a: string[] | null, b: string[] | null): boolean {
  if (a === null || b === null) return a === b;
  return a.length === b.length && a.every((s, i) => s === b[i]);
}

/**
 * Compiles vocabulary entries — the built-in ones, stored rows `{id, label, kind, aliases}` (such as an
 * imported ESCO set), or both merged — into a matcher. On a repeated id the first entry wins.
 */
export function compileVocabulary(entries: readonly SkillEntry[]): SkillMatcher {
  return new SkillMatcher(entries);
}

let builtIn: SkillMatcher | undefined;
/** The built-in vocabulary, compiled once. */
export function builtInMatcher(): SkillMatcher {
  builtIn ??= compileVocabulary(BUILT_IN_SKILLS);
  return builtIn;
}

const compiledLists = new WeakMap<readonly SkillEntry[], SkillMatcher>();
function matcherOf(vocab: SkillMatcher | readonly SkillEntry[] | undefined): SkillMatcher {
  if (vocab === undefined) return builtInMatcher();
  if (vocab instanceof SkillMatcher) return vocab;
  let compiled = compiledLists.get(vocab);
  if (!compiled) {
    compiled = compileVocabulary(vocab);
    compiledLists.set(vocab, compiled);
  }
  return compiled;
}

// ---------------------------------------------------------------------------------------------------
// Public functions

/** Every skill named in the text, as spans (longest match wins, no overlaps), sorted by start. */
export function extractSkills(text: string, vocab?: SkillMatcher | readonly SkillEntry[]): SkillSpan[] {
  return matcherOf(vocab).extract(text);
}

/** The entries named in the text, each once, in order of first mention. */
export function skillsOf(text: string, vocab?: SkillMatcher | readonly SkillEntry[]): SkillEntry[] {
  const matcher = matcherOf(vocab);
  const seen = new Map<string, SkillEntry>();
  for (const span of matcher.extract(text)) {
    if (!seen.has(span.id)) seen.set(span.id, matcher.entry(span.id) as SkillEntry);
  }
  return [...seen.values()];
}

/** Compares a job description with a résumé (DESIGN.md §2, practice 9). */
export function matchSkills(
  jobDescription: string,
  resume: string,
  vocab?: SkillMatcher | readonly SkillEntry[],
): SkillMatch {
  const matcher = matcherOf(vocab);
  const nice = niceToHaveRanges(jobDescription);
  const offered = offeredRanges(jobDescription);
  const required = new Map<string, SkillEntry>();
  const optional = new Map<string, SkillEntry>();
  for (const span of matcher.extract(jobDescription)) {
    const entry = matcher.entry(span.id) as SkillEntry;
    if (offered.some(([from, to]) => span.start >= from && span.end <= to)) continue;
    if (nice.some(([from, to]) => span.start >= from && span.end <= to)) {
      if (!required.has(entry.id)) optional.set(entry.id, entry);
    } else {
      required.set(entry.id, entry);
      optional.delete(entry.id);
    }
  }
  const shown = skillsOf(resume, matcher);
  const covered = implied(shown, matcher);
  const has = (e: SkillEntry): boolean => covered.has(e.id);
  const requiredList = [...required.values()];
  const niceList = [...optional.values()];
  const matched = requiredList.filter(has);
  const niceMatched = niceList.filter(has);
  const weightTotal = requiredList.length + niceList.length / 2;
  return {
    required: requiredList,
    matched,
    missing: requiredList.filter((e) => !has(e)),
    extra: shown.filter((e) => !required.has(e.id) && !optional.has(e.id)),
    coverage: requiredList.length === 0 ? null : matched.length / requiredList.length,
    weightedCoverage: weightTotal === 0 ? null : (matched.length + niceMatched.length / 2) / weightTotal,
    niceToHave: { all: niceList, matched: niceMatched, missing: niceList.filter((e) => !has(e)) },
  };
}

/** The ids the entries show, with everything they imply (transitively). */
function implied(entries: SkillEntry[], matcher: SkillMatcher): Set<string> {
  const ids = new Set<string>();
  const queue = entries.map((e) => e.id);
  while (queue.length > 0) {
    const id = queue.pop() as string;
    if (ids.has(id)) continue;
    ids.add(id);
    for (const next of matcher.entry(id)?.implies ?? []) queue.push(next);
  }
  return ids;
}

// ---------------------------------------------------------------------------------------------------
// Nice to have

const NICE_RE =
  /\b(?:nice[ -]to[ -]haves?|desirable|desired|a (?:big |real |huge )?(?:plus|bonus)|an advantage|advantageous|beneficial|preferred|preferable|bonus(?: points)?|ideally|not (?:essential|required|mandatory)|would be (?:great|nice|good|helpful|useful|handy|welcome)|optional|(?:good|great) to have)\b/i;
const BULLET_RE = /^(?:[-*\u2022\u25CF\u25AA\u2013\u2014>]|\d{1,2}[.)])\s+/u;

/**
 * The parts of a job description that are nice to have: a heading that says so ("Desirable", "Nice to
 * have:", "Bonus points if you have") covers what follows until the next heading or the next plain
 * paragraph; a line that starts "Preferred: …" covers itself; so does a sentence that says "is a plus".
 */
export function niceToHaveRanges(text: string): [number, number][] {
  return sectionRanges(text, NICE_RE, NICE_RE);
}

/** Headings over what the employer gives, not asks: benefits, "what we offer", "about us". */
const OFFER_HEADING_RE =
  /\b(?:what we offer|we offer|what you(?:'ll| will) get|benefits|perks|rewards?|why (?:join|work (?:for|with|at)) us|about us|about the (?:company|team|organi[sz]ation)|who we are|our (?:culture|values|story)|in return)\b/i;
/** A sentence that says what the employer gives ("You will receive a full induction"). */
const OFFER_SENTENCE_RE =
  /\b(?:we offer|we(?:'ll| will) (?:give|offer|provide|pay|support)|we support our (?:people|staff|team)|you(?:'ll| will) (?:receive|get|enjoy|be given)|benefits (?:include|package)|in return(?:,)? (?:we|you))\b/i;

/**
 * The parts of a job description about what the employer offers (benefits, induction, wellbeing) or
 * about the company: skills named there are not asked of the candidate.
 */
export function offeredRanges(text: string): [number, number][] {
  return sectionRanges(text, OFFER_HEADING_RE, OFFER_SENTENCE_RE);
}

function sectionRanges(text: string, headingRe: RegExp, sentenceRe: RegExp): [number, number][] {
  const ranges: [number, number][] = [];
  let inNice = false;
  let afterBlank = false;
  let offset = 0;
  for (const line of text.split('\n')) {
    const start = offset;
    const end = offset + line.length;
    offset = end + 1;
    const trimmed = line.trim();
    if (trimmed === '') {
      afterBlank = true;
      continue;
    }
    const bullet = BULLET_RE.test(trimmed);
    const words = trimmed.split(/\s+/).length;
    const heading =
      !bullet &&
      words <= 8 &&
      (trimmed.endsWith(':') || !/[.!?,;]$/.test(trimmed)) &&
      !/^[a-z]/.test(trimmed);
    const colon = trimmed.indexOf(':');
    if (heading) {
      inNice = headingRe.test(trimmed);
      if (inNice) ranges.push([start, end]);
    } else if (colon > 0 && colon < 60 && headingRe.test(trimmed.slice(0, colon))) {
      ranges.push([start, end]);
    } else if (inNice && (bullet || !afterBlank)) {
      ranges.push([start, end]);
    } else {
      inNice = false;
      for (const [from, to] of sentences(line)) {
        if (sentenceRe.test(line.slice(from, to))) ranges.push([start + from, start + to]);
      }
    }
    afterBlank = false;
  }
  return ranges;
}

function sentences(line: string): [number, number][] {
  const out: [number, number][] = [];
  let from = 0;
  for (const m of line.matchAll(/[.!?;](?=\s|$)/g)) {
    out.push([from, m.index + 1]);
    from = m.index + 1;
  }
  if (from < line.length) out.push([from, line.length]);
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Merging

/**
 * Built-in entries first and winning on conflicts: an extra entry with an id already taken, or whose label
 * names a built-in entry (ESCO's "JavaScript"), is left out; an extra alias that a built-in entry already
 * uses is dropped from the extra entry, so the built-in reading of that phrase stands.
 */
export function mergeVocabularies(
  builtIn: readonly SkillEntry[],
  extra: readonly SkillEntry[],
): SkillEntry[] {
  const ids = new Set(builtIn.map((e) => e.id));
  const phrases = new Set<string>();
  for (const entry of builtIn) for (const alias of entry.aliases) phrases.add(phraseKey(alias));
  const merged: SkillEntry[] = [...builtIn];
  for (const entry of extra) {
    if (ids.has(entry.id) || phrases.has(phraseKey(entry.label))) continue;
    const aliases = entry.aliases.filter((a) => !phrases.has(phraseKey(a)));
    if (aliases.length === 0) continue;
    ids.add(entry.id);
    merged.push({ ...entry, aliases });
  }
  return merged;
}

/** The words of a phrase as the matcher keys them, ignoring markers and case. */
function phraseKey(alias: string): string {
  const plain = alias.replace(/^=/, '').replace(/@\w+$/, '');
  return tokenise(plain)
    .map((t) => t.key)
    .join(' ');
}
