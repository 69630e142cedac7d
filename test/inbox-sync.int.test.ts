/**
 * `onward inbox sync` end to end: settings saved through the service, a real Dovecot on loopback,
 * the import acting on what arrives, and a second sync fetching only what is new.
 */
import { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Problem } from '../src/domain/errors.js';
import {
  createApplication,
  exportData,
  getApplication,
  getImap,
  setImap,
  syncInbox,
} from '../src/services/index.js';
import { openTestWorld } from './dialects.js';
import {
  dovecotAvailable,
  freePort,
  IMAP_REQUIRED,
  PASSWORD,
  startDovecot,
  USER,
  type Dovecot,
} from './dovecot.js';

if (!dovecotAvailable && !IMAP_REQUIRED) {
  console.log('inbox-sync.int.test: skipped, /usr/sbin/dovecot is missing (apt-get install dovecot-imapd)');
}

const NOW = '2026-11-23T09:00:00.000Z';

function email(id: string, from: string, subject: string, body: string): string {
  return [
    `From: ${from}`,
    `To: ${USER}`,
    `Subject: ${subject}`,
    `Message-ID: <${id}>`,
    'Date: Fri, 20 Nov 2026 15:00:00 +0000',
    'Content-Type: text/plain; charset=utf-8',
    '',
    body,
    '',
  ].join('\r\n');
}

describe.runIf(dovecotAvailable || IMAP_REQUIRED)('inbox sync over IMAP', () => {
  let server: Dovecot;
  beforeAll(async () => {
    server = await startDovecot();
  });
  afterAll(async () => {
    await server?.stop();
  });

  async function deliver(messages: string[]): Promise<void> {
    const client = new ImapFlow({
      host: '127.0.0.1',
      port: server.port,
      secure: false,
      auth: { user: USER, pass: PASSWORD },
      logger: false,
    });
    await client.connect();
    try {
      for (const m of messages) await client.append('INBOX', m);
    } finally {
      await client.logout();
    }
  }

  it('fetches, imports and acts on new mail, and only new mail the next time', async () => {
    const world = await openTestWorld('sqlite', NOW);
    try {
      const ctx = world.ctx;
      const app = await createApplication(ctx, {
        company: 'Bluepeak Logistics',
        role: 'Operations Coordinator',
        applied: '2026-11-03',
      });
      await setImap(ctx, {
        host: '127.0.0.1',
        port: server.port,
        secure: false,
        user: USER,
        password: PASSWORD,
        folders: ['INBOX'],
      });
      const shown = await getImap(ctx);
      expect(shown).toMatchObject({ host: '127.0.0.1', hasPassword: true, lastSync: null });
      expect(JSON.stringify(shown)).not.toContain(PASSWORD);
      expect(JSON.stringify(await exportData(ctx))).not.toContain(PASSWORD);

      await deliver([
        email(
          'sync-rej@bluepeak.example',
          'Bluepeak Logistics Careers <careers@bluepeak.example>',
          'Your application for Operations Coordinator',
          'Dear Sam,\n\nThank you for your interest in the Operations Coordinator position at Bluepeak Logistics. We regret to inform you that we have decided not to move forward with your application.\n\nKind regards,\nBluepeak Logistics Recruitment',
        ),
        email(
          'sync-news@letters.example',
          'Career Tips <news@letters.example>',
          'Five tips for your CV',
          'Our weekly newsletter. Unsubscribe any time.',
        ),
      ]);
      const first = await syncInbox(ctx);
      expect(first).toMatchObject({ seen: 2, imported: 2, errors: [] });
      expect((await getApplication(ctx, app.id)).stage).toBe('rejected');
      expect((await getImap(ctx))?.lastSync).toBe(NOW);

      const second = await syncInbox(ctx);
      expect(second.seen).toBe(0);

      await deliver([
        email('sync-3@letters.example', 'Career Tips <news@letters.example>', 'More tips', 'Unsubscribe.'),
      ]);
      const third = await syncInbox(ctx);
      expect(third).toMatchObject({ seen: 1, imported: 1 });
    } finally {
      await world.close();
    }
  });

  it('says clearly when the password is wrong or the server is not there', async () => {
    const world = await openTestWorld('sqlite', NOW);
    try {
      await setImap(world.ctx, {
        host: '127.0.0.1',
        port: server.port,
        secure: false,
        user: USER,
        password: 'wrong',
        folders: ['INBOX'],
      });
      const wrong = await syncInbox(world.ctx).catch((e: unknown) => e);
      expect(wrong).toBeInstanceOf(Problem);
      expect((wrong as Problem).code).toBe('unavailable');
      expect((wrong as Problem).message).not.toContain('wrong');
      await setImap(world.ctx, {
        host: '127.0.0.1',
        port: await freePort(),
        secure: false,
        user: USER,
        password: PASSWORD,
        folders: ['INBOX'],
      });
      const down = await syncInbox(world.ctx).catch((e: unknown) => e);
      expect((down as Problem).code).toBe('unavailable');
    } finally {
      await world.close();
    }
  });
});
