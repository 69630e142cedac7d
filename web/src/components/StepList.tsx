import { useState } from 'react';
import { api } from '../api/client';
import { asApiError } from '../api/useLoad';
import { DRAFT_KINDS, type Step, type TodayStep } from '../api/types';
import { addDays, formatDay, formatDayTime, formatLocalDate, localDate } from '../format';
import { Link, navigate, paths } from '../router';
import { t } from '../text';
import { tp } from '../text/practice';
import { announce } from './announce';

type AnyStep = Step & Partial<Pick<TodayStep, 'company' | 'role' | 'urgency'>>;

export const stepTitle = (step: AnyStep, company?: string | null): string =>
  step.title ?? t.stepTitles[step.kind](step.company ?? company ?? '');

function dueText(step: AnyStep): string {
  if (step.status === 'snoozed' && step.snoozedUntil)
    return t.steps.snoozedUntil(formatDay(step.snoozedUntil));
  const when = step.allDay ? formatDay(step.due) : formatDayTime(step.due);
  if (step.urgency === 'overdue') return t.steps.overdue(when);
  if (step.urgency === 'due') return step.allDay ? t.steps.dueToday : t.steps.dueOn(when);
  return t.steps.dueOn(when);
}

/** Snoozing makes sense for what is due now, not for a note planned months ahead. */
const dueSoon = (step: AnyStep): boolean =>
  step.urgency !== undefined || Date.parse(step.snoozedUntil ?? step.due) <= Date.now() + 36 * 3_600_000;

const REJECTION_FLOW_STEP: Partial<Record<Step['kind'], string>> = {
  mood_checkin: 'feeling',
  rejection_reply: 'reply',
  reflect: 'reflect',
};

/** Opens the unsent draft for this step, writing one first when there is none. */
async function openDraft(step: AnyStep): Promise<void> {
  const applicationId = step.applicationId!;
  const drafts = await api.drafts(applicationId);
  const existing =
    drafts.find((d) => !d.sentAt && d.stepId === step.id) ??
    drafts.find((d) => !d.sentAt && d.kind === step.kind);
  const draft = existing ?? (await api.createDraft(applicationId, step.kind));
  navigate(paths.draft(draft.id));
}

function PrimaryAction({ step }: { step: AnyStep }) {
  const [busy, setBusy] = useState(false);
  const flowStep = REJECTION_FLOW_STEP[step.kind];
  if (step.applicationId && flowStep) {
    return (
      <Link className="button" to={paths.rejection(step.applicationId, flowStep)}>
        {t.steps.primary[step.kind] ?? t.steps.openFlow}
      </Link>
    );
  }
  if (step.applicationId && (DRAFT_KINDS as readonly string[]).includes(step.kind)) {
    return (
      <button
        type="button"
        className="button"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          try {
            await openDraft(step);
          } catch (err) {
            announce(asApiError(err).message, 'error');
            setBusy(false);
          }
        }}
      >
        {t.steps.openDraft}
      </button>
    );
  }
  if (step.kind === 'practice') {
    return (
      <Link className="button" to={paths.practice}>
        {tp.openFromStep}
      </Link>
    );
  }
  if (step.kind === 'apply_more') {
    return (
      <Link className="button" to={`${paths.pipeline}?add=1`}>
        {t.steps.addApplication}
      </Link>
    );
  }
  return null;
}

export function StepItem({
  step,
  company,
  today,
  showApplication,
  onChanged,
}: {
  step: AnyStep;
  company?: string | null;
  today?: string;
  showApplication?: boolean;
  onChanged: () => void | Promise<void>;
}) {
  const [busy, setBusy] = useState(false);
  const title = stepTitle(step, company);
  const closed = step.status === 'done' || step.status === 'skipped';
  const base = today ?? localDate();

  async function act(action: 'done' | 'skip' | 'reopen' | { snooze: string }) {
    setBusy(true);
    try {
      await api.stepAction(step.id, action);
      if (action === 'done') announce(t.steps.doneMessage(title));
      else if (action === 'skip') announce(t.steps.skippedMessage(title));
      else if (action === 'reopen') announce(t.steps.reopenedMessage(title));
      else announce(t.steps.snoozedMessage(title, formatLocalDate(action.snooze)));
      await onChanged();
    } catch (err) {
      announce(asApiError(err).message, 'error');
    } finally {
      setBusy(false);
    }
  }

  return (
    <li className={`step ${closed ? 'is-closed' : ''} ${step.urgency === 'overdue' ? 'is-overdue' : ''}`}>
      <div className="step-main">
        <p className="step-title">
          {closed ? (
            <span className={`badge badge-${step.status}`}>{t.steps.closed[step.status]}</span>
          ) : null}
          <span>{title}</span>
        </p>
        <p className="step-meta">
          <span>
            {closed && step.closedAt
              ? t.steps.closed[step.status] + ' ' + formatDay(step.closedAt)
              : dueText(step)}
          </span>
          {showApplication && step.applicationId && step.role ? (
            <>
              {' · '}
              <Link to={paths.application(step.applicationId)}>
                {step.role}, {step.company}
              </Link>
            </>
          ) : null}
        </p>
        <p className="step-why">{step.why}</p>
      </div>
      <div className="step-actions" role="group" aria-label={t.steps.actionsFor(title)}>
        {closed ? (
          <button type="button" className="button-quiet" disabled={busy} onClick={() => act('reopen')}>
            {t.steps.reopen}
          </button>
        ) : (
          <>
            <PrimaryAction step={step} />
            <button type="button" className="button-secondary" disabled={busy} onClick={() => act('done')}>
              {t.steps.done}
            </button>
            {dueSoon(step) ? (
              <span className="snooze" role="group" aria-label={t.steps.snooze}>
                <span className="snooze-label" aria-hidden="true">
                  {t.steps.snooze}:
                </span>
                <button
                  type="button"
                  className="button-quiet"
                  disabled={busy}
                  aria-label={t.steps.snoozeTomorrow}
                  onClick={() => act({ snooze: addDays(base, 1) })}
                >
                  {t.steps.tomorrow}
                </button>
                <button
                  type="button"
                  className="button-quiet"
                  disabled={busy}
                  aria-label={t.steps.snoozeWeek}
                  onClick={() => act({ snooze: addDays(base, 7) })}
                >
                  {t.steps.nextWeek}
                </button>
              </span>
            ) : null}
            {!showApplication ? (
              <button type="button" className="button-quiet" disabled={busy} onClick={() => act('skip')}>
                {t.steps.skip}
              </button>
            ) : null}
          </>
        )}
      </div>
    </li>
  );
}

export function StepList({
  steps,
  company,
  today,
  showApplication,
  onChanged,
  label,
  collapseClosed,
}: {
  steps: AnyStep[];
  company?: string | null;
  today?: string;
  showApplication?: boolean;
  onChanged: () => void | Promise<void>;
  label?: string;
  /** Tuck the steps already done or skipped away under a summary line. */
  collapseClosed?: boolean;
}) {
  const isClosed = (s: AnyStep) => s.status === 'done' || s.status === 'skipped';
  const item = (step: AnyStep) => (
    <StepItem
      key={step.id}
      step={step}
      company={company}
      today={today}
      showApplication={showApplication}
      onChanged={onChanged}
    />
  );
  const open = steps.filter((s) => !isClosed(s));
  const closed = steps.filter(isClosed);
  if (!collapseClosed || closed.length === 0) {
    return (
      <ul className="steps" aria-label={label}>
        {[...open, ...closed].map(item)}
      </ul>
    );
  }
  return (
    <>
      {open.length > 0 ? (
        <ul className="steps" aria-label={label}>
          {open.map(item)}
        </ul>
      ) : null}
      <details className="closed-steps">
        <summary>{t.steps.closedSummary(closed.length)}</summary>
        <ul className="steps">{closed.map(item)}</ul>
      </details>
    </>
  );
}
