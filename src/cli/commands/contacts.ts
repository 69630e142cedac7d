import type { Command } from 'commander';
import { addContact, listContacts } from '../../services/index.js';
import { table } from '../format.js';
import { printJson, withContext, type CliIo, type GlobalOptions } from '../session.js';

type Opts = GlobalOptions & Record<string, string | undefined>;

export function registerContactCommands(program: Command, io: CliIo): void {
  const contact = program
    .command('contact')
    .description('the people you meet: recruiters, interviewers, referrers…');

  contact
    .command('add')
    .description('add a contact (or fill in one you already have with the same email)')
    .requiredOption('--name <name>', 'their name')
    .option('--email <email>')
    .option('--role <role>', 'recruiter, hiring_manager, interviewer, hr, referrer or other')
    .option('--company <name>')
    .option('--phone <number>')
    .option('--linkedin <url>')
    .option('--notes <text>')
    .option('--application <id>', 'link them to an application')
    .action(async (_o, cmd: Command) => {
      const o = cmd.optsWithGlobals<Opts>();
      await withContext(o, io, async (ctx) => {
        const c = await addContact(ctx, {
          name: o.name as string,
          email: o.email,
          role: o.role as never,
          company: o.company,
          phone: o.phone,
          linkedin: o.linkedin,
          notes: o.notes,
          applicationId: o.application,
        });
        if (o.json) printJson(io, c);
        else io.out(`Saved contact ${c.name}${c.companyName ? ` (${c.companyName})` : ''} (id ${c.id})\n`);
      });
    });

  contact
    .command('list')
    .description('list contacts')
    .option('--company <name>')
    .option('--role <role>')
    .option('--search <words>', 'in names and emails')
    .action(async (_o, cmd: Command) => {
      const o = cmd.optsWithGlobals<Opts>();
      await withContext(o, io, async (ctx) => {
        const rows = await listContacts(ctx, { company: o.company, role: o.role, q: o.search });
        if (o.json) return printJson(io, rows);
        if (rows.length === 0) {
          io.out(
            'No contacts yet. They are added when you log an interview with --with, or with: onward contact add --name "…"\n',
          );
          return;
        }
        io.out(
          `${table(
            ['ID', 'NAME', 'EMAIL', 'ROLE', 'COMPANY'],
            rows.map((c) => [c.id, c.name, c.email ?? '', c.role.replace('_', ' '), c.companyName ?? '']),
            [12, 28, 32, 14, 28],
          )}\n`,
        );
      });
    });
}
