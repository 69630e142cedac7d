/**
 * Measures the email classifier (src/text/classify.ts) against labelled emails.
 *
 *   npm run eval:inbox [-- FILE.jsonl]
 *   npx tsx scripts/eval-inbox.ts [FILE.jsonl]
 *
 * Each line is {"id", "label", "subject", "from", "body"} with an optional "thread" (earlier messages
 * of the same thread, oldest first, each {subject, from, body}). Without a FILE it measures
 * ../shared/corpus/emails-dev.jsonl (or says in one line that it is absent) and then always our own
 * test/data/emails-own.jsonl. For each set: per-class precision, recall and F1, macro-F1, the
 * confusion matrix, how the confidence bands fare, and every misclassified id with its predicted label.
 * Exits 0 whatever the scores; exits 1 only when a file cannot be read.
 */
import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EMAIL_CLASSES, type EmailClass } from '../src/domain/model.js';
import { classifyEmail, type Classification, type EmailText } from '../src/text/classify.js';

interface LabelledEmail extends EmailText {
  id: string;
  label: EmailClass;
  thread?: EmailText[];
}

const CLASS_SET = new Set<string>(EMAIL_CLASSES);
const DEV_SET = fileURLToPath(new URL('../../shared/corpus/emails-dev.jsonl', import.meta.url));
const OWN_SET = fileURLToPath(new URL('../test/data/emails-own.jsonl', import.meta.url));
/** Fixed "now" so dates without a year resolve the same way on every run. */
const EVAL_NOW = '2026-03-01T09:00:00Z';

function asText(value: unknown, where: string): EmailText {
  if (typeof value !== 'object' || value === null) throw new Error(`${where}: not an object`);
  const { subject, from, body } = value as { subject?: unknown; from?: unknown; body?: unknown };
  if (typeof body !== 'string') throw new Error(`${where}: "body" must be a string`);
  return {
    subject: typeof subject === 'string' ? subject : '',
    from: typeof from === 'string' ? from : null,
    body,
  };
}

function loadLabelledEmails(file: string): LabelledEmail[] {
  const emails: LabelledEmail[] = [];
  readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .forEach((raw, i) => {
      if (raw.trim() === '') return;
      const where = `line ${i + 1}`;
      const value: unknown = JSON.parse(raw);
      const text = asText(value, where);
      const { id, label, thread } = value as { id?: unknown; label?: unknown; thread?: unknown };
      if (typeof label !== 'string' || !CLASS_SET.has(label)) {
        throw new Error(`${where}: "label" must be one of ${EMAIL_CLASSES.join(', ')}`);
      }
      const email: LabelledEmail = {
        ...text,
        id: typeof id === 'string' ? id : `line-${i + 1}`,
        label: label as EmailClass,
      };
      if (Array.isArray(thread)) email.thread = thread.map((m, k) => asText(m, `${where} thread[${k}]`));
      emails.push(email);
    });
  return emails;
}

interface Evaluation {
  n: number;
  perClass: Record<EmailClass, { precision: number; recall: number; f1: number; support: number }>;
  macroF1: number;
  accuracy: number;
  /** confusion[actual][predicted] */
  confusion: Record<EmailClass, Record<EmailClass, number>>;
  errors: { id: string; actual: EmailClass; predicted: EmailClass; confidence: number; reasons: string[] }[];
  bands: { band: string; n: number; correct: number }[];
  microsPerEmail: number;
}

const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);

function evaluate(emails: LabelledEmail[]): Evaluation {
  const confusion = Object.fromEntries(
    EMAIL_CLASSES.map((a) => [a, Object.fromEntries(EMAIL_CLASSES.map((p) => [p, 0]))]),
  ) as Record<EmailClass, Record<EmailClass, number>>;
  const errors: Evaluation['errors'] = [];
  const bandDefs = [
    { band: '>= 0.8 (sure)', min: 0.8, max: 1.01 },
    { band: '0.6 - 0.8', min: 0.6, max: 0.8 },
    { band: '< 0.6 (review)', min: -1, max: 0.6 },
  ];
  const bands = bandDefs.map((b) => ({ band: b.band, n: 0, correct: 0 }));
  const options = { now: EVAL_NOW, timeZone: 'Europe/London' };
  const results = emails.map((email) => classifyEmail(email, options));
  // Speed: a second, warm pass (the first one includes compiling the regexes and the JIT).
  const t0 = performance.now();
  for (const email of emails) classifyEmail(email, options);
  const elapsed = performance.now() - t0;
  emails.forEach((email, i) => {
    const result = results[i] as Classification;
    confusion[email.label][result.label]++;
    const k = bandDefs.findIndex((b) => result.confidence >= b.min && result.confidence < b.max);
    const band = bands[k];
    if (band) {
      band.n++;
      if (result.label === email.label) band.correct++;
    }
    if (result.label !== email.label) {
      errors.push({
        id: email.id,
        actual: email.label,
        predicted: result.label,
        confidence: result.confidence,
        reasons: result.reasons,
      });
    }
  });
  const perClass = {} as Evaluation['perClass'];
  let f1Sum = 0;
  let correct = 0;
  for (const cls of EMAIL_CLASSES) {
    const tp = confusion[cls][cls];
    correct += tp;
    const predicted = EMAIL_CLASSES.reduce((s, a) => s + confusion[a][cls], 0);
    const support = EMAIL_CLASSES.reduce((s, p) => s + confusion[cls][p], 0);
    const precision = ratio(tp, predicted);
    const recall = ratio(tp, support);
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    perClass[cls] = { precision, recall, f1, support };
    f1Sum += f1;
  }
  return {
    n: emails.length,
    perClass,
    macroF1: f1Sum / EMAIL_CLASSES.length,
    accuracy: ratio(correct, emails.length),
    confusion,
    errors,
    bands,
    microsPerEmail: emails.length === 0 ? 0 : (elapsed * 1000) / emails.length,
  };
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

const f2 = (x: number): string => x.toFixed(2);
const SHORT: Record<EmailClass, string> = {
  application_received: 'received',
  interview: 'interview',
  rejection: 'rejection',
  offer: 'offer',
  other: 'other',
};

function report(title: string, ev: Evaluation): string {
  const out: string[] = [];
  out.push(`== ${title}: ${ev.n} emails ==`, '');
  out.push(
    table(
      ['class', 'precision', 'recall', 'F1', 'support'],
      EMAIL_CLASSES.map((c) => [
        c,
        f2(ev.perClass[c].precision),
        f2(ev.perClass[c].recall),
        f2(ev.perClass[c].f1),
        String(ev.perClass[c].support),
      ]),
    ),
  );
  const check = (ok: boolean): string => (ok ? 'met' : 'NOT met');
  const rejection = ev.perClass.rejection;
  out.push(
    '',
    `macro-F1 ${f2(ev.macroF1)}   accuracy ${f2(ev.accuracy)}   ${ev.microsPerEmail.toFixed(1)} µs/email (warm pass)`,
    `targets: rejection precision ${f2(rejection.precision)} >= 0.97 ${check(rejection.precision >= 0.97)}; ` +
      `rejection recall ${f2(rejection.recall)} >= 0.95 ${check(rejection.recall >= 0.95)}; ` +
      `macro-F1 ${f2(ev.macroF1)} >= 0.90 ${check(ev.macroF1 >= 0.9)}`,
    '',
  );
  out.push('Confusion matrix (rows: actual, columns: predicted)');
  out.push(
    table(
      ['actual \\ predicted', ...EMAIL_CLASSES.map((c) => SHORT[c])],
      EMAIL_CLASSES.map((a) => [a, ...EMAIL_CLASSES.map((p) => String(ev.confusion[a][p]))]),
    ),
  );
  out.push('', 'Confidence bands');
  out.push(
    table(
      ['confidence', 'emails', 'correct', 'accuracy'],
      ev.bands.map((b) => [b.band, String(b.n), String(b.correct), b.n === 0 ? '-' : f2(b.correct / b.n)]),
    ),
  );
  out.push('');
  if (ev.errors.length === 0) out.push('Misclassified: none');
  else {
    out.push(`Misclassified (${ev.errors.length}):`);
    for (const e of ev.errors) {
      out.push(
        `  ${e.id}: ${e.actual} -> ${e.predicted} (${f2(e.confidence)})  ${e.reasons.slice(0, 2).join('; ')}`,
      );
    }
  }
  return out.join('\n');
}

function run(file: string, title: string): boolean {
  let emails: LabelledEmail[];
  try {
    emails = loadLabelledEmails(file);
  } catch (err) {
    console.error(`eval-inbox: cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`);
    return false;
  }
  console.log(report(`${title} (${relative(process.cwd(), file)})`, evaluate(emails)));
  console.log('');
  return true;
}

function main(): void {
  const file = process.argv[2];
  let ok = true;
  if (file) ok = run(file, 'Given set');
  else {
    if (existsSync(DEV_SET)) ok = run(DEV_SET, 'Dev set') && ok;
    else
      console.log(
        `Dev set ${relative(process.cwd(), DEV_SET)} is absent: measuring our own examples only.\n`,
      );
    ok = run(OWN_SET, 'Own examples') && ok;
  }
  if (!ok) process.exit(1);
}

main();
