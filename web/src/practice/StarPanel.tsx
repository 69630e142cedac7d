import type { StarCheck } from '../api/practice';
import { tp } from '../text/practice';

const PARTS = ['situation', 'task', 'action', 'result'] as const;

/** The STAR check of the typed answer: each part present or missing, in words as well as marks. */
export function StarPanel({ check }: { check: StarCheck | null }) {
  return (
    <section className="star-panel" aria-labelledby="star-title">
      <h3 id="star-title">{tp.star.title}</h3>
      {!check || check.words === 0 ? (
        <p className="muted">{tp.star.empty}</p>
      ) : (
        <>
          <ul className="star-parts">
            {PARTS.map((p) => (
              <li key={p} className={check[p].present ? 'is-present' : 'is-missing'}>
                <span aria-hidden="true">{check[p].present ? '✓' : '○'}</span> {tp.star[p]}:{' '}
                {check[p].present ? tp.star.present : tp.star.missing}
              </li>
            ))}
          </ul>
          <ul className="plain-list small">
            <li>
              {tp.star.measurable}: {check.measurableResult ? tp.star.yes : tp.star.no}
            </li>
            <li>
              {tp.star.specific}: {check.specificExample ? tp.star.yes : tp.star.no}
            </li>
            <li>{tp.star.words(check.words, check.estimatedSeconds)}</li>
            <li>
              {tp.star.fillers(
                check.fillerCount,
                check.fillers.map((f) => `${f.word} ×${f.count}`).join(', '),
              )}
            </li>
          </ul>
          {check.tips.length > 0 ? (
            <>
              <h4>{tp.star.tips}</h4>
              <ul className="star-tips">
                {check.tips.map((tip) => (
                  <li key={tip}>{tip}</li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      )}
    </section>
  );
}
