import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { invalidInput } from '../../domain/errors.js';
import { addFeedback, classifyFeedback, listFeedback } from '../../services/index.js';
import { printJson, withContext, type CliIo, type GlobalOptions } from '../session.js';

type Opts = GlobalOptions & Record<string, unknown>;

export function registerFeedbackCommands(program: Command, io: CliIo): void {
  const feedback = program.command('feedback').description('what interviewers said, and the themes in it');

  feedback
    .command('add <id> <text>')
    .description('record feedback for an application; its themes are found and kept with it')
    .option('--from <name>', 'who gave it')
    .option('--at <time>', 'when it came (default: now)')
    .action(async (id: string, text: string, _o, cmd: Command) => {
      const o = cmd.optsWithGlobals<Opts>();
      await withContext(o, io, async (ctx) => {
        const f = await addFeedback(ctx, id, { text, from: o.from, at: o.at });
        if (o.json) return printJson(io, f);
        io.out(`Saved. Thank you for asking for it: feedback is a gift, even when it stings.\n`);
        if (f.themes.length === 0) io.out('No theme found in it; it is kept as it is.\n');
        for (const t of f.themes) {
          io.out(
            `  ${t.polarity === 'positive' ? '+' : '–'} ${t.theme.replace(/_/g, ' ')}: “${t.sentence}”\n`,
          );
        }
      });
    });

  feedback
    .command('list [id]')
    .description('feedback for one application, or all of it')
    .action(async (id: string | undefined, _o, cmd: Command) => {
      const o = cmd.optsWithGlobals<Opts>();
      await withContext(o, io, async (ctx) => {
        const items = await listFeedback(ctx, id);
        if (o.json) return printJson(io, { feedback: items });
        if (items.length === 0) return io.out('No feedback recorded yet.\n');
        for (const f of items) {
          io.out(`${f.receivedAt.slice(0, 10)}  ${f.text.replace(/\s+/g, ' ').slice(0, 100)}\n`);
          io.out(
            `            themes: ${f.themes.map((t) => `${t.theme}${t.polarity === 'negative' ? ' (–)' : ' (+)'}`).join(', ') || 'none'}\n`,
          );
        }
      });
    });

  feedback
    .command('classify <file>')
    .description('themes only, writing nothing: a .jsonl of {id, text}; one JSON line {id, themes} each')
    .action(async (file: string) => {
      const items: { id: string; text: string }[] = [];
      let n = 0;
      for await (const line of createInterface({
        input: createReadStream(file, 'utf8'),
        crlfDelay: Infinity,
      })) {
        n++;
        if (!line.trim()) continue;
        let o: unknown;
        try {
          o = JSON.parse(line);
        } catch {
          throw invalidInput(`${file} line ${n} is not JSON`);
        }
        const item = o as { id?: unknown; text?: unknown };
        if (typeof item.text !== 'string') throw invalidInput(`${file} line ${n}: expected {id, text}`);
        items.push({ id: String(item.id ?? n), text: item.text });
      }
      for (const r of classifyFeedback(items)) io.out(`${JSON.stringify(r)}\n`);
    });
}
