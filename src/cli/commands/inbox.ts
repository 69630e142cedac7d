import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { invalidInput } from '../../domain/errors.js';
import { EMAIL_CLASSES, type EmailClass } from '../../domain/model.js';
import { parseEml } from '../../mail/eml.js';
import { readInput } from '../../mail/readers.js';
import {
  decideReview,
  getImap,
  importInbox,
  reviewList,
  setImap,
  syncInbox,
  type InboxImportSummary as ImportSummary,
} from '../../services/index.js';
import { classifyEmail } from '../../text/classify.js';
import { printJson, withContext, type CliIo, type GlobalOptions } from '../session.js';

type Opts = GlobalOptions & Record<string, unknown>;

/** A one-line progress counter on a terminal; nothing in a pipe. */
function progress(io: CliIo): { tick(done: number): void; end(): void } {
  if (!io.isTty) return { tick: () => undefined, end: () => undefined };
  let last = 0;
  return {
    tick(done) {
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      io.err(`\rReading… ${done.toLocaleString('en')} emails`);
    },
    end() {
      io.err('\r\u001b[K');
    },
  };
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

function printSummary(io: CliIo, s: ImportSummary): void {
  const b = s.byClass;
  io.out(
    `Read ${plural(s.seen, 'email')}: ${s.imported} new, ${s.duplicates} already here, ${s.errors.length} unreadable.\n` +
      `Job emails: ${plural(b.application_received, 'acknowledgement')}, ${plural(b.interview, 'interview')}, ${plural(b.rejection, 'rejection')}, ${plural(b.offer, 'offer')}.\n` +
      `${s.applied} updated an application on ${s.applied === 1 ? 'its' : 'their'} own; ${s.review} ${s.review === 1 ? 'waits' : 'wait'} for you${s.review > 0 ? ': onward inbox review' : '.'}\n`,
  );
  for (const e of s.errors.slice(0, 10)) io.out(`  could not read ${e.source}: ${e.message}\n`);
  if (s.errors.length > 10) io.out(`  … and ${s.errors.length - 10} more\n`);
}

interface JsonlItem {
  id: string;
  subject: string;
  from: string | null;
  body: string;
}

async function* readJsonl(path: string): AsyncGenerator<JsonlItem> {
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (!line.trim()) continue;
    let item: unknown;
    try {
      item = JSON.parse(line);
    } catch {
      throw invalidInput(`${path} line ${n} is not JSON`);
    }
    const o = item as Record<string, unknown>;
    if (typeof o !== 'object' || o === null || typeof o.body !== 'string') {
      throw invalidInput(`${path} line ${n}: expected {id, subject, from, body}`);
    }
    yield {
      id: String(o.id ?? n),
      subject: typeof o.subject === 'string' ? o.subject : '',
      from: typeof o.from === 'string' ? o.from : null,
      body: o.body,
    };
  }
}

export function registerInboxCommands(program: Command, io: CliIo): void {
  const inbox = program
    .command('inbox')
    .description('read your mail: find applications, interviews, rejections and offers');

  inbox
    .command('import <path>')
    .description(
      'import a .eml file, a folder of them, or an .mbox file (run again safely: nothing is added twice)',
    )
    .action(async (path: string, _o, cmd: Command) => {
      const o = cmd.optsWithGlobals<Opts>();
      await withContext(o, io, async (ctx) => {
        const bar = progress(io);
        const summary = await importInbox(ctx, readInput(path), { onProgress: (n) => bar.tick(n) });
        bar.end();
        if (o.json) printJson(io, summary);
        else printSummary(io, summary);
      });
    });

  inbox
    .command('sync')
    .description('fetch new mail from your IMAP mailbox (set it up with onward imap set)')
    .action(async (_o, cmd: Command) => {
      const o = cmd.optsWithGlobals<Opts>();
      await withContext(o, io, async (ctx) => {
        const bar = progress(io);
        const summary = await syncInbox(ctx, { onProgress: (n) => bar.tick(n) });
        bar.end();
        if (o.json) printJson(io, summary);
        else printSummary(io, summary);
      });
    });

  inbox
    .command('review')
    .description('the emails Onward was not sure about')
    .action(async (_o, cmd: Command) => {
      const o = cmd.optsWithGlobals<Opts>();
      await withContext(o, io, async (ctx) => {
        const items = await reviewList(ctx);
        if (o.json) return printJson(io, { items });
        if (items.length === 0) return io.out('Nothing to review.\n');
        for (const i of items) {
          const target = i.application
            ? `${i.application.company} · ${i.application.role}`
            : i.proposal?.newApplication
              ? `new: ${i.proposal.newApplication.company} · ${i.proposal.newApplication.role}`
              : 'no application';
          io.out(
            `${i.id}  ${i.label} (${Math.round(i.confidence * 100)}%) → ${target}\n    ${i.subject}\n    from ${i.from ?? 'unknown'}; ${i.reasons.join('; ')}\n`,
          );
        }
        io.out(
          '\nConfirm: onward inbox confirm <id> [--as CLASS] [--application ID]   Dismiss: onward inbox dismiss <id>\n',
        );
      });
    });

  inbox
    .command('confirm <id>')
    .description(
      'confirm an email from the review list (optionally as another class, for another application)',
    )
    .option('--as <class>', EMAIL_CLASSES.join(', '))
    .option('--application <id>', 'the application it belongs to')
    .option('--new <company|role>', 'create this application for it, e.g. "Acme|Data Analyst"')
    .action(async (id: string, _o, cmd: Command) => {
      const o = cmd.optsWithGlobals<Opts>();
      let newApplication: { company: string; role: string } | undefined;
      if (typeof o.new === 'string') {
        const [company, role] = o.new.split('|').map((x) => x.trim());
        if (!company || !role) throw invalidInput('--new: write "Company|Role"');
        newApplication = { company, role };
      }
      await withContext(o, io, async (ctx) => {
        const m = await decideReview(ctx, id, {
          action: 'confirm',
          ...(o.as ? { label: o.as as EmailClass } : {}),
          ...(o.application ? { applicationId: o.application as string } : {}),
          ...(newApplication ? { newApplication } : {}),
        });
        if (o.json) printJson(io, m);
        else
          io.out(`Confirmed as ${m.class}${m.applicationId ? ` for application ${m.applicationId}` : ''}.\n`);
      });
    });

  inbox
    .command('dismiss <id>')
    .description('drop an email from the review list')
    .action(async (id: string, _o, cmd: Command) => {
      const o = cmd.optsWithGlobals<Opts>();
      await withContext(o, io, async (ctx) => {
        await decideReview(ctx, id, { action: 'dismiss' });
        io.out('Dismissed.\n');
      });
    });

  inbox
    .command('classify <path>')
    .description(
      'classify only, writing nothing: .eml, .mbox, a folder, or .jsonl of {id, subject, from, body}; one JSON line each',
    )
    .action(async (path: string) => {
      const line = (id: string, subject: string, from: string | null, body: string) => {
        const c = classifyEmail({ subject, from, body });
        io.out(
          `${JSON.stringify({ id, label: c.label, confidence: Math.round(c.confidence * 1000) / 1000, company: c.company, role: c.role, person: c.person })}\n`,
        );
      };
      if (/\.jsonl$/i.test(path)) {
        for await (const item of readJsonl(path)) line(item.id, item.subject, item.from, item.body);
        return;
      }
      for await (const raw of readInput(path)) {
        try {
          const email = await parseEml(raw.bytes);
          line(email.messageId, email.subject, email.from, email.text);
        } catch (error) {
          io.err(`onward: skipped ${raw.source}: ${(error as Error).message}\n`);
        }
      }
    });

  const imap = program.command('imap').description('the mailbox that onward inbox sync reads');
  imap.command('show', { isDefault: true }).action(async (_o, cmd: Command) => {
    const o = cmd.optsWithGlobals<Opts>();
    await withContext(o, io, async (ctx) => {
      const s = await getImap(ctx);
      if (o.json) return printJson(io, s);
      io.out(
        s
          ? `${s.user} at ${s.host}:${s.port}${s.secure ? ' (TLS)' : ''}, folders ${s.folders.join(', ')}${s.hasPassword ? ', password stored' : ', no password yet'}; last sync ${s.lastSync ?? 'never'}\n`
          : 'No mailbox yet: onward imap set --host imap.example.org --user you@example.org (password from ONWARD_IMAP_PASSWORD)\n',
      );
    });
  });
  imap
    .command('set')
    .description(
      'save the mailbox; the password is read from ONWARD_IMAP_PASSWORD (for Gmail/Outlook, an app password)',
    )
    .requiredOption('--host <host>', 'e.g. imap.gmail.com')
    .requiredOption('--user <login>', 'usually your email address')
    .option('--port <n>', 'default 993')
    .option('--folders <list>', 'comma-separated, default INBOX')
    .option('--no-tls', 'plain connection (only for a server on this computer)')
    .action(async (_o, cmd: Command) => {
      const o = cmd.optsWithGlobals<Opts>();
      await withContext(o, io, async (ctx) => {
        const s = await setImap(ctx, {
          host: o.host,
          user: o.user,
          port: o.port === undefined ? undefined : Number(o.port),
          folders: typeof o.folders === 'string' ? o.folders.split(',') : undefined,
          secure: o.tls !== false,
          password: io.env.ONWARD_IMAP_PASSWORD,
        });
        if (o.json) printJson(io, s);
        else io.out(`Saved ${s.user} at ${s.host}:${s.port}. Fetch with: onward inbox sync\n`);
      });
    });
}
