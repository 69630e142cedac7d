import type { Command } from 'commander';
import { invalidInput } from '../../domain/errors.js';
import { nextStages } from '../../domain/stages.js';
import {
  addInterview,
  addNote,
  applicationTimeline,
  createApplication,
  getApplication,
  listApplications,
  moveApplication,
  parsePerson,
  updateApplication,
  type ApplicationView,
} from '../../services/index.js';
import { fields, person, shortDate, stageLabel, table, when } from '../format.js';
import { printJson, readTextFile, withContext, type CliIo, type GlobalOptions } from '../session.js';

type Opts = GlobalOptions & Record<string, unknown>;
const collect = (value: string, previous: string[] = []) => [...previous, value];

function summary(app: ApplicationView, timeZone: string): string {
  const since = [...app.events].reverse().find((e) => e.toStage);
  return `${app.companyName} · ${app.role} — ${stageLabel(app.stage)}${since ? ` since ${when(since.at, timeZone)}` : ''} (id ${app.id})`;
}

export function registerApplicationCommands(program: Command, io: CliIo): void {
  program
    .command('add')
    .description('add an application')
    .requiredOption('--company <name>', 'the company')
    .requiredOption('--role <title>', 'the role, as the job ad names it')
    .option('--applied <date>', 'when you applied (default: now)')
    .option(
      '--stage <stage>',
      'start at another stage, e.g. saved for an opening you have not applied to yet',
    )
    .option('--url <url>', 'the job ad')
    .option('--source <source>', 'where you found it: referral, job_board, direct, recruiter, network…')
    .option('--location <place>', 'where the job is, or "remote"')
    .option('--jd <file>', 'a text file with the job description')
    .option('--fit <1-5>', 'could you see yourself doing this job? 1 (no) to 5 (very much)')
    .option('--workplace <kind>', 'remote, hybrid or on_site')
    .option('--resume-version <name>', 'which version of your résumé you sent')
    .action(async (_o, cmd: Command) => {
      const o = cmd.optsWithGlobals<Opts>();
      const jobDescription =
        typeof o.jd === 'string' ? readTextFile(o.jd, 'job description file') : undefined;
      await withContext(o, io, async (ctx) => {
        const app = await createApplication(ctx, {
          company: o.company as string,
          role: o.role as string,
          applied: o.applied as string | undefined,
          stage: o.stage as never,
          url: o.url as string | undefined,
          source: o.source as string | undefined,
          location: o.location as string | undefined,
          jobDescription,
          fit: o.fit as never,
          workplace: o.workplace as never,
          resumeVersion: o.resumeVersion as string | undefined,
        });
        if (o.json) printJson(io, app);
        else io.out(`Added ${summary(app, ctx.user.timeZone)}\n`);
      });
    });

  program
    .command('list')
    .description('list applications, most recently changed first')
    .option('--stage <stage>', 'only these stages (comma-separated)')
    .option('--company <name>', 'only this company')
    .option('--source <source>', 'only this source')
    .option('--search <words>', 'words to find in the role, company, location or job description')
    .option('--sort <field>', 'updated, created, company, role, stage or fit')
    .option('--limit <n>', 'at most this many')
    .action(async (_o, cmd: Command) => {
      const o = cmd.optsWithGlobals<Opts>();
      const limit = o.limit === undefined ? undefined : Number(o.limit);
      if (limit !== undefined && !Number.isInteger(limit))
        throw invalidInput('--limit must be a whole number');
      await withContext(o, io, async (ctx) => {
        const rows = await listApplications(ctx, {
          stage: o.stage as string | undefined,
          company: o.company as string | undefined,
          source: o.source as string | undefined,
          q: o.search as string | undefined,
          sort: o.sort as string | undefined,
          limit,
        });
        if (o.json) return printJson(io, rows);
        if (rows.length === 0) {
          io.out(
            o.stage || o.company || o.source || o.search
              ? 'No applications match.\n'
              : 'No applications yet. Add one with: onward add --company "Acme" --role "Data Analyst"\n',
          );
          return;
        }
        io.out(
          `${table(
            ['ID', 'COMPANY', 'ROLE', 'STAGE', 'UPDATED'],
            rows.map((r) => [
              r.id,
              r.companyName,
              r.role,
              stageLabel(r.stage),
              shortDate(r.updatedAt, ctx.user.timeZone),
            ]),
            [12, 28, 36, 12, 12],
          )}\n${rows.length} application${rows.length === 1 ? '' : 's'}\n`,
        );
      });
    });

  program
    .command('show')
    .description('show an application with its people and history')
    .argument('<id>', 'the application id (or its first characters)')
    .action(async (id: string, _o, cmd: Command) => {
      const o = cmd.optsWithGlobals<Opts>();
      await withContext(o, io, async (ctx) => {
        const app = await getApplication(ctx, id);
        if (o.json) return printJson(io, app);
        const tz = ctx.user.timeZone;
        const timeline = await applicationTimeline(ctx, app.id);
        const moves = nextStages(app.stage);
        const lines = [
          `${app.companyName} · ${app.role}`,
          fields([
            ['Id', app.id],
            ['Stage', stageLabel(app.stage)],
            ['Source', app.source],
            ['Location', app.location],
            ['Fit', app.fit ? `${app.fit}/5` : null],
            ['Workplace', app.workplace?.replace('_', ' ') ?? null],
            ['Résumé', app.resumeVersion],
            ['Link', app.url],
            ['People', app.contacts.map((c) => `${person(c)} (${c.role.replace('_', ' ')})`).join(', ')],
          ]),
          '',
          'History',
          ...timeline.map(
            (t) => `  ${when(t.at, tz).padEnd(24)}  ${t.title}${t.detail ? ` — ${t.detail}` : ''}`,
          ),
        ];
        if (app.jobDescription)
          lines.push('', 'Job description', ...app.jobDescription.split('\n').map((l) => `  ${l}`));
        if (moves.length > 0) lines.push('', `Next: onward move ${app.id} <${moves.join('|')}>`);
        io.out(`${lines.join('\n')}\n`);
      });
    });

  program
    .command('edit')
    .description("change an application's details")
    .argument('<id>', 'the application id')
    .option('--company <name>')
    .option('--role <title>')
    .option('--url <url>')
    .option('--source <source>')
    .option('--location <place>')
    .option('--jd <file>', 'a text file with the job description')
    .option('--fit <1-5>')
    .option('--workplace <kind>', 'remote, hybrid or on_site')
    .option('--resume-version <name>', 'which version of your résumé you sent')
    .action(async (id: string, _o, cmd: Command) => {
      const o = cmd.optsWithGlobals<Opts>();
      const patch: Record<string, unknown> = {};
      const keys = [
        'company',
        'role',
        'url',
        'source',
        'location',
        'fit',
        'workplace',
        'resumeVersion',
      ] as const;
      for (const key of keys) if (o[key] !== undefined) patch[key] = o[key];
      if (typeof o.jd === 'string') patch.jobDescription = readTextFile(o.jd, 'job description file');
      if (Object.keys(patch).length === 0)
        throw invalidInput(
          'nothing to change; give at least one of --company, --role, --url, --source, --location, --jd, --fit, --workplace, --resume-version',
        );
      await withContext(o, io, async (ctx) => {
        const app = await updateApplication(ctx, id, patch);
        if (o.json) printJson(io, app);
        else io.out(`Updated ${summary(app, ctx.user.timeZone)}\n`);
      });
    });

  program
    .command('move')
    .description('move an application to another stage')
    .argument('<id>', 'the application id')
    .argument(
      '<stage>',
      'saved, applied, screening, interviewing, final, offer, accepted, rejected, withdrawn, no_response',
    )
    .option('--at <time>', 'when it happened (default: now)')
    .option('--note <text>', 'a word on why')
    .action(async (id: string, stage: string, _o, cmd: Command) => {
      const o = cmd.optsWithGlobals<Opts>();
      await withContext(o, io, async (ctx) => {
        const app = await moveApplication(ctx, id, {
          stage: stage as never,
          at: o.at as string | undefined,
          note: o.note as string | undefined,
        });
        if (o.json) printJson(io, app);
        else io.out(`Moved ${summary(app, ctx.user.timeZone)}\n`);
      });
    });

  program
    .command('interview')
    .description('log an interview (past or upcoming)')
    .argument('<id>', 'the application id')
    .requiredOption('--at <time>', 'when, e.g. 2026-11-10T14:00 (your zone) or 2026-11-10T14:00:00Z')
    .option('--kind <kind>', 'phone, video, onsite, technical, behavioural, panel, assessment or other')
    .option('--with <person>', 'who, as "Name <email>" (repeat for several)', collect)
    .option('--notes <text>', 'what was discussed (drafts mention it; separate topics with ;)')
    .option('--expect-reply-by <date>', 'the date they said they would reply by; the follow-up waits for it')
    .action(async (id: string, _o, cmd: Command) => {
      const o = cmd.optsWithGlobals<Opts>();
      const people = ((o.with as string[] | undefined) ?? []).map(parsePerson);
      await withContext(o, io, async (ctx) => {
        const interview = await addInterview(ctx, id, {
          at: o.at as string,
          kind: o.kind as never,
          with: people,
          notes: o.notes as string | undefined,
          replyExpectedBy: o.expectReplyBy as string | undefined,
        });
        if (o.json) return printJson(io, interview);
        const names = interview.interviewers.map(person).join(', ');
        io.out(
          `Logged ${interview.kind} interview on ${when(interview.at, ctx.user.timeZone)}${names ? ` with ${names}` : ''} (id ${interview.id})\n`,
        );
      });
    });

  program
    .command('note')
    .description('add a note to an application')
    .argument('<id>', 'the application id')
    .argument('<text...>', 'the note')
    .option('--at <time>', 'when (default: now)')
    .action(async (id: string, words: string[], _o, cmd: Command) => {
      const o = cmd.optsWithGlobals<Opts>();
      await withContext(o, io, async (ctx) => {
        const note = await addNote(ctx, id, { text: words.join(' '), at: o.at as string | undefined });
        if (o.json) printJson(io, note);
        else io.out(`Noted (id ${note.id})\n`);
      });
    });
}
