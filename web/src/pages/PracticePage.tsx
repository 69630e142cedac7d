import { useState, type ReactNode } from 'react';
import { practiceApi, type AttemptResult, type PlanItem } from '../api/practice';
import { useLoad } from '../api/useLoad';
import { ErrorNote, Loading, Notice, Page, Section } from '../components/ui';
import { formatDay, formatDayTime } from '../format';
import { ProgressTable } from '../practice/ProgressTable';
import { Session } from '../practice/Session';
import { Link, paths } from '../router';
import { tp } from '../text/practice';
import '../practice/practice.css';

function PlanEntry({
  item,
  index,
  active,
  onOpen,
  children,
}: {
  item: PlanItem;
  index: number;
  active: boolean;
  onOpen: () => void;
  /** The practice session, shown in place under the question while it is open. */
  children?: ReactNode;
}) {
  const titleId = `plan-q-${index}`;
  return (
    <li className={`practice-item ${active ? 'is-active' : ''}`} aria-labelledby={titleId}>
      <div className="practice-item-main">
        <p className="practice-kind">
          <span className={`practice-chip chip-${item.reason.kind}`}>{tp.plan.kinds[item.reason.kind]}</span>
        </p>
        <p className="practice-item-text" id={titleId}>
          {item.question.text}
        </p>
        <p className="small muted">{item.reason.text}</p>
        <p className="small">
          {item.lastRating !== null && item.lastAt
            ? tp.plan.last(item.lastRating, formatDay(item.lastAt))
            : tp.plan.notYet}{' '}
          {item.due && item.lastRating !== null ? tp.plan.due(formatDay(item.due)) : null}
        </p>
      </div>
      <div className="practice-item-action">
        {active ? (
          <span className="badge">{tp.plan.practising}</span>
        ) : (
          <button type="button" className="button-secondary" onClick={onOpen} aria-describedby={titleId}>
            {tp.plan.practise}
          </button>
        )}
      </div>
      {children}
    </li>
  );
}

export default function PracticePage() {
  const loaded = useLoad(() => Promise.all([practiceApi.plan(), practiceApi.progress()]), []);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [last, setLast] = useState<string | null>(null);

  if (loaded.error && !loaded.data)
    return (
      <Page title={tp.title}>
        <ErrorNote error={loaded.error} onRetry={loaded.reload} />
      </Page>
    );
  if (!loaded.data)
    return (
      <Page title={tp.title}>
        <Loading />
      </Page>
    );
  const [plan, progress] = loaded.data;
  const active = plan.items.find((i) => i.question.id === activeId) ?? null;
  const open = plan.themes.filter((t) => t.open);
  const met = plan.themes.filter((t) => t.met);

  async function saved(result: AttemptResult) {
    const labels = plan.themes
      .filter((t) => result.metThemes.includes(t.theme) && t.open)
      .map((t) => t.label);
    setLast(
      `${tp.session.saved(result.attempt.rating, formatDay(result.card.due))}${labels.length ? ` ${tp.session.met(labels.join(', '))}` : ''}`,
    );
    setActiveId(null);
    await loaded.reload();
    document.getElementById('plan-title')?.focus();
  }

  return (
    <Page
      title={tp.title}
      intro={tp.intro}
      actions={
        <Link className="button-secondary" to={paths.practiceFriend}>
          {tp.friend.link}
        </Link>
      }
    >
      {open.length > 0 || met.length > 0 || plan.interviews.length > 0 ? (
        <Section title={tp.workingOn} id="working-on">
          <ul className="plain-list practice-themes">
            {open.map((t) => (
              <li key={t.theme}>
                <strong>{tp.themeLine(t.label, t.applications)}</strong>{' '}
                <span className="muted">
                  {tp.raisedBy}{' '}
                  {[...new Map(t.raisedBy.map((r) => [r.applicationId, r])).values()].map((r, i, all) => (
                    <span key={r.applicationId}>
                      <Link to={paths.application(r.applicationId)}>{r.company}</Link>
                      {i < all.length - 1 ? ', ' : '.'}
                    </span>
                  ))}
                </span>
              </li>
            ))}
            {met.map((t) => (
              <li key={t.theme}>{tp.metLine(t.label)}</li>
            ))}
          </ul>
          {plan.interviews.length > 0 ? (
            <>
              <h3>{tp.interviewsHeading}</h3>
              <ul className="plain-list">
                {plan.interviews.map((iv) => (
                  <li key={`${iv.applicationId}-${iv.at}`}>
                    <Link to={paths.application(iv.applicationId)}>
                      {tp.interviewLine(iv.role, iv.company, formatDayTime(iv.at))}
                    </Link>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </Section>
      ) : null}

      <section className="card" aria-labelledby="plan-title">
        <div className="card-head">
          <h2 id="plan-title" tabIndex={-1}>
            {tp.plan.title}
          </h2>
        </div>
        <div role="status">{last ? <Notice tone="ok">{last}</Notice> : null}</div>
        {plan.items.length === 0 ? (
          <p className="empty">{tp.plan.empty}</p>
        ) : (
          <>
            <p className="muted">{tp.plan.count(plan.items.length)}</p>
            <ol className="practice-plan">
              {plan.items.map((item, i) => (
                <PlanEntry
                  key={item.question.id}
                  item={item}
                  index={i}
                  active={item.question.id === activeId}
                  onOpen={() => {
                    setActiveId(item.question.id);
                    setLast(null);
                    window.setTimeout(() => document.getElementById('session-title')?.focus(), 0);
                  }}
                >
                  {active && item.question.id === active.question.id ? (
                    <section className="practice-session-card" aria-labelledby="session-title">
                      <h3 id="session-title" className="visually-hidden" tabIndex={-1}>
                        {tp.session.title}: {item.question.text}
                      </h3>
                      <Session
                        key={active.question.id}
                        item={active}
                        rubric={plan.rubric}
                        onSaved={saved}
                        onClose={() => setActiveId(null)}
                      />
                    </section>
                  ) : null}
                </PlanEntry>
              ))}
            </ol>
          </>
        )}
      </section>

      <Section title={tp.progress.title} id="progress-title">
        <ProgressTable progress={progress} />
      </Section>
    </Page>
  );
}
