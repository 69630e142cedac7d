import type { RubricCriterion, Scores } from '../api/practice';
import { Rating } from '../components/Rating';
import { tp } from '../text/practice';

const NUMBERS = ['1', '2', '3', '4', '5'];

/** The mean of the criteria scored, rounded half up, as the server computes it. */
export function overall(scores: Scores): number | null {
  const given = Object.values(scores).filter((v): v is number => typeof v === 'number');
  if (given.length === 0) return null;
  return Math.floor(given.reduce((a, b) => a + b, 0) / given.length + 0.5);
}

/** One 1–5 choice per rubric criterion, each with what a 1, a 3 and a 5 look like. */
export function RubricRating({
  rubric,
  scores,
  onChange,
  name,
}: {
  rubric: readonly RubricCriterion[];
  scores: Scores;
  onChange: (scores: Scores) => void;
  name: string;
}) {
  return (
    <fieldset className="rubric">
      <legend>{tp.rubric.legend}</legend>
      <p className="hint">{tp.rubric.hint}</p>
      {rubric.map((c) => (
        <div key={c.id} className="rubric-row">
          <Rating
            legend={c.label}
            name={`${name}-${c.id}`}
            labels={NUMBERS}
            value={scores[c.id] ?? null}
            onChange={(v) => onChange({ ...scores, [c.id]: v })}
          />
          <p className="hint small">{tp.rubric.levels(c.levels[1], c.levels[3], c.levels[5])}</p>
        </div>
      ))}
      <p className="rubric-overall">{tp.rubric.overall(overall(scores))}</p>
    </fieldset>
  );
}
