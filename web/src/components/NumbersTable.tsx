/** The numbers behind a chart or a breakdown: one header row, the first cell of each row names it. */
import type { ReactNode } from 'react';

export interface NumbersRow {
  key: string;
  /** The row's name (a row header), then its values. */
  cells: [ReactNode, ...ReactNode[]];
}

export function NumbersTable({
  caption,
  hideCaption = false,
  columns,
  rows,
}: {
  caption: string;
  /** When a chart's summary already says what the table is, the caption is for screen readers only. */
  hideCaption?: boolean;
  columns: string[];
  rows: NumbersRow[];
}) {
  return (
    <table className="table">
      <caption className={hideCaption ? 'visually-hidden' : undefined}>{caption}</caption>
      <thead>
        <tr>
          {columns.map((c) => (
            <th scope="col" key={c}>
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(({ key, cells: [name, ...values] }) => (
          <tr key={key}>
            <th scope="row">{name}</th>
            {values.map((v, i) => (
              <td key={i}>{v}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
