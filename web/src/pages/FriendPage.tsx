import { useId, useState } from 'react';
import { api } from '../api/client';
import { practiceApi, type PlanItem, type RubricCriterion, type Scores } from '../api/practice';
import { asApiError, useLoad } from '../api/useLoad';
import { announce } from '../components/announce';
import { ErrorNote, FormMessage, Loading, Page } from '../components/ui';
import { RubricRating } from '../practice/RubricRating';
import { Link, paths } from '../router';
import { tp } from '../text/practice';
import '../practice/practice.css';

const VALUES = [1, 2, 3, 4, 5] as const;

/** The rubric with empty boxes, for the friend to tick on paper. */
function PaperRubric({ rubric, caption }: { rubric: readonly RubricCriterion[]; caption: string }) {
  return (
    <table className="paper-rubric">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{tp.friend.criterion}</th>
          {VALUES.map((v) => (
            <th scope="col" key={v}>
              {v}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {[
          ...rubric.map((c) => ({ id: c.id as string, label: c.label })),
          { id: 'overall', label: tp.friend.overall },
        ].map((row) => (
          <tr key={row.id}>
            <th scope="row">{row.label}</th>
            {VALUES.map((v) => (
              <td key={v}>
                <span className="paper-box" aria-hidden="true" />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** After the mock interview: the boxes the friend ticked, entered under their name. */
function EnterRatings({
  item,
  rubric,
  rater,
}: {
  item: PlanItem;
  rubric: readonly RubricCriterion[];
  rater: string;
}) {
  const id = useId();
  const [scores, setScores] = useState<Scores>({});
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; tone: 'ok' | 'error' } | null>(null);
  async function save() {
    if (Object.keys(scores).length === 0) {
      setMessage({ text: tp.session.needRating, tone: 'error' });
      return;
    }
    setBusy(true);
    try {
      const r = await practiceApi.saveAttempt({
        questionId: item.question.id,
        scores,
        ratedBy: 'friend',
        ...(rater.trim() ? { raterName: rater.trim() } : {}),
      });
      const text = tp.friend.saved(rater.trim() || tp.friend.someone, r.attempt.rating);
      setMessage({ text, tone: 'ok' });
      announce(text);
      setScores({});
    } catch (err) {
      setMessage({ text: asApiError(err).message, tone: 'error' });
    } finally {
      setBusy(false);
    }
  }
  return (
    <details className="friend-enter no-print">
      <summary>{tp.friend.enterTitle}</summary>
      <RubricRating rubric={rubric} scores={scores} onChange={setScores} name={`${id}-friend`} />
      <div className="form-actions">
        <button type="button" className="button" onClick={save} disabled={busy}>
          {tp.friend.save}
        </button>
      </div>
      <FormMessage message={message} />
    </details>
  );
}

export default function FriendPage() {
  const loaded = useLoad(
    () => Promise.all([practiceApi.plan(), api.settings().catch(() => ({ name: null }))]),
    [],
  );
  const [rater, setRater] = useState('');
  const raterId = useId();
  if (loaded.error && !loaded.data)
    return (
      <Page title={tp.friend.title}>
        <ErrorNote error={loaded.error} onRetry={loaded.reload} />
      </Page>
    );
  if (!loaded.data)
    return (
      <Page title={tp.friend.title}>
        <Loading />
      </Page>
    );
  const [plan, settings] = loaded.data;
  const name = settings.name?.trim();
  return (
    <Page
      title={tp.friend.title}
      heading={name ? tp.friend.heading(name) : tp.friend.title}
      intro={tp.friend.intro}
      actions={
        <div className="inline-row no-print">
          <button type="button" className="button" onClick={() => window.print()}>
            {tp.friend.print}
          </button>
          <Link className="button-quiet" to={paths.practice}>
            {tp.friend.back}
          </Link>
        </div>
      }
    >
      <section className="card friend-sheet" aria-labelledby="meaning-title">
        <h2 id="meaning-title">{tp.friend.meaning}</h2>
        <dl className="friend-rubric">
          {plan.rubric.map((c) => (
            <div key={c.id}>
              <dt>{c.label}</dt>
              <dd>{tp.rubric.levels(c.levels[1], c.levels[3], c.levels[5])}</dd>
            </div>
          ))}
        </dl>
        <div className="field no-print friend-rater">
          <label htmlFor={raterId}>{tp.friend.raterName}</label>
          <p className="hint">{tp.friend.enterHint}</p>
          <input id={raterId} type="text" value={rater} onChange={(e) => setRater(e.target.value)} />
        </div>
      </section>
      {plan.items.length === 0 ? <p className="empty">{tp.plan.empty}</p> : null}
      <ol className="friend-questions">
        {plan.items.map((item, i) => (
          <li key={item.question.id} className="card friend-question">
            <h2 className="friend-question-text">
              {i + 1}. {item.question.text}
            </h2>
            <p>
              <strong>{tp.plan.strong}:</strong> {item.question.strong}
            </p>
            <p className="small muted">
              {tp.plan.why}: {item.reason.text}
            </p>
            <PaperRubric rubric={plan.rubric} caption={`${tp.rubric.legend}: ${item.question.text}`} />
            <p className="small">{tp.friend.notes}</p>
            <div className="paper-lines" aria-hidden="true" />
            <EnterRatings item={item} rubric={plan.rubric} rater={rater} />
          </li>
        ))}
      </ol>
    </Page>
  );
}
