/**
 * After a no: five steps, each skippable and resumable. Where the seeker is, is remembered per
 * application in this browser; what is done is read from the data (a check-in saved, the reply
 * sent, the reflection written), so the flow picks up wherever they left it, from any device.
 */
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { api, ApiError } from '../api/client';
import { asApiError, useLoad } from '../api/useLoad';
import type { ApplicationDetail, CheckIn, Draft, Plan, Reflection, Stage, Step } from '../api/types';
import { announce } from '../components/announce';
import { DraftEditor } from '../components/DraftEditor';
import { InterviewRating } from '../components/InterviewRating';
import { HealthCard, MilestoneCard, WinsCard } from '../components/Progress';
import { Rating } from '../components/Rating';
import { StepList } from '../components/StepList';
import { ErrorNote, FormMessage, Loading, Notice, Page } from '../components/ui';
import { formatDay, localDate } from '../format';
import { Link, navigate, paths, useLocation } from '../router';
import { t } from '../text';

export const FLOW_STEPS = ['feeling', 'reply', 'reflect', 'plan', 'keep-going'] as const;
export type FlowStep = (typeof FLOW_STEPS)[number];
const isFlowStep = (value: string | null): value is FlowStep =>
  (FLOW_STEPS as readonly string[]).includes(value ?? '');

const REACHABLE: readonly Stage[] = ['applied', 'screening', 'interviewing', 'final', 'offer'];

interface Memory {
  step?: FlowStep;
  skipped: FlowStep[];
  seen: FlowStep[];
}

const memoryKey = (id: string) => `onward:after-no:${id}`;

function readMemory(id: string): Memory {
  try {
    const raw = JSON.parse(window.localStorage.getItem(memoryKey(id)) ?? '{}') as Partial<Memory>;
    return {
      step: isFlowStep(raw.step ?? null) ? raw.step : undefined,
      skipped: (raw.skipped ?? []).filter((s) => isFlowStep(s)),
      seen: (raw.seen ?? []).filter((s) => isFlowStep(s)),
    };
  } catch {
    return { skipped: [], seen: [] };
  }
}

function writeMemory(id: string, memory: Memory): void {
  try {
    window.localStorage.setItem(memoryKey(id), JSON.stringify(memory));
  } catch {
    // Private mode or a full store: the flow still works, it just starts from the data next time.
  }
}

/** An endpoint that is not there yet reads as "nothing recorded", so the rest of the flow still works. */
async function orMissing<T>(load: Promise<T>, missing: T): Promise<T> {
  try {
    return await load;
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return missing;
    throw err;
  }
}

interface FlowData {
  plan: Plan;
  drafts: Draft[];
  checkins: CheckIn[];
  reflection: Reflection | null;
}

async function loadFlow(id: string): Promise<FlowData> {
  const [plan, drafts, checkins, reflection] = await Promise.all([
    api.plan(id),
    api.drafts(id),
    orMissing(api.checkins(), [] as CheckIn[]),
    orMissing<Reflection | null>(api.reflection(id), null),
  ]);
  return { plan, drafts, checkins, reflection };
}

const stepOfKind = (plan: Plan, kind: Step['kind']): Step | undefined =>
  plan.steps.find((s) => s.kind === kind);
const isOpen = (step: Step | undefined): step is Step =>
  step?.status === 'open' || step?.status === 'snoozed';

/**
 * Closes the playbook's step for something the seeker has just done here, if it is still open (the
 * server may already have closed it when it saw the check-in or the reflection).
 */
async function closeStep(applicationId: string, kind: Step['kind']): Promise<void> {
  const step = stepOfKind(await api.plan(applicationId), kind);
  if (!isOpen(step)) return;
  try {
    await api.stepAction(step.id, 'done');
  } catch (err) {
    if (!(err instanceof ApiError && err.status === 409)) throw err;
  }
}

function doneSteps(id: string, data: FlowData, memory: Memory): Set<FlowStep> {
  const done = new Set<FlowStep>();
  const { plan } = data;
  if (
    data.checkins.some((c) => c.applicationId === id) ||
    stepOfKind(plan, 'mood_checkin')?.status === 'done'
  ) {
    done.add('feeling');
  }
  if (
    data.drafts.some((d) => d.kind === 'rejection_reply' && d.sentAt) ||
    stepOfKind(plan, 'rejection_reply')?.status === 'done'
  ) {
    done.add('reply');
  }
  if (data.reflection?.at || stepOfKind(plan, 'reflect')?.status === 'done') done.add('reflect');
  for (const s of ['plan', 'keep-going'] as const) if (memory.seen.includes(s)) done.add(s);
  return done;
}

/* ------------------------------------------------------------------ record the no */

function RecordForm({ app, onRecorded }: { app: ApplicationDetail; onRecorded: () => void }) {
  const id = useId();
  const today = localDate();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; tone: 'ok' | 'error' } | null>(null);
  const defaultReached: Stage = REACHABLE.includes(app.stage) ? app.stage : 'applied';

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const input: Record<string, unknown> = { stageReached: String(data.get('stageReached')) };
    const when = String(data.get('when') ?? '');
    // Today means "now": a start-of-day time could fall before today's own moves.
    if (when && when !== today) input.at = when;
    const reason = String(data.get('reason') ?? '').trim();
    if (reason) input.reason = reason;
    const file = data.get('email');
    setBusy(true);
    setMessage(null);
    try {
      if (file instanceof File && file.size > 0) input.email = await file.text();
      await api.recordRejection(app.id, input);
      onRecorded();
    } catch (err) {
      setMessage({ text: asApiError(err).message, tone: 'error' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card flow-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t.rejection.recordTitle}</h2>
      <p>{t.rejection.recordIntro}</p>
      <form onSubmit={submit}>
        <div className="grid-2">
          <div className="field">
            <label htmlFor={`${id}-when`}>{t.rejection.when}</label>
            <input id={`${id}-when`} name="when" type="date" defaultValue={today} max={today} required />
          </div>
          <div className="field">
            <label htmlFor={`${id}-reached`}>{t.rejection.stageReached}</label>
            <select
              id={`${id}-reached`}
              name="stageReached"
              defaultValue={defaultReached}
              aria-describedby={`${id}-reached-hint`}
            >
              {REACHABLE.map((s) => (
                <option key={s} value={s}>
                  {t.stages[s]}
                </option>
              ))}
            </select>
            <p className="hint" id={`${id}-reached-hint`}>
              {t.rejection.stageReachedHint}
            </p>
          </div>
        </div>
        <div className="field">
          <label htmlFor={`${id}-reason`}>
            {t.rejection.reason} <span className="muted">{t.common.optional}</span>
          </label>
          <textarea id={`${id}-reason`} name="reason" rows={3} aria-describedby={`${id}-reason-hint`} />
          <p className="hint" id={`${id}-reason-hint`}>
            {t.rejection.reasonHint}
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-email`}>{t.rejection.email}</label>
          <input
            id={`${id}-email`}
            name="email"
            type="file"
            accept=".eml,message/rfc822"
            aria-describedby={`${id}-email-hint`}
          />
          <p className="hint" id={`${id}-email-hint`}>
            {t.rejection.emailHint}
          </p>
        </div>
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy}>
            {busy ? t.rejection.recording : t.rejection.record}
          </button>
        </div>
        <FormMessage message={message} />
      </form>
    </section>
  );
}

/* ------------------------------------------------------------------ the steps */

function FeelingStep({
  app,
  data,
  reframe,
  onSaved,
}: {
  app: ApplicationDetail;
  data: FlowData;
  reframe: string;
  onSaved: () => Promise<void>;
}) {
  const id = useId();
  const [mood, setMood] = useState<number | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; tone: 'ok' | 'error' } | null>(null);
  const previous = data.checkins.filter((c) => c.applicationId === app.id).at(-1);

  async function save(event: FormEvent) {
    event.preventDefault();
    if (mood === null) return;
    setBusy(true);
    try {
      await api.checkIn({ mood, applicationId: app.id, ...(note.trim() ? { note: note.trim() } : {}) });
      await closeStep(app.id, 'mood_checkin');
      announce(t.rejection.feelingSaved);
      await onSaved();
    } catch (err) {
      setMessage({ text: asApiError(err).message, tone: 'error' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <p className="reframe">{reframe}</p>
      {previous ? (
        <p className="muted">
          {formatDay(previous.at)}: {t.rejection.moods[previous.mood - 1]}
          {previous.note ? ` — ${previous.note}` : ''}
        </p>
      ) : null}
      <form onSubmit={save}>
        <Rating
          legend={t.rejection.mood}
          value={mood}
          onChange={setMood}
          labels={t.rejection.moods}
          name="mood"
        />
        <div className="field">
          <label htmlFor={`${id}-note`}>
            {t.rejection.moodNote} <span className="muted">{t.common.optional}</span>
          </label>
          <textarea
            id={`${id}-note`}
            rows={3}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            aria-describedby={`${id}-note-hint`}
          />
          <p className="hint" id={`${id}-note-hint`}>
            {t.rejection.moodNoteHint}
          </p>
        </div>
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy || mood === null}>
            {t.rejection.saveFeeling}
          </button>
          <FormMessage message={message} />
        </div>
      </form>
    </>
  );
}

/** One draft per application is written at a time, even if the step is opened twice at once. */
const writing = new Map<string, Promise<Draft>>();

function ReplyStep({
  app,
  data,
  onSent,
}: {
  app: ApplicationDetail;
  data: FlowData;
  onSent: () => Promise<void>;
}) {
  const replies = data.drafts.filter((d) => d.kind === 'rejection_reply');
  const existing = replies.find((d) => d.sentAt) ?? replies.filter((d) => !d.sentAt).at(-1);
  const [draftId, setDraftId] = useState<string | undefined>(existing?.id);
  const [error, setError] = useState<ApiError>();

  useEffect(() => {
    if (draftId) return;
    let promise = writing.get(app.id);
    if (!promise) {
      promise = api.createDraft(app.id, 'rejection_reply');
      writing.set(app.id, promise);
      void promise.finally(() => writing.delete(app.id)).catch(() => undefined);
    }
    promise.then((d) => setDraftId(d.id)).catch((err: unknown) => setError(asApiError(err)));
  }, [app.id, draftId]);

  if (error) return <ErrorNote error={error} />;
  if (!draftId) return <Loading label={t.rejection.writingReply} />;
  return <DraftEditor draftId={draftId} headingLevel={3} onSent={() => void onSent()} />;
}

function ReflectStep({
  app,
  data,
  onSaved,
}: {
  app: ApplicationDetail;
  data: FlowData;
  onSaved: () => Promise<void>;
}) {
  const id = useId();
  const questions = useLoad(() => api.reflectionQuestions(), []);
  const [answers, setAnswers] = useState<Record<string, string>>(data.reflection?.answers ?? {});
  const [lessons, setLessons] = useState(data.reflection?.lessons ?? '');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; tone: 'ok' | 'error' } | null>(null);

  async function save(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      const trimmed = Object.fromEntries(
        Object.entries(answers)
          .map(([k, v]) => [k, v.trim()] as const)
          .filter(([, v]) => v !== ''),
      );
      await api.saveReflection(app.id, {
        answers: trimmed,
        ...(lessons.trim() ? { lessons: lessons.trim() } : {}),
      });
      await closeStep(app.id, 'reflect');
      announce(t.rejection.reflectionSaved);
      await onSaved();
    } catch (err) {
      setMessage({ text: asApiError(err).message, tone: 'error' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <form onSubmit={save} className="reflection">
        {questions.error ? <ErrorNote error={questions.error} onRetry={questions.reload} /> : null}
        {!questions.data && !questions.error ? <Loading /> : null}
        {questions.data?.map((q) => (
          <div className="field" key={q.id}>
            <label htmlFor={`${id}-${q.id}`}>{q.text}</label>
            <textarea
              id={`${id}-${q.id}`}
              rows={2}
              value={answers[q.id] ?? ''}
              onChange={(e) => setAnswers({ ...answers, [q.id]: e.target.value })}
            />
          </div>
        ))}
        <div className="field">
          <label htmlFor={`${id}-lessons`}>{t.rejection.lessons}</label>
          <textarea
            id={`${id}-lessons`}
            rows={3}
            value={lessons}
            onChange={(e) => setLessons(e.target.value)}
          />
        </div>
        <fieldset className="interview-ratings">
          <legend>{t.rejection.interviewRatings}</legend>
          {app.interviews.length === 0 ? (
            <p className="muted">{t.rejection.noInterviewsToRate}</p>
          ) : (
            app.interviews.map((iv) => <InterviewRating key={iv.id} interview={iv} withAssessment />)
          )}
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy || !questions.data}>
            {t.rejection.saveReflection}
          </button>
          <FormMessage message={message} />
        </div>
      </form>
    </>
  );
}

function KeepGoingStep() {
  const today = useLoad(() => api.today(), []);
  if (today.error) return <ErrorNote error={today.error} onRetry={today.reload} />;
  if (!today.data) return <Loading />;
  return (
    <>
      <div className="keep-going-grid">
        <HealthCard health={today.data.pipeline} id="kg-health" />
        <WinsCard wins={today.data.recentMilestones} id="kg-wins" />
        <MilestoneCard next={today.data.nextMilestone} id="kg-next" />
      </div>
      <div className="form-actions">
        <Link to={`${paths.pipeline}?add=1`} className="button">
          {t.rejection.addAnother}
        </Link>
        <Link to={paths.today} className="button-secondary">
          {t.rejection.finish}
        </Link>
      </div>
    </>
  );
}

/* ------------------------------------------------------------------ the flow */

function Flow({ app, onChanged }: { app: ApplicationDetail; onChanged: () => Promise<void> }) {
  const { params } = useLocation();
  const flow = useLoad(() => loadFlow(app.id), [app.id]);
  const reframeToday = useLoad(() => api.today().then((d) => d.reframe), [app.id]);
  const [memory, setMemory] = useState<Memory>(() => readMemory(app.id));
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);

  const remember = (next: Memory) => {
    setMemory(next);
    writeMemory(app.id, next);
  };

  const done = flow.data ? doneSteps(app.id, flow.data, memory) : new Set<FlowStep>();
  const asked = params.get('step');
  const current: FlowStep = isFlowStep(asked)
    ? asked
    : (memory.step ?? FLOW_STEPS.find((s) => !done.has(s) && !memory.skipped.includes(s)) ?? 'keep-going');
  const index = FLOW_STEPS.indexOf(current);

  useEffect(() => {
    if (moved.current) heading.current?.focus();
  }, [current]);

  function go(step: FlowStep, mark?: { skipped?: FlowStep; seen?: FlowStep }) {
    moved.current = true;
    const next: Memory = {
      step,
      skipped: mark?.skipped
        ? [...new Set([...memory.skipped, mark.skipped])]
        : memory.skipped.filter((s) => s !== mark?.seen),
      seen: mark?.seen ? [...new Set([...memory.seen, mark.seen])] : memory.seen,
    };
    remember(next);
    navigate(paths.rejection(app.id, step), { replace: true });
  }
  const nextStep = FLOW_STEPS[index + 1];
  const prevStep = FLOW_STEPS[index - 1];
  const advance = () => (nextStep ? go(nextStep, { seen: current }) : go(current, { seen: current }));
  const reload = async () => {
    await Promise.all([flow.reload(), onChanged()]);
  };

  if (flow.error && !flow.data) return <ErrorNote error={flow.error} onRetry={flow.reload} />;
  if (!flow.data) return <Loading />;
  const data = flow.data;
  const reframe =
    reframeToday.data ??
    t.rejection.reframes[(app.id.charCodeAt(0) + app.id.length) % t.rejection.reframes.length] ??
    '';

  const titles: Record<FlowStep, string> = {
    feeling: t.rejection.feelingTitle,
    reply: t.rejection.replyTitle,
    reflect: t.rejection.reflectTitle,
    plan: t.rejection.planTitle,
    'keep-going': t.rejection.keepGoingTitle,
  };
  const intros: Record<FlowStep, string> = {
    feeling: t.rejection.feelingIntro,
    reply: t.rejection.replyIntro,
    reflect: t.rejection.reflectIntro,
    plan: t.rejection.planIntro,
    'keep-going': t.rejection.keepGoingIntro,
  };

  let body: ReactNode;
  switch (current) {
    case 'feeling':
      body = (
        <FeelingStep
          app={app}
          data={data}
          reframe={reframe}
          onSaved={async () => {
            await flow.reload();
            go('reply', { seen: 'feeling' });
          }}
        />
      );
      break;
    case 'reply':
      body = <ReplyStep app={app} data={data} onSent={reload} />;
      break;
    case 'reflect':
      body = (
        <ReflectStep
          app={app}
          data={data}
          onSaved={async () => {
            await reload();
            go('plan', { seen: 'reflect' });
          }}
        />
      );
      break;
    case 'plan':
      body = (
        <StepList
          steps={data.plan.steps}
          company={app.companyName}
          onChanged={flow.reload}
          label={t.rejection.planTitle}
        />
      );
      break;
    case 'keep-going':
      body = (
        <>
          {FLOW_STEPS.every((s) => done.has(s) || s === 'keep-going') ? (
            <Notice tone="ok">{t.rejection.allDone}</Notice>
          ) : null}
          <KeepGoingStep />
        </>
      );
      break;
  }

  return (
    <div className="flow">
      <nav className="stepper" aria-label={t.rejection.stepsLabel}>
        <ol>
          {FLOW_STEPS.map((s, i) => {
            const state =
              s === current
                ? 'current'
                : done.has(s)
                  ? 'done'
                  : memory.skipped.includes(s)
                    ? 'skipped'
                    : 'todo';
            return (
              <li key={s} className={`stepper-item is-${state} ${done.has(s) ? 'is-done' : ''}`}>
                <button
                  type="button"
                  aria-current={s === current ? 'step' : undefined}
                  onClick={() => go(s)}
                  data-step={s}
                >
                  <span className="stepper-number" aria-hidden="true">
                    {done.has(s) ? '✓' : i + 1}
                  </span>
                  <span className="stepper-name">{t.rejection.stepNames[i]}</span>
                  <span className="visually-hidden">
                    {' '}
                    ({done.has(s) ? t.rejection.stepState.done : t.rejection.stepState[state]})
                  </span>
                </button>
              </li>
            );
          })}
        </ol>
      </nav>

      <section className="card flow-panel" aria-labelledby="flow-step-title" data-current-step={current}>
        <h2 id="flow-step-title" ref={heading} tabIndex={-1}>
          <span className="muted step-count">
            {index + 1}/{FLOW_STEPS.length}
          </span>{' '}
          {titles[current]}
        </h2>
        <p className="lead">{intros[current]}</p>
        {body}
        <div className="flow-nav">
          {prevStep ? (
            <button type="button" className="button-quiet" onClick={() => go(prevStep)}>
              {t.rejection.back}
            </button>
          ) : (
            <span />
          )}
          <div className="flow-nav-forward">
            {nextStep && !done.has(current) ? (
              <button
                type="button"
                className="button-quiet"
                onClick={() => go(nextStep, { skipped: current })}
              >
                {t.rejection.skip}
              </button>
            ) : null}
            {nextStep ? (
              <button
                type="button"
                className={done.has(current) ? 'button' : 'button-secondary'}
                onClick={advance}
              >
                {t.rejection.next}
              </button>
            ) : (
              <button
                type="button"
                className="button-secondary"
                onClick={() => {
                  remember({ ...memory, seen: [...new Set([...memory.seen, 'keep-going' as const])] });
                  navigate(paths.today);
                }}
              >
                {t.rejection.finish}
              </button>
            )}
          </div>
        </div>
      </section>
    </div>
  );
}

export function RejectionPage({ id }: { id: string }) {
  const app = useLoad(() => api.application(id), [id]);
  if (app.error && !app.data) {
    return (
      <Page title={t.rejection.stepNames[0] ?? ''}>
        <ErrorNote
          error={app.error.status === 404 ? t.application.notFound : app.error}
          onRetry={app.error.status === 404 ? undefined : app.reload}
        />
      </Page>
    );
  }
  if (!app.data) {
    return (
      <Page title={t.rejection.stepNames[0] ?? ''}>
        <Loading />
      </Page>
    );
  }
  const a = app.data;
  return (
    <Page
      title={t.rejection.title(a.companyName)}
      intro={
        <>
          {t.rejection.intro}{' '}
          <Link to={paths.application(a.id)}>
            {a.role}, {a.companyName}
          </Link>
        </>
      }
    >
      {a.stage === 'rejected' ? (
        <Flow app={a} onChanged={app.reload} />
      ) : (
        <RecordForm
          app={a}
          onRecorded={() => {
            void app.reload();
            navigate(paths.rejection(a.id, 'feeling'), { replace: true });
          }}
        />
      )}
    </Page>
  );
}
