/**
 * Measures the skill extractor on SkillSpan (Zhang, Jensen, Sonniks, Plank; NAACL 2022; MIT), next to the
 * published JobBERT+CRF span-F1 (≈0.54 skills, ≈0.65 knowledge, strict, test sets).
 *
 *   npm run eval:skills           (../shared/benchmarks/skillspan/skillspan_{house,tech}_test.conll)
 *   npx tsx scripts/eval-skills.ts --dev     (the dev sets instead: look at these, never tune on test)
 *
 * CoNLL: token, skill BIO tag (column 2), knowledge BIO tag (column 3); a blank line between sentences.
 * Each sentence is rebuilt as its tokens joined by single spaces, the extractor runs on it, and its
 * character spans become token spans. Our kinds map to SkillSpan's: 'skill' → Skill, every other kind
 * (tool, knowledge, qualification, licence, certification) → Knowledge.
 *
 * Strict: same tokens and same type. Partial: any overlap and the same type (precision over predicted
 * spans that overlap a gold one, recall over gold spans that a prediction overlaps). "Both" is the micro
 * average of the two types. Runs with the built-in vocabulary, and with ESCO merged when
 * ../shared/taxonomy holds the ESCO zip. Skips with one line when ../shared is absent. Exits 0.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readEscoSkills } from '../src/files/esco.js';
import {
  BUILT_IN_SKILLS,
  compileVocabulary,
  mergeVocabularies,
  type SkillMatcher,
} from '../src/text/skills.js';

type SpanType = 'Skill' | 'Knowledge';
const TYPES: SpanType[] = ['Skill', 'Knowledge'];

interface Span {
  type: SpanType;
  /** Token indices, inclusive. */
  first: number;
  last: number;
}

interface Sentence {
  text: string;
  /** Character offsets of each token in text. */
  offsets: [number, number][];
  gold: Span[];
}

const SHARED = fileURLToPath(new URL('../../shared/', import.meta.url));
const SKILLSPAN = `${SHARED}benchmarks/skillspan/`;
const ESCO_ZIP = `${SHARED}taxonomy/esco-v1.1.1-classification-en-csv.zip`;
const PUBLISHED = { Skill: 0.54, Knowledge: 0.65 } as const;

function spansOf(tags: string[], type: SpanType): Span[] {
  const spans: Span[] = [];
  let open: Span | null = null;
  tags.forEach((tag, i) => {
    // An I- without a B- before it starts a span, as seqeval reads it.
    if (tag.startsWith('B-') || (tag.startsWith('I-') && open === null)) {
      if (open) spans.push(open);
      open = { type, first: i, last: i };
    } else if (tag.startsWith('I-') && open) {
      open.last = i;
    } else {
      if (open) spans.push(open);
      open = null;
    }
  });
  if (open) spans.push(open);
  return spans;
}

function load(file: string): Sentence[] {
  const sentences: Sentence[] = [];
  let rows: string[][] = [];
  const flush = (): void => {
    if (rows.length === 0) return;
    const tokens = rows.map((r) => r[0] ?? '');
    const offsets: [number, number][] = [];
    let text = '';
    for (const token of tokens) {
      if (text !== '') text += ' ';
      offsets.push([text.length, text.length + token.length]);
      text += token;
    }
    const gold = [
      ...spansOf(
        rows.map((r) => r[1] ?? 'O'),
        'Skill',
      ),
      ...spansOf(
        rows.map((r) => r[2] ?? 'O'),
        'Knowledge',
      ),
    ];
    sentences.push({ text, offsets, gold });
    rows = [];
  };
  for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
    if (line.trim() === '') flush();
    else rows.push(line.split('\t'));
  }
  flush();
  return sentences;
}

function predict(sentence: Sentence, matcher: SkillMatcher): Span[] {
  const spans: Span[] = [];
  for (const found of matcher.extract(sentence.text)) {
    let first = -1;
    let last = -1;
    sentence.offsets.forEach(([start, end], i) => {
      if (start < found.end && end > found.start) {
        if (first < 0) first = i;
        last = i;
      }
    });
    if (first >= 0) spans.push({ type: found.kind === 'skill' ? 'Skill' : 'Knowledge', first, last });
  }
  return spans;
}

interface Counts {
  predicted: number;
  gold: number;
  strict: number;
  partialPredicted: number;
  partialGold: number;
}
const zero = (): Counts => ({ predicted: 0, gold: 0, strict: 0, partialPredicted: 0, partialGold: 0 });
const overlaps = (a: Span, b: Span): boolean => a.type === b.type && a.first <= b.last && b.first <= a.last;

function score(
  sentences: Sentence[],
  matcher: SkillMatcher,
): { counts: Record<SpanType, Counts>; ms: number } {
  const counts: Record<SpanType, Counts> = { Skill: zero(), Knowledge: zero() };
  const t0 = performance.now();
  const predictions = sentences.map((s) => predict(s, matcher));
  const ms = performance.now() - t0;
  sentences.forEach((sentence, i) => {
    const predicted = predictions[i] as Span[];
    for (const type of TYPES) {
      const p = predicted.filter((s) => s.type === type);
      const g = sentence.gold.filter((s) => s.type === type);
      const c = counts[type];
      c.predicted += p.length;
      c.gold += g.length;
      c.strict += p.filter((x) => g.some((y) => x.first === y.first && x.last === y.last)).length;
      c.partialPredicted += p.filter((x) => g.some((y) => overlaps(x, y))).length;
      c.partialGold += g.filter((y) => p.some((x) => overlaps(x, y))).length;
    }
  });
  return { counts, ms };
}

const add = (a: Counts, b: Counts): Counts => ({
  predicted: a.predicted + b.predicted,
  gold: a.gold + b.gold,
  strict: a.strict + b.strict,
  partialPredicted: a.partialPredicted + b.partialPredicted,
  partialGold: a.partialGold + b.partialGold,
});
const ratio = (a: number, b: number): number => (b === 0 ? Number.NaN : a / b);
const f1 = (p: number, r: number): number =>
  Number.isNaN(p) || Number.isNaN(r) ? Number.NaN : p + r === 0 ? 0 : (2 * p * r) / (p + r);
const fmt = (x: number): string => (Number.isNaN(x) ? '   -' : x.toFixed(2).padStart(4));

function row(name: string, c: Counts, published: number | null): string[] {
  const sp = ratio(c.strict, c.predicted);
  const sr = ratio(c.strict, c.gold);
  const pp = ratio(c.partialPredicted, c.predicted);
  const pr = ratio(c.partialGold, c.gold);
  return [
    name,
    String(c.gold),
    String(c.predicted),
    fmt(sp),
    fmt(sr),
    fmt(f1(sp, sr)),
    fmt(pp),
    fmt(pr),
    fmt(f1(pp, pr)),
    published === null ? '' : published.toFixed(2),
  ];
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: string[]): string =>
    cells
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

async function main(): Promise<void> {
  if (!existsSync(SKILLSPAN)) {
    console.log(`eval:skills skipped: ${SKILLSPAN} is absent (SkillSpan lives in ../shared/benchmarks)`);
    return;
  }
  const split = process.argv.includes('--dev') ? 'dev' : 'test';
  const sets = ['house', 'tech'].map((name) => ({
    name,
    sentences: load(`${SKILLSPAN}skillspan_${name}_${split}.conll`),
  }));

  const vocabularies: { name: string; matcher: SkillMatcher }[] = [
    { name: `built-in (${BUILT_IN_SKILLS.length} entries)`, matcher: compileVocabulary(BUILT_IN_SKILLS) },
  ];
  if (existsSync(ESCO_ZIP)) {
    const esco = await readEscoSkills(ESCO_ZIP);
    vocabularies.push({
      name: `built-in + ESCO 1.1.1 (${BUILT_IN_SKILLS.length} + ${esco.length} entries)`,
      matcher: compileVocabulary(mergeVocabularies(BUILT_IN_SKILLS, esco)),
    });
  } else console.log(`ESCO run skipped: ${ESCO_ZIP} is absent`);

  console.log(
    `SkillSpan ${split} sets: ${sets.map((s) => `${s.name} ${s.sentences.length} sentences`).join(', ')}`,
  );
  console.log('Span precision / recall / F1; strict = exact tokens, partial = any overlap; same type.\n');
  const header = ['', 'gold', 'found', 'P', 'R', 'F1', 'P~', 'R~', 'F1~', 'JobBERT F1'];
  for (const { name, matcher } of vocabularies) {
    const rows: string[][] = [];
    const overall: Record<SpanType, Counts> = { Skill: zero(), Knowledge: zero() };
    let ms = 0;
    let count = 0;
    for (const set of sets) {
      const result = score(set.sentences, matcher);
      ms += result.ms;
      count += set.sentences.length;
      for (const type of TYPES) {
        overall[type] = add(overall[type], result.counts[type]);
        rows.push(row(`${set.name} ${type}`, result.counts[type], null));
      }
      rows.push(row(`${set.name} both`, add(result.counts.Skill, result.counts.Knowledge), null));
    }
    for (const type of TYPES)
      rows.push(row(`all ${type}`, overall[type], split === 'test' ? PUBLISHED[type] : null));
    rows.push(row('all both', add(overall.Skill, overall.Knowledge), null));
    console.log(`${name}: ${count} sentences in ${ms.toFixed(0)} ms`);
    console.log(table(header, rows));
    console.log('');
  }
  console.log(
    'JobBERT F1: JobBERT+CRF, strict span F1 on the test sets (Zhang et al., NAACL 2022), a model trained on SkillSpan.',
  );
}

await main();
