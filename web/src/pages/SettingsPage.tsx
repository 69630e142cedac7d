import { useId, useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { asApiError, useLoad } from '../api/useLoad';
import type { Settings, Smtp } from '../api/types';
import { announce } from '../components/announce';
import { ErrorNote, FormMessage, Loading, Page, Section } from '../components/ui';
import { setTimeZone } from '../format';
import { t } from '../text';

type Message = { text: string; tone: 'ok' | 'error' } | null;

const TIMING_KEYS = [
  'thanksWithinHours',
  'followUpBusinessDays',
  'followUpAfterPromiseBusinessDays',
  'ghostedAfterDays',
  'rejectionReplyBusinessDays',
  'feedbackNudgeBusinessDays',
  'reflectWithinDays',
  'polishResumeWithinDays',
  'learnWithinDays',
  'connectWithinDays',
  'offerFeedbackBusinessDays',
  'stayInTouchBeforeWindowEndMonths',
] as const;

const zones = (() => {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
})();

const sameList = (a: readonly unknown[], b: readonly unknown[]) =>
  a.length === b.length && a.every((v, i) => v === b[i]);

function PlaybookSettings({ settings, onSaved }: { settings: Settings; onSaved: (s: Settings) => void }) {
  const id = useId();
  const [preset, setPreset] = useState(settings.cvRetentionPreset);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message>(null);

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const value = (name: string) => String(data.get(name) ?? '').trim();
    const changes: Record<string, unknown> = {};
    if (value('timeZone') !== settings.timeZone) changes.timeZone = value('timeZone');
    if (value('name') !== (settings.name ?? '')) changes.name = value('name');
    if (value('email') !== (settings.email ?? '')) changes.email = value('email') || null;
    for (const key of [...TIMING_KEYS, 'weeklyApplicationGoal', 'activePipelineTarget'] as const) {
      const n = Number(value(key));
      if (value(key) !== '' && n !== settings[key]) changes[key] = n;
    }
    const months = value('stayInTouchMonths')
      .split(/[,\s]+/)
      .filter(Boolean)
      .map(Number);
    if (!sameList(months, settings.stayInTouchMonths)) changes.stayInTouchMonths = months;
    const holidays = value('holidays')
      .split(/[\s,]+/)
      .filter(Boolean);
    if (!sameList(holidays, settings.holidays)) changes.holidays = holidays;
    const weekend = data.getAll('weekend').map(Number);
    if (!sameList(weekend, settings.weekend)) changes.weekend = weekend;
    if (value('cvRetentionPreset') !== settings.cvRetentionPreset)
      changes.cvRetentionPreset = value('cvRetentionPreset');
    if (value('cvRetentionPreset') === 'custom') {
      const m = Number(value('cvRetentionMonths'));
      if (m !== settings.cvRetentionMonths || changes.cvRetentionPreset) changes.cvRetentionMonths = m;
    }
    if (Object.keys(changes).length === 0) {
      announce(t.settings.saved);
      return;
    }
    setBusy(true);
    setMessage(null);
    try {
      const saved = await api.updateSettings(changes as Partial<Settings>);
      const timeZone = typeof changes.timeZone === 'string' ? changes.timeZone : settings.timeZone;
      setTimeZone(timeZone);
      onSaved({
        ...settings,
        ...saved,
        timeZone,
        ...('name' in changes ? { name: changes.name as string } : {}),
        ...('email' in changes ? { email: changes.email as string | null } : {}),
      });
      announce(t.settings.saved);
    } catch (err) {
      setMessage({ text: asApiError(err).message, tone: 'error' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={save} className="settings-form">
      <Section title={t.settings.you} id="you-heading">
        <p className="hint">{t.settings.youIntro}</p>
        <div className="grid-2">
          <div className="field">
            <label htmlFor={`${id}-name`}>{t.settings.name}</label>
            <input id={`${id}-name`} name="name" defaultValue={settings.name ?? ''} autoComplete="name" />
          </div>
          <div className="field">
            <label htmlFor={`${id}-email`}>{t.settings.email}</label>
            <input
              id={`${id}-email`}
              name="email"
              type="email"
              defaultValue={settings.email ?? ''}
              autoComplete="email"
            />
          </div>
        </div>
      </Section>
      <Section title={t.settings.general} id="calendar-settings-heading">
        <div className="field">
          <label htmlFor={`${id}-tz`}>{t.settings.timeZone}</label>
          <input
            id={`${id}-tz`}
            name="timeZone"
            defaultValue={settings.timeZone}
            list={`${id}-zones`}
            autoComplete="off"
            aria-describedby={`${id}-tz-hint`}
          />
          <datalist id={`${id}-zones`}>
            {zones.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
          <p className="hint" id={`${id}-tz-hint`}>
            {t.settings.timeZoneHint}
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-holidays`}>{t.settings.holidays}</label>
          <textarea
            id={`${id}-holidays`}
            name="holidays"
            rows={3}
            defaultValue={settings.holidays.join('\n')}
            aria-describedby={`${id}-holidays-hint`}
          />
          <p className="hint" id={`${id}-holidays-hint`}>
            {t.settings.holidaysHint}
          </p>
        </div>
        <fieldset className="checkbox-group">
          <legend>{t.settings.weekend}</legend>
          {t.settings.weekdays.map((day, i) => (
            <label key={day} className="checkbox">
              <input
                type="checkbox"
                name="weekend"
                value={i + 1}
                defaultChecked={settings.weekend.includes(i + 1)}
              />
              {day}
            </label>
          ))}
        </fieldset>
      </Section>

      <Section title={t.settings.goals} id="goals-heading">
        <div className="grid-2">
          <div className="field">
            <label htmlFor={`${id}-goal`}>{t.settings.weeklyApplicationGoal}</label>
            <input
              id={`${id}-goal`}
              name="weeklyApplicationGoal"
              type="number"
              min={0}
              inputMode="numeric"
              defaultValue={settings.weeklyApplicationGoal}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-target`}>{t.settings.activePipelineTarget}</label>
            <input
              id={`${id}-target`}
              name="activePipelineTarget"
              type="number"
              min={0}
              inputMode="numeric"
              defaultValue={settings.activePipelineTarget}
            />
          </div>
        </div>
      </Section>

      <Section title={t.settings.retention} id="retention-heading">
        <p className="hint">{t.settings.retentionHint}</p>
        <div className="grid-2">
          <div className="field">
            <label htmlFor={`${id}-preset`}>{t.settings.cvRetentionPreset}</label>
            <select
              id={`${id}-preset`}
              name="cvRetentionPreset"
              value={preset}
              onChange={(e) => setPreset(e.target.value)}
            >
              {Object.entries(t.settings.presets).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-months`}>{t.settings.cvRetentionMonths}</label>
            <input
              id={`${id}-months`}
              name="cvRetentionMonths"
              type="number"
              min={1}
              inputMode="numeric"
              defaultValue={settings.cvRetentionMonths}
              disabled={preset !== 'custom'}
            />
          </div>
        </div>
      </Section>

      <Section title={t.settings.timings} id="timings-heading">
        <p className="hint">{t.settings.timingsIntro}</p>
        <div className="grid-2">
          {TIMING_KEYS.map((key) => (
            <div className="field" key={key}>
              <label htmlFor={`${id}-${key}`}>{t.settings.timingLabels[key]}</label>
              <input
                id={`${id}-${key}`}
                name={key}
                type="number"
                min={0}
                inputMode="numeric"
                defaultValue={settings[key]}
              />
            </div>
          ))}
          <div className="field">
            <label htmlFor={`${id}-sit`}>{t.settings.stayInTouchMonths}</label>
            <input
              id={`${id}-sit`}
              name="stayInTouchMonths"
              inputMode="numeric"
              defaultValue={settings.stayInTouchMonths.join(', ')}
            />
          </div>
        </div>
      </Section>
      <div className="form-actions settings-actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? t.common.saving : t.settings.saveSettings}
        </button>
        <FormMessage message={message} />
      </div>
    </form>
  );
}

function SmtpSettings({ smtp, onSaved }: { smtp: Smtp | null; onSaved: (s: Smtp) => void }) {
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message>(null);

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const value = (name: string) => String(data.get(name) ?? '').trim();
    const input: Record<string, unknown> = {
      host: value('host'),
      port: Number(value('port')),
      security: value('security'),
      user: value('user') || null,
      from: value('from'),
    };
    const password = String(data.get('password') ?? '');
    if (password) input.password = password;
    setBusy(true);
    setMessage(null);
    try {
      const saved = await api.setSmtp(input);
      const passwordField = form.elements.namedItem('password');
      if (passwordField instanceof HTMLInputElement) passwordField.value = '';
      announce(t.settings.smtpSaved);
      onSaved(saved);
    } catch (err) {
      setMessage({ text: asApiError(err).message, tone: 'error' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Section title={t.settings.smtp} id="smtp">
      <p className="hint">{t.settings.smtpIntro}</p>
      <form onSubmit={save} key={JSON.stringify(smtp)}>
        <div className="smtp-fields">
          <div className="field">
            <label htmlFor={`${id}-host`}>{t.settings.smtpHost}</label>
            <input
              id={`${id}-host`}
              name="host"
              defaultValue={smtp?.host ?? ''}
              required
              placeholder="smtp.example.org"
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-port`}>{t.settings.smtpPort}</label>
            <input
              id={`${id}-port`}
              name="port"
              type="number"
              min={1}
              max={65535}
              defaultValue={smtp?.port ?? 587}
              required
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-security`}>{t.settings.smtpSecurity}</label>
            <select id={`${id}-security`} name="security" defaultValue={smtp?.security ?? 'starttls'}>
              {Object.entries(t.settings.securities).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-user`}>{t.settings.smtpUser}</label>
            <input id={`${id}-user`} name="user" defaultValue={smtp?.user ?? ''} autoComplete="username" />
          </div>
          <div className="field">
            <label htmlFor={`${id}-password`}>{t.settings.smtpPassword}</label>
            <input
              id={`${id}-password`}
              name="password"
              type="password"
              autoComplete="current-password"
              aria-describedby={smtp?.hasPassword ? `${id}-password-hint` : undefined}
            />
            {smtp?.hasPassword ? (
              <p className="hint" id={`${id}-password-hint`}>
                {t.settings.smtpPasswordKeep}
              </p>
            ) : null}
          </div>
          <div className="field">
            <label htmlFor={`${id}-from`}>{t.settings.smtpFrom}</label>
            <input
              id={`${id}-from`}
              name="from"
              defaultValue={smtp?.from ?? ''}
              required
              aria-describedby={`${id}-from-hint`}
            />
            <p className="hint" id={`${id}-from-hint`}>
              {t.settings.smtpFromHint}
            </p>
          </div>
        </div>
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy}>
            {busy ? t.common.saving : t.settings.saveSmtp}
          </button>
          <FormMessage message={message} />
        </div>
      </form>
    </Section>
  );
}

function DataSettings() {
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message>(null);

  async function importFile(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const file = new FormData(form).get('file');
    if (!(file instanceof File) || file.size === 0) return;
    setBusy(true);
    setMessage(null);
    try {
      let document: unknown;
      try {
        document = JSON.parse(await file.text());
      } catch {
        setMessage({ text: t.settings.importInvalid, tone: 'error' });
        return;
      }
      const summary = await api.importData(document);
      const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);
      const text = t.settings.imported(sum(summary.added), sum(summary.updated));
      announce(text);
      form.reset();
    } catch (err) {
      setMessage({ text: asApiError(err).message, tone: 'error' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Section title={t.settings.data} id="data-heading">
      <p className="hint">{t.settings.dataIntro}</p>
      <p>
        <a className="button-secondary" href="/api/export" download="onward-export.json">
          {t.settings.export}
        </a>
      </p>
      <form onSubmit={importFile} className="inline-form">
        <label htmlFor={`${id}-file`}>{t.settings.import}</label>
        <div className="inline-row">
          <input id={`${id}-file`} name="file" type="file" accept="application/json,.json" required />
          <button type="submit" className="button-secondary" disabled={busy}>
            {busy ? t.settings.importing : t.settings.importButton}
          </button>
        </div>
        <FormMessage message={message} />
      </form>
    </Section>
  );
}

function CalendarSettings() {
  const id = useId();
  const [link, setLink] = useState<string | null>(null);
  const [message, setMessage] = useState<Message>(null);

  async function subscribe(renew: boolean) {
    try {
      const { path } = await api.calendarSubscription(renew);
      setLink(new URL(path, window.location.origin).href);
      setMessage(null);
    } catch (err) {
      setMessage({ text: asApiError(err).message, tone: 'error' });
    }
  }

  return (
    <Section title={t.settings.calendar} id="calendar-heading">
      <p className="hint">{t.settings.calendarIntro}</p>
      <div className="form-actions">
        <a className="button-secondary" href="/api/calendar.ics" download="onward.ics">
          {t.settings.downloadIcs}
        </a>
        {link ? null : (
          <button type="button" className="button-secondary" onClick={() => subscribe(false)}>
            {t.settings.subscribe}
          </button>
        )}
      </div>
      {link ? (
        <div className="field">
          <label htmlFor={`${id}-link`}>{t.settings.subscriptionLink}</label>
          <div className="inline-row">
            <input
              id={`${id}-link`}
              readOnly
              value={link}
              onFocus={(e) => e.currentTarget.select()}
              aria-describedby={`${id}-link-hint`}
            />
            <button
              type="button"
              className="button-secondary"
              onClick={async () => {
                try {
                  await navigator.clipboard.writeText(link);
                  announce(t.settings.linkCopied);
                } catch {
                  setMessage({ text: t.errors.clipboard, tone: 'error' });
                }
              }}
            >
              {t.settings.copyLink}
            </button>
            <button type="button" className="button-quiet" onClick={() => subscribe(true)}>
              {t.settings.renew}
            </button>
          </div>
          <p className="hint" id={`${id}-link-hint`}>
            {t.settings.subscriptionHint}
          </p>
        </div>
      ) : null}
      <FormMessage message={message} />
    </Section>
  );
}

export function SettingsPage() {
  const loaded = useLoad(() => Promise.all([api.settings(), api.smtp()]), []);
  if (loaded.error && !loaded.data) {
    return (
      <Page title={t.settings.title}>
        <ErrorNote error={loaded.error} onRetry={loaded.reload} />
      </Page>
    );
  }
  if (!loaded.data) {
    return (
      <Page title={t.settings.title}>
        <Loading />
      </Page>
    );
  }
  const [settings, smtp] = loaded.data;
  return (
    <Page title={t.settings.title} intro={t.settings.intro}>
      <div className="settings-grid">
        <PlaybookSettings settings={settings} onSaved={(s) => loaded.setData([s, smtp])} />
        <div className="settings-side">
          <SmtpSettings smtp={smtp} onSaved={(s) => loaded.setData([settings, s])} />
          <CalendarSettings />
          <DataSettings />
        </div>
      </div>
    </Page>
  );
}
