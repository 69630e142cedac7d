/**
 * The inbox: bring in emails (a file, or the seeker's own mailbox over IMAP), see in plain words
 * what Onward made of them, and settle in one click each the few it was not sure about.
 */
import {
  useEffect,
  useId,
  useRef,
  useState,
  type ChangeEvent,
  type DragEvent,
  type FormEvent,
  type ReactNode,
} from 'react';
import { api } from '../api/client';
import { setReviewCount } from '../api/reviewCount';
import type { Application, EmailClass, Imap, InboxSummary, ReviewDecision, ReviewItem } from '../api/types';
import { asApiError, useLoad } from '../api/useLoad';
import { announce } from '../components/announce';
import { ErrorNote, FormMessage, Loading, Page, Section } from '../components/ui';
import { formatDayTime } from '../format';
import { Link, paths } from '../router';
import { t } from '../text';

type Message = { text: string; tone: 'ok' | 'error' } | null;

/** The server takes uploads up to this size. */
const UPLOAD_LIMIT = 200 * 1024 * 1024;

/** The body type the server expects for a file, from its name; null when it is neither kind. */
export function contentTypeFor(name: string): string | null {
  const ext = name.toLowerCase().split('.').pop();
  if (ext === 'eml') return 'message/rfc822';
  if (ext === 'mbox' || ext === 'mbx') return 'application/mbox';
  return null;
}

/** "Read 120 emails: 8 job emails updated your applications; 3 wait for you below; 2 could not be read." */
export function summaryText(s: InboxSummary): string {
  if (s.seen === 0) return s.folders ? t.inbox.syncNothing : t.inbox.summaryNone;
  const other = Math.max(0, s.imported - s.applied - s.review);
  const parts: string[] = [];
  if (s.applied > 0) parts.push(t.inbox.summaryApplied(s.applied));
  if (s.review > 0) parts.push(t.inbox.summaryReview(s.review));
  if (other > 0) parts.push(t.inbox.summaryOther(other));
  if (s.duplicates > 0) parts.push(t.inbox.summaryDuplicates(s.duplicates));
  if (s.errors.length > 0) parts.push(t.inbox.summaryErrors(s.errors.length));
  return `${t.inbox.summaryRead(s.seen)}${parts.length > 0 ? `: ${parts.join('; ')}` : ''}.`;
}

const JOB_CLASSES: EmailClass[] = ['interview', 'rejection', 'offer', 'application_received'];
const list = (items: string[]) => new Intl.ListFormat(t.locale, { type: 'conjunction' }).format(items);

function Summary({ summary }: { summary: InboxSummary }) {
  const found = JOB_CLASSES.filter((c) => summary.byClass[c] > 0).map((c) =>
    t.inbox.foundClasses[c](summary.byClass[c]),
  );
  return (
    <div className={`notice ${summary.errors.length > 0 ? 'notice-warn' : 'notice-ok'} inbox-summary`}>
      <p className="inbox-summary-text">{summaryText(summary)}</p>
      {found.length > 0 ? (
        <p className="small">
          {t.inbox.found} {list(found)}.
        </p>
      ) : null}
      {summary.applied > 0 ? (
        <p className="small">
          <Link to={paths.pipeline}>{t.inbox.seeApplications}</Link>
        </p>
      ) : null}
      {summary.errors.length > 0 ? (
        <details className="inbox-errors">
          <summary>{t.inbox.errorsTitle(summary.errors.length)}</summary>
          <ul>
            {summary.errors.map((e, i) => (
              <li key={`${e.source}-${i}`}>
                <span className="inbox-error-source">{e.source}</span>: {e.message}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}

// ------------------------------------------------------------------------------------ import

type Progress = { name: string; percent: number | null } | null;

function ImportCard({ onImported }: { onImported: () => void }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<Progress>(null);
  const [result, setResult] = useState<InboxSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [over, setOver] = useState(false);
  const busy = progress !== null;

  // A file dropped beside the drop zone would make the browser leave the app to show it.
  useEffect(() => {
    const keep = (event: globalThis.DragEvent) => {
      if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
    };
    window.addEventListener('dragover', keep);
    window.addEventListener('drop', keep);
    return () => {
      window.removeEventListener('dragover', keep);
      window.removeEventListener('drop', keep);
    };
  }, []);

  async function importFile(file: File) {
    const contentType = contentTypeFor(file.name);
    setResult(null);
    if (!contentType) return setError(t.inbox.wrongKind(file.name));
    if (file.size > UPLOAD_LIMIT) return setError(t.inbox.tooLarge(file.name));
    if (file.size === 0) return setError(t.inbox.emptyFile(file.name));
    setError(null);
    setProgress({ name: file.name, percent: 0 });
    try {
      const summary = await api.importInbox(file, file.name, contentType, (sent) =>
        setProgress({ name: file.name, percent: sent >= 1 ? null : Math.floor(sent * 100) }),
      );
      setResult(summary);
      onImported();
    } catch (err) {
      setError(asApiError(err).message);
    } finally {
      setProgress(null);
      if (input.current) input.current.value = '';
    }
  }

  function chosen(event: ChangeEvent<HTMLInputElement>) {
    const file = event.currentTarget.files?.[0];
    if (file && !busy) void importFile(file);
  }

  function dropped(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setOver(false);
    if (busy) return;
    const files = event.dataTransfer.files;
    if (files.length > 1) {
      setResult(null);
      setError(t.inbox.oneFile);
      return;
    }
    const file = files[0];
    if (file) void importFile(file);
  }

  function dragOver(event: DragEvent<HTMLDivElement>) {
    if (!event.dataTransfer.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = busy ? 'none' : 'copy';
    if (!busy) setOver(true);
  }

  function dragLeave(event: DragEvent<HTMLDivElement>) {
    const to = event.relatedTarget;
    if (!(to instanceof Node && event.currentTarget.contains(to))) setOver(false);
  }

  return (
    <Section title={t.inbox.importTitle} id="inbox-import-heading">
      <p className="hint inbox-card-intro">{t.inbox.importIntro}</p>
      <div
        className={`drop-zone${over ? ' is-over' : ''}${busy ? ' is-busy' : ''}`}
        onDragEnter={dragOver}
        onDragOver={dragOver}
        onDragLeave={dragLeave}
        onDrop={dropped}
      >
        <p className="drop-zone-title">{t.inbox.dropHere}</p>
        <p className="drop-zone-or">{t.inbox.or}</p>
        <input
          ref={input}
          id={`${id}-file`}
          className="file-input"
          type="file"
          accept=".eml,.mbox,.mbx,message/rfc822,application/mbox"
          onChange={chosen}
          aria-disabled={busy}
        />
        <label htmlFor={`${id}-file`} className="button-secondary file-button">
          {t.inbox.chooseFile}
        </label>
      </div>
      <div className="inbox-status" role="status" aria-live="polite">
        {progress ? (
          <p className="inbox-progress">
            {progress.percent === null
              ? t.inbox.reading(progress.name)
              : t.inbox.sending(progress.name, progress.percent)}
          </p>
        ) : null}
        {result ? <Summary summary={result} /> : null}
      </div>
      {error ? <ErrorNote error={error} /> : null}
    </Section>
  );
}

// ------------------------------------------------------------------------------------ mailbox

const settingsKey = (imap: Imap | null) =>
  imap ? JSON.stringify([imap.host, imap.port, imap.secure, imap.user, imap.folders, imap.hasPassword]) : '';

function MailboxForm({ imap, onSaved }: { imap: Imap | null; onSaved: (imap: Imap) => void }) {
  const id = useId();
  const [secure, setSecure] = useState(imap?.secure ?? true);
  const [port, setPort] = useState(String(imap?.port ?? 993));
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message>(null);

  // The usual ports follow the TLS box, unless another port was chosen on purpose.
  function toggleSecure(event: ChangeEvent<HTMLInputElement>) {
    const on = event.currentTarget.checked;
    setSecure(on);
    if (on && port === '143') setPort('993');
    if (!on && port === '993') setPort('143');
  }

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const form = event.currentTarget;
    const data = new FormData(form);
    const value = (name: string) => String(data.get(name) ?? '').trim();
    const password = String(data.get('password') ?? '');
    const input = {
      host: value('host'),
      port: Number(value('port')),
      secure,
      user: value('user'),
      folders: value('folders')
        .split(',')
        .map((f) => f.trim())
        .filter(Boolean),
      ...(password ? { password } : {}),
    };
    setBusy(true);
    setMessage(null);
    try {
      const saved = await api.setImap(input);
      const field = form.elements.namedItem('password');
      if (field instanceof HTMLInputElement) field.value = '';
      announce(t.inbox.mailboxSaved);
      onSaved(saved);
    } catch (err) {
      setMessage({ text: asApiError(err).message, tone: 'error' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={save} aria-labelledby="inbox-mailbox-heading">
      <div className="imap-fields">
        <div className="field imap-host">
          <label htmlFor={`${id}-host`}>{t.inbox.host}</label>
          <input
            id={`${id}-host`}
            name="host"
            defaultValue={imap?.host ?? ''}
            required
            placeholder="imap.example.org"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            aria-describedby={`${id}-host-hint`}
          />
          <p className="hint" id={`${id}-host-hint`}>
            {t.inbox.hostHint}
          </p>
        </div>
        <div className="field imap-port">
          <label htmlFor={`${id}-port`}>{t.inbox.port}</label>
          <input
            id={`${id}-port`}
            name="port"
            type="number"
            min={1}
            max={65535}
            inputMode="numeric"
            value={port}
            onChange={(e) => setPort(e.currentTarget.value)}
            required
          />
        </div>
      </div>
      <div className="field">
        <label className="checkbox">
          <input
            type="checkbox"
            name="secure"
            checked={secure}
            onChange={toggleSecure}
            aria-describedby={`${id}-secure-hint`}
          />
          {t.inbox.secure}
        </label>
        <p className="hint imap-secure-hint" id={`${id}-secure-hint`}>
          {t.inbox.secureHint}
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-user`}>{t.inbox.user}</label>
        <input
          id={`${id}-user`}
          name="user"
          defaultValue={imap?.user ?? ''}
          required
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          aria-describedby={`${id}-user-hint`}
        />
        <p className="hint" id={`${id}-user-hint`}>
          {t.inbox.userHint}
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-password`}>{t.inbox.password}</label>
        <input
          id={`${id}-password`}
          name="password"
          type="password"
          autoComplete="current-password"
          required={!imap?.hasPassword}
          aria-describedby={`${id}-password-hint`}
        />
        <p className="hint" id={`${id}-password-hint`}>
          {t.inbox.passwordHint}
          {imap?.hasPassword ? ` ${t.inbox.passwordKeep}` : ''}
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-folders`}>{t.inbox.folders}</label>
        <input
          id={`${id}-folders`}
          name="folders"
          defaultValue={(imap?.folders ?? ['INBOX']).join(', ')}
          required
          autoCapitalize="none"
          spellCheck={false}
          aria-describedby={`${id}-folders-hint`}
        />
        <p className="hint" id={`${id}-folders-hint`}>
          {t.inbox.foldersHint}
        </p>
      </div>
      <div className="form-actions">
        <button type="submit" className="button-secondary" aria-disabled={busy}>
          {busy ? t.common.saving : t.inbox.saveMailbox}
        </button>
        <FormMessage message={message} />
      </div>
    </form>
  );
}

function MailboxCard({
  imap,
  onSaved,
  onSynced,
}: {
  imap: Imap | null;
  onSaved: (imap: Imap) => void;
  onSynced: () => void;
}) {
  const [syncing, setSyncing] = useState(false);
  const [result, setResult] = useState<InboxSummary | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function sync() {
    if (syncing) return;
    setResult(null);
    if (!imap) {
      setError(t.inbox.syncFirst);
      return;
    }
    setError(null);
    setSyncing(true);
    try {
      const summary = await api.syncInbox();
      setResult(summary);
      onSynced();
    } catch (err) {
      setError(t.inbox.syncFailed(asApiError(err).message));
    } finally {
      setSyncing(false);
    }
  }

  return (
    <Section title={t.inbox.mailboxTitle} id="inbox-mailbox-heading">
      <p className="notice notice-info inbox-privacy">{t.inbox.privacy}</p>
      <p className="hint inbox-card-intro">{t.inbox.mailboxIntro}</p>
      <MailboxForm key={settingsKey(imap)} imap={imap} onSaved={onSaved} />
      <div className="inbox-sync">
        <button type="button" className="button" onClick={sync} aria-disabled={syncing}>
          {t.inbox.sync}
        </button>
        <p className="hint inbox-last-sync">
          {imap?.lastSync ? t.inbox.lastSync(formatDayTime(imap.lastSync)) : t.inbox.neverSynced}
        </p>
      </div>
      <div className="inbox-status" role="status" aria-live="polite">
        {syncing ? <p className="inbox-progress">{t.inbox.syncing}</p> : null}
        {result ? <Summary summary={result} /> : null}
      </div>
      {error ? <ErrorNote error={error} /> : null}
    </Section>
  );
}

// ------------------------------------------------------------------------------------ review

const NOUN_CLASS: Record<string, EmailClass> = {
  'application received': 'application_received',
  interview: 'interview',
  rejection: 'rejection',
  offer: 'offer',
  other: 'other',
};
const noun = (word: string): string => {
  const cls = NOUN_CLASS[word.trim()];
  return cls ? t.inbox.classNouns[cls] : word;
};

/** The classifier's reasons (`rejection +6: "regret to inform"`) in plain words. */
export function explainReasons(reasons: string[]): string[] {
  const said: string[] = [];
  const lines: string[] = [];
  for (const reason of reasons) {
    const hit = /^(against: )?([a-z_ ]+) \+[\d.]+: "(.*)"$/.exec(reason);
    if (hit) {
      const phrase = t.inbox.quote(hit[3] ?? '');
      if (hit[1]) lines.push(t.inbox.though(phrase, noun(hit[2] ?? '')));
      else said.push(phrase);
      continue;
    }
    const thread = /^thread: an earlier message reads as (.+)$/.exec(reason);
    if (thread) lines.push(t.inbox.thread(noun(thread[1] ?? '')));
    else if (reason === 'no job-search phrase found') lines.push(t.inbox.noPhrase);
    else lines.push(reason);
  }
  return said.length > 0 ? [t.inbox.because(list(said)), ...lines] : lines;
}

const CLASS_ORDER: EmailClass[] = ['interview', 'rejection', 'offer', 'application_received', 'other'];
const NEW = 'new';

function ReviewCard({
  item,
  applications,
  onDecided,
}: {
  item: ReviewItem;
  applications: Application[];
  onDecided: (item: ReviewItem, message: string) => void;
}) {
  const id = useId();
  const proposedLabel = item.proposal?.label ?? item.label;
  const proposedApp = item.proposal?.applicationId ?? item.application?.id ?? NEW;
  const proposedNew = item.proposal?.newApplication ?? { company: item.company ?? '', role: item.role ?? '' };
  const [label, setLabel] = useState<EmailClass>(proposedLabel);
  const [appChoice, setAppChoice] = useState(proposedApp);
  const [company, setCompany] = useState(proposedNew.company);
  const [role, setRole] = useState(proposedNew.role);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const subject = item.subject.trim() || t.inbox.noSubject;
  const jobRelated = label !== 'other';
  const changed =
    label !== proposedLabel ||
    (jobRelated &&
      (appChoice !== proposedApp ||
        (appChoice === NEW && (company !== proposedNew.company || role !== proposedNew.role))));

  // The proposed application, even when the list has not caught up with it yet.
  const options = [...applications];
  if (item.application && !options.some((a) => a.id === item.application!.id)) {
    const a = item.application;
    options.push({ id: a.id, companyName: a.company, role: a.role, stage: a.stage } as Application);
  }
  options.sort(
    (a, b) => a.companyName.localeCompare(b.companyName, t.locale) || a.role.localeCompare(b.role, t.locale),
  );

  async function decide(decision: ReviewDecision, done: string) {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await api.decide(item.id, decision);
      onDecided(item, done);
    } catch (err) {
      const e = asApiError(err);
      // Settled elsewhere meanwhile (the CLI, another tab): it has left the list either way.
      if (e.status === 404 || e.status === 409) onDecided(item, e.message);
      else setError(e.message);
      setBusy(false);
    }
  }

  async function confirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    if (!jobRelated) {
      void decide({ action: 'confirm', label: 'other' }, t.inbox.markedNotJob(subject));
      return;
    }
    if (appChoice === NEW) {
      const c = company.trim();
      const r = role.trim();
      if (!c || !r) {
        setError(t.inbox.needsCompanyRole);
        return;
      }
      const done = t.inbox.confirmedNew(r, c);
      if (item.proposal?.applicationId) {
        // The server reads "no application" as "the one proposed": make the new one first.
        setBusy(true);
        try {
          const created = await api.createApplication({ company: c, role: r });
          void decide({ action: 'confirm', label, applicationId: created.id }, done);
        } catch (err) {
          setError(asApiError(err).message);
          setBusy(false);
        }
        return;
      }
      void decide(
        { action: 'confirm', label, applicationId: null, newApplication: { company: c, role: r } },
        done,
      );
      return;
    }
    const app = options.find((a) => a.id === appChoice);
    void decide(
      { action: 'confirm', label, applicationId: appChoice },
      app ? t.inbox.confirmedLinked(app.role, app.companyName) : t.inbox.confirmed(subject),
    );
  }

  // Never "100% sure": a guess is a guess.
  const percent = Math.min(99, Math.round(item.confidence * 100));
  const reasons = explainReasons(item.reasons);
  const titleId = `${id}-title`;

  let proposed: ReactNode;
  if (item.application) {
    proposed = (
      <p className="review-proposed">
        {t.inbox.forApplication}{' '}
        <Link to={paths.application(item.application.id)}>
          {t.inbox.applicationName(item.application.role, item.application.company)}
        </Link>{' '}
        <span className={`stage-pill stage-${item.application.stage}`}>
          {t.stages[item.application.stage]}
        </span>
      </p>
    );
  } else if (item.proposal?.newApplication) {
    proposed = (
      <p className="review-proposed">
        {t.inbox.newApplicationShown(item.proposal.newApplication.company, item.proposal.newApplication.role)}
      </p>
    );
  } else {
    proposed = <p className="review-proposed muted">{t.inbox.noApplication}</p>;
  }

  return (
    <li className="review-item" data-review-id={item.id}>
      <article className="card review-card" aria-labelledby={titleId}>
        <h3 id={titleId} tabIndex={-1} className="review-subject">
          {subject}
        </h3>
        <p className="review-meta">
          {item.from ? <span className="review-from">{item.from}</span> : null}
          <time dateTime={item.receivedAt}>{formatDayTime(item.receivedAt)}</time>
        </p>
        {item.excerpt ? (
          <blockquote className="review-excerpt">
            {item.excerpt}
            {item.excerpt.length >= 280 ? '…' : ''}
          </blockquote>
        ) : null}
        <div className="review-verdict">
          <p className="review-thinks">{t.inbox.thinks[item.label](percent)}</p>
          {reasons.length > 0 ? (
            <ul className="review-reasons">
              {reasons.map((r, i) => (
                <li key={i}>{r}</li>
              ))}
            </ul>
          ) : null}
          {proposed}
        </div>
        <form className="review-form" onSubmit={confirm} aria-label={t.inbox.actionsFor(subject)}>
          <div className="review-fields">
            <div className="field">
              <label htmlFor={`${id}-label`}>{t.inbox.actually}</label>
              <select
                id={`${id}-label`}
                value={label}
                onChange={(e) => setLabel(e.currentTarget.value as EmailClass)}
              >
                {CLASS_ORDER.map((c) => (
                  <option key={c} value={c}>
                    {t.inbox.classOptions[c]}
                  </option>
                ))}
              </select>
            </div>
            {jobRelated ? (
              <div className="field">
                <label htmlFor={`${id}-app`}>{t.inbox.whichApplication}</label>
                <select
                  id={`${id}-app`}
                  value={appChoice}
                  onChange={(e) => setAppChoice(e.currentTarget.value)}
                >
                  <option value={NEW}>{t.inbox.newApplicationOption}</option>
                  {options.map((a) => (
                    <option key={a.id} value={a.id}>
                      {t.inbox.applicationOption(a.role, a.companyName, t.stages[a.stage])}
                    </option>
                  ))}
                </select>
              </div>
            ) : null}
            {jobRelated && appChoice === NEW ? (
              <>
                <div className="field">
                  <label htmlFor={`${id}-company`}>{t.inbox.company}</label>
                  <input
                    id={`${id}-company`}
                    value={company}
                    onChange={(e) => setCompany(e.currentTarget.value)}
                    autoComplete="organization"
                  />
                </div>
                <div className="field">
                  <label htmlFor={`${id}-role`}>{t.inbox.role}</label>
                  <input
                    id={`${id}-role`}
                    value={role}
                    onChange={(e) => setRole(e.currentTarget.value)}
                    autoComplete="off"
                  />
                </div>
              </>
            ) : null}
          </div>
          {error ? <ErrorNote error={error} /> : null}
          <div className="review-actions">
            <button type="submit" className="button" aria-disabled={busy}>
              {changed ? t.inbox.confirmCorrection : t.inbox.confirm}
            </button>
            {label !== 'other' ? (
              <button
                type="button"
                className="button-secondary"
                aria-disabled={busy}
                onClick={() => decide({ action: 'confirm', label: 'other' }, t.inbox.markedNotJob(subject))}
              >
                {t.inbox.notJob}
              </button>
            ) : null}
            <button
              type="button"
              className="button-quiet"
              aria-disabled={busy}
              onClick={() => decide({ action: 'dismiss' }, t.inbox.dismissed(subject))}
            >
              {t.inbox.dismiss}
            </button>
          </div>
        </form>
      </article>
    </li>
  );
}

function ReviewList({
  items,
  applications,
  onDecided,
}: {
  items: ReviewItem[];
  applications: Application[];
  onDecided: (item: ReviewItem, message: string) => void;
}) {
  const headingId = 'inbox-review-heading';
  const [focusAfter, setFocusAfter] = useState<{ id: string | null } | null>(null);

  // A card that leaves takes the focus with it: hand it to the next card, or to the heading.
  useEffect(() => {
    if (!focusAfter) return;
    const next = focusAfter.id
      ? document.querySelector<HTMLElement>(`[data-review-id="${CSS.escape(focusAfter.id)}"] h3`)
      : null;
    (next ?? document.getElementById(headingId))?.focus();
    setFocusAfter(null);
  }, [focusAfter]);

  function decided(item: ReviewItem, message: string) {
    const at = items.findIndex((i) => i.id === item.id);
    const next = items[at + 1] ?? items[at - 1] ?? null;
    const hadFocus = document.activeElement?.closest(`[data-review-id]`) !== null;
    onDecided(item, message);
    if (hadFocus) setFocusAfter({ id: next?.id ?? null });
  }

  return (
    <section className="inbox-review" aria-labelledby={headingId}>
      <h2 id={headingId} tabIndex={-1}>
        {items.length > 0 ? t.inbox.reviewCount(items.length) : t.inbox.reviewTitle}
      </h2>
      {items.length > 0 ? (
        <>
          <p className="hint inbox-card-intro">{t.inbox.reviewIntro}</p>
          <ul className="review-list">
            {items.map((item) => (
              <ReviewCard key={item.id} item={item} applications={applications} onDecided={decided} />
            ))}
          </ul>
        </>
      ) : (
        <p className="card empty inbox-empty">{t.inbox.reviewEmpty}</p>
      )}
    </section>
  );
}

// ------------------------------------------------------------------------------------ page

export function InboxPage() {
  const review = useLoad(() => api.review(), []);
  const imap = useLoad(() => api.imap(), []);
  const applications = useLoad(() => api.applications(), []);
  // Settled here: hidden at once, whatever a reload still in flight may answer.
  const [settled, setSettled] = useState<ReadonlySet<string>>(new Set());
  const items = review.data?.filter((i) => !settled.has(i.id));

  useEffect(() => {
    if (items) setReviewCount(items.length);
  }, [items?.length]);

  function refresh() {
    void review.reload();
    void applications.reload();
  }

  function decided(item: ReviewItem, message: string) {
    setSettled((before) => new Set(before).add(item.id));
    announce(message);
    // A new application or a moved stage: the selects on the other cards follow.
    void applications.reload();
  }

  return (
    <Page title={t.inbox.title} intro={t.inbox.intro}>
      <div className="inbox-grid">
        <div className="inbox-main">
          <ImportCard onImported={refresh} />
          {review.error && !items ? (
            <ErrorNote error={review.error} onRetry={() => void review.reload()} />
          ) : items ? (
            <ReviewList items={items} applications={applications.data ?? []} onDecided={decided} />
          ) : (
            <Loading />
          )}
        </div>
        <div className="inbox-side">
          {imap.error && imap.data === undefined ? (
            <ErrorNote error={imap.error} onRetry={() => void imap.reload()} />
          ) : imap.data !== undefined ? (
            <MailboxCard
              imap={imap.data}
              onSaved={(saved) => imap.setData(saved)}
              onSynced={() => {
                refresh();
                void imap.reload();
              }}
            />
          ) : (
            <Loading />
          )}
        </div>
      </div>
    </Page>
  );
}
