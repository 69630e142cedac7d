import { writeFileSync, renameSync } from 'node:fs';
import type { Command } from 'commander';
import { invalidInput } from '../../domain/errors.js';
import { SENT_VIA, type SentVia } from '../../domain/model.js';
import {
  actOnStep,
  addCheckIn,
  getReflection,
  loadSample,
  rateInterview,
  reflectionQuestions,
  removeSample,
  saveReflection,
  calendarFeed,
  calendarToken,
  checkDraftTone,
  createDraft,
  getPlan,
  getSettings,
  getSmtp,
  recordRejection,
  sendDraft,
  setSmtp,
  today,
  updateDraft,
  updateSettings,
  type DraftView,
  type PlanView,
  type StepView,
  type TodayView,
} from '../../services/index.js';
import { when } from '../format.js';
import {
  printJson,
  readBinaryFile,
  readTextFile,
  withContext,
  type CliIo,
  type GlobalOptions,
} from '../session.js';

type Opts = GlobalOptions & Record<string, unknown>;

const STATUS_MARK: Record<StepView['status'], string> = { open: '○', done: '✓', skipped: '–', snoozed: 'z' };

function stepLine(s: StepView, zone: string): string {
  const due =
    s.status === 'snoozed' && s.snoozedUntil ? `until ${when(s.snoozedUntil, zone)}` : when(s.due, zone);
  return `${STATUS_MARK[s.status]} ${s.id}  ${due.padEnd(23)} ${s.title}`;
}

function printPlan(io: CliIo, plan: PlanView, zone: string): void {
  io.out(`${plan.company} · ${plan.role} — your plan\n\n`);
  for (const s of plan.steps) {
    io.out(`${stepLine(s, zone)}\n`);
    if (s.status === 'open' || s.status === 'snoozed') io.out(`${''.padEnd(40)}${s.why}\n`);
  }
  if (plan.ghosted) io.out(`\n${plan.ghosted.reason}\n`);
  const first = plan.steps.find((s) => s.status === 'open' && s.needs.includes('draft'));
  if (first) io.out(`\nStart with: onward draft ${plan.applicationId.slice(0, 6)} ${first.kind}\n`);
  io.out('Mark a step: onward done|skip <step id>, or onward snooze <step id> --until DATE\n');
}

function printToday(io: CliIo, t: TodayView): void {
  const zone = t.timeZone;
  if (t.reframe) io.out(`${t.reframe}\n\n`);
  if (t.steps.length === 0) {
    io.out('Nothing is due today.\n');
  } else {
    io.out(`Due today (${t.steps.length})\n`);
    for (const s of t.steps) {
      const mark = s.urgency === 'overdue' ? '!' : '•';
      const due =
        s.urgency === 'overdue'
          ? `since ${when(s.snoozedUntil ?? s.due, zone)}`
          : s.allDay
            ? 'today'
            : when(s.due, zone);
      io.out(`${mark} ${s.id}  ${due.padEnd(29)} ${s.title}\n`);
    }
  }
  if (t.upcoming.length > 0) {
    io.out(`\nComing up this week\n`);
    for (const s of t.upcoming.slice(0, 8)) {
      io.out(`  ${s.id}  ${when(s.snoozedUntil ?? s.due, zone).padEnd(29)} ${s.title}\n`);
    }
  }
  const p = t.pipeline;
  io.out(`\nPipeline: ${p.summary}\n`);
  if (p.concentration) io.out(`${p.concentration}\n`);
  for (const g of t.ghosted) io.out(`Quiet: ${g.company} · ${g.role}. ${g.reason}\n`);
  io.out(`\nNext milestone: ${t.nextMilestone.label}. ${t.nextMilestone.detail}\n`);
  if (t.recentMilestones.length > 0) {
    io.out(`Recently: ${t.recentMilestones.map((m) => m.label).join('; ')}\n`);
  }
}

function printDraft(io: CliIo, d: DraftView): void {
  io.out(`Draft ${d.id} · ${d.kind} · ${d.company} · ${d.role}\n`);
  io.out(`To:      ${d.to ?? '(no address yet)'}\n`);
  io.out(`Subject: ${d.subject}\n\n${d.body}\n`);
  if (d.note) io.out(`Note: ${d.note}\n`);
  if (d.toneWarnings.length > 0) {
    io.out(
      `\nTone check: ${d.toneWarnings.length} thing${d.toneWarnings.length === 1 ? '' : 's'} to look at\n`,
    );
    for (const w of d.toneWarnings) io.out(`  “${w.text}” — ${w.suggestion}\n`);
  } else {
    io.out('\nTone check: reads kind and professional.\n');
  }
  if (!d.sentAt) {
    io.out(
      `\nEdit: onward draft-edit ${d.id} --body-file FILE   Send: onward send ${d.id}   (or --via copied|mail_app|elsewhere once sent yourself)\n`,
    );
  }
}

/** Parses "value" for `settings set`: JSON when it reads as JSON, else the plain word. */
function settingValue(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

export function registerPlaybookCommands(program: Command, io: CliIo): void {
  program
    .command('reject <id>')
    .description('record a rejection: moves the application, stores it, and lays out your plan')
    .option('--at <time>', 'when the answer came (default: now)')
    .option('--stage-reached <stage>', 'the furthest stage you reached (default: where it was)')
    .option('--reason <text>', 'the reason they gave, if any')
    .option('--email <file.eml>', 'the rejection email, kept with the application and answered in its thread')
    .action(async (id: string, _o, cmd: Command) => {
      const o = cmd.optsWithGlobals<Opts>();
      const email = typeof o.email === 'string' ? readBinaryFile(o.email, 'email file') : null;
      await withContext(o, io, async (ctx) => {
        const plan = await recordRejection(ctx, id, {
          at: o.at as string | undefined,
          stageReached: o.stageReached as string | undefined,
          reason: o.reason as string | undefined,
          email,
        });
        if (o.json) printJson(io, plan);
        else {
          io.out(`Recorded. I am sorry it was a no this time.\n\n`);
          printPlan(io, plan, ctx.user.timeZone);
        }
      });
    });

  program
    .command('plan <id>')
    .description("an application's steps: what to do, by when, and why")
    .action(async (id: string, _o, cmd: Command) => {
      const o = cmd.optsWithGlobals<Opts>();
      await withContext(o, io, async (ctx) => {
        const plan = await getPlan(ctx, id);
        if (o.json) printJson(io, plan);
        else printPlan(io, plan, ctx.user.timeZone);
      });
    });

  for (const [name, action, text] of [
    ['done', 'done', 'mark a step done'],
    ['skip', 'skip', 'skip a step (it will not come back)'],
    ['reopen', 'reopen', 'reopen a step you closed or snoozed'],
  ] as const) {
    program
      .command(`${name} <stepId>`)
      .description(text)
      .action(async (stepId: string, _o, cmd: Command) => {
        const o = cmd.optsWithGlobals<Opts>();
        await withContext(o, io, async (ctx) => {
          const step = await actOnStep(ctx, stepId, { action });
          if (o.json) printJson(io, step);
          else
            io.out(
              `${step.status === 'open' ? 'Reopened' : step.status === 'done' ? 'Done' : 'Skipped'}: ${step.title} (${step.id})\n`,
            );
        });
      });
  }

  program
    .command('snooze <stepId>')
    .description('put a step off until a later time')
    .requiredOption('--until <time>', 'when it should come back, e.g. 2026-12-01')
    .action(async (stepId: string, _o, cmd: Command) => {
      const o = cmd.optsWithGlobals<Opts>();
      await withContext(o, io, async (ctx) => {
        const step = await actOnStep(ctx, stepId, { action: 'snooze', until: o.until as string });
        if (o.json) printJson(io, step);
        else io.out(`Snoozed until ${when(step.snoozedUntil!, ctx.user.timeZone)} (${step.id})\n`);
      });
    });

  program
    .command('today')
    .description("what is due, the pipeline's health and your next milestone")
    .action(async (_o, cmd: Command) => {
      const o = cmd.optsWithGlobals<Opts>();
      await withContext(o, io, async (ctx) => {
        const t = await today(ctx);
        if (o.json) printJson(io, t);
        else printToday(io, t);
      });
    });

  program
    .command('draft <id> <kind>')
    .description(
      'write an email for an application: interview_thanks, follow_up, rejection_reply, feedback_nudge, stay_in_touch, connect or offer_feedback',
    )
    .action(async (id: string, kind: string, _o, cmd: Command) => {
      const o = cmd.optsWithGlobals<Opts>();
      await withContext(o, io, async (ctx) => {
        const d = await createDraft(ctx, id, kind);
        if (o.json) printJson(io, d);
        else printDraft(io, d);
      });
    });

  program
    .command('draft-edit <draftId>')
    .description('change a draft (the tone check runs again)')
    .option('--to <address>', 'who it goes to')
    .option('--subject <text>', 'the subject line')
    .option('--body-file <file>', 'a UTF-8 text file with the new body')
    .action(async (draftId: string, _o, cmd: Command) => {
      const o = cmd.optsWithGlobals<Opts>();
      const body = typeof o.bodyFile === 'string' ? readTextFile(o.bodyFile, 'body file') : undefined;
      await withContext(o, io, async (ctx) => {
        const d = await updateDraft(ctx, draftId, {
          ...(o.to !== undefined ? { to: o.to as string } : {}),
          ...(o.subject !== undefined ? { subject: o.subject as string } : {}),
          ...(body !== undefined ? { body } : {}),
        });
        if (o.json) printJson(io, d);
        else printDraft(io, d);
      });
    });

  program
    .command('send <draftId>')
    .description('send a draft with your mail server, or record that you sent it yourself')
    .option(
      '--via <way>',
      `smtp (default), or ${SENT_VIA.filter((v) => v !== 'smtp').join(', ')} when you sent it yourself`,
    )
    .action(async (draftId: string, _o, cmd: Command) => {
      const o = cmd.optsWithGlobals<Opts>();
      const via = (o.via as string | undefined) ?? 'smtp';
      if (!(SENT_VIA as readonly string[]).includes(via)) {
        throw invalidInput(`--via must be one of: ${SENT_VIA.join(', ')}`);
      }
      await withContext(o, io, async (ctx) => {
        const d = await sendDraft(ctx, draftId, { via: via as SentVia });
        if (o.json) printJson(io, d);
        else
          io.out(`${via === 'smtp' ? `Sent to ${d.to}` : 'Marked as sent'}; the step is done. (${d.id})\n`);
      });
    });

  program
    .command('tone <file>')
    .description('check the tone of a text you wrote ("-" reads standard input)')
    .action(async (file: string, _o, cmd: Command) => {
      const o = cmd.optsWithGlobals<Opts>();
      const text =
        file === '-' ? readTextFile('/dev/stdin', 'standard input') : readTextFile(file, 'text file');
      const report = checkDraftTone(text);
      if (o.json) printJson(io, report);
      else if (report.ok) io.out(`Reads kind and professional (${report.words} words).\n`);
      else for (const i of report.issues) io.out(`${i.kind}: “${i.text}” — ${i.suggestion}\n`);
    });

  const settings = program.command('settings').description('your playbook settings');
  settings
    .command('show', { isDefault: true })
    .description('print the settings')
    .action(async (_o, cmd: Command) => {
      const o = cmd.optsWithGlobals<Opts>();
      await withContext(o, io, async (ctx) => {
        const s = await getSettings(ctx);
        if (o.json)
          printJson(io, { ...s, name: ctx.user.name, email: ctx.user.email, timeZone: ctx.user.timeZone });
        else {
          io.out(`name  ${ctx.user.name}\nemail  ${ctx.user.email ?? ''}\ntimeZone  ${ctx.user.timeZone}\n`);
          for (const [k, v] of Object.entries(s)) io.out(`${k}  ${JSON.stringify(v)}\n`);
        }
      });
    });
  settings
    .command('set <key> <value>')
    .description(
      'change one setting, e.g. settings set cvRetentionPreset uk, or settings set holidays \'["2026-12-25"]\'',
    )
    .action(async (key: string, value: string, _o, cmd: Command) => {
      const o = cmd.optsWithGlobals<Opts>();
      await withContext(o, io, async (ctx) => {
        const s = await updateSettings(ctx, { [key]: settingValue(value) });
        if (o.json) printJson(io, s);
        else
          io.out(
            ['name', 'email', 'timeZone'].includes(key)
              ? `Saved ${key}: ${JSON.stringify((ctx.user as unknown as Record<string, unknown>)[key])}\n`
              : `Saved; open steps were re-dated. ${key} = ${JSON.stringify((s as unknown as Record<string, unknown>)[key])}\n`,
          );
      });
    });

  const smtp = program.command('smtp').description('the mail server that sends your drafts');
  smtp.command('show', { isDefault: true }).action(async (_o, cmd: Command) => {
    const o = cmd.optsWithGlobals<Opts>();
    await withContext(o, io, async (ctx) => {
      const s = await getSmtp(ctx);
      if (o.json) printJson(io, s);
      else
        io.out(
          s
            ? `${s.host}:${s.port} (${s.security}) as ${s.user ?? 'no user'}, from ${s.from}${s.hasPassword ? ', password stored' : ''}\n`
            : 'No mail server yet: onward smtp set --host … --port … --from …\n',
        );
    });
  });
  smtp
    .command('set')
    .description('save the mail server; the password comes from ONWARD_SMTP_PASSWORD, never the command line')
    .requiredOption('--host <host>', 'e.g. smtp.gmail.com')
    .requiredOption('--port <port>', '465 (TLS) or 587 (STARTTLS)')
    .requiredOption('--from <address>', '"Your Name <you@example.org>"')
    .option('--security <mode>', 'tls, starttls or none')
    .option('--user <name>', 'the login, usually your address')
    .action(async (_o, cmd: Command) => {
      const o = cmd.optsWithGlobals<Opts>();
      await withContext(o, io, async (ctx) => {
        const s = await setSmtp(ctx, {
          host: o.host,
          port: Number(o.port),
          from: o.from,
          security: o.security,
          user: o.user ?? null,
          password: io.env.ONWARD_SMTP_PASSWORD ?? null,
        });
        if (o.json) printJson(io, s);
        else io.out(`Saved ${s.host}:${s.port} (${s.security}).\n`);
      });
    });

  program
    .command('calendar')
    .description('your open steps as an .ics calendar file, or the address to subscribe to')
    .option('--out <file>', 'write the calendar to this file (default: standard output)')
    .option('--url', 'print the subscription address instead (served by onward start)')
    .option('--renew', 'with --url: make a new secret address; the old one stops working')
    .option('--port <n>', 'the port onward start uses', '4477')
    .action(async (_o, cmd: Command) => {
      const o = cmd.optsWithGlobals<Opts>();
      await withContext(o, io, async (ctx) => {
        if (o.url) {
          const token = await calendarToken(ctx, Boolean(o.renew));
          const url = `http://127.0.0.1:${String(o.port)}/calendar/${token}.ics`;
          if (o.json) printJson(io, { url });
          else
            io.out(
              `${url}\nAdd it to your calendar app as a subscription while onward start is running. Keep it private.\n`,
            );
          return;
        }
        const ics = await calendarFeed(ctx);
        if (typeof o.out === 'string') {
          const partial = `${o.out}.partial`;
          writeFileSync(partial, ics);
          renameSync(partial, o.out);
          io.out(`Wrote ${(ics.match(/BEGIN:VEVENT/g) ?? []).length} steps to ${o.out}\n`);
        } else io.out(ics);
      });
    });
}

export function registerReflectionCommands(program: Command, io: CliIo): void {
  program
    .command('checkin <mood>')
    .description('how are you feeling, 1 (very low) to 5 (good)?')
    .option('--note <text>', 'a few words, for yourself')
    .option('--application <id>', 'the application that prompted it')
    .action(async (mood: string, _o, cmd: Command) => {
      const o = cmd.optsWithGlobals<Opts>();
      await withContext(o, io, async (ctx) => {
        const c = await addCheckIn(ctx, { mood: Number(mood), note: o.note, applicationId: o.application });
        if (o.json) printJson(io, c);
        else
          io.out(
            c.mood <= 2
              ? 'Thank you for saying so. A hard day is allowed; be as kind to yourself as you would be to a friend.\n'
              : 'Noted. Thank you for checking in.\n',
          );
      });
    });

  program
    .command('reflect <id>')
    .description('answer the reflection checklist for an application (no answers: print the questions)')
    .option(
      '--answer <question=answer>',
      'one answer, e.g. --answer examples="Not enough numbers" (repeat)',
      (v: string, prev: string[] = []) => [...prev, v],
    )
    .option('--lessons <text>', 'what you take from it')
    .action(async (id: string, _o, cmd: Command) => {
      const o = cmd.optsWithGlobals<Opts>();
      await withContext(o, io, async (ctx) => {
        const given = (o.answer as string[] | undefined) ?? [];
        if (given.length === 0 && o.lessons === undefined) {
          const current = await getReflection(ctx, id);
          if (o.json) return printJson(io, { questions: reflectionQuestions(), ...current });
          for (const q of reflectionQuestions())
            io.out(
              `${q.id.padEnd(16)} ${q.text}${current.answers[q.id] ? `\n${''.padEnd(16)} → ${current.answers[q.id]}` : ''}\n`,
            );
          return;
        }
        const answers = Object.fromEntries(
          given.map((pair) => {
            const i = pair.indexOf('=');
            if (i < 1)
              throw invalidInput(`--answer "${pair}": write question=answer, e.g. examples="more numbers"`);
            return [pair.slice(0, i).trim(), pair.slice(i + 1)];
          }),
        );
        const r = await saveReflection(ctx, id, {
          answers: { ...(await getReflection(ctx, id)).answers, ...answers },
          lessons: o.lessons,
        });
        if (o.json) printJson(io, r);
        else io.out(`Saved ${Object.keys(r.answers).length} answers. The reflect step is done.\n`);
      });
    });

  program
    .command('rate <interviewId> <rating>')
    .description('your own view of how an interview went, 1 to 5')
    .option('--notes <text>', 'in your words')
    .action(async (interviewId: string, rating: string, _o, cmd: Command) => {
      const o = cmd.optsWithGlobals<Opts>();
      await withContext(o, io, async (ctx) => {
        const iv = await rateInterview(ctx, interviewId, {
          selfRating: Number(rating),
          selfAssessment: o.notes,
        });
        if (o.json) printJson(io, iv);
        else io.out(`Rated ${iv.selfRating}/5.\n`);
      });
    });

  const sample = program.command('sample').description('a made-up search to see Onward populated');
  sample.command('load').action(async (_o, cmd: Command) => {
    const o = cmd.optsWithGlobals<Opts>();
    await withContext(o, io, async (ctx) => {
      const r = await loadSample(ctx);
      io.out(`Loaded ${r.applications} sample applications. Remove them with: onward sample remove\n`);
    });
  });
  sample.command('remove').action(async (_o, cmd: Command) => {
    const o = cmd.optsWithGlobals<Opts>();
    await withContext(o, io, async (ctx) => {
      const r = await removeSample(ctx);
      io.out(`Removed ${r.applications} sample applications.\n`);
    });
  });
}
