/**
 * The "practise with a friend" sheet as one self-contained HTML page (no scripts, no outside files),
 * for `onward practice friend --out sheet.html`: the week's questions, what a strong answer shows,
 * and the rubric with boxes to tick, so a friend, relative or former supervisor can run a mock
 * interview from paper. The same sheet is the web app's /practice/friend page.
 */
import type { PracticePlanView } from '../services/index.js';

const escapeHtml = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

export function friendSheetHtml(plan: PracticePlanView, seeker: string): string {
  const rubricRows = () =>
    plan.rubric
      .map(
        (c) => `<tr>
          <th scope="row">${escapeHtml(c.label)}</th>
          ${[1, 2, 3, 4, 5].map((v) => `<td><span class="box">${v}</span></td>`).join('')}
        </tr>`,
      )
      .join('') +
    `<tr class="overall"><th scope="row">Overall</th>${[1, 2, 3, 4, 5]
      .map((v) => `<td><span class="box">${v}</span></td>`)
      .join('')}</tr>`;
  const questions = plan.items
    .map(
      (item, i) => `<section class="question">
      <h2>${i + 1}. ${escapeHtml(item.question.text)}</h2>
      <p class="strong"><strong>A strong answer shows:</strong> ${escapeHtml(item.question.strong)}</p>
      <p class="why">Why this one: ${escapeHtml(item.reason.text)}</p>
      <p class="id">Question id: <code>${escapeHtml(item.question.id)}</code></p>
      <table>
        <thead><tr><th scope="col">Criterion</th>${[1, 2, 3, 4, 5].map((v) => `<th scope="col">${v}</th>`).join('')}</tr></thead>
        <tbody>${rubricRows()}</tbody>
      </table>
      <p class="notes">Notes: what worked, one thing to change</p>
      <div class="lines"></div>
    </section>`,
    )
    .join('\n');
  const rubric = plan.rubric
    .map(
      (c) =>
        `<dt>${escapeHtml(c.label)}</dt><dd>1: ${escapeHtml(c.levels[1])} 3: ${escapeHtml(c.levels[3])} 5: ${escapeHtml(c.levels[5])}</dd>`,
    )
    .join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Mock interview for ${escapeHtml(seeker)}</title>
<style>
  body { font: 15px/1.5 system-ui, sans-serif; color: #1b1f24; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; }
  h1 { font-size: 1.5rem; margin: 0 0 .5rem; }
  h2 { font-size: 1.1rem; margin: 0 0 .4rem; }
  .question { border-top: 1px solid #888; padding-top: 1rem; margin-top: 1.25rem; break-inside: avoid; }
  table { border-collapse: collapse; margin: .5rem 0; }
  th, td { padding: .2rem .5rem; text-align: left; }
  td { text-align: center; }
  .box { display: inline-block; width: 1.4rem; height: 1.4rem; border: 1.5px solid #333; border-radius: 3px; font-size: .7rem; line-height: 1.4rem; color: #555; }
  .overall th { font-weight: 700; }
  .why, .id { color: #444; font-size: .9rem; margin: .2rem 0; }
  .lines { height: 4.5rem; background: repeating-linear-gradient(transparent 0 1.45rem, #bbb 1.45rem 1.5rem); }
  dt { font-weight: 700; }
  dd { margin: 0 0 .5rem; }
  @media print { body { margin: 0; max-width: none; } .question { page-break-inside: avoid; } }
</style>
</head>
<body>
<h1>Mock interview for ${escapeHtml(seeker)}</h1>
<p>Thank you for helping. Ask each question as an interviewer would, let them answer out loud (about two minutes), then tick one box per row: 1 is weak, 3 is fair, 5 is strong. Be kind and specific: one thing that worked, one thing to change.</p>
<p>Afterwards they can enter your ratings in Onward (Practice → Practise with a friend), or: <code>onward practice answer &lt;question id&gt; --rated-by friend --rater "Your name" --scores structure=4,evidence=3,result=4,relevance=4,delivery=3</code></p>
<h2>What each row means</h2>
<dl>${rubric}</dl>
${questions || '<p>No questions planned this week.</p>'}
</body>
</html>
`;
}
