import { useId, useRef, useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { asApiError } from '../api/useLoad';
import type { ApplicationDetail } from '../api/types';
import { t } from '../text';
import { announce } from './announce';
import { FormMessage } from './ui';

export function QuickAdd({
  onAdded,
  autoFocus,
}: {
  onAdded: (application: ApplicationDetail) => void;
  autoFocus?: boolean;
}) {
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; tone: 'ok' | 'error' } | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const input: Record<string, unknown> = { company: text('company'), role: text('role') };
    if (text('url')) input.url = text('url');
    if (text('stage') === 'saved') input.stage = 'saved';
    if (text('jobDescription')) input.jobDescription = text('jobDescription');
    setBusy(true);
    setMessage(null);
    try {
      const created = await api.createApplication(input);
      form.current?.reset();
      announce(t.quickAdd.added(created.companyName));
      onAdded(created);
    } catch (err) {
      setMessage({ text: asApiError(err).message, tone: 'error' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form ref={form} className="quick-add" onSubmit={submit} aria-label={t.quickAdd.title}>
      <div className="grid-2">
        <div className="field">
          <label htmlFor={`${id}-company`}>{t.quickAdd.company}</label>
          <input
            id={`${id}-company`}
            name="company"
            required
            maxLength={200}
            autoComplete="organization"
            autoFocus={autoFocus}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-role`}>{t.quickAdd.role}</label>
          <input id={`${id}-role`} name="role" required maxLength={200} autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor={`${id}-url`}>
            {t.quickAdd.link} <span className="muted">{t.common.optional}</span>
          </label>
          <input
            id={`${id}-url`}
            name="url"
            type="url"
            inputMode="url"
            placeholder="https://"
            aria-describedby={`${id}-url-hint`}
          />
          <p className="hint" id={`${id}-url-hint`}>
            {t.quickAdd.linkHint}
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-stage`}>{t.quickAdd.stage}</label>
          <select id={`${id}-stage`} name="stage" defaultValue="applied">
            <option value="applied">{t.quickAdd.applied}</option>
            <option value="saved">{t.quickAdd.saved}</option>
          </select>
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-jd`}>
          {t.quickAdd.jobDescription} <span className="muted">{t.common.optional}</span>
        </label>
        <textarea id={`${id}-jd`} name="jobDescription" rows={4} aria-describedby={`${id}-jd-hint`} />
        <p className="hint" id={`${id}-jd-hint`}>
          {t.quickAdd.jobDescriptionHint}
        </p>
      </div>
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? t.quickAdd.adding : t.quickAdd.submit}
        </button>
        <FormMessage message={message} />
      </div>
    </form>
  );
}
