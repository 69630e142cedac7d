import type { PracticeProgress } from '../api/practice';
import { formatDay } from '../format';
import { Link, paths } from '../router';
import { tp } from '../text/practice';

/** Practice per theme over time, as a table (numbers in words), with the feedback behind each theme. */
export function ProgressTable({ progress }: { progress: PracticeProgress }) {
  if (progress.totals.attempts === 0) return <p className="empty">{tp.progress.empty}</p>;
  const t = progress.totals;
  const raised = progress.themes.filter((th) => th.raisedBy.length > 0);
  return (
    <>
      <p>{tp.progress.totals(t.attempts, t.questions, t.lastSevenDays, t.byFriend)}</p>
      <div className="table-scroll">
        <table className="table practice-progress">
          <caption className="visually-hidden">{tp.progress.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{tp.progress.theme}</th>
              <th scope="col">{tp.progress.answers}</th>
              <th scope="col">{tp.progress.average}</th>
              <th scope="col">{tp.progress.trend}</th>
              <th scope="col">{tp.progress.weeks}</th>
              <th scope="col">{tp.progress.status}</th>
            </tr>
          </thead>
          <tbody>
            {progress.themes.map((th) => (
              <tr key={th.theme}>
                <th scope="row">{th.label}</th>
                <td>{th.attempts}</td>
                <td>{th.averageRating ?? tp.progress.none}</td>
                <td>{th.trend ? tp.progress.trends[th.trend] : tp.progress.none}</td>
                <td>
                  {th.weeks.length === 0 ? (
                    tp.progress.none
                  ) : (
                    <ul className="week-bars" aria-label={tp.progress.chartLabel(th.label)}>
                      {th.weeks.slice(-6).map((w) => (
                        <li key={w.week}>
                          <span className="week-name">{tp.progress.week(w.week)}</span>
                          <meter min={0} max={5} value={w.averageRating ?? 0} aria-hidden="true" />
                          <span>{w.averageRating ?? tp.progress.none}</span>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td>
                  {th.met
                    ? tp.progress.met
                    : th.open
                      ? tp.progress.open
                      : th.applications > 0
                        ? tp.progress.once
                        : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {raised.map((th) => (
        <div key={th.theme} className="practice-raised">
          <h3>
            {th.label}: {tp.raisedBy.toLowerCase()}
          </h3>
          <ul className="plain-list">
            {th.raisedBy.slice(-4).map((r, i) => (
              <li key={`${r.applicationId}-${i}`}>
                <Link to={paths.application(r.applicationId)}>
                  {r.company} ({r.role})
                </Link>
                , {formatDay(r.at)}: “{r.sentence}”
              </li>
            ))}
          </ul>
        </div>
      ))}
    </>
  );
}
