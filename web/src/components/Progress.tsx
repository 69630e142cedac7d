import type { Milestone, NextMilestone, PipelineHealth } from '../api/types';
import { formatDay, formatDayTime } from '../format';
import { Link, paths } from '../router';
import { t } from '../text';
import { Meter, Section } from './ui';

export function HealthCard({ health, id = 'health-heading' }: { health: PipelineHealth; id?: string }) {
  return (
    <Section title={t.today.healthHeading} id={id}>
      <Meter label={t.health.activeLabel} value={health.active} max={health.activeTarget} />
      <Meter label={t.health.weekLabel} value={health.appliedThisWeek} max={health.weeklyGoal} />
      {health.concentration ? <p className="notice notice-warn">{health.concentration}</p> : null}
      {health.lateStage.length > 0 ? <p className="late-stage-label">{t.health.lateStage}</p> : null}
      {health.lateStage.length > 0 ? (
        <ul className="plain-list">
          {health.lateStage.map((a) => (
            <li key={a.id}>
              <Link to={paths.application(a.id)}>
                {a.role}, {a.companyName}
              </Link>{' '}
              <span className="muted">({t.stages[a.stage]})</span>
            </li>
          ))}
        </ul>
      ) : null}
    </Section>
  );
}

export function MilestoneCard({
  next,
  id = 'milestone-heading',
}: {
  next: NextMilestone | null;
  id?: string;
}) {
  if (!next) return null;
  return (
    <Section title={t.today.milestoneHeading} id={id}>
      <p className="milestone-label">
        {next.applicationId ? (
          <Link to={paths.application(next.applicationId)}>{next.label}</Link>
        ) : (
          next.label
        )}
      </p>
      {next.at ? <p className="muted">{formatDayTime(next.at)}</p> : null}
      <p>{next.detail}</p>
    </Section>
  );
}

export function WinsCard({ wins, id = 'wins-heading' }: { wins: Milestone[]; id?: string }) {
  return (
    <Section title={t.today.winsHeading} id={id}>
      {wins.length === 0 ? (
        <p className="muted">{t.today.noWins}</p>
      ) : (
        <ul className="wins">
          {[...wins].reverse().map((w) => (
            <li key={`${w.kind}-${w.at}`}>
              <span className="win-mark" aria-hidden="true">
                ✓
              </span>
              <span>
                {w.label} <span className="muted">· {formatDay(w.at)}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
