import { Command, CommanderError } from 'commander';
import { Problem } from '../domain/errors.js';
import { redactUrl } from '../store/index.js';
import { registerApplicationCommands } from './commands/applications.js';
import { registerContactCommands } from './commands/contacts.js';
import { registerDataCommands } from './commands/data.js';
import { registerFeedbackCommands } from './commands/feedback.js';
import { registerInboxCommands } from './commands/inbox.js';
import { registerInsightCommands } from './commands/insights.js';
import { registerPlaybookCommands, registerReflectionCommands } from './commands/playbook.js';
import { registerPracticeCommands } from './commands/practice.js';
import { registerStartCommand } from './commands/start.js';
import type { CliIo } from './session.js';

export const EXIT_OK = 0;
export const EXIT_USER_ERROR = 1;
export const EXIT_INTERNAL_ERROR = 2;

export interface RunOptions {
  /** For tests: called once `start` is listening, instead of waiting for Ctrl+C. */
  onStarted?: (url: string, stop: () => Promise<void>) => void;
}

function buildProgram(io: CliIo, options: RunOptions): Command {
  const program = new Command('onward')
    .description('Onward turns every job rejection into a next step.')
    .option('--db <target>', 'a SQLite file or a postgres:// URL (env ONWARD_DB; default: your data folder)')
    .option('--now <time>', 'pretend it is this time, for reproducible runs (env ONWARD_NOW)')
    .option('--json', 'print JSON instead of text')
    .showHelpAfterError('(run onward --help for the commands)')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.out(s),
      writeErr: (s) => io.err(s),
      outputError: (s, write) => write(s.replace(/^error: /, 'onward: ')),
    });
  registerApplicationCommands(program, io);
  registerContactCommands(program, io);
  registerPlaybookCommands(program, io);
  registerReflectionCommands(program, io);
  registerInboxCommands(program, io);
  registerFeedbackCommands(program, io);
  registerInsightCommands(program, io);
  registerPracticeCommands(program, io);
  registerDataCommands(program, io);
  registerStartCommand(program, io, options.onStarted);
  for (const cmd of program.commands) {
    cmd.exitOverride();
    for (const sub of cmd.commands) sub.exitOverride();
  }
  return program;
}

/** Database errors the seeker can fix (a server that is down, a file that is not a database). */
function connectionProblem(err: unknown): string | null {
  const e = err as { code?: string; message?: string; address?: string };
  switch (e?.code) {
    case 'ECONNREFUSED':
      return `cannot connect to the database server${e.address ? ` at ${e.address}` : ''}: connection refused; is PostgreSQL running?`;
    case 'ENOTFOUND':
      return 'cannot find the database host; check the --db URL';
    case '28P01':
    case '28000':
      return 'the database refused the user name or password in the --db URL';
    case '3D000':
      return `${e.message ?? 'the database does not exist'}; create it first (createdb)`;
    case 'SQLITE_NOTADB':
      return 'the --db file is not an Onward (SQLite) database';
    case 'SQLITE_CANTOPEN':
      return 'cannot open the --db file; check the folder exists and you may write to it';
    case 'SQLITE_READONLY':
      return 'the --db file is read-only';
    default:
      return null;
  }
}

/** Runs one command line; returns the exit code. Never calls process.exit. */
export async function runCli(argv: string[], io: CliIo, options: RunOptions = {}): Promise<number> {
  const program = buildProgram(io, options);
  try {
    if (argv.length === 0) {
      program.outputHelp();
      return EXIT_OK;
    }
    await program.parseAsync(argv, { from: 'user' });
    return EXIT_OK;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (
        err.code === 'commander.helpDisplayed' ||
        err.code === 'commander.version' ||
        err.code === 'commander.help'
      )
        return EXIT_OK;
      return EXIT_USER_ERROR;
    }
    if (err instanceof Problem) {
      io.err(`onward: ${err.message}\n`);
      return EXIT_USER_ERROR;
    }
    const known = connectionProblem(err);
    if (known) {
      io.err(`onward: ${redactUrl(known)}\n`);
      return EXIT_USER_ERROR;
    }
    io.err(`onward: internal error: ${(err as Error)?.message ?? String(err)}\n`);
    if (io.env.ONWARD_DEBUG) io.err(`${(err as Error)?.stack ?? ''}\n`);
    else io.err('This is a bug in Onward; run again with ONWARD_DEBUG=1 for details and please report it.\n');
    return EXIT_INTERNAL_ERROR;
  }
}
