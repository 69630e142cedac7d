/**
 * An application's feedback (practice 8): each piece in the interviewer's words, with the themes
 * Onward found in it, each marked + or – and shown with the sentence that carries it.
 */
import { useId, useState } from 'react';
import { api } from '../api/client';
import type { ApplicationDetail, Feedback, FeedbackThemeMention } from '../api/types';
import { useLoad } from '../api/useLoad';
import { formatDay } from '../format';
import { t } from '../text';
import { ErrorNote, FormMessage, Loading, Section } from './ui';
import { useSubmit } from './useSubmit';

function ThemeChip({ mention }: { mention: Pick<FeedbackThemeMention, 'theme' | 'polarity'> }) {
  const positive = mention.polarity === 'positive';
  return (
    <span className={`theme-chip ${positive ? 'is-positive' : 'is-negative'}`}>
      <span className="theme-sign" aria-hidden="true">
        {positive ? '+' : '–'}
      </span>
      <span className="visually-hidden">
        {positive ? t.application.themePositive : t.application.themeNegative}{' '}
      </span>
      {t.themes[mention.theme] ?? mention.theme}
    </span>
  );
}

/** The themes grouped by the sentence that carries them, in the order they were found. */
function bySentence(
  themes: FeedbackThemeMention[],
): { sentence: string; mentions: FeedbackThemeMention[] }[] {
  const groups = new Map<string, FeedbackThemeMention[]>();
  for (const m of themes) groups.set(m.sentence, [...(groups.get(m.sentence) ?? []), m]);
  return [...groups].map(([sentence, mentions]) => ({ sentence, mentions }));
}

function FeedbackItem({ feedback, app }: { feedback: Feedback; app: ApplicationDetail }) {
  const contact = feedback.fromContactId
    ? app.contacts.find((c) => c.id === feedback.fromContactId)
    : undefined;
  const from = contact?.name ?? feedback.fromName;
  return (
    <li className="feedback-item">
      <p className="feedback-meta muted small">
        {from ? t.application.feedbackFrom(from) : t.application.feedbackFromUnknown} ·{' '}
        {formatDay(feedback.receivedAt)}
      </p>
      <blockquote className="feedback-text">{feedback.text}</blockquote>
      {feedback.themes.length === 0 ? (
        <p className="muted small">{t.application.feedbackNoThemes}</p>
      ) : (
        <ul className="theme-mentions" aria-label={t.application.feedbackThemes}>
          {bySentence(feedback.themes).map(({ sentence, mentions }) => (
            <li key={sentence}>
              <span className="theme-chips">
                {mentions.map((m) => (
                  <ThemeChip key={`${m.theme}-${m.polarity}`} mention={m} />
                ))}
              </span>
              {/* The sentence that carries them, unless it is the whole feedback shown just above. */}
              {sentence.trim() !== feedback.text.trim() ? <q className="theme-sentence">{sentence}</q> : null}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

export function FeedbackCard({ app, onChanged }: { app: ApplicationDetail; onChanged: () => Promise<void> }) {
  const id = useId();
  const loaded = useLoad(() => api.feedback(app.id), [app.id]);
  const [text, setText] = useState('');
  const [from, setFrom] = useState('');
  const submit = useSubmit();

  return (
    <Section title={t.application.feedback} id="feedback-heading">
      <p className="muted small">{t.application.feedbackIntro}</p>
      {loaded.error && !loaded.data ? (
        <ErrorNote error={loaded.error} onRetry={loaded.reload} />
      ) : !loaded.data ? (
        <Loading />
      ) : loaded.data.length === 0 ? (
        <p className="muted">{t.application.noFeedback}</p>
      ) : (
        <ul className="feedback-list">
          {[...loaded.data].reverse().map((f) => (
            <FeedbackItem key={f.id} feedback={f} app={app} />
          ))}
        </ul>
      )}
      <form
        className="sub-form feedback-form"
        aria-label={t.application.addFeedback}
        onSubmit={async (e) => {
          e.preventDefault();
          if (!text.trim()) return;
          const ok = await submit.run(async () => {
            const saved = await api.addFeedback(app.id, {
              text: text.trim(),
              ...(from.trim() ? { from: from.trim() } : {}),
            });
            await Promise.all([loaded.reload(), onChanged()]);
            return t.application.feedbackSaved(
              saved.themes.map((m) =>
                m.theme === 'positive'
                  ? t.themes.positive
                  : t.application.feedbackThemeSaved(t.themes[m.theme] ?? m.theme, m.polarity === 'positive'),
              ),
            );
          });
          if (ok) {
            setText('');
            setFrom('');
          }
        }}
      >
        <h3>{t.application.addFeedback}</h3>
        <div className="field">
          <label htmlFor={`${id}-text`}>{t.application.feedbackText}</label>
          <textarea
            id={`${id}-text`}
            rows={4}
            value={text}
            onChange={(e) => setText(e.target.value)}
            aria-describedby={`${id}-text-hint`}
            maxLength={50_000}
          />
          <p className="hint" id={`${id}-text-hint`}>
            {t.application.feedbackTextHint}
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-from`}>
            {t.application.feedbackWho} <span className="muted">{t.common.optional}</span>
          </label>
          <input
            id={`${id}-from`}
            value={from}
            onChange={(e) => setFrom(e.target.value)}
            autoComplete="off"
            list={app.contacts.length > 0 ? `${id}-people` : undefined}
            maxLength={200}
          />
          {app.contacts.length > 0 ? (
            <datalist id={`${id}-people`}>
              {app.contacts.map((c) => (
                <option key={c.id} value={c.name} />
              ))}
            </datalist>
          ) : null}
        </div>
        <div className="form-actions">
          <button type="submit" className="button-secondary" disabled={submit.busy || !text.trim()}>
            {submit.busy ? t.common.saving : t.application.saveFeedback}
          </button>
        </div>
        <FormMessage message={submit.message} />
      </form>
    </Section>
  );
}
