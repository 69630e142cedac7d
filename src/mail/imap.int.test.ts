/**
 * syncImap against a real Dovecot (Debian's dovecot-imapd) on 127.0.0.1, no mocks.
 *
 * Each run starts a private Dovecot in the foreground (`dovecot -F -c <temp>/dovecot.conf`): its
 * own base_dir, state and log under a temp folder, one listener on a free loopback port,
 * `ssl = no`, a passwd-file with one test user and Maildir mail under the temp folder. As root,
 * login processes run as dovenull (or nobody) and mail as nobody; otherwise everything runs as
 * the current user. Messages are delivered with IMAP APPEND. The server is stopped and the
 * folder removed afterwards.
 *
 * Skipped (with a line saying so) when /usr/sbin/dovecot is missing, unless ONWARD_TEST_IMAP=1,
 * which makes a missing Dovecot a failure. ONWARD_DOVECOT points at another binary.
 */
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DOVECOT,
  dovecotAvailable,
  freePort,
  IMAP_REQUIRED,
  PASSWORD,
  startDovecot,
  USER,
  type Dovecot,
} from '../../test/dovecot.js';
import { parseEml } from './eml.js';
import { ImapError, syncImap } from './imap.js';
import type { ImapSettings, SyncState } from './imap.js';
import type { RawMessage } from './readers.js';

const REQUIRED = IMAP_REQUIRED;
const available = dovecotAvailable;
if (!available && !REQUIRED) {
  console.log(
    `imap.int.test: skipped, ${DOVECOT} is missing (apt-get install dovecot-imapd; ONWARD_TEST_IMAP=1 makes this fail)`,
  );
}

// ---------------------------------------------------------------------------------------------
// Helpers

let server: Dovecot;

const settings = (overrides: Partial<ImapSettings> = {}): ImapSettings => ({
  host: '127.0.0.1',
  port: server.port,
  secure: false,
  user: USER,
  password: PASSWORD,
  folders: ['INBOX'],
  ...overrides,
});

let serial = 0;
function email(subject: string): string {
  serial += 1;
  return [
    'From: Acme Talent <talent@acme.example>',
    `To: ${USER}`,
    `Subject: ${subject}`,
    `Message-ID: <m${serial}.${Date.now()}@acme.example>`,
    'Date: Mon, 23 Nov 2026 09:00:00 +0000',
    'Content-Type: text/plain; charset=utf-8',
    '',
    `Body of ${subject}.`,
    '',
  ].join('\r\n');
}

/** Works on the mailbox as another mail client would: delivers, creates and deletes folders. */
async function asMailClient<T>(work: (client: ImapFlow) => Promise<T>): Promise<T> {
  const client = new ImapFlow({
    host: '127.0.0.1',
    port: server.port,
    secure: false,
    auth: { user: USER, pass: PASSWORD },
    logger: false,
    disableAutoIdle: true,
  });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.logout();
  }
}

async function deliver(folder: string, subjects: string[], date?: Date): Promise<void> {
  await asMailClient(async (client) => {
    for (const subject of subjects) await client.append(folder, email(subject), [], date);
  });
}

/** Syncs and collects what arrived, as subjects. */
async function sync(
  state: SyncState,
  overrides: Partial<ImapSettings> = {},
  options: Parameters<typeof syncImap>[3] = {},
  onMessage?: (m: RawMessage) => Promise<void>,
) {
  const subjects: string[] = [];
  const sources: string[] = [];
  const result = await syncImap(
    settings(overrides),
    state,
    async (m) => {
      if (onMessage) await onMessage(m);
      sources.push(m.source);
      subjects.push((await parseEml(m.bytes)).subject);
    },
    options,
  );
  return { ...result, subjects, sources };
}

/** This machine's first non-loopback IPv4 address, to reach the server as if it were remote. */
const externalAddress = Object.values(os.networkInterfaces())
  .flat()
  .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;

/** A TCP relay in front of Dovecot, listening on `host`, whose connections can be cut. */
async function startRelay(host: string) {
  const sockets = new Set<net.Socket>();
  const relay = net.createServer((inbound) => {
    const outbound = net.connect(server.port, '127.0.0.1');
    sockets.add(inbound).add(outbound);
    inbound.pipe(outbound).pipe(inbound);
    const drop = (): void => {
      inbound.destroy();
      outbound.destroy();
    };
    inbound.on('error', drop).on('close', drop);
    outbound.on('error', drop).on('close', drop);
  });
  await new Promise<void>((resolve) => relay.listen(0, host, resolve));
  return {
    port: (relay.address() as AddressInfo).port,
    sockets,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => relay.close(resolve));
    },
  };
}

async function imapErrorOf(promise: Promise<unknown>): Promise<ImapError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ImapError) return error;
    throw error;
  }
  throw new Error('expected an ImapError');
}

// ---------------------------------------------------------------------------------------------

describe('syncImap: connection failures without a server', () => {
  it('a closed port is a connection error naming host:port', async () => {
    const port = await freePort();
    const error = await imapErrorOf(
      syncImap(
        { host: '127.0.0.1', port, secure: false, user: 'u', password: 'p4ssw0rd', folders: ['INBOX'] },
        {},
        async () => {},
      ),
    );
    expect(error.code).toBe('connection');
    expect(error.message).toContain(`127.0.0.1:${port}`);
    expect(error.message).not.toContain('p4ssw0rd');
    expect(error.message).not.toContain('\n');
  });
});

describe.skipIf(!available && !REQUIRED)('syncImap against a real Dovecot', () => {
  beforeAll(async () => {
    if (!available) throw new Error(`ONWARD_TEST_IMAP=1 but ${DOVECOT} is missing; install dovecot-imapd`);
    server = await startDovecot();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('first sync fetches all, a second nothing, a new message only itself', async () => {
    await deliver('INBOX', ['Application received', 'Interview invitation', 'Your application']);
    const first = await sync({});
    expect(first.subjects).toEqual(['Application received', 'Interview invitation', 'Your application']);
    expect(first.sources).toEqual(['imap:INBOX/1', 'imap:INBOX/2', 'imap:INBOX/3']);
    expect(first.fetched).toBe(3);
    expect(first.errors).toEqual([]);
    expect(first.state.INBOX).toEqual({ uidValidity: expect.stringMatching(/^\d+$/), lastUid: 3 });

    const second = await sync(first.state);
    expect(second.subjects).toEqual([]);
    expect(second.state).toEqual(first.state);

    await deliver('INBOX', ['Offer']);
    const third = await sync(second.state);
    expect(third.subjects).toEqual(['Offer']);
    expect(third.state.INBOX!.lastUid).toBe(4);
  });

  it('does not change the state it was given, and leaves messages unread', async () => {
    const state: SyncState = {};
    await sync(state);
    expect(state).toEqual({});
    const unseen = await asMailClient(async (client) => {
      await client.mailboxOpen('INBOX');
      return client.search({ seen: false }, { uid: true });
    });
    expect(unseen).toEqual([1, 2, 3, 4]);
  });

  it('several folders, each with its own state; a recreated folder (new UIDVALIDITY) is read again', async () => {
    await asMailClient((client) => client.mailboxCreate('Jobs'));
    await deliver('Jobs', ['Jobs one', 'Jobs two']);
    const first = await sync({}, { folders: ['INBOX', 'Jobs'] });
    expect(first.subjects.slice(-2)).toEqual(['Jobs one', 'Jobs two']);
    expect(first.state.Jobs!.lastUid).toBe(2);
    const inboxState = first.state.INBOX;

    await asMailClient(async (client) => {
      await client.mailboxDelete('Jobs');
      await client.mailboxCreate('Jobs');
    });
    await deliver('Jobs', ['Rebuilt one', 'Rebuilt two', 'Rebuilt three']);
    const again = await sync(first.state, { folders: ['INBOX', 'Jobs'] });
    expect(again.subjects).toEqual(['Rebuilt one', 'Rebuilt two', 'Rebuilt three']);
    expect(again.state.Jobs!.uidValidity).not.toBe(first.state.Jobs!.uidValidity);
    expect(again.state.Jobs!.lastUid).toBe(3);
    expect(again.state.INBOX).toEqual(inboxState);
  });

  it('a message onMessage refuses is not passed: the folder stops there and the next sync resumes', async () => {
    await asMailClient((client) => client.mailboxCreate('Retry'));
    await deliver('Retry', ['r1', 'r2', 'r3']);
    let refuse = true;
    const first = await sync({}, { folders: ['Retry'] }, {}, async (m) => {
      if (m.source === 'imap:Retry/2' && refuse) throw new Error('database is locked');
    });
    expect(first.subjects).toEqual(['r1']);
    expect(first.errors).toEqual([
      { source: 'imap:Retry/2', message: expect.stringContaining('database is locked') },
    ]);
    expect(first.state.Retry!.lastUid).toBe(1);
    refuse = false;
    const second = await sync(first.state, { folders: ['Retry'] });
    expect(second.subjects).toEqual(['r2', 'r3']);
  });

  it('small batches, a checkpoint after each, and `since`', async () => {
    await asMailClient((client) => client.mailboxCreate('Batches'));
    await deliver('Batches', ['old 1', 'old 2'], new Date('2020-03-01T12:00:00Z'));
    await deliver('Batches', ['new 1', 'new 2', 'new 3', 'new 4', 'new 5']);
    const checkpoints: number[] = [];
    const result = await sync(
      {},
      { folders: ['Batches'] },
      { batchSize: 2, onState: (state) => void checkpoints.push(state.Batches!.lastUid) },
    );
    expect(result.subjects).toEqual(['old 1', 'old 2', 'new 1', 'new 2', 'new 3', 'new 4', 'new 5']);
    expect(checkpoints).toEqual([2, 4, 6, 7]);
    const recent = await sync({}, { folders: ['Batches'] }, { since: new Date('2024-01-01T00:00:00Z') });
    expect(recent.subjects).toEqual(['new 1', 'new 2', 'new 3', 'new 4', 'new 5']);
  });

  it('a connection dropped half way: what came before is kept, the error says so, a re-run finishes', async () => {
    await asMailClient((client) => client.mailboxCreate('Drop'));
    await deliver('Drop', ['d1', 'd2', 'd3', 'd4', 'd5', 'd6']);
    const { port: relayPort, sockets, close } = await startRelay('127.0.0.1');
    try {
      const first = await sync(
        {},
        { port: relayPort, folders: ['Drop', 'INBOX'] },
        { batchSize: 2 },
        async (m) => {
          if (m.source === 'imap:Drop/3') for (const s of sockets) s.destroy();
        },
      );
      expect(first.subjects).toEqual(['d1', 'd2', 'd3', 'd4']);
      expect(first.state.Drop!.lastUid).toBe(4);
      expect(first.errors).toHaveLength(1);
      expect(first.errors[0]!.message).toMatch(/connection to 127\.0\.0\.1:\d+ was lost.*run the sync again/);
      expect(first.errors[0]!.message).not.toContain(PASSWORD);
      const rest = await sync(first.state, { folders: ['Drop'] });
      expect(rest.subjects).toEqual(['d5', 'd6']);
    } finally {
      await close();
    }
  });

  it.skipIf(!externalAddress)(
    'refuses to send the password in clear to a server that is not on this machine',
    async () => {
      const relay = await startRelay(externalAddress!);
      try {
        const error = await imapErrorOf(sync({}, { host: externalAddress!, port: relay.port }));
        expect(error.code).toBe('tls');
        expect(error.message).toMatch(/will not send your password in clear/);
      } finally {
        await relay.close();
      }
    },
  );

  it('a missing folder is a folder error listing the folders there', async () => {
    const error = await imapErrorOf(sync({}, { folders: ['INBOX', 'Applications'] }));
    expect(error.code).toBe('folder');
    expect(error.message).toMatch(/no folder "Applications".*INBOX/);
  });

  it('TLS against a plain-text port is a tls error', async () => {
    const error = await imapErrorOf(sync({}, { secure: true }, { timeoutMs: 5000 }));
    expect(error.code).toBe('tls');
    expect(error.message).toContain(`127.0.0.1:${server.port}`);
  });

  it('an aborted sync stops with the abort reason', async () => {
    const controller = new AbortController();
    const seen: string[] = [];
    await expect(
      sync({}, {}, { signal: controller.signal }, async (m) => {
        seen.push(m.source);
        controller.abort(new Error('stopped by the seeker'));
      }),
    ).rejects.toThrow('stopped by the seeker');
    expect(seen).toEqual(['imap:INBOX/1']);
  });

  it('a wrong password is an auth error that names the server and app passwords, never the password', async () => {
    const error = await imapErrorOf(sync({}, { password: 'wrong-password-123' }));
    expect(error.code).toBe('auth');
    expect(error.message).toContain(`127.0.0.1:${server.port}`);
    expect(error.message).toContain('app password');
    expect(error.message).not.toContain('wrong-password-123');
    expect(error.message).not.toContain('\n');
  });
});
