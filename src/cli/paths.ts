import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * Where Onward keeps the seeker's data: ONWARD_HOME if set, else the platform's place for user
 * data (XDG_DATA_HOME or ~/.local/share on Linux, Application Support on macOS, APPDATA on Windows).
 */
export function dataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (env.ONWARD_HOME) return env.ONWARD_HOME;
  const home = env.HOME || homedir();
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Onward');
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), 'Onward');
  return join(env.XDG_DATA_HOME || join(home, '.local', 'share'), 'onward');
}

export function defaultDatabase(env: NodeJS.ProcessEnv = process.env): string {
  return join(dataDir(env), 'onward.db');
}

/**
 * The per-install secret that state-changing HTTP requests must carry. Made once, readable only by
 * the seeker, kept beside the data.
 */
export function installToken(env: NodeJS.ProcessEnv = process.env): string {
  const dir = dataDir(env);
  const file = join(dir, 'install-token');
  if (existsSync(file)) {
    const token = readFileSync(file, 'utf8').trim();
    if (/^[0-9a-f]{64}$/.test(token)) return token;
  }
  mkdirSync(dir, { recursive: true });
  const token = randomBytes(32).toString('hex');
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return token;
}
