import type { Command } from 'commander';
import { invalidInput } from '../../domain/errors.js';
import { Store } from '../../store/index.js';
import { installToken } from '../paths.js';
import { databaseTarget, fixedNow, type CliIo, type GlobalOptions } from '../session.js';

type Opts = GlobalOptions & { port?: string; host?: string };

export function registerStartCommand(
  program: Command,
  io: CliIo,
  onStarted?: (url: string, stop: () => Promise<void>) => void,
): void {
  program
    .command('start')
    .description('start the web app and the API on this computer')
    .option('--port <n>', 'the port', '4477')
    .option(
      '--host <address>',
      'the address to listen on (keep the default unless you know why)',
      '127.0.0.1',
    )
    .action(async (_o, cmd: Command) => {
      const o = cmd.optsWithGlobals<Opts>();
      const port = Number(o.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw invalidInput(`--port "${o.port}" is not a port number`);
      const now = fixedNow(o, io.env);
      const store = await Store.open(databaseTarget(o, io.env));
      let server;
      try {
        // Loaded here, not at the top: the other commands need no web server.
        const { startServer } = await import('../../http/server.js');
        server = await startServer({
          store,
          port,
          host: o.host ?? '127.0.0.1',
          token: installToken(io.env),
          ...(now ? { now } : {}),
        });
      } catch (err) {
        await store.close();
        if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
          throw invalidInput(
            `port ${port} is already in use (is Onward already running?); try --port ${port + 1}`,
          );
        }
        throw err;
      }
      const stop = async () => {
        await server.close();
        await store.close();
      };
      io.out(`Onward is running at ${server.url}\nData: ${store.location}\nPress Ctrl+C to stop.\n`);
      if (onStarted) onStarted(server.url, stop);
      else {
        await new Promise<void>((resolve) => {
          const finish = () => void stop().then(resolve);
          process.once('SIGINT', finish);
          process.once('SIGTERM', finish);
        });
      }
    });
}
