/**
 * Measures the tone check against a labelled file of sentences.
 *
 *   npx tsx scripts/eval-tone.ts [FILE.jsonl]      (default: test/data/tone-sentences.jsonl)
 *   npm run eval:tone
 *
 * Each line is {"text": "...", "kinds": ["anger", ...]}; an empty list means the sentence is kind and
 * must not be flagged. Prints per-kind precision, recall and F1, the overall "flagged vs. not
 * flagged" figures (positive class: should be flagged; a sentence counts as flagged when any issue is
 * found), and every error. Exits 0 whatever the scores; exits 1 only when the file cannot be read.
 */
import { readFileSync } from 'node:fs';
import { TONE_ISSUE_KINDS, checkTone, type ToneIssueKind } from '../src/text/tone.js';

interface Example {
  line: number;
  text: string;
  kinds: ToneIssueKind[];
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

const KIND_SET = new Set<string>(TONE_ISSUE_KINDS);

function load(file: string): Example[] {
  const examples: Example[] = [];
  readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .forEach((raw, i) => {
      if (raw.trim() === '') return;
      const value: unknown = JSON.parse(raw);
      if (typeof value !== 'object' || value === null) throw new Error(`line ${i + 1}: not an object`);
      const { text, kinds } = value as { text?: unknown; kinds?: unknown };
      if (typeof text !== 'string') throw new Error(`line ${i + 1}: "text" must be a string`);
      if (!Array.isArray(kinds) || !kinds.every((k): k is ToneIssueKind => KIND_SET.has(String(k)))) {
        throw new Error(`line ${i + 1}: "kinds" must list issue kinds (${TONE_ISSUE_KINDS.join(', ')})`);
      }
      examples.push({ line: i + 1, text, kinds });
    });
  return examples;
}

const ratio = (a: number, b: number): number => (b === 0 ? Number.NaN : a / b);
const f1 = (p: number, r: number): number => (p + r === 0 ? 0 : (2 * p * r) / (p + r));
const fmt = (x: number): string => (Number.isNaN(x) ? '   -' : x.toFixed(2).padStart(4));

function table(header: string[], rows: string[][], rightAligned: Set<number>): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: string[]): string =>
    cells
      .map((cell, c) => (rightAligned.has(c) ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(header), rule, ...rows.map(line)].join('\n');
}

function main(): void {
  const file = process.argv[2] ?? 'test/data/tone-sentences.jsonl';
  let examples: Example[];
  try {
    examples = load(file);
  } catch (err) {
    console.error(`eval-tone: cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }

  const perKind = new Map<ToneIssueKind, Counts>(
    TONE_ISSUE_KINDS.map((k) => [k, { tp: 0, fp: 0, fn: 0, tn: 0 }]),
  );
  const overall: Counts = { tp: 0, fp: 0, fn: 0, tn: 0 };
  const falsePositives: string[] = [];
  const falseNegatives: string[] = [];
  const kindErrors: string[] = [];
  let elapsed = 0;

  for (const ex of examples) checkTone(ex.text); // warm-up, so the timing below is steady-state
  for (const ex of examples) {
    const t0 = performance.now();
    const report = checkTone(ex.text);
    elapsed += performance.now() - t0;
    const found = new Set(report.issues.map((i) => i.kind));
    const expected = new Set(ex.kinds);
    for (const kind of TONE_ISSUE_KINDS) {
      const c = perKind.get(kind) as Counts;
      if (found.has(kind) && expected.has(kind)) c.tp++;
      else if (found.has(kind)) c.fp++;
      else if (expected.has(kind)) c.fn++;
      else c.tn++;
    }
    const flagged = found.size > 0;
    const shouldFlag = expected.size > 0;
    const marks = report.issues.map((i) => `${i.kind} «${i.text}»`).join('; ');
    if (flagged && shouldFlag) overall.tp++;
    else if (flagged) {
      overall.fp++;
      falsePositives.push(`  line ${ex.line}: ${ex.text}\n      found: ${marks}`);
    } else if (shouldFlag) {
      overall.fn++;
      falseNegatives.push(`  line ${ex.line}: ${ex.text}\n      expected: ${[...expected].join(', ')}`);
    } else overall.tn++;
    if (flagged && shouldFlag) {
      const missing = [...expected].filter((k) => !found.has(k));
      const extra = [...found].filter((k) => !expected.has(k));
      if (missing.length > 0 || extra.length > 0) {
        kindErrors.push(
          `  line ${ex.line}: ${ex.text}\n      expected: ${[...expected].join(', ')}; found: ${marks}`,
        );
      }
    }
  }

  const kindCount = examples.filter((e) => e.kinds.length === 0).length;
  console.log(`Tone check evaluation: ${file}`);
  console.log(
    `${examples.length} sentences: ${examples.length - kindCount} should be flagged, ${kindCount} kind; ` +
      `${(elapsed / Math.max(1, examples.length)).toFixed(3)} ms per item after warm-up\n`,
  );

  const kindRows: string[][] = [];
  for (const kind of TONE_ISSUE_KINDS) {
    const c = perKind.get(kind) as Counts;
    const support = c.tp + c.fn;
    if (support === 0 && c.fp === 0) continue;
    const p = ratio(c.tp, c.tp + c.fp);
    const r = ratio(c.tp, support);
    kindRows.push([
      kind,
      String(support),
      String(c.tp),
      String(c.fp),
      String(c.fn),
      fmt(p),
      fmt(r),
      fmt(Number.isNaN(p) || Number.isNaN(r) ? Number.NaN : f1(p, r)),
    ]);
  }
  console.log('Per kind (a sentence may carry several kinds)');
  console.log(
    table(
      ['kind', 'support', 'tp', 'fp', 'fn', 'precision', 'recall', 'f1'],
      kindRows,
      new Set([1, 2, 3, 4, 5, 6, 7]),
    ),
  );

  const p = ratio(overall.tp, overall.tp + overall.fp);
  const r = ratio(overall.tp, overall.tp + overall.fn);
  const accuracy = ratio(overall.tp + overall.tn, examples.length);
  console.log('\nOverall: flagged vs. not flagged (positive = should be flagged)');
  console.log(
    table(
      ['tp', 'fp', 'fn', 'tn', 'precision', 'recall', 'f1', 'accuracy'],
      [
        [
          String(overall.tp),
          String(overall.fp),
          String(overall.fn),
          String(overall.tn),
          fmt(p),
          fmt(r),
          fmt(f1(p, r)),
          fmt(accuracy),
        ],
      ],
      new Set([0, 1, 2, 3, 4, 5, 6, 7]),
    ),
  );

  console.log(`\nFalse positives (kind sentences flagged): ${falsePositives.length}`);
  for (const e of falsePositives) console.log(e);
  console.log(`\nFalse negatives (unkind sentences not flagged): ${falseNegatives.length}`);
  for (const e of falseNegatives) console.log(e);
  console.log(`\nFlagged, but with the wrong or extra kinds: ${kindErrors.length}`);
  for (const e of kindErrors) console.log(e);
}

main();
