/**
 * Incremental IMAP sync with imapflow, for any provider: host, port, TLS, user and (app) password,
 * and the folders to read.
 *
 * Each folder remembers its UIDVALIDITY and the highest UID taken. A sync asks only for UIDs
 * above that, in UID order, and moves the mark past a message only once `onMessage` accepted
 * it; when the server's UIDVALIDITY changed (the folder was rebuilt) the folder is read from the
 * start. Import is idempotent by Message-ID, so even that re-read adds nothing twice.
 *
 * Messages are fetched in small batches (bounded in count and bytes), never the whole folder at
 * once; the folder is opened read-only, so nothing is marked as read.
 */
import { isIP } from 'node:net';
import { ImapFlow } from 'imapflow';
import type { FetchMessageObject } from 'imapflow';
import { Problem } from '../domain/errors.js';
import { MAX_EMAIL_BYTES } from './eml.js';
import type { RawMessage } from './readers.js';

export interface ImapSettings {
  host: string;
  port: number;
  /** TLS from the start (port 993). When false, STARTTLS is used if the server offers it. */
  secure: boolean;
  user: string;
  password: string;
  folders: string[];
  /** Refuse a certificate that does not verify (default true). Turn off only for your own server. */
  rejectUnauthorized?: boolean;
}

export interface FolderState {
  uidValidity: string;
  lastUid: number;
}

/** By folder name. */
export type SyncState = Record<string, FolderState>;

export interface ImapSyncResult {
  state: SyncState;
  fetched: number;
  errors: { source: string; message: string }[];
}

export interface ImapSyncOptions {
  /** Stops between messages; syncImap then rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Only messages the server received on or after this day (IMAP SINCE has day precision). */
  since?: Date;
  /** Called with the state so far after every batch, to save progress on a long first sync. */
  onState?: (state: SyncState) => void | Promise<void>;
  /** Messages per FETCH (default 100); batches also stop at 16 MB. */
  batchSize?: number;
  /** Connection and greeting timeout in ms (default 20 s). */
  timeoutMs?: number;
}

export type ImapErrorCode = 'connection' | 'auth' | 'tls' | 'folder' | 'timeout';

export class ImapError extends Error {
  constructor(
    readonly code: ImapErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ImapError';
  }
}

const BATCH_BYTES = 16 * 1024 * 1024;

// ---------------------------------------------------------------------------------------------
// Errors in the seeker's words

interface ImapFlowFailure {
  code?: string;
  tlsFailed?: boolean;
  message?: string;
  authenticationFailed?: boolean;
  responseText?: string;
  serverResponseCode?: string;
}

const CERTIFICATE_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_GET_ISSUER_CERT',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_REVOKED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** One line, without the password even if a server echoed it back. */
function oneLine(text: string, password: string): string {
  let line = text.replace(/\s+/g, ' ').trim();
  if (password.length >= 3) line = line.split(password).join('***');
  return line.length > 200 ? `${line.slice(0, 197)}...` : line;
}

/** An imapflow or socket failure while connecting, as an ImapError that says what to check. */
export function describeFailure(error: unknown, settings: ImapSettings): ImapError {
  const e = (error ?? {}) as ImapFlowFailure;
  const where = `${settings.host}:${settings.port}`;
  const code = e.code ?? '';
  const said = (text: string | undefined): string =>
    text ? ` (the server said: ${oneLine(text, settings.password)})` : '';
  if (e.authenticationFailed) {
    return new ImapError(
      'auth',
      `${where} refused the login for "${settings.user}"${said(e.responseText)}; check the user name and ` +
        'password (for Gmail, Outlook and iCloud use an app password, not your normal one)',
    );
  }
  if (e.tlsFailed) {
    return new ImapError(
      'tls',
      `${where} offers no encryption (STARTTLS) on this port, and Onward will not send your password in ` +
        'clear; turn TLS on and use port 993',
    );
  }
  if (CERTIFICATE_CODES.has(code)) {
    return new ImapError(
      'tls',
      `the TLS certificate of ${where} is not trusted (${code}); check the host name, or, for your own ` +
        'server with a self-signed certificate, turn certificate checking off',
    );
  }
  if (
    code === 'EPROTO' ||
    code.startsWith('ERR_SSL') ||
    code === 'ClosedAfterConnectTLS' ||
    /wrong version number|ssl|tls/i.test(e.message ?? '')
  ) {
    return new ImapError(
      'tls',
      `the TLS handshake with ${where} failed${said(e.message)}; this port may not use TLS from the start ` +
        '(IMAP is usually 993 with TLS, 143 without)',
    );
  }
  if (code === 'ECONNREFUSED') {
    return new ImapError(
      'connection',
      `nothing answers at ${where} (connection refused); check the host and port (IMAP is usually 993 with TLS, 143 without)`,
    );
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new ImapError(
      'connection',
      `the mail server "${settings.host}" was not found; check the host name and your network`,
    );
  }
  if (['CONNECT_TIMEOUT', 'GREETING_TIMEOUT', 'ETIMEOUT', 'ETIMEDOUT', 'UPGRADE_TIMEOUT'].includes(code)) {
    const hint =
      code === 'GREETING_TIMEOUT' && !settings.secure
        ? '; the port may expect TLS from the start: turn TLS on (port 993)'
        : '; check the host, the port and your network';
    return new ImapError('timeout', `${where} did not answer in time${hint}`);
  }
  if (code === 'ClosedAfterConnectText') {
    return new ImapError(
      'connection',
      `${where} closed the connection at once; the port may expect TLS from the start: turn TLS on (port 993)`,
    );
  }
  const reason = oneLine(e.message ?? String(error), settings.password);
  return new ImapError('connection', `could not talk to ${where}: ${reason}${code ? ` (${code})` : ''}`);
}

function validate(settings: ImapSettings): void {
  const wrong = (what: string): never => {
    throw new Problem('invalid_input', `IMAP settings: ${what}`);
  };
  if (!settings.host?.trim()) wrong('the host is missing (e.g. imap.gmail.com)');
  if (!Number.isInteger(settings.port) || settings.port < 1 || settings.port > 65535)
    wrong(`the port must be a number from 1 to 65535, not "${settings.port}"`);
  if (!settings.user?.trim()) wrong('the user name is missing (usually your email address)');
  if (!settings.password) wrong('the password is missing (for Gmail and Outlook, an app password)');
  if (!Array.isArray(settings.folders) || settings.folders.length === 0)
    wrong('choose at least one folder (e.g. INBOX)');
}

// ---------------------------------------------------------------------------------------------
// Sync

const isLoopback = (host: string): boolean =>
  host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);

const sameFolder = (a: string, b: string): boolean =>
  a === b || (a.toUpperCase() === 'INBOX' && b.toUpperCase() === 'INBOX');

/** Consecutive UIDs as IMAP ranges: [1,2,3,7] → "1:3,7". */
function uidSet(uids: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < uids.length;) {
    let j = i;
    while (j + 1 < uids.length && uids[j + 1] === uids[j]! + 1) j++;
    parts.push(i === j ? String(uids[i]) : `${uids[i]}:${uids[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}

/**
 * Fetches messages newer than the state (all when the folder's UIDVALIDITY changed or is unknown),
 * calling onMessage for each, in UID order; state is advanced only past messages onMessage
 * accepted, so a crash mid-way resumes without duplicates.
 *
 * Throws ImapError when it cannot connect, log in, or find a folder (nothing is fetched then).
 * Once connected, trouble is reported in `errors` and the state returned is good to save: when
 * onMessage throws, that folder stops before the message (the next sync retries it) and the next
 * folder goes on; when the connection drops, the sync stops there. A message over 50 MB is
 * reported and passed over. The input state is not changed.
 */
export async function syncImap(
  settings: ImapSettings,
  state: SyncState,
  onMessage: (m: RawMessage) => Promise<void>,
  options: ImapSyncOptions = {},
): Promise<ImapSyncResult> {
  validate(settings);
  const { signal, since } = options;
  signal?.throwIfAborted();
  const batchSize = Math.max(1, options.batchSize ?? 100);
  const timeout = options.timeoutMs ?? 20_000;
  const where = `${settings.host}:${settings.port}`;
  const client = new ImapFlow({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    auth: { user: settings.user, pass: settings.password },
    tls: {
      rejectUnauthorized: settings.rejectUnauthorized ?? true,
      ...(isIP(settings.host) === 0 && { servername: settings.host }),
    },
    // Without TLS from the start, a remote server must upgrade with STARTTLS: the password never
    // crosses a network in clear. Only a server on this machine may go without.
    ...(!settings.secure && !isLoopback(settings.host) && { doSTARTTLS: true }),
    logger: false,
    disableAutoIdle: true,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: Math.max(timeout, 120_000),
    clientInfo: { name: 'Onward' },
  });
  // imapflow also reports a lost connection as an 'error' event; the failing command says it too.
  let connectionError: unknown = null;
  client.on('error', (error: unknown) => {
    connectionError ??= error;
  });
  const onAbort = (): void => client.close();
  signal?.addEventListener('abort', onAbort, { once: true });

  const result: ImapSyncResult = {
    state: structuredClone(state),
    fetched: 0,
    errors: [],
  };
  try {
    try {
      await client.connect();
    } catch (error) {
      signal?.throwIfAborted();
      throw describeFailure(error, settings);
    }
    let listed;
    try {
      listed = await client.list();
    } catch (error) {
      signal?.throwIfAborted();
      throw describeFailure(error, settings);
    }
    const folders = settings.folders.map((wanted) => {
      const found = listed.find((box) => sameFolder(box.path, wanted));
      if (!found) {
        const names = listed.map((box) => box.path);
        const shown = names.slice(0, 12).join(', ') + (names.length > 12 ? ', …' : '');
        throw new ImapError(
          'folder',
          `there is no folder "${wanted}" at ${where}; its folders are: ${shown}`,
        );
      }
      return { wanted, path: found.path };
    });

    for (const { wanted, path } of folders) {
      signal?.throwIfAborted();
      let lock;
      try {
        lock = await client.getMailboxLock(path, { readOnly: true });
      } catch (error) {
        signal?.throwIfAborted();
        if (!client.usable) throw connectionLost(error, `imap:${wanted}`);
        result.errors.push({
          source: `imap:${wanted}`,
          message: `folder "${wanted}" could not be opened: ${oneLine((error as Error).message, settings.password)}`,
        });
        continue;
      }
      try {
        await syncFolder(wanted);
      } finally {
        lock.release();
      }
    }
  } catch (error) {
    if (error instanceof LostConnection) {
      result.errors.push({ source: error.source, message: error.message });
    } else {
      if (signal?.aborted) throw signal.reason;
      throw error;
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
    await closeQuietly(client);
  }
  if (signal?.aborted) throw signal.reason;
  return result;

  function connectionLost(error: unknown, source: string): LostConnection {
    const reason = describeFailure(connectionError ?? error, settings).message;
    return new LostConnection(
      source,
      `the connection to ${where} was lost (${reason}); run the sync again to fetch the rest`,
    );
  }

  /** Throws LostConnection when the connection is gone and the whole sync must stop. */
  async function syncFolder(folder: string): Promise<'done' | 'stopped'> {
    const mailbox = client.mailbox;
    if (!mailbox) throw connectionLost(null, `imap:${folder}`);
    const uidValidity = String(mailbox.uidValidity);
    const before = result.state[folder];
    const current: FolderState = {
      uidValidity,
      lastUid: before && before.uidValidity === uidValidity ? before.lastUid : 0,
    };
    result.state[folder] = current;
    if (mailbox.exists === 0 || (mailbox.uidNext && mailbox.uidNext <= current.lastUid + 1)) {
      await options.onState?.(structuredClone(result.state));
      return 'done';
    }
    let uids: number[];
    try {
      const found = await client.search(
        { uid: `${current.lastUid + 1}:*`, ...(since && { since }) },
        { uid: true },
      );
      if (found === false || found === undefined) throw new Error('the server refused the search');
      // "n:*" always matches the highest UID, even when it is below n.
      uids = found.filter((uid) => uid > current.lastUid).sort((a, b) => a - b);
    } catch (error) {
      signal?.throwIfAborted();
      if (!client.usable) throw connectionLost(error, `imap:${folder}`);
      result.errors.push({
        source: `imap:${folder}`,
        message: `could not list new messages in "${folder}": ${oneLine((error as Error).message, settings.password)}`,
      });
      return 'stopped';
    }

    for (let start = 0; start < uids.length; start += batchSize) {
      signal?.throwIfAborted();
      const group = uids.slice(start, start + batchSize);
      let sizes: Map<number, number>;
      try {
        const listed = await client.fetchAll(uidSet(group), { uid: true, size: true }, { uid: true });
        sizes = new Map(listed.map((m) => [m.uid, m.size ?? 0]));
      } catch (error) {
        signal?.throwIfAborted();
        throw connectionLost(error, `imap:${folder}/${group[0]}`);
      }
      // Within the group: sub-batches bounded in bytes; messages too large are passed over.
      let batch: number[] = [];
      let batchBytes = 0;
      const batches: number[][] = [];
      for (const uid of group) {
        const size = sizes.get(uid);
        if (size === undefined) continue; // deleted since the search
        if (size > MAX_EMAIL_BYTES) {
          batches.push(batch);
          batches.push([-uid]);
          batch = [];
          batchBytes = 0;
          continue;
        }
        if (batch.length > 0 && batchBytes + size > BATCH_BYTES) {
          batches.push(batch);
          batch = [];
          batchBytes = 0;
        }
        batch.push(uid);
        batchBytes += size;
      }
      batches.push(batch);

      for (const part of batches) {
        if (part.length === 0) continue;
        if (part[0]! < 0) {
          const uid = -part[0]!;
          result.errors.push({
            source: `imap:${folder}/${uid}`,
            message: `passed over: the message is ${Math.round(sizes.get(uid)! / 1024 / 1024)} MB, more than an email Onward reads (50 MB)`,
          });
          current.lastUid = uid;
          continue;
        }
        let messages: FetchMessageObject[];
        try {
          messages = await client.fetchAll(uidSet(part), { uid: true, source: true }, { uid: true });
        } catch (error) {
          signal?.throwIfAborted();
          throw connectionLost(error, `imap:${folder}/${part[0]}`);
        }
        messages.sort((a, b) => a.uid - b.uid);
        for (const message of messages) {
          signal?.throwIfAborted();
          if (message.uid <= current.lastUid || !message.source) continue;
          const source = `imap:${folder}/${message.uid}`;
          try {
            await onMessage({ source, bytes: message.source });
          } catch (error) {
            result.errors.push({
              source,
              message: `not taken, the next sync tries it again: ${oneLine((error as Error).message ?? String(error), settings.password)}`,
            });
            await options.onState?.(structuredClone(result.state));
            return 'stopped';
          }
          current.lastUid = message.uid;
          result.fetched += 1;
        }
        // Whatever the server did not return (deleted meanwhile) is behind us too.
        current.lastUid = Math.max(current.lastUid, part[part.length - 1]!);
      }
      await options.onState?.(structuredClone(result.state));
    }
    return 'done';
  }
}

class LostConnection extends Error {
  constructor(
    readonly source: string,
    message: string,
  ) {
    super(message);
  }
}

async function closeQuietly(client: ImapFlow): Promise<void> {
  if (!client.usable) {
    client.close();
    return;
  }
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      client.logout(),
      new Promise((resolve) => {
        timer = setTimeout(resolve, 2000);
      }),
    ]);
  } catch {
    // Already gone.
  } finally {
    clearTimeout(timer);
    client.close();
  }
}
