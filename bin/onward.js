#!/usr/bin/env node
// The `onward` command. The TypeScript is compiled to dist/ by `npm run build` (run by npm start
// and npm test, and on install through the prepare script).
import { runCli } from '../dist/cli/main.js';

// `onward today | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const code = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  env: process.env,
  isTty: Boolean(process.stdout.isTTY),
});
process.exitCode = code;
