/**
 * A private Dovecot (Debian's dovecot-imapd) for tests that need a real IMAP server: started in the
 * foreground from a temp folder on a free loopback port, stopped and removed afterwards.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { join } from 'node:path';

export const DOVECOT = process.env.ONWARD_DOVECOT ?? '/usr/sbin/dovecot';
export const IMAP_REQUIRED = process.env.ONWARD_TEST_IMAP === '1';
export const dovecotAvailable = existsSync(DOVECOT);

export const USER = 'seeker@example.com';
export const PASSWORD = 'correct-horse-battery';

// ---------------------------------------------------------------------------------------------
// A private Dovecot

export interface Dovecot {
  port: number;
  dir: string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** uid and gid of a system user from /etc/passwd, or null. */
function systemUser(name: string): { uid: number; gid: number } | null {
  for (const line of readFileSync('/etc/passwd', 'utf8').split('\n')) {
    const [user, , uid, gid] = line.split(':');
    if (user === name && uid && gid) return { uid: Number(uid), gid: Number(gid) };
  }
  return null;
}

function groupName(gid: number): string | null {
  for (const line of readFileSync('/etc/group', 'utf8').split('\n')) {
    const [name, , id] = line.split(':');
    if (name && Number(id) === gid) return name;
  }
  return null;
}

/** Resolves once the server greets on the port. */
async function waitForGreeting(port: number, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`dovecot exited with ${child.exitCode}:\n${log()}`);
    const greeted = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.setTimeout(1000);
      socket.once('data', (data) => {
        socket.destroy();
        resolve(data.toString().startsWith('* OK'));
      });
      socket.once('error', () => resolve(false));
      socket.once('timeout', () => {
        socket.destroy();
        resolve(false);
      });
    });
    if (greeted) return;
    if (Date.now() > deadline) throw new Error(`dovecot did not start on port ${port}:\n${log()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function startDovecot(): Promise<Dovecot> {
  const dir = mkdtempSync(join(os.tmpdir(), 'onward-dovecot-'));
  const root = process.getuid?.() === 0;
  const me = os.userInfo();
  // Dovecot refuses to run login processes as root, and mail as uid 0.
  const mailUser = root ? (systemUser('nobody') ?? { uid: 65534, gid: 65534 }) : { uid: me.uid, gid: me.gid };
  const loginUser = root ? (systemUser('dovenull') ? 'dovenull' : 'nobody') : me.username;
  const internalUser = root ? (systemUser('dovecot') ? 'dovecot' : 'nobody') : me.username;
  const internalGroup = root
    ? (groupName(systemUser(internalUser)?.gid ?? -1) ?? 'nogroup')
    : groupName(me.gid);
  for (const sub of ['run', 'state', 'mail', 'home']) mkdirSync(join(dir, sub));
  if (root) {
    chmodSync(dir, 0o755);
    chownSync(join(dir, 'mail'), mailUser.uid, mailUser.gid);
    chownSync(join(dir, 'home'), mailUser.uid, mailUser.gid);
  }
  writeFileSync(
    join(dir, 'passwd'),
    `${USER}:{PLAIN}${PASSWORD}:${mailUser.uid}:${mailUser.gid}::${join(dir, 'home')}::\n`,
  );
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    writeFileSync(
      join(dir, 'dovecot.conf'),
      `# Onward test server, made by src/mail/imap.int.test.ts
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
# no growing delay after the wrong-password test
login_trusted_networks = 127.0.0.0/8
default_internal_user = ${internalUser}
${internalGroup ? `default_internal_group = ${internalGroup}` : ''}
default_login_user = ${loginUser}
first_valid_uid = 1
mail_location = maildir:${dir}/mail/%u
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/passwd
}
userdb {
  driver = passwd-file
  args = username_format=%u ${dir}/passwd
}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
`,
    );
    const child = spawn(DOVECOT, ['-F', '-c', join(dir, 'dovecot.conf')], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const log = (): string =>
      `${output}${existsSync(join(dir, 'dovecot.log')) ? readFileSync(join(dir, 'dovecot.log'), 'utf8') : ''}`.slice(
        -3000,
      );
    const stop = async (): Promise<void> => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(killer);
      }
    };
    try {
      await waitForGreeting(port, child, log);
      return {
        port,
        dir,
        stop: async () => {
          await stop();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    } catch (error) {
      lastError = error;
      await stop();
    }
  }
  rmSync(dir, { recursive: true, force: true });
  throw lastError;
}
