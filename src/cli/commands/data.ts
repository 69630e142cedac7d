import { renameSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { invalidInput } from '../../domain/errors.js';
import { exportData, importData } from '../../services/index.js';
import { printJson, readTextFile, withContext, type CliIo, type GlobalOptions } from '../session.js';

type Opts = GlobalOptions & { out?: string; includeSecrets?: boolean };

export function registerDataCommands(program: Command, io: CliIo): void {
  program
    .command('export')
    .description('write everything to one JSON document (stdout, or --out FILE)')
    .option('--out <file>', 'write to this file instead of stdout')
    .option('--include-secrets', 'also export the mail password and the calendar link (keep the file safe)')
    .action(async (_o, cmd: Command) => {
      const o = cmd.optsWithGlobals<Opts>();
      await withContext(o, io, async (ctx) => {
        const doc = await exportData(ctx, { includeSecrets: Boolean(o.includeSecrets) });
        const text = `${JSON.stringify(doc, null, 2)}\n`;
        if (!o.out) return io.out(text);
        // Write beside and rename, so an interrupted export never leaves half a file under the name.
        const temporary = `${o.out}.partial`;
        try {
          writeFileSync(temporary, text);
          renameSync(temporary, o.out);
        } catch (err) {
          throw invalidInput(
            `cannot write "${o.out}": ${(err as NodeJS.ErrnoException).code ?? String(err)}`,
          );
        }
        io.err(
          `Exported ${doc.applications.length} applications, ${doc.contacts.length} contacts to ${o.out}\n`,
        );
      });
    });

  program
    .command('import')
    .description('restore an export into an empty database, or merge it by id into this one')
    .argument('<file>', 'a file written by onward export')
    .action(async (file: string, _o, cmd: Command) => {
      const o = cmd.optsWithGlobals<Opts>();
      const text = readTextFile(file, 'export file');
      let doc: unknown;
      try {
        doc = JSON.parse(text);
      } catch (err) {
        throw invalidInput(`"${file}" is not JSON (${(err as Error).message}); is it an Onward export?`);
      }
      await withContext(o, io, async (ctx) => {
        const summary = await importData(ctx, doc);
        if (o.json) return printJson(io, summary);
        const list = (counts: Record<string, number>) =>
          Object.entries(counts)
            .map(([k, n]) => `${n} ${k}`)
            .join(', ') || 'nothing';
        io.out(
          summary.mode === 'fresh'
            ? `Imported ${list(summary.added)}.\n`
            : `Merged: added ${list(summary.added)}; updated ${list(summary.updated)}.\n`,
        );
      });
    });
}
