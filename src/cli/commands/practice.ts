import { writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { invalidInput } from '../../domain/errors.js';
import { RUBRIC, type RubricScores } from '../../domain/practice.js';
import {
  practicePlan,
  practiceProgress,
  practiceQuestions,
  practiceStarCheck,
  recordPracticeAttempt,
  type AttemptResult,
  type Context,
  type PracticePlanView,
  type PracticeProgressView,
} from '../../services/index.js';
import type { StarCheck } from '../../text/star.js';
import { friendSheetHtml } from '../friend-sheet.js';
import { shortDate, table, when } from '../format.js';
import { printJson, readTextFile, withContext, type CliIo, type GlobalOptions } from '../session.js';

type Opts = GlobalOptions & Record<string, unknown>;

const label = (id: string): string => id.replace(/_/g, ' ');
const duration = (seconds: number): string =>
  `${Math.floor(seconds / 60)}:${String(Math.round(seconds % 60)).padStart(2, '0')}`;

/** "structure=4,evidence=3" → { structure: 4, evidence: 3 }; the service checks names and values. */
export function parseScores(text: string): Record<string, number | string> {
  const out: Record<string, number | string> = {};
  for (const part of text.split(',')) {
    const item = part.trim();
    if (!item) continue;
    const m = /^([a-z_]+)\s*[=:]\s*(\S+)$/i.exec(item);
    if (!m)
      throw invalidInput(`--scores: write criterion=score pairs, e.g. structure=4,evidence=3; not "${item}"`);
    out[m[1]!.toLowerCase()] = /^\d+$/.test(m[2]!) ? Number(m[2]) : m[2]!;
  }
  return out;
}

export function formatPlan(plan: PracticePlanView, timeZone: string): string {
  const out: string[] = [
    `This week's practice: ${plan.items.length} question${plan.items.length === 1 ? '' : 's'}`,
  ];
  const open = plan.themes.filter((t) => t.open);
  for (const t of open) {
    const where = [...new Set(t.raisedBy.map((r) => r.company))].join(', ');
    out.push(`  Working on: ${t.label} (feedback in ${t.applications} applications: ${where})`);
  }
  for (const t of plan.themes.filter((x) => x.met))
    out.push(`  Met: ${t.label}: three good answers in a row. Well done.`);
  for (const iv of plan.interviews)
    out.push(`  Interview: ${iv.role} at ${iv.company}, ${when(iv.at, timeZone)}`);
  plan.items.forEach((item, i) => {
    out.push('', `${String(i + 1).padStart(2)}. ${item.question.text}`);
    out.push(`    Why: ${item.reason.text}`);
    out.push(`    A strong answer: ${item.question.strong}`);
    const last =
      item.lastRating !== null && item.lastAt
        ? `last rated ${item.lastRating}/5 on ${shortDate(item.lastAt, timeZone)}${item.due ? `, due again ${shortDate(item.due, timeZone)}` : ''}`
        : 'not answered yet';
    out.push(`    ${item.question.id} · ${label(item.question.family)} · ${last}`);
  });
  if (plan.items.length > 0)
    out.push(
      '',
      'Practise on a terminal: onward practice   (or record one: onward practice answer <id> --rating 4)',
    );
  return `${out.join('\n')}\n`;
}

export function formatStar(c: StarCheck): string {
  const mark = (b: boolean) => (b ? '✓' : '✗');
  const lines = [
    `STAR: situation ${mark(c.situation.present)}  task ${mark(c.task.present)}  action ${mark(c.action.present)}  result ${mark(c.result.present)}`,
    `  Measurable result: ${c.measurableResult ? 'yes' : 'no'} · one real occasion: ${c.specificExample ? 'yes' : 'no'}`,
    `  ${c.words} words, about ${duration(c.estimatedSeconds)} spoken · fillers: ${c.fillerCount}${
      c.fillers.length ? ` (${c.fillers.map((f) => `${f.word} ×${f.count}`).join(', ')})` : ''
    }`,
  ];
  for (const tip of c.tips) lines.push(`  • ${tip}`);
  return `${lines.join('\n')}\n`;
}

export function formatProgress(p: PracticeProgressView, timeZone: string): string {
  const out = [
    `Practice: ${p.totals.attempts} answers to ${p.totals.questions} questions (${p.totals.lastSevenDays} in the last 7 days, ${p.totals.byFriend} rated by a friend)`,
  ];
  if (p.themes.length === 0) out.push('Nothing practised yet: onward practice plan shows where to start.');
  else
    out.push(
      '',
      table(
        ['theme', 'answers', 'average', 'trend', 'by week (average)', 'status'],
        p.themes.map((t) => [
          t.label,
          String(t.attempts),
          t.averageRating === null ? '—' : String(t.averageRating),
          t.trend ?? '—',
          t.weeks
            .slice(-4)
            .map((w) => `${w.week.slice(5)} ${w.averageRating ?? '—'}`)
            .join(' · ') || '—',
          t.met ? 'met' : t.open ? 'working on it' : t.applications > 0 ? 'raised once' : '',
        ]),
        [26, 7, 7, 9, 40, 14],
      ),
    );
  for (const t of p.themes.filter((x) => x.raisedBy.length > 0)) {
    out.push('', `${t.label}: raised by feedback from`);
    for (const r of t.raisedBy.slice(-4))
      out.push(`  ${r.company} (${r.role}), ${shortDate(r.at, timeZone)}: “${r.sentence}”`);
  }
  return `${out.join('\n')}\n`;
}

function savedLine(r: AttemptResult, timeZone: string): string {
  const who = r.attempt.ratedBy === 'friend' ? ` by ${r.attempt.raterName ?? 'a friend'}` : '';
  return `Saved: rated ${r.attempt.rating}/5${who}. It comes back ${shortDate(r.card.due, timeZone)}.\n`;
}

// ---------------------------------------------------------------------------------------------------
// The interactive session

export interface Asker {
  ask(prompt: string): Promise<string>;
  close(): void;
}

function terminalAsker(): Asker {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  return { ask: (prompt) => rl.question(prompt), close: () => rl.close() };
}

async function askScore(asker: Asker, prompt: string, allowEmpty: boolean): Promise<number | null> {
  for (;;) {
    const raw = (await asker.ask(prompt)).trim();
    if (raw === '' && allowEmpty) return null;
    if (/^[1-5]$/.test(raw)) return Number(raw);
    if (raw.toLowerCase() === 'q') throw new SessionStopped();
  }
}

class SessionStopped extends Error {}

/**
 * A run through the week's plan at a terminal: the question and what a strong answer shows, a clock
 * while the seeker answers out loud and types notes, the STAR check of the notes, a score per rubric
 * criterion, and the answer saved. `clock` is milliseconds (Date.now), passed so tests can drive it.
 */
export async function practiceSession(
  ctx: Context,
  io: CliIo,
  asker: Asker,
  clock: () => number = Date.now,
): Promise<number> {
  const plan = await practicePlan(ctx);
  if (plan.items.length === 0) {
    io.out('Nothing to practise this week. Well done.\n');
    return 0;
  }
  io.out(
    `${plan.items.length} questions this week. Answer out loud as in an interview (about two minutes); type notes as you go.\n` +
      'At each prompt: Enter to go on, s to skip a question, q to stop.\n',
  );
  let saved = 0;
  try {
    for (const [i, item] of plan.items.entries()) {
      io.out(`\n── ${i + 1} of ${plan.items.length} ──\n${item.question.text}\n`);
      io.out(`Why: ${item.reason.text}\nA strong answer: ${item.question.strong}\n`);
      const go = (await asker.ask('Enter to start the clock (s skip, q stop): ')).trim().toLowerCase();
      if (go === 'q') break;
      if (go === 's') continue;
      const started = clock();
      io.out('Clock running. Type notes; an empty line stops the clock.\n');
      const notes: string[] = [];
      for (;;) {
        const line = await asker.ask('> ');
        if (line.trim() === '') break;
        notes.push(line);
      }
      const seconds = Math.max(0, Math.round((clock() - started) / 1000));
      const answer = notes.join('\n');
      io.out(`Time: ${duration(seconds)}\n`);
      if (answer.trim()) io.out(formatStar(practiceStarCheck(answer)));
      io.out('Rate the answer, 1 (weak) to 5 (strong); Enter leaves a criterion out.\n');
      const scores: RubricScores = {};
      for (const c of RUBRIC) {
        io.out(`  ${c.label}: 1 ${c.levels[1]} | 3 ${c.levels[3]} | 5 ${c.levels[5]}\n`);
        const s = await askScore(asker, `  ${c.label} [1-5]: `, true);
        if (s !== null) scores[c.id] = s;
      }
      const rating =
        Object.keys(scores).length === 0 ? await askScore(asker, 'Overall [1-5]: ', false) : undefined;
      const result = await recordPracticeAttempt(ctx, {
        questionId: item.question.id,
        scores,
        ...(rating !== undefined ? { rating } : {}),
        answer: answer || null,
        seconds,
      });
      saved++;
      io.out(savedLine(result, ctx.user.timeZone));
    }
  } catch (err) {
    if (!(err instanceof SessionStopped)) throw err;
  } finally {
    asker.close();
  }
  io.out(
    saved === 0
      ? 'Nothing saved this time. The plan is here when you are ready.\n'
      : `${saved} answer${saved === 1 ? '' : 's'} saved. Practice is how it gets easier.\n`,
  );
  return saved;
}

// ---------------------------------------------------------------------------------------------------

export function registerPracticeCommands(
  program: Command,
  io: CliIo,
  makeAsker: () => Asker = terminalAsker,
): void {
  const practice = program
    .command('practice')
    .description(
      'interview practice aimed at what the feedback said; on a terminal, a session through the plan',
    )
    .action(async (_o, cmd: Command) => {
      const o = cmd.optsWithGlobals<Opts>();
      await withContext(o, io, async (ctx) => {
        if (o.json || !io.isTty || !process.stdin.isTTY) {
          const plan = await practicePlan(ctx);
          if (o.json) return printJson(io, plan);
          io.out(formatPlan(plan, ctx.user.timeZone));
          return;
        }
        await practiceSession(ctx, io, makeAsker());
      });
    });

  practice
    .command('questions')
    .description('the question bank, by feedback theme or family')
    .option('--theme <theme>', 'a feedback theme, e.g. examples_evidence')
    .option(
      '--family <family>',
      'behavioural, situational, common, motivation, role, ask_interviewer, or a job family (software, healthcare, …)',
    )
    .action(async (_o, cmd: Command) => {
      const o = cmd.optsWithGlobals<Opts>();
      const questions = practiceQuestions({ theme: o.theme, family: o.family });
      if (o.json) return printJson(io, { questions });
      if (questions.length === 0) return io.out('No question matches.\n');
      io.out(
        `${table(
          ['id', 'family', 'question'],
          questions.map((q) => [q.id, label(q.roleFamily ?? q.family), q.text]),
          [34, 18, 90],
        )}\n${questions.length} question${questions.length === 1 ? '' : 's'}\n`,
      );
    });

  practice
    .command('plan')
    .description("this week's questions and why each is there")
    .option('--size <n>', 'how many questions (default 7)')
    .action(async (_o, cmd: Command) => {
      const o = cmd.optsWithGlobals<Opts>();
      await withContext(o, io, async (ctx) => {
        const plan = await practicePlan(ctx, { size: o.size });
        if (o.json) return printJson(io, plan);
        io.out(formatPlan(plan, ctx.user.timeZone));
      });
    });

  practice
    .command('answer <questionId>')
    .description('record an answer and its rating (yours, or a friend’s after a mock interview)')
    .option('--rating <1-5>', 'the overall rating')
    .option('--scores <list>', 'rubric scores, e.g. structure=4,evidence=3,result=4,relevance=4,delivery=3')
    .option('--answer <text>', 'your answer or notes')
    .option('--seconds <n>', 'how long the answer took')
    .option('--rated-by <who>', 'self (default) or friend')
    .option('--rater <name>', "the friend's name")
    .action(async (questionId: string, _o, cmd: Command) => {
      const o = cmd.optsWithGlobals<Opts>();
      const scores = typeof o.scores === 'string' ? parseScores(o.scores) : undefined;
      await withContext(o, io, async (ctx) => {
        const r = await recordPracticeAttempt(ctx, {
          questionId,
          rating: o.rating,
          scores,
          answer: o.answer,
          seconds: o.seconds,
          ratedBy: o.ratedBy,
          raterName: o.rater,
        });
        if (o.json) return printJson(io, r);
        io.out(savedLine(r, ctx.user.timeZone));
      });
    });

  practice
    .command('star [file]')
    .description('the STAR check of an answer: a text file, or --text')
    .option('--text <answer>', 'the answer as text')
    .action(async (file: string | undefined, _o, cmd: Command) => {
      const o = cmd.optsWithGlobals<Opts>();
      const text = file ? readTextFile(file, 'answer') : o.text;
      if (typeof text !== 'string') throw invalidInput('give a text file with the answer, or --text');
      const check = practiceStarCheck(text);
      if (o.json) return printJson(io, check);
      io.out(formatStar(check));
    });

  practice
    .command('progress')
    .description('practice per theme over time, and the feedback that prompted it')
    .action(async (_o, cmd: Command) => {
      const o = cmd.optsWithGlobals<Opts>();
      await withContext(o, io, async (ctx) => {
        const p = await practiceProgress(ctx);
        if (o.json) return printJson(io, p);
        io.out(formatProgress(p, ctx.user.timeZone));
      });
    });

  practice
    .command('friend')
    .description('a printable page for a mock interview with a friend: the questions and the rubric')
    .option('--out <file>', 'write the page to this .html file (default: print it)')
    .action(async (_o, cmd: Command) => {
      const o = cmd.optsWithGlobals<Opts>();
      await withContext(o, io, async (ctx) => {
        const plan = await practicePlan(ctx);
        const html = friendSheetHtml(plan, ctx.user.name);
        if (typeof o.out !== 'string') return io.out(html);
        try {
          writeFileSync(o.out, html);
        } catch (err) {
          throw invalidInput(`cannot write "${o.out}": ${(err as NodeJS.ErrnoException).code ?? 'error'}`);
        }
        io.out(
          `Wrote ${o.out}: ${plan.items.length} questions with the rubric. Open it in a browser and print it.\n`,
        );
      });
    });
}
