import { useId } from 'react';
import { t } from '../text';

/** A 1–5 choice as a group of radio buttons: arrow keys move, the legend says what is rated. */
export function Rating({
  legend,
  value,
  onChange,
  labels = t.rating.options,
  name,
}: {
  legend: string;
  value: number | null;
  onChange: (value: number) => void;
  labels?: readonly string[];
  name?: string;
}) {
  const id = useId();
  const group = name ?? `rating-${id}`;
  return (
    <fieldset className="rating">
      <legend>{legend}</legend>
      <div className="rating-options">
        {[1, 2, 3, 4, 5].map((n) => (
          <label key={n} className={`rating-option ${value === n ? 'is-checked' : ''}`}>
            <input type="radio" name={group} value={n} checked={value === n} onChange={() => onChange(n)} />
            <span>{labels[n - 1] ?? String(n)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
