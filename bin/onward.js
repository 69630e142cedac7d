#!/usr/bin/env node
// The `onward` command. The TypeScript is compiled to dist/ by `npm run build` (run by npm start
// and npm test, and on install through the prepare script).
import { runCli } from '../dist/cli/main.js';

const code = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  env: process.env,
  isTty: Boolean(process.stdout.isTTY),
});
process.exitCode = code;
