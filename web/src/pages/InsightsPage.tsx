/**
 * Insights (practices 8, 9, 14, 15 and 16): how the search is going, in numbers and plain words —
 * the funnel next to typical rates, the weekly pace, replies and silence, what the feedback keeps
 * saying, the skills the roles asked for (with learning goals and the résumés they are read from),
 * where the search works, the milestones reached and the mood over time.
 *
 * Loaded on demand (it carries Chart.js). Every chart's numbers are also in a table.
 */
import { useEffect, useId, useState } from 'react';
import { api } from '../api/client';
import {
  LEARNING_KINDS,
  type InsightsReport,
  type LearningGoal,
  type LearningKind,
  type ResumeView,
  type SkillGap,
  type ThemeInsight,
} from '../api/types';
import { useLoad } from '../api/useLoad';
import { ChartFigure } from '../components/charts';
import { NumbersTable } from '../components/NumbersTable';
import { ResumesCard } from '../components/ResumesCard';
import { ErrorNote, FormMessage, Loading, Page, Section } from '../components/ui';
import { fieldText, useSubmit } from '../components/useSubmit';
import { addDays, formatDay, formatLocalDate, localDate } from '../format';
import { Link, paths } from '../router';
import { t } from '../text';

const ti = t.insights;

/** "25%", or "8.4%" under ten, or "—" without data. */
function percent(rate: number | null): string {
  if (rate === null) return t.common.none;
  const p = rate * 100;
  const rounded = p < 10 ? Math.round(p * 10) / 10 : Math.round(p);
  return `${rounded}%`;
}

/** A week by its Monday, short: "3 Nov". */
function weekLabel(ymd: string): string {
  const [y, m, d] = ymd.split('-').map(Number);
  return new Intl.DateTimeFormat(t.locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)),
  );
}

const axisTicks = { precision: 0 };

// ---------------------------------------------------------------------------------------------
// At a glance

function Headlines({ report }: { report: InsightsReport }) {
  const { totals } = report;
  return (
    <Section title={ti.glance} id="glance-heading" className="insights-glance">
      <ul className="headlines">
        {report.headlines.map((h) => (
          <li key={h}>{h}</li>
        ))}
      </ul>
      <dl className="stats">
        <div>
          <dt>{ti.totals.sent}</dt>
          <dd>{totals.sent}</dd>
        </div>
        <div>
          <dt>{ti.totals.open}</dt>
          <dd>{totals.open}</dd>
        </div>
        <div>
          <dt>{ti.totals.feedback}</dt>
          <dd>{totals.feedback}</dd>
        </div>
        <div>
          <dt>{ti.totals.outcomes}</dt>
          <dd>{totals.outcomes}</dd>
        </div>
      </dl>
    </Section>
  );
}

// ---------------------------------------------------------------------------------------------
// The funnel, next to typical rates

function Funnel({ report }: { report: InsightsReport }) {
  const { rows, typical } = report.funnel;
  return (
    <Section title={ti.funnel} id="funnel-heading">
      {report.totals.sent === 0 ? (
        <p className="muted">{ti.funnelEmpty}</p>
      ) : (
        <ChartFigure
          caption={ti.funnelCaption}
          summary={ti.funnelSummary(rows.map((r) => `${r.label} ${r.count}`).join(', '))}
          data={rows}
          build={(p) => ({
            type: 'bar',
            data: {
              labels: rows.map((r) => r.label),
              datasets: [
                {
                  label: ti.funnelDataset,
                  data: rows.map((r) => r.count),
                  backgroundColor: p.primary,
                  borderRadius: 4,
                },
              ],
            },
            options: {
              plugins: { legend: { display: false } },
              scales: { y: { beginAtZero: true, ticks: axisTicks } },
            },
          })}
          table={
            <NumbersTable
              caption={ti.funnelCaption}
              hideCaption
              columns={[
                ti.funnelColumns.step,
                ti.funnelColumns.count,
                ti.funnelColumns.fromPrevious,
                ti.funnelColumns.fromApplied,
              ]}
              rows={rows.map((r) => ({
                key: r.step,
                cells: [r.label, r.count, percent(r.fromPrevious), percent(r.fromApplied)],
              }))}
            />
          }
        />
      )}
      <h3 className="sub-heading">{ti.typicalHeading}</h3>
      <ul className="rates">
        {typical.map((r) => (
          <li key={`${r.from}-${r.to}`} className="rate">
            <p className="rate-label">{r.label}</p>
            <dl className="rate-figures">
              <div>
                <dt>{ti.yours}</dt>
                <dd>
                  {r.yours === null ? (
                    ti.yoursNone
                  ) : (
                    <>
                      <strong>{percent(r.yours)}</strong>{' '}
                      <span className="muted">{ti.basedOn(r.basedOn)}</span>
                    </>
                  )}
                </dd>
              </div>
              <div>
                <dt>{ti.typical}</dt>
                <dd>
                  {r.low === r.high ? ti.about(percent(r.low)) : ti.range(percent(r.low), percent(r.high))}
                </dd>
              </div>
            </dl>
            <p className="muted small rate-source">
              {ti.source} {r.source}
            </p>
          </li>
        ))}
      </ul>
      <p className="muted small">{ti.typicalNote}</p>
    </Section>
  );
}

// ---------------------------------------------------------------------------------------------
// Pace: applications per week against the goal

function Pace({ report }: { report: InsightsReport }) {
  const weeks = report.weekly;
  const thisWeek = weeks.at(-1);
  const total = weeks.reduce((s, w) => s + w.applied, 0);
  return (
    <Section title={ti.pace} id="pace-heading">
      <p className="big-line">
        {report.streak > 0 ? ti.streak(report.streak) : ti.noStreak(report.weeklyGoal)}
      </p>
      <ChartFigure
        caption={ti.paceCaption(weeks.length)}
        summary={ti.paceSummary(weeks.length, total, report.weeklyGoal, thisWeek?.applied ?? 0)}
        data={weeks}
        build={(p) => ({
          type: 'bar',
          data: {
            labels: weeks.map((w) => weekLabel(w.week)),
            datasets: [
              {
                type: 'bar',
                label: ti.paceSent,
                data: weeks.map((w) => w.applied),
                backgroundColor: p.primary,
                borderRadius: 4,
                pointStyle: 'rect',
                order: 2,
              },
              {
                type: 'line',
                label: ti.paceGoal,
                data: weeks.map((w) => w.goal),
                borderColor: p.goal,
                backgroundColor: p.goal,
                borderDash: [6, 4],
                borderWidth: 2,
                pointRadius: 0,
                pointStyle: 'line',
                order: 1,
              },
            ],
          },
          options: {
            plugins: { legend: { position: 'bottom', labels: { usePointStyle: true, pointStyleWidth: 24 } } },
            scales: { y: { beginAtZero: true, ticks: axisTicks } },
          },
        })}
        table={
          <NumbersTable
            caption={ti.paceCaption(weeks.length)}
            hideCaption
            columns={[ti.weekOf, ti.paceSent, ti.paceGoal]}
            rows={weeks.map((w) => ({ key: w.week, cells: [formatLocalDate(w.week), w.applied, w.goal] }))}
          />
        }
      />
    </Section>
  );
}

// ---------------------------------------------------------------------------------------------
// Replies and silence

function Replies({ report }: { report: InsightsReport }) {
  const { responseTime, ghosting } = report;
  return (
    <Section title={ti.replies} id="replies-heading">
      <dl className="figures">
        <div>
          <dt>{ti.firstReply}</dt>
          <dd>
            {responseTime.medianDays === null ? (
              <span className="muted">{ti.noReplies}</span>
            ) : (
              <>
                <span className="figure">{ti.days(responseTime.medianDays)}</span>
                <span className="muted small">{ti.medianOf(responseTime.count)}</span>
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>{ti.silence}</dt>
          <dd>
            {ghosting.of === 0 ? (
              <span className="muted">{ti.silenceNone}</span>
            ) : (
              <>
                <span className="figure">{ti.silentOf(ghosting.silent, ghosting.of)}</span>
                <span className="muted small">{ti.silentDetail(percent(ghosting.rate))}</span>
              </>
            )}
          </dd>
        </div>
      </dl>
      {ghosting.silent > 0 ? <p>{ti.silenceKind}</p> : null}
      {ghosting.afterInterview > 0 ? <p>{ti.afterInterview(ghosting.afterInterview)}</p> : null}
    </Section>
  );
}

// ---------------------------------------------------------------------------------------------
// Feedback themes

function Quotes({ items, label }: { items: ThemeInsight['examples']; label: string }) {
  if (items.length === 0) return null;
  return (
    <ul className="examples" aria-label={label}>
      {items.map((e, i) => (
        <li key={`${e.applicationId}-${i}`}>
          <q>{e.sentence}</q>{' '}
          <span className="muted small">
            — <Link to={paths.application(e.applicationId)}>{e.company}</Link>, {formatDay(e.at)}
          </span>
        </li>
      ))}
    </ul>
  );
}

function ThemeDetail({ theme }: { theme: ThemeInsight }) {
  return (
    <li className={`theme-insight${theme.recurring ? ' is-recurring' : ''}`}>
      <h3>
        {theme.label}
        {theme.recurring ? <span className="badge badge-recurring">{ti.recurring}</span> : null}
      </h3>
      <p>
        {[
          theme.negative > 0 ? ti.toWorkOn(theme.negativeApplications, theme.negative) : null,
          theme.positive > 0 ? ti.praised(theme.positiveApplications) : null,
        ]
          .filter(Boolean)
          .join(' ')}
      </p>
      {theme.recurring ? <p className="muted small">{ti.recurringWhy}</p> : null}
      {theme.comparison ? <p className="comparison">{theme.comparison}</p> : null}
      <Quotes items={theme.examples} label={ti.examplesLabel(theme.label)} />
      <Quotes items={theme.praise} label={ti.praiseLabel(theme.label)} />
    </li>
  );
}

function Themes({ report }: { report: InsightsReport }) {
  const themes = report.themes;
  return (
    <Section title={ti.themes} id="themes-heading" className="span-2">
      {themes.length === 0 ? (
        <p className="muted">{ti.noThemes}</p>
      ) : (
        <div className="themes-layout">
          <ChartFigure
            caption={ti.themesCaption}
            summary={ti.themesSummary(
              themes
                .map((th) => ti.themeSummary(th.label, th.negative, th.positive, th.recurring))
                .join('; '),
            )}
            data={themes}
            tall={themes.length > 5}
            build={(p) => ({
              type: 'bar',
              data: {
                labels: themes.map((th) => th.label),
                datasets: [
                  {
                    label: ti.negativeDataset,
                    data: themes.map((th) => th.negative),
                    backgroundColor: p.secondary,
                    borderRadius: 3,
                  },
                  {
                    label: ti.positiveDataset,
                    data: themes.map((th) => th.positive),
                    backgroundColor: p.primary,
                    borderRadius: 3,
                  },
                ],
              },
              options: {
                indexAxis: 'y',
                plugins: { legend: { position: 'bottom', labels: { boxWidth: 14 } } },
                scales: { x: { beginAtZero: true, ticks: axisTicks } },
              },
            })}
            table={
              <NumbersTable
                caption={ti.themesCaption}
                hideCaption
                columns={[
                  ti.themeColumns.theme,
                  ti.themeColumns.negative,
                  ti.themeColumns.negativeApplications,
                  ti.themeColumns.positive,
                  ti.themeColumns.recurring,
                ]}
                rows={themes.map((th) => ({
                  key: th.theme,
                  cells: [
                    th.label,
                    th.negative,
                    th.negativeApplications,
                    th.positive,
                    th.recurring ? ti.yes : ti.no,
                  ],
                }))}
              />
            }
          />
          <ul className="theme-insights">
            {themes.map((th) => (
              <ThemeDetail key={th.theme} theme={th} />
            ))}
          </ul>
        </div>
      )}
    </Section>
  );
}

// ---------------------------------------------------------------------------------------------
// Skill gaps and learning goals

function GoalForm({
  gap,
  onSaved,
  onCancel,
}: {
  gap: SkillGap;
  onSaved: () => Promise<void>;
  onCancel: () => void;
}) {
  const id = useId();
  const submit = useSubmit();
  const today = localDate();
  return (
    <form
      className="sub-form goal-form"
      aria-label={ti.goalFormLabel(gap.label)}
      onSubmit={async (e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        const plan = fieldText(data, 'plan');
        const target = fieldText(data, 'target');
        await submit.run(async () => {
          await api.addLearningGoal({
            skill: gap.label,
            skillId: gap.id,
            kind: fieldText(data, 'kind') as LearningKind,
            ...(plan ? { plan } : {}),
            ...(target ? { target } : {}),
          });
          await onSaved();
          return ti.goalSaved(gap.label);
        });
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-kind`}>{ti.goalKind}</label>
        <select id={`${id}-kind`} name="kind" defaultValue="course">
          {LEARNING_KINDS.map((k) => (
            <option key={k} value={k}>
              {t.learningKinds[k]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-plan`}>
          {ti.goalPlan} <span className="muted">{t.common.optional}</span>
        </label>
        <input
          id={`${id}-plan`}
          name="plan"
          autoComplete="off"
          maxLength={500}
          aria-describedby={`${id}-plan-hint`}
        />
        <p className="hint" id={`${id}-plan-hint`}>
          {ti.goalPlanHint}
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-target`}>
          {ti.goalTarget} <span className="muted">{t.common.optional}</span>
        </label>
        <input id={`${id}-target`} name="target" type="date" min={today} defaultValue={addDays(today, 30)} />
      </div>
      <div className="form-actions">
        <button type="submit" className="button" disabled={submit.busy}>
          {submit.busy ? t.common.saving : ti.saveGoal}
        </button>
        <button type="button" className="button-quiet" onClick={onCancel}>
          {t.common.cancel}
        </button>
      </div>
      <FormMessage message={submit.message} />
    </form>
  );
}

function SkillGaps({ report, onChanged }: { report: InsightsReport; onChanged: () => Promise<void> }) {
  const { skills } = report;
  const [open, setOpen] = useState<string | null>(null);
  const withGoal = new Set(skills.goals.map((g) => g.skillId));
  const labelsWithGoal = new Set(skills.goals.map((g) => g.skillLabel.toLowerCase()));
  return (
    <Section title={ti.gaps} id="gaps-heading">
      <p className="muted small">{ti.gapsIntro}</p>
      {skills.resumes === 0 ? (
        <div className="notice notice-info">
          <p>{ti.gapsNoResume}</p>
          <a href="#resumes">{ti.gapsAddResume}</a>
        </div>
      ) : skills.gaps.length === 0 ? (
        <p className="muted">{ti.noGaps}</p>
      ) : (
        <ol className="gap-list">
          {skills.gaps.map((gap) => {
            const hasGoal = withGoal.has(gap.id) || labelsWithGoal.has(gap.label.toLowerCase());
            return (
              <li key={gap.id} className="gap">
                <div className="gap-head">
                  <p className="gap-label">
                    <strong>{gap.label}</strong>{' '}
                    <span className="muted small">{ti.gapApplications(gap.applications)}</span>
                  </p>
                  {hasGoal ? (
                    <span className="badge badge-done">{ti.goalSet}</span>
                  ) : (
                    <button
                      type="button"
                      className="button-quiet"
                      aria-expanded={open === gap.id}
                      onClick={() => setOpen(open === gap.id ? null : gap.id)}
                    >
                      {ti.setGoal}
                      <span className="visually-hidden"> {ti.forSkill(gap.label)}</span>
                    </button>
                  )}
                </div>
                {open === gap.id && !hasGoal ? (
                  <GoalForm
                    gap={gap}
                    onCancel={() => setOpen(null)}
                    onSaved={async () => {
                      setOpen(null);
                      await onChanged();
                    }}
                  />
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
    </Section>
  );
}

function GoalItem({ goal, onChanged }: { goal: LearningGoal; onChanged: () => Promise<void> }) {
  const id = useId();
  const [progress, setProgress] = useState(goal.progress);
  const submit = useSubmit();
  useEffect(() => setProgress(goal.progress), [goal.progress]);
  return (
    <li className={`goal${goal.doneAt ? ' is-done' : ''}`}>
      <p className="goal-title">
        <strong>{goal.skillLabel}</strong>{' '}
        <span className="muted">· {t.learningKinds[goal.kind] ?? goal.kind}</span>
        {goal.doneAt ? <span className="badge badge-done">{ti.goalDone}</span> : null}
      </p>
      {goal.plan ? <p className="goal-plan">{goal.plan}</p> : null}
      <p className="muted small">{goal.target ? ti.goalBy(formatLocalDate(goal.target)) : ti.goalNoDate}</p>
      <form
        className="goal-progress"
        aria-label={ti.progressFor(goal.skillLabel)}
        onSubmit={async (e) => {
          e.preventDefault();
          await submit.run(async () => {
            await api.updateLearningGoal(goal.id, { progress });
            await onChanged();
            return progress === 100
              ? ti.goalDoneMessage(goal.skillLabel)
              : ti.progressSaved(goal.skillLabel, progress);
          });
        }}
      >
        <label htmlFor={`${id}-progress`}>{ti.progress}</label>
        <div className="inline-row">
          <input
            id={`${id}-progress`}
            type="range"
            min={0}
            max={100}
            step={10}
            value={progress}
            aria-valuetext={`${progress}%`}
            onChange={(e) => setProgress(Number(e.target.value))}
          />
          <output htmlFor={`${id}-progress`} className="goal-percent">
            {progress}%
          </output>
          <button
            type="submit"
            className="button-secondary"
            disabled={submit.busy || progress === goal.progress}
          >
            {ti.saveProgress}
          </button>
          <button
            type="button"
            className="button-quiet"
            disabled={submit.busy}
            onClick={() =>
              void submit.run(async () => {
                await api.deleteLearningGoal(goal.id);
                await onChanged();
                return ti.goalRemoved(goal.skillLabel);
              })
            }
          >
            {ti.removeGoal}
            <span className="visually-hidden"> {ti.forSkill(goal.skillLabel)}</span>
          </button>
        </div>
        <FormMessage message={submit.message} />
      </form>
    </li>
  );
}

function Goals({ goals, onChanged }: { goals: LearningGoal[]; onChanged: () => Promise<void> }) {
  return (
    <Section title={ti.goals} id="goals-heading">
      {goals.length === 0 ? (
        <p className="muted">{ti.noGoals}</p>
      ) : (
        <ul className="goal-list">
          {goals.map((g) => (
            <GoalItem key={g.id} goal={g} onChanged={onChanged} />
          ))}
        </ul>
      )}
    </Section>
  );
}

// ---------------------------------------------------------------------------------------------
// Refining the search

function Refine({ report }: { report: InsightsReport }) {
  const r = report.refinement;
  const early = r.outcomes < r.minimumOutcomes;
  const tables = r.tables.filter((table) => table.rows.length > 0);
  return (
    <Section title={ti.refine} id="refine-heading" className="span-2">
      {early ? (
        <div className="notice notice-info">
          <p>
            <strong>{ti.tooEarly(r.outcomes, r.minimumOutcomes)}</strong> {ti.tooEarlyWhy(r.minimumOutcomes)}
          </p>
        </div>
      ) : r.suggestions.length === 0 ? (
        <p>{ti.noPattern}</p>
      ) : (
        <ul className="suggestions">
          {r.suggestions.map((s) => (
            <li key={`${s.dimension}-${s.value}`} className={s.better ? 'is-better' : 'is-worse'}>
              <p className="suggestion-text">{s.text}</p>
              <p className="muted small">
                {ti.basis} {s.basis}
              </p>
            </li>
          ))}
        </ul>
      )}
      {tables.length === 0 ? null : (
        <>
          <h3 className="sub-heading">{ti.refineTables}</h3>
          <p className="muted small">{ti.refineTablesIntro}</p>
          <div className="refine-tables">
            {tables.map((table) => (
              <div
                className="table-scroll"
                key={table.dimension}
                role="region"
                aria-label={table.label}
                tabIndex={0}
              >
                <NumbersTable
                  caption={table.label}
                  columns={[
                    ti.refineColumns.group,
                    ti.refineColumns.outcomes,
                    ti.refineColumns.progressed,
                    ti.refineColumns.rate,
                  ]}
                  rows={table.rows.map((row) => ({
                    key: row.value,
                    cells: [row.label, row.outcomes, row.progressed, percent(row.rate)],
                  }))}
                />
              </div>
            ))}
            {r.titleWords.length > 0 ? (
              <div className="table-scroll" role="region" aria-label={ti.titleWords} tabIndex={0}>
                <NumbersTable
                  caption={ti.titleWords}
                  columns={[ti.refineColumns.word, ti.refineColumns.progressed, ti.refineColumns.closedEarly]}
                  rows={r.titleWords.map((w) => ({
                    key: w.word,
                    cells: [w.word, w.progressed, w.rejectedEarly],
                  }))}
                />
              </div>
            ) : null}
          </div>
        </>
      )}
    </Section>
  );
}

// ---------------------------------------------------------------------------------------------
// Milestones and mood

function Milestones({ report }: { report: InsightsReport }) {
  const list = [...report.milestones].reverse();
  return (
    <Section title={ti.milestones} id="milestones-heading">
      {list.length === 0 ? (
        <p className="muted">{ti.noMilestones}</p>
      ) : (
        <ul className="wins">
          {list.map((m) => (
            <li key={`${m.kind}-${m.at}-${m.applicationId ?? ''}`}>
              <span className="win-mark" aria-hidden="true">
                ✓
              </span>
              <span>
                {m.applicationId ? <Link to={paths.application(m.applicationId)}>{m.label}</Link> : m.label}{' '}
                <span className="muted">· {formatDay(m.at)}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function Mood({ report }: { report: InsightsReport }) {
  const weeks = report.mood.weeks;
  const moods = t.rejection.moods;
  const moodWord = (n: number) => moods[Math.round(n) - 1] ?? String(n);
  return (
    <Section title={ti.mood} id="mood-heading">
      {weeks.length === 0 ? (
        <p className="muted">{ti.noMood}</p>
      ) : (
        <ChartFigure
          caption={ti.moodCaption}
          summary={ti.moodSummary(
            weeks.map((w) => `${formatLocalDate(w.week)} ${w.average} (${moodWord(w.average)})`).join(', '),
          )}
          data={weeks}
          build={(p) => ({
            type: 'line',
            data: {
              labels: weeks.map((w) => weekLabel(w.week)),
              datasets: [
                {
                  label: ti.moodDataset,
                  data: weeks.map((w) => w.average),
                  borderColor: p.primary,
                  backgroundColor: p.primary,
                  pointRadius: 4,
                  tension: 0.25,
                },
              ],
            },
            options: {
              plugins: { legend: { display: false } },
              scales: {
                x: { offset: true },
                y: {
                  min: 1,
                  max: 5,
                  ticks: { stepSize: 1, callback: (value) => moodWord(Number(value)) },
                },
              },
            },
          })}
          table={
            <NumbersTable
              caption={ti.moodCaption}
              hideCaption
              columns={[ti.weekOf, ti.moodAverage, ti.moodCount]}
              rows={weeks.map((w) => ({
                key: w.week,
                cells: [formatLocalDate(w.week), `${w.average} (${moodWord(w.average)})`, w.count],
              }))}
            />
          }
        />
      )}
    </Section>
  );
}

// ---------------------------------------------------------------------------------------------

const SECTIONS: [string, string][] = [
  ['funnel-heading', ti.funnel],
  ['pace-heading', ti.pace],
  ['themes-heading', ti.themes],
  ['gaps-heading', ti.gaps],
  ['resumes', ti.resumesShort],
  ['refine-heading', ti.refine],
  ['milestones-heading', ti.milestones],
  ['mood-heading', ti.mood],
];

export default function InsightsPage() {
  const loaded = useLoad(() => Promise.all([api.insights(), api.resumes()]), []);
  const ready = loaded.data !== undefined;

  // Arriving at /insights#resumes (from an application's Skills card): go there once it is drawn.
  useEffect(() => {
    if (!ready || !window.location.hash) return;
    const target = document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
    // After the app has put focus on the page heading: then into the section asked for.
    const timer = window.setTimeout(() => {
      target?.scrollIntoView({ block: 'start' });
      target
        ?.closest('section')
        ?.querySelector<HTMLElement>('input, textarea, select')
        ?.focus({ preventScroll: true });
    }, 200);
    return () => window.clearTimeout(timer);
  }, [ready]);

  if (loaded.error && !loaded.data) {
    return (
      <Page title={ti.title}>
        <ErrorNote error={loaded.error} onRetry={loaded.reload} />
      </Page>
    );
  }
  if (!loaded.data) {
    return (
      <Page title={ti.title}>
        <Loading />
      </Page>
    );
  }
  const [report, resumes]: [InsightsReport, ResumeView[]] = loaded.data;

  return (
    <Page title={ti.title} intro={ti.intro}>
      <nav className="toc" aria-label={ti.onThisPage}>
        <ul>
          {SECTIONS.map(([id, label]) => (
            <li key={id}>
              <a href={`#${id}`}>{label}</a>
            </li>
          ))}
        </ul>
      </nav>
      <Headlines report={report} />
      <div className="insights-grid">
        <Funnel report={report} />
        <div className="insights-column">
          <Pace report={report} />
          <Replies report={report} />
        </div>
        <Themes report={report} />
        <SkillGaps report={report} onChanged={loaded.reload} />
        <div className="insights-column">
          <Goals goals={report.skills.goals} onChanged={loaded.reload} />
          <ResumesCard resumes={resumes} onChanged={loaded.reload} />
        </div>
        <Refine report={report} />
        <Milestones report={report} />
        <Mood report={report} />
      </div>
    </Page>
  );
}
