/**
 * An email draft: edit it with the tone check running as you type (passages that could land
 * harder than meant are marked, with a gentler wording), then send it with the mail server,
 * copy it, or open it in the mail app. Edits are saved as you go.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { api } from '../api/client';
import { asApiError, useLoad } from '../api/useLoad';
import type { Draft, ToneIssue } from '../api/types';
import { formatDay } from '../format';
import { Link, paths } from '../router';
import { t } from '../text';
import { announce } from './announce';
import { ErrorNote, Loading, Notice } from './ui';

type Via = 'smtp' | 'mail_app' | 'copied';

const TONE_DELAY_MS = 350;
const SAVE_DELAY_MS = 700;

/** The body with each flagged passage wrapped in <mark>, numbered like the list of suggestions. */
function marked(body: string, issues: ToneIssue[]): ReactNode[] {
  const sorted = [...issues].sort((a, b) => a.start - b.start);
  const out: ReactNode[] = [];
  let at = 0;
  sorted.forEach((issue, i) => {
    if (issue.start < at || issue.end > body.length || issue.end <= issue.start) return;
    out.push(body.slice(at, issue.start));
    out.push(
      <mark key={`${issue.start}-${i}`} className={`tone-mark tone-${issue.kind}`}>
        {body.slice(issue.start, issue.end)}
        <sup className="tone-ref">{i + 1}</sup>
      </mark>,
    );
    at = issue.end;
  });
  out.push(body.slice(at));
  return out;
}

async function copyText(text: string, fallback: HTMLTextAreaElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (!fallback) return false;
    fallback.focus();
    fallback.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    }
  }
}

export function DraftEditor({
  draftId,
  onSent,
  headingLevel = 2,
}: {
  draftId: string;
  onSent?: (draft: Draft) => void;
  headingLevel?: 2 | 3;
}) {
  const loaded = useLoad(() => Promise.all([api.draft(draftId), api.smtp()]), [draftId]);
  if (loaded.error) return <ErrorNote error={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.data) return <Loading />;
  const [draft, smtp] = loaded.data;
  return (
    <Editor
      key={draft.id}
      initial={draft}
      smtpReady={smtp !== null}
      onSent={onSent}
      headingLevel={headingLevel}
    />
  );
}

function Editor({
  initial,
  smtpReady,
  onSent,
  headingLevel,
}: {
  initial: Draft;
  smtpReady: boolean;
  onSent?: (draft: Draft) => void;
  headingLevel: 2 | 3;
}) {
  const id = useId();
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const [saved, setSaved] = useState(initial);
  const [to, setTo] = useState(initial.to ?? '');
  const [subject, setSubject] = useState(initial.subject);
  const [body, setBody] = useState(initial.body);
  const [issues, setIssues] = useState<ToneIssue[]>(initial.toneWarnings);
  const [checking, setChecking] = useState(false);
  const [saveState, setSaveState] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [busy, setBusy] = useState<Via | null>(null);
  const [sendError, setSendError] = useState<string | null>(null);
  const [sentMessage, setSentMessage] = useState<string | null>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const pendingSave = useRef<Promise<Draft | null> | null>(null);
  const toneGeneration = useRef(0);
  const typed = useRef(false);
  const current = useRef({ to, subject, body });
  current.current = { to, subject, body };
  const lastSaved = useRef({ to: initial.to ?? '', subject: initial.subject, body: initial.body });

  const dirty = () =>
    current.current.to !== lastSaved.current.to ||
    current.current.subject !== lastSaved.current.subject ||
    current.current.body !== lastSaved.current.body;

  async function save(): Promise<Draft | null> {
    if (pendingSave.current) await pendingSave.current;
    if (!dirty()) return saved;
    const snapshot = { ...current.current };
    const edit: { to?: string | null; subject?: string; body?: string } = {};
    if (snapshot.to !== lastSaved.current.to) edit.to = snapshot.to.trim() || null;
    if (snapshot.subject !== lastSaved.current.subject) edit.subject = snapshot.subject;
    if (snapshot.body !== lastSaved.current.body) edit.body = snapshot.body;
    setSaveState('saving');
    const run = api
      .updateDraft(saved.id, edit)
      .then((draft) => {
        lastSaved.current = snapshot;
        setSaved(draft);
        setFieldError(null);
        setSaveState('saved');
        return draft;
      })
      .catch((err: unknown) => {
        setFieldError(asApiError(err).message);
        setSaveState('idle');
        return null;
      })
      .finally(() => {
        pendingSave.current = null;
      });
    pendingSave.current = run;
    return run;
  }

  // Save a moment after typing stops.
  useEffect(() => {
    if (saved.sentAt || !dirty()) return;
    const timer = window.setTimeout(() => void save(), SAVE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [to, subject, body]);

  // Check the tone a moment after typing stops; only the latest answer counts.
  useEffect(() => {
    // The draft arrives already checked; check again once the seeker has typed.
    if (!typed.current) {
      typed.current = true;
      return;
    }
    if (saved.sentAt) return;
    const mine = ++toneGeneration.current;
    setChecking(true);
    const timer = window.setTimeout(async () => {
      try {
        const result = await api.tone(body);
        if (mine === toneGeneration.current) setIssues(result.issues);
      } catch {
        // The check is a help, not a gate: if it fails, the seeker can still write and send.
      } finally {
        if (mine === toneGeneration.current) setChecking(false);
      }
    }, TONE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [body]);

  async function send(via: Via) {
    setBusy(via);
    setSendError(null);
    try {
      const latest = await save();
      if (!latest) return;
      if (via === 'copied') {
        const ok = await copyText(current.current.body, bodyRef.current);
        if (!ok) {
          setSendError(t.errors.clipboard);
          return;
        }
      }
      if (via === 'mail_app') {
        if (!latest.mailto) {
          setSendError(t.draft.noAddress);
          return;
        }
        window.location.href = latest.mailto;
      }
      const sent = await api.sendDraft(latest.id, via);
      setSaved(sent);
      const message =
        via === 'smtp' ? t.draft.sentOk : via === 'copied' ? t.draft.copied : t.draft.openedMailApp;
      setSentMessage(message);
      announce(message);
      onSent?.(sent);
    } catch (err) {
      setSendError(asApiError(err).message);
    } finally {
      setBusy(null);
    }
  }

  if (saved.sentAt) {
    return (
      <div className="draft draft-sent">
        <Notice tone="ok">
          <p>
            {sentMessage ?? t.draft.sent(formatDay(saved.sentAt), t.draft.via[saved.sentVia ?? ''] ?? '')}
          </p>
        </Notice>
        <dl className="draft-summary">
          <dt>{t.draft.to}</dt>
          <dd>{saved.to ?? t.common.none}</dd>
          <dt>{t.draft.subject}</dt>
          <dd>{saved.subject}</dd>
        </dl>
        <div className="draft-body-sent">{saved.body}</div>
      </div>
    );
  }

  const hasAddress = to.trim() !== '';
  const toneStatus = checking
    ? t.draft.toneChecking
    : issues.length === 0
      ? t.draft.toneOk
      : t.draft.toneIssues(issues.length);
  const sortedIssues = [...issues].sort((a, b) => a.start - b.start);

  return (
    <div className="draft">
      {saved.note ? (
        <Notice>
          <p>
            <strong>{t.draft.note}: </strong>
            {saved.note}
          </p>
        </Notice>
      ) : null}
      <div className="field">
        <label htmlFor={`${id}-to`}>{t.draft.to}</label>
        <input
          id={`${id}-to`}
          type="text"
          inputMode="email"
          autoComplete="off"
          value={to}
          onChange={(e) => setTo(e.target.value)}
          aria-describedby={`${id}-to-hint`}
        />
        <p className="hint" id={`${id}-to-hint`}>
          {t.draft.toHint}
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-subject`}>{t.draft.subject}</label>
        <input
          id={`${id}-subject`}
          type="text"
          value={subject}
          onChange={(e) => setSubject(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-body`}>{t.draft.body}</label>
        <textarea
          id={`${id}-body`}
          ref={bodyRef}
          rows={14}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          aria-describedby={`${id}-tone-status`}
          spellCheck
        />
        <p className="hint save-state" aria-hidden="true">
          {saveState === 'saving' ? t.draft.saving : saveState === 'saved' ? t.draft.autosaved : '\u00a0'}
        </p>
      </div>
      {fieldError ? <ErrorNote error={fieldError} /> : null}

      <section className={`tone ${issues.length ? 'has-issues' : 'is-ok'}`} aria-labelledby={`${id}-tone`}>
        <H id={`${id}-tone`} className="tone-heading">
          {t.draft.toneHeading}
        </H>
        <p id={`${id}-tone-status`} className="tone-status" role="status" aria-live="polite">
          {toneStatus}
        </p>
        {sortedIssues.length > 0 ? (
          <>
            <ol className="tone-issues">
              {sortedIssues.map((issue, i) => (
                <li key={`${issue.start}-${i}`}>
                  <p>
                    <mark className={`tone-mark tone-${issue.kind}`}>{issue.text}</mark>{' '}
                    <span className="tone-kind">
                      {t.draft.toneKinds[issue.kind] ?? t.draft.toneKindFallback}
                    </span>
                  </p>
                  {issue.suggestion ? (
                    <p className="tone-suggestion">
                      <strong>{t.draft.suggestion}</strong> {issue.suggestion}
                    </p>
                  ) : null}
                </li>
              ))}
            </ol>
            <details className="tone-preview" open>
              <summary>{t.draft.preview}</summary>
              <div className="tone-preview-body">{marked(body, issues)}</div>
            </details>
          </>
        ) : null}
      </section>

      {!smtpReady ? (
        <p className="hint">
          {t.draft.noSmtp} <Link to={paths.settings + '#smtp'}>{t.draft.smtpSettings}</Link>
        </p>
      ) : null}
      {!hasAddress ? <p className="hint">{t.draft.noAddress}</p> : null}
      <div className="form-actions draft-actions">
        <button
          type="button"
          className="button"
          disabled={busy !== null || !smtpReady || !hasAddress}
          onClick={() => send('smtp')}
        >
          {busy === 'smtp' ? t.draft.sending : t.draft.sendWithSmtp}
        </button>
        <button
          type="button"
          className="button-secondary"
          disabled={busy !== null}
          onClick={() => send('copied')}
        >
          {t.draft.copy}
        </button>
        <button
          type="button"
          className="button-secondary"
          disabled={busy !== null || !hasAddress}
          onClick={() => send('mail_app')}
        >
          {t.draft.openMailApp}
        </button>
      </div>
      {sendError ? <ErrorNote error={sendError} /> : null}
    </div>
  );
}
