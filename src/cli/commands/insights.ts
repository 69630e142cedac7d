import { basename } from 'node:path';
import type { Command } from 'commander';
import { invalidInput } from '../../domain/errors.js';
import {
  addLearningGoal,
  applicationSkills,
  deleteLearningGoal,
  deleteResume,
  extractFromText,
  getResume,
  importEscoFile,
  insights,
  listLearningGoals,
  listResumes,
  saveResume,
  saveResumeFile,
  updateLearningGoal,
  type InsightsReport,
} from '../../services/index.js';
import { shortDate, table } from '../format.js';
import {
  printJson,
  readBinaryFile,
  readTextFile,
  withContext,
  type CliIo,
  type GlobalOptions,
} from '../session.js';

type Opts = GlobalOptions & Record<string, unknown>;

const pct = (r: number | null): string => (r === null ? '—' : `${Math.round(r * 1000) / 10}%`);
const bar = (r: number | null, width = 20): string => {
  if (r === null) return ''.padEnd(width);
  const n = Math.max(r > 0 ? 1 : 0, Math.round(r * width));
  return '█'.repeat(n).padEnd(width, '·');
};

/** The insights report as a terminal page: short sections, numbers always beside the words. */
export function formatInsights(r: InsightsReport): string {
  const out: string[] = [];
  const section = (title: string) => out.push('', title, '─'.repeat(title.length));
  out.push('Insights');
  for (const h of r.headlines) out.push(`  • ${h}`);

  section('Funnel');
  out.push(
    table(
      ['step', 'count', 'of previous', 'of applied', ''],
      r.funnel.rows.map((row) => [
        row.label,
        String(row.count),
        pct(row.fromPrevious),
        pct(row.fromApplied),
        bar(row.fromApplied),
      ]),
    ),
  );
  for (const t of r.funnel.typical) {
    const range = t.low === t.high ? `about ${pct(t.low)}` : `${pct(t.low)}–${pct(t.high)}`;
    out.push(`  ${t.label}: yours ${pct(t.yours)} (of ${t.basedOn}); typical ${range}.`);
    out.push(`    Source: ${t.source}`);
  }

  section('Pace');
  const recent = r.weekly.slice(-6);
  out.push(
    table(
      ['week of', 'sent', 'goal', ''],
      recent.map((w) => [
        w.week,
        String(w.applied),
        String(w.goal),
        bar(w.goal ? Math.min(1, w.applied / w.goal) : null, 10),
      ]),
    ),
  );
  if (r.streak >= 2) out.push(`  ${r.streak} weeks in a row at your goal.`);
  out.push(
    `  First answer: ${r.responseTime.medianDays === null ? 'none yet' : `after ${r.responseTime.medianDays} days (median of ${r.responseTime.count})`}.`,
  );
  out.push(
    `  No word at all after 30 days: ${r.ghosting.silent} of ${r.ghosting.of}${r.ghosting.rate === null ? '' : ` (${pct(r.ghosting.rate)})`}. Silence is common and says little about you.`,
  );

  section('What the feedback says');
  if (r.themes.length === 0) out.push('  No feedback recorded yet (onward feedback add <id> "…").');
  for (const t of r.themes) {
    const flag = t.recurring ? ' — recurring' : '';
    const times = (n: number) => `${n} time${n === 1 ? '' : 's'}`;
    const apps = (n: number) => `${n} application${n === 1 ? '' : 's'}`;
    const parts = [
      t.negative > 0 ? `raised ${times(t.negative)} in ${apps(t.negativeApplications)}` : null,
      t.positive > 0 ? `praised ${times(t.positive)}` : null,
    ].filter(Boolean);
    out.push(`  ${t.label}: ${parts.join('; ')}${flag}`);
    if (t.comparison) out.push(`    ${t.comparison}`);
    for (const e of t.examples.slice(0, 2)) out.push(`    “${e.sentence}” (${e.company})`);
    for (const e of t.praise.slice(0, 1)) out.push(`    + “${e.sentence}” (${e.company})`);
  }

  section('Skills');
  if (r.skills.resumes === 0) {
    out.push('  Add your résumé to see matched and missing skills: onward resume add <file>');
  } else {
    const gaps = r.skills.gaps.slice(0, 10);
    if (gaps.length === 0) out.push('  No skill was missing from a rejected application’s job description.');
    else
      out.push(
        table(
          ['missing skill', 'asked by rejected JDs'],
          gaps.map((g) => [g.label, String(g.applications)]),
        ),
      );
  }
  for (const g of r.skills.goals)
    out.push(
      `  Goal: ${g.skillLabel} — ${g.kind}${g.plan ? ` (${g.plan})` : ''}, ${g.progress}%${g.target ? `, by ${g.target}` : ''}  [${g.id}]`,
    );

  section('Where the search works');
  if (r.refinement.outcomes < r.refinement.minimumOutcomes) {
    out.push(
      `  Too early to say: ${r.refinement.outcomes} outcome${r.refinement.outcomes === 1 ? '' : 's'} so far; patterns are shown from ${r.refinement.minimumOutcomes}.`,
    );
  } else {
    for (const s of r.refinement.suggestions) out.push(`  • ${s.text}`, `    ${s.basis}`);
    if (r.refinement.suggestions.length === 0)
      out.push('  No group stands out from the rest yet; the counts are below.');
    for (const t of r.refinement.tables) {
      const rows = t.rows.filter((row) => row.outcomes > 0);
      if (rows.length < 2) continue;
      out.push(
        `  ${t.label}: ${rows.map((row) => `${row.label} ${row.progressed}/${row.outcomes}`).join(' · ')}`,
      );
    }
  }

  section('Progress');
  for (const m of r.milestones.slice(-8)) out.push(`  ✓ ${shortDate(m.at, r.timeZone)}  ${m.label}`);
  if (r.milestones.length === 0) out.push('  Your first milestone is sending the first application.');
  if (r.mood.weeks.length > 0)
    out.push(
      `  Mood by week: ${r.mood.weeks
        .slice(-8)
        .map((w) => `${w.week.slice(5)} ${w.average}`)
        .join(' · ')}`,
    );
  return `${out.join('\n')}\n`;
}

export function registerInsightCommands(program: Command, io: CliIo): void {
  program
    .command('insights')
    .description('the funnel, the feedback themes, skill gaps, where the search works, and progress')
    .action(async (_o, cmd: Command) => {
      const o = cmd.optsWithGlobals<Opts>();
      await withContext(o, io, async (ctx) => {
        const r = await insights(ctx);
        if (o.json) return printJson(io, r);
        io.out(formatInsights(r));
      });
    });

  const skills = program.command('skills').description('skills in job descriptions and your résumé');
  skills
    .command('show <id>')
    .description("an application's skills: matched, missing and the coverage")
    .action(async (id: string, _o, cmd: Command) => {
      const o = cmd.optsWithGlobals<Opts>();
      await withContext(o, io, async (ctx) => {
        const m = await applicationSkills(ctx, id);
        if (o.json) return printJson(io, m);
        if (!m.hasJobDescription)
          return io.out(
            `${m.company} · ${m.role} has no job description yet: onward edit ${m.applicationId} --jd <file>\n`,
          );
        const lines = [`${m.company} · ${m.role}`];
        if (m.resumeVersion === null) lines.push('No résumé stored: onward resume add <file>');
        else
          lines.push(
            `Compared with résumé "${m.resumeVersion}": coverage ${pct(m.coverage)} (${m.matched.length} of ${m.required.length})`,
          );
        lines.push(`  Asked for: ${m.required.map((s) => s.label).join(', ') || 'nothing we recognise'}`);
        if (m.resumeVersion !== null) {
          lines.push(`  You show:  ${m.matched.map((s) => s.label).join(', ') || '—'}`);
          lines.push(`  Missing:   ${m.missing.map((s) => s.label).join(', ') || 'nothing'}`);
        }
        io.out(`${lines.join('\n')}\n`);
      });
    });
  skills
    .command('extract <file>')
    .description('the skills found in a text file (a job description, a résumé)')
    .action(async (file: string, _o, cmd: Command) => {
      const o = cmd.optsWithGlobals<Opts>();
      const text = readTextFile(file, 'text file');
      await withContext(o, io, async (ctx) => {
        const found = await extractFromText(ctx, text);
        if (o.json) return printJson(io, { skills: found });
        io.out(
          found.length
            ? `${found.map((s) => `${s.label} (${s.kind})`).join('\n')}\n`
            : 'No skill recognised.\n',
        );
      });
    });
  skills
    .command('import-esco <file>')
    .description("load ESCO's skills (the classification zip, or skills_en.csv) into the vocabulary")
    .action(async (file: string, _o, cmd: Command) => {
      const o = cmd.optsWithGlobals<Opts>();
      await withContext(o, io, async (ctx) => {
        const r = await importEscoFile(ctx, file);
        if (o.json) return printJson(io, r);
        io.out(
          `Imported ${r.skills.toLocaleString('en')} ESCO skills with ${r.labels.toLocaleString('en')} labels. This product uses the ESCO classification of the European Commission.\n`,
        );
      });
    });

  const resume = program
    .command('resume')
    .description('your résumé versions (.txt, .md, .pdf, .docx or text)');
  resume
    .command('add [file]')
    .description('store a résumé from a file, or --text; the same --as name replaces the old one')
    .option('--as <name>', 'a name for this version (default "main")')
    .option('--text <text>', 'the résumé as text instead of a file')
    .action(async (file: string | undefined, _o, cmd: Command) => {
      const o = cmd.optsWithGlobals<Opts>();
      if (!file && typeof o.text !== 'string')
        throw invalidInput('give a file (.txt, .md, .pdf, .docx) or --text');
      await withContext(o, io, async (ctx) => {
        const r = file
          ? await saveResumeFile(ctx, {
              fileName: basename(file),
              data: readBinaryFile(file, 'résumé'),
              version: o.as,
            })
          : await saveResume(ctx, { text: o.text, version: o.as });
        if (o.json) return printJson(io, r);
        io.out(
          `Saved résumé "${r.version}" (${r.words} words). Skills found: ${r.skills.map((s) => s.label).join(', ') || 'none we recognise'}.\n`,
        );
      });
    });
  resume
    .command('list')
    .description('the stored résumé versions')
    .action(async (_o, cmd: Command) => {
      const o = cmd.optsWithGlobals<Opts>();
      await withContext(o, io, async (ctx) => {
        const all = await listResumes(ctx);
        if (o.json) return printJson(io, { resumes: all });
        if (all.length === 0) return io.out('No résumé stored yet: onward resume add <file>\n');
        io.out(
          `${table(
            ['version', 'file', 'words', 'skills', 'saved'],
            all.map((r) => [
              r.version,
              r.fileName ?? '—',
              String(r.words),
              String(r.skills.length),
              shortDate(r.createdAt, ctx.user.timeZone),
            ]),
          )}\n`,
        );
      });
    });
  resume
    .command('show <version>')
    .description('one résumé, with the skills found in it')
    .action(async (version: string, _o, cmd: Command) => {
      const o = cmd.optsWithGlobals<Opts>();
      await withContext(o, io, async (ctx) => {
        const r = await getResume(ctx, version);
        if (o.json) return printJson(io, r);
        io.out(
          `${r.version}${r.fileName ? ` (${r.fileName})` : ''}\nSkills: ${r.skills.map((s) => s.label).join(', ')}\n\n${r.text ?? ''}\n`,
        );
      });
    });
  resume
    .command('remove <version>')
    .description('delete a résumé version')
    .action(async (version: string, _o, cmd: Command) => {
      const o = cmd.optsWithGlobals<Opts>();
      await withContext(o, io, async (ctx) => {
        await deleteResume(ctx, version);
        if (o.json) return printJson(io, { removed: version });
        io.out(`Removed résumé "${version}".\n`);
      });
    });

  const goals = program
    .command('goals')
    .description('learning goals for the skills the search keeps asking for');
  goals
    .command('add <skill>')
    .description('plan to learn a skill: a course, volunteering or a project')
    .option('--kind <kind>', 'course, volunteering or project', 'course')
    .option('--plan <text>', 'which course, what volunteering, which project')
    .option('--target <date>', 'finish by (YYYY-MM-DD)')
    .option('--progress <0-100>', 'how far along, per cent')
    .action(async (skill: string, _o, cmd: Command) => {
      const o = cmd.optsWithGlobals<Opts>();
      await withContext(o, io, async (ctx) => {
        const g = await addLearningGoal(ctx, {
          skill,
          kind: o.kind,
          plan: o.plan,
          target: o.target,
          progress: o.progress,
        });
        if (o.json) return printJson(io, g);
        const how = {
          course: 'through a course',
          volunteering: 'through volunteering',
          project: 'through a project',
        }[g.kind];
        io.out(`Goal set: ${g.skillLabel}, ${how}${g.target ? `, by ${g.target}` : ''}. Id ${g.id}\n`);
      });
    });
  goals
    .command('list')
    .description('learning goals and their progress')
    .action(async (_o, cmd: Command) => {
      const o = cmd.optsWithGlobals<Opts>();
      await withContext(o, io, async (ctx) => {
        const all = await listLearningGoals(ctx);
        if (o.json) return printJson(io, { goals: all });
        if (all.length === 0)
          return io.out('No learning goals yet: onward goals add "<skill>" --kind course\n');
        io.out(
          `${table(
            ['id', 'skill', 'how', 'progress', 'target'],
            all.map((g) => [
              g.id,
              g.skillLabel,
              g.plan ? `${g.kind}: ${g.plan}` : g.kind,
              `${g.progress}%`,
              g.target ?? '—',
            ]),
            [12, 30, 40, 8, 10],
          )}\n`,
        );
      });
    });
  goals
    .command('update <id>')
    .description('record progress on a goal, or change it')
    .option('--progress <0-100>', 'how far along, per cent')
    .option('--done', 'finished')
    .option('--plan <text>')
    .option('--target <date>')
    .option('--kind <kind>')
    .action(async (id: string, _o, cmd: Command) => {
      const o = cmd.optsWithGlobals<Opts>();
      await withContext(o, io, async (ctx) => {
        const g = await updateLearningGoal(ctx, id, {
          progress: o.progress,
          done: o.done === true ? true : undefined,
          plan: o.plan,
          target: o.target,
          kind: o.kind,
        });
        if (o.json) return printJson(io, g);
        io.out(
          g.doneAt
            ? `Done: ${g.skillLabel}. Well done — that is one gap closed.\n`
            : `${g.skillLabel}: ${g.progress}%\n`,
        );
      });
    });
  goals
    .command('remove <id>')
    .description('delete a learning goal')
    .action(async (id: string, _o, cmd: Command) => {
      const o = cmd.optsWithGlobals<Opts>();
      await withContext(o, io, async (ctx) => {
        await deleteLearningGoal(ctx, id);
        if (o.json) return printJson(io, { removed: id });
        io.out('Removed.\n');
      });
    });
}
