/**
 * Measures the feedback theme tagger against labelled feedback.
 *
 *   npx tsx scripts/eval-feedback.ts [FILE.jsonl ...]
 *   npm run eval:feedback        (test/data/feedback-own.jsonl and ../shared/corpus/feedback-dev.jsonl)
 *
 * Each line is {"id": "...", "text": "...", "themes": [...]}, where a theme is either an id of the closed
 * list (DESIGN.md §2) or {"theme": id, "polarity": "positive" | "negative"}; an empty list means the text
 * carries no theme. Scoring is theme-level per text, ignoring polarity: per-theme precision, recall and
 * F1, their macro average (over the themes that occur in the labels or the output) and the micro
 * average. Polarity accuracy is reported on the themes found correctly whose label has a polarity.
 * Prints every error. Exits 0 whatever the scores; exits 1 only when a file given cannot be read.
 */
import { existsSync, readFileSync } from 'node:fs';
import { FEEDBACK_THEMES, type FeedbackTheme } from '../src/domain/model.js';
import { tagFeedback } from '../src/text/feedback.js';

type Polarity = 'positive' | 'negative';

interface Example {
  id: string;
  text: string;
  /** Theme → labelled polarity (null when the label gives none). */
  themes: Map<FeedbackTheme, Polarity | null>;
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

const THEME_SET = new Set<string>(FEEDBACK_THEMES);
const isTheme = (x: unknown): x is FeedbackTheme => typeof x === 'string' && THEME_SET.has(x);

function load(file: string): Example[] {
  const examples: Example[] = [];
  readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .forEach((raw, i) => {
      if (raw.trim() === '') return;
      const where = `line ${i + 1}`;
      const value: unknown = JSON.parse(raw);
      if (typeof value !== 'object' || value === null) throw new Error(`${where}: not an object`);
      const { id, text, themes } = value as { id?: unknown; text?: unknown; themes?: unknown };
      if (typeof text !== 'string') throw new Error(`${where}: "text" must be a string`);
      if (!Array.isArray(themes)) throw new Error(`${where}: "themes" must be a list`);
      const labels = new Map<FeedbackTheme, Polarity | null>();
      for (const t of themes as unknown[]) {
        const theme = typeof t === 'object' && t !== null ? (t as { theme?: unknown }).theme : t;
        const polarity = typeof t === 'object' && t !== null ? (t as { polarity?: unknown }).polarity : null;
        if (!isTheme(theme)) throw new Error(`${where}: unknown theme ${JSON.stringify(theme)}`);
        labels.set(theme, polarity === 'positive' || polarity === 'negative' ? polarity : null);
      }
      examples.push({ id: typeof id === 'string' ? id : where, text, themes: labels });
    });
  return examples;
}

const ratio = (a: number, b: number): number => (b === 0 ? Number.NaN : a / b);
const f1 = (p: number, r: number): number =>
  Number.isNaN(p) || Number.isNaN(r) ? Number.NaN : p + r === 0 ? 0 : (2 * p * r) / (p + r);
const fmt = (x: number): string => (Number.isNaN(x) ? '   -' : x.toFixed(2).padStart(4));

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: string[]): string =>
    cells
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function evaluate(file: string, examples: Example[]): void {
  const counts = new Map<FeedbackTheme, Counts>(FEEDBACK_THEMES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
  let polarityChecked = 0;
  let polarityRight = 0;
  const errors: string[] = [];
  let elapsed = 0;
  let exact = 0;

  // Warm-up (the regular expressions are compiled lazily), so the timing below is steady-state.
  for (let i = 0; i < 3; i++) for (const ex of examples) tagFeedback(ex.text);
  for (const ex of examples) {
    const t0 = performance.now();
    const tags = tagFeedback(ex.text);
    elapsed += performance.now() - t0;
    const found = new Map<FeedbackTheme, { polarity: Polarity; cue: string }>();
    for (const tag of tags) if (!found.has(tag.theme)) found.set(tag.theme, tag);
    const problems: string[] = [];
    for (const theme of FEEDBACK_THEMES) {
      const c = counts.get(theme) as Counts;
      const got = found.get(theme);
      const want = ex.themes.get(theme);
      if (got && want !== undefined) {
        c.tp++;
        if (want !== null) {
          polarityChecked++;
          if (got.polarity === want) polarityRight++;
          else problems.push(`polarity ${theme}: labelled ${want}, found ${got.polarity} «${got.cue}»`);
        }
      } else if (got) {
        c.fp++;
        problems.push(`extra ${theme} (${got.polarity}) «${got.cue}»`);
      } else if (want !== undefined) {
        c.fn++;
        problems.push(`missed ${theme}${want ? ` (${want})` : ''}`);
      }
    }
    if (problems.every((p) => p.startsWith('polarity'))) exact++;
    if (problems.length > 0) {
      const text = ex.text.length > 200 ? `${ex.text.slice(0, 197)}...` : ex.text;
      errors.push(`  ${ex.id}: ${text}\n      ${problems.join('; ')}`);
    }
  }

  const rows: string[][] = [];
  const f1s: number[] = [];
  const total: Counts = { tp: 0, fp: 0, fn: 0 };
  for (const theme of FEEDBACK_THEMES) {
    const c = counts.get(theme) as Counts;
    total.tp += c.tp;
    total.fp += c.fp;
    total.fn += c.fn;
    const support = c.tp + c.fn;
    const p = ratio(c.tp, c.tp + c.fp);
    const r = ratio(c.tp, support);
    // A theme that occurs in neither the labels nor the output has no F1; one with output but no
    // label, or a label but no output, scores 0.
    const f = support === 0 && c.fp === 0 ? Number.NaN : f1(Number.isNaN(p) ? 0 : p, Number.isNaN(r) ? 0 : r);
    if (!Number.isNaN(f)) f1s.push(f);
    rows.push([theme, String(support), String(c.tp), String(c.fp), String(c.fn), fmt(p), fmt(r), fmt(f)]);
  }
  const macro = f1s.length === 0 ? Number.NaN : f1s.reduce((a, b) => a + b, 0) / f1s.length;
  const microP = ratio(total.tp, total.tp + total.fp);
  const microR = ratio(total.tp, total.tp + total.fn);

  const none = examples.filter((e) => e.themes.size === 0).length;
  console.log(`Feedback themes: ${file}`);
  console.log(
    `${examples.length} texts (${none} with no theme), ${[...counts.values()].reduce((a, c) => a + c.tp + c.fn, 0)} ` +
      `labelled themes; ${(elapsed / Math.max(1, examples.length)).toFixed(3)} ms per text after warm-up\n`,
  );
  console.log(table(['theme', 'support', 'tp', 'fp', 'fn', 'precision', 'recall', 'f1'], rows));
  console.log(
    `\nmacro-F1 ${fmt(macro).trim()} over ${f1s.length} themes · micro P ${fmt(microP).trim()} R ${fmt(microR).trim()} ` +
      `F1 ${fmt(f1(microP, microR)).trim()} · texts with exactly the labelled themes ${exact}/${examples.length}`,
  );
  console.log(
    `polarity accuracy on correctly found themes: ${polarityRight}/${polarityChecked}` +
      (polarityChecked > 0 ? ` (${fmt(polarityRight / polarityChecked).trim()})` : ' (no polarity labels)'),
  );
  console.log(`\nErrors: ${errors.length} texts`);
  for (const e of errors) console.log(e);
  console.log('');
}

function main(): void {
  const given = process.argv.slice(2);
  const files =
    given.length > 0 ? given : ['test/data/feedback-own.jsonl', '../shared/corpus/feedback-dev.jsonl'];
  for (const file of files) {
    if (given.length === 0 && file.startsWith('../shared/') && !existsSync(file)) {
      console.log(`${file} is absent: no dev-set figures.`);
      continue;
    }
    let examples: Example[];
    try {
      examples = load(file);
    } catch (err) {
      console.error(
        `eval-feedback: cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`,
      );
      process.exit(1);
    }
    evaluate(file, examples);
  }
}

main();
