import { useId, useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { useLoad } from '../api/useLoad';
import {
  CONTACT_ROLES,
  DRAFT_KINDS,
  INTERVIEW_KINDS,
  WORKPLACES,
  type ApplicationDetail,
  type Draft,
  type Stage,
} from '../api/types';
import { FeedbackCard } from '../components/FeedbackCard';
import { InterviewRating } from '../components/InterviewRating';
import { SkillsCard } from '../components/SkillsCard';
import { StepList } from '../components/StepList';
import { ErrorNote, FormMessage, Loading, Page, Section } from '../components/ui';
import { fieldText, useSubmit } from '../components/useSubmit';
import { formatDay, formatDayTime } from '../format';
import { Link, navigate, paths } from '../router';
import { isOpenStage, nextStages } from '../stages';
import { t } from '../text';

function MoveForm({ app, onMoved }: { app: ApplicationDetail; onMoved: () => Promise<void> }) {
  const id = useId();
  const [target, setTarget] = useState('');
  const submit = useSubmit();
  const options = nextStages(app.stage).filter((s) => s !== 'rejected');
  if (options.length === 0) return null;
  return (
    <form
      className="inline-form"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!target) return;
        await submit.run(async () => {
          await api.move(app.id, target);
          await onMoved();
          setTarget('');
          return t.pipeline.moved(app.companyName, t.stages[target as Stage]);
        });
      }}
    >
      <label htmlFor={`${id}-move`} className="visually-hidden">
        {t.application.moveHeading}
      </label>
      <div className="inline-row">
        <select id={`${id}-move`} value={target} onChange={(e) => setTarget(e.target.value)}>
          <option value="">{t.pipeline.moveTo}</option>
          {options.map((s) => (
            <option key={s} value={s}>
              {t.stages[s]}
            </option>
          ))}
        </select>
        <button type="submit" className="button-secondary" disabled={!target || submit.busy}>
          {t.pipeline.move}
        </button>
      </div>
      <FormMessage message={submit.message} />
    </form>
  );
}

/** The résumé versions stored, offered while typing (any other label is accepted too). */
function ResumeVersionField({ id, current }: { id: string; current: string | null }) {
  const resumes = useLoad(() => api.resumes().catch(() => []), []);
  return (
    <div className="field">
      <label htmlFor={`${id}-resume`}>
        {t.application.resumeVersion} <span className="muted">{t.common.optional}</span>
      </label>
      <input
        id={`${id}-resume`}
        name="resumeVersion"
        defaultValue={current ?? ''}
        list={`${id}-resumes`}
        autoComplete="off"
        maxLength={100}
        aria-describedby={`${id}-resume-hint`}
      />
      <datalist id={`${id}-resumes`}>
        {(resumes.data ?? []).map((r) => (
          <option key={r.id} value={r.version} />
        ))}
      </datalist>
      <p className="hint" id={`${id}-resume-hint`}>
        {t.application.resumeVersionHint}
      </p>
    </div>
  );
}

/** Whether the details are being edited, and the field to start in. */
export type Editing = false | 'details' | 'jobDescription';

function DetailsCard({
  app,
  onSaved,
  editing,
  setEditing,
}: {
  app: ApplicationDetail;
  onSaved: (a: ApplicationDetail) => void;
  editing: Editing;
  setEditing: (editing: Editing) => void;
}) {
  const id = useId();
  const submit = useSubmit();

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const patch: Record<string, unknown> = {};
    const compare = (name: string, current: string | null, empty: null | undefined = null) => {
      const value = fieldText(data, name);
      if (value !== (current ?? '')) patch[name] = value === '' ? empty : value;
    };
    compare('company', app.companyName, undefined);
    compare('role', app.role, undefined);
    compare('url', app.url);
    compare('location', app.location);
    compare('source', app.source);
    compare('jobDescription', app.jobDescription);
    compare('workplace', app.workplace);
    compare('resumeVersion', app.resumeVersion);
    const fit = fieldText(data, 'fit');
    if (fit !== String(app.fit ?? '')) patch.fit = fit === '' ? null : Number(fit);
    for (const key of Object.keys(patch)) if (patch[key] === undefined) delete patch[key];
    if (Object.keys(patch).length === 0) {
      setEditing(false);
      return;
    }
    const ok = await submit.run(async () => {
      onSaved(await api.updateApplication(app.id, patch));
      return t.application.detailsSaved;
    });
    if (ok) setEditing(false);
  }

  return (
    <Section
      title={t.application.details}
      id="details-heading"
      actions={
        editing ? null : (
          <button type="button" className="button-quiet" onClick={() => setEditing('details')}>
            {t.application.editDetails}
          </button>
        )
      }
    >
      {editing ? (
        <form onSubmit={save} className="details-form">
          <div className="field">
            <label htmlFor={`${id}-company`}>{t.application.company}</label>
            <input
              id={`${id}-company`}
              name="company"
              defaultValue={app.companyName}
              required
              maxLength={200}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-role`}>{t.application.role}</label>
            <input id={`${id}-role`} name="role" defaultValue={app.role} required maxLength={200} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-url`}>{t.application.link}</label>
            <input
              id={`${id}-url`}
              name="url"
              type="url"
              defaultValue={app.url ?? ''}
              placeholder="https://"
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-location`}>{t.application.location}</label>
            <input id={`${id}-location`} name="location" defaultValue={app.location ?? ''} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-source`}>{t.application.source}</label>
            <input id={`${id}-source`} name="source" defaultValue={app.source ?? ''} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-fit`}>{t.application.fit}</label>
            <select id={`${id}-fit`} name="fit" defaultValue={app.fit ?? ''}>
              <option value="">{t.application.fitNone}</option>
              {[1, 2, 3, 4, 5].map((n) => (
                <option key={n} value={n}>
                  {t.application.fitOption(n)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-workplace`}>{t.application.workplace}</label>
            <select id={`${id}-workplace`} name="workplace" defaultValue={app.workplace ?? ''}>
              <option value="">{t.application.workplaceNone}</option>
              {WORKPLACES.map((w) => (
                <option key={w} value={w}>
                  {t.workplaces[w]}
                </option>
              ))}
            </select>
          </div>
          <ResumeVersionField id={id} current={app.resumeVersion} />
          <div className="field">
            <label htmlFor={`${id}-jd`}>{t.application.jobDescription}</label>
            <textarea
              id={`${id}-jd`}
              name="jobDescription"
              rows={8}
              defaultValue={app.jobDescription ?? ''}
            />
          </div>
          <div className="form-actions">
            <button type="submit" className="button" disabled={submit.busy}>
              {submit.busy ? t.common.saving : t.common.save}
            </button>
            <button type="button" className="button-quiet" onClick={() => setEditing(false)}>
              {t.common.cancel}
            </button>
          </div>
          <FormMessage message={submit.message} />
        </form>
      ) : (
        <dl className="details">
          <dt>{t.application.stage}</dt>
          <dd>
            <span className={`stage-pill stage-${app.stage}`}>{t.stages[app.stage]}</span>
          </dd>
          <dt>{t.application.link}</dt>
          <dd>
            {app.url ? (
              <a href={app.url} rel="noreferrer noopener" target="_blank">
                {app.url.replace(/^https?:\/\//, '')}
              </a>
            ) : (
              t.common.notSet
            )}
          </dd>
          <dt>{t.application.location}</dt>
          <dd>{app.location ?? t.common.notSet}</dd>
          <dt>{t.application.source}</dt>
          <dd>{app.source ?? t.common.notSet}</dd>
          <dt>{t.application.fitShort}</dt>
          <dd>{app.fit ? t.application.fitOption(app.fit) : t.application.fitNone}</dd>
          <dt>{t.application.workplace}</dt>
          <dd>{app.workplace ? t.workplaces[app.workplace] : t.application.workplaceNone}</dd>
          <dt>{t.application.resumeVersion}</dt>
          <dd>{app.resumeVersion ?? t.application.resumeVersionNone}</dd>
        </dl>
      )}
    </Section>
  );
}

function InterviewsCard({ app, onChanged }: { app: ApplicationDetail; onChanged: () => Promise<void> }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const submit = useSubmit();

  async function log(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const input: Record<string, unknown> = { at: fieldText(data, 'at'), kind: fieldText(data, 'kind') };
    const name = fieldText(data, 'name');
    const email = fieldText(data, 'email');
    if (name || email) input.with = [{ name: name || email.split('@')[0], ...(email ? { email } : {}) }];
    if (fieldText(data, 'notes')) input.notes = fieldText(data, 'notes');
    if (fieldText(data, 'replyExpectedBy')) input.replyExpectedBy = fieldText(data, 'replyExpectedBy');
    const ok = await submit.run(async () => {
      await api.addInterview(app.id, input);
      await onChanged();
      return t.application.interviewLogged;
    });
    if (ok) {
      form.reset();
      setOpen(false);
    }
  }

  return (
    <Section
      title={t.application.interviews}
      id="interviews-heading"
      actions={
        <button type="button" className="button-quiet" aria-expanded={open} onClick={() => setOpen(!open)}>
          {t.application.logInterview}
        </button>
      }
    >
      {open ? (
        <form onSubmit={log} className="sub-form" aria-label={t.application.logInterview}>
          <div className="grid-2">
            <div className="field">
              <label htmlFor={`${id}-at`}>{t.application.interviewAt}</label>
              <input id={`${id}-at`} name="at" type="datetime-local" required />
            </div>
            <div className="field">
              <label htmlFor={`${id}-kind`}>{t.application.interviewKind}</label>
              <select id={`${id}-kind`} name="kind" defaultValue="video">
                {INTERVIEW_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t.interviewKinds[k]}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-name`}>
                {t.application.interviewWith} <span className="muted">{t.common.optional}</span>
              </label>
              <input id={`${id}-name`} name="name" autoComplete="off" />
            </div>
            <div className="field">
              <label htmlFor={`${id}-email`}>
                {t.application.interviewWithEmail} <span className="muted">{t.common.optional}</span>
              </label>
              <input id={`${id}-email`} name="email" type="email" autoComplete="off" />
            </div>
          </div>
          <div className="field">
            <label htmlFor={`${id}-notes`}>
              {t.application.interviewNotes} <span className="muted">{t.common.optional}</span>
            </label>
            <textarea id={`${id}-notes`} name="notes" rows={2} aria-describedby={`${id}-notes-hint`} />
            <p className="hint" id={`${id}-notes-hint`}>
              {t.application.interviewNotesHint}
            </p>
          </div>
          <div className="field">
            <label htmlFor={`${id}-reply`}>
              {t.application.replyExpectedBy} <span className="muted">{t.common.optional}</span>
            </label>
            <input id={`${id}-reply`} name="replyExpectedBy" type="date" />
          </div>
          <div className="form-actions">
            <button type="submit" className="button" disabled={submit.busy}>
              {t.application.logInterview}
            </button>
          </div>
        </form>
      ) : null}
      <FormMessage message={submit.message} />
      {app.interviews.length === 0 ? (
        <p className="muted">{t.application.noInterviews}</p>
      ) : (
        <ul className="interviews">
          {app.interviews.map((iv) => (
            <li key={iv.id}>
              <InterviewRating interview={iv} />
              {iv.notes ? <p className="muted">{iv.notes}</p> : null}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function PeopleCard({ app, onChanged }: { app: ApplicationDetail; onChanged: () => Promise<void> }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const submit = useSubmit();
  return (
    <Section
      title={t.application.people}
      id="people-heading"
      actions={
        <button type="button" className="button-quiet" aria-expanded={open} onClick={() => setOpen(!open)}>
          {t.application.addPerson}
        </button>
      }
    >
      {open ? (
        <form
          className="sub-form"
          aria-label={t.application.addPerson}
          onSubmit={async (e) => {
            e.preventDefault();
            const form = e.currentTarget;
            const data = new FormData(form);
            const name = fieldText(data, 'name');
            const input: Record<string, unknown> = {
              name,
              role: fieldText(data, 'role'),
              applicationId: app.id,
            };
            if (fieldText(data, 'email')) input.email = fieldText(data, 'email');
            const ok = await submit.run(async () => {
              await api.addContact(input);
              await onChanged();
              return t.application.personAdded(name);
            });
            if (ok) {
              form.reset();
              setOpen(false);
            }
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-name`}>{t.application.personName}</label>
            <input id={`${id}-name`} name="name" required autoComplete="off" />
          </div>
          <div className="field">
            <label htmlFor={`${id}-email`}>
              {t.application.personEmail} <span className="muted">{t.common.optional}</span>
            </label>
            <input id={`${id}-email`} name="email" type="email" autoComplete="off" />
          </div>
          <div className="field">
            <label htmlFor={`${id}-role`}>{t.application.personRole}</label>
            <select id={`${id}-role`} name="role" defaultValue="recruiter">
              {CONTACT_ROLES.map((r) => (
                <option key={r} value={r}>
                  {t.contactRoles[r]}
                </option>
              ))}
            </select>
          </div>
          <div className="form-actions">
            <button type="submit" className="button" disabled={submit.busy}>
              {t.common.add}
            </button>
          </div>
        </form>
      ) : null}
      <FormMessage message={submit.message} />
      {app.contacts.length === 0 ? (
        <p className="muted">{t.application.noPeople}</p>
      ) : (
        <ul className="people">
          {app.contacts.map((c) => (
            <li key={c.id}>
              <span className="person-name">{c.name}</span>{' '}
              <span className="muted">· {t.contactRoles[c.role] ?? c.role}</span>
              {c.email ? (
                <>
                  <br />
                  <a href={`mailto:${c.email}`}>{c.email}</a>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function NotesCard({ app, onChanged }: { app: ApplicationDetail; onChanged: () => Promise<void> }) {
  const id = useId();
  const [text, setText] = useState('');
  const submit = useSubmit();
  return (
    <Section title={t.application.notes} id="notes-heading">
      <form
        className="note-form"
        onSubmit={async (e) => {
          e.preventDefault();
          if (!text.trim()) return;
          const ok = await submit.run(async () => {
            await api.addNote(app.id, text.trim());
            await onChanged();
            return t.application.noteAdded;
          });
          if (ok) setText('');
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-note`}>{t.application.noteLabel}</label>
          <textarea id={`${id}-note`} rows={2} value={text} onChange={(e) => setText(e.target.value)} />
        </div>
        <div className="form-actions">
          <button type="submit" className="button-secondary" disabled={submit.busy || !text.trim()}>
            {t.application.addNote}
          </button>
          <FormMessage message={submit.message} />
        </div>
      </form>
      {app.notes.length === 0 ? (
        <p className="muted">{t.application.noNotes}</p>
      ) : (
        <ul className="notes">
          {[...app.notes].reverse().map((n) => (
            <li key={n.id}>
              <p className="note-text">{n.text}</p>
              <p className="muted small">{formatDayTime(n.at)}</p>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function DraftsCard({ app, drafts }: { app: ApplicationDetail; drafts: Draft[] }) {
  const id = useId();
  const [kind, setKind] = useState<string>(app.stage === 'rejected' ? 'rejection_reply' : 'interview_thanks');
  const submit = useSubmit();
  return (
    <Section title={t.application.drafts} id="drafts-heading">
      {drafts.length === 0 ? (
        <p className="muted">{t.application.noDrafts}</p>
      ) : (
        <ul className="drafts">
          {[...drafts].reverse().map((d) => (
            <li key={d.id}>
              <Link to={paths.draft(d.id)}>{d.subject}</Link>
              <span className="muted small">
                {' '}
                · {t.draftKinds[d.kind] ?? d.kind} ·{' '}
                {d.sentAt ? t.application.sentOn(formatDay(d.sentAt)) : t.application.notSent}
              </span>
            </li>
          ))}
        </ul>
      )}
      <form
        className="inline-form"
        onSubmit={async (e) => {
          e.preventDefault();
          await submit.run(async () => {
            const draft = await api.createDraft(app.id, kind);
            navigate(paths.draft(draft.id));
          });
        }}
      >
        <label htmlFor={`${id}-kind`}>{t.application.emailKind}</label>
        <div className="inline-row">
          <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value)}>
            {DRAFT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t.draftKinds[k]}
              </option>
            ))}
          </select>
          <button type="submit" className="button-secondary" disabled={submit.busy}>
            {t.application.write}
          </button>
        </div>
        <FormMessage message={submit.message} />
      </form>
    </Section>
  );
}

export function ApplicationPage({ id }: { id: string }) {
  const [editing, setEditing] = useState<Editing>(false);
  const loaded = useLoad(
    () => Promise.all([api.application(id), api.timeline(id), api.plan(id), api.drafts(id)]),
    [id],
  );
  if (loaded.error && !loaded.data) {
    return (
      <Page title={t.application.details}>
        <ErrorNote
          error={loaded.error.status === 404 ? t.application.notFound : loaded.error}
          onRetry={loaded.error.status === 404 ? undefined : loaded.reload}
        />
      </Page>
    );
  }
  if (!loaded.data) {
    return (
      <Page title={t.application.details}>
        <Loading />
      </Page>
    );
  }
  const [app, timeline, plan, drafts] = loaded.data;
  const title = t.application.title(app.companyName, app.role);
  const open = isOpenStage(app.stage);
  const openSteps = plan.steps.filter((s) => s.status === 'open' || s.status === 'snoozed');
  const closedSteps = plan.steps.filter((s) => s.status === 'done' || s.status === 'skipped');

  return (
    <Page
      title={title}
      heading={
        <>
          <span className="heading-role">{app.role}</span>{' '}
          <span className="heading-company">{t.application.atCompany(app.companyName)}</span>
        </>
      }
      intro={<span className={`stage-pill stage-${app.stage}`}>{t.stages[app.stage]}</span>}
      actions={
        open ? (
          <div className="no-action">
            <Link to={paths.rejection(app.id)} className="button button-warm">
              {t.application.gotANo}
            </Link>
            <p className="hint">{t.application.gotANoHint}</p>
          </div>
        ) : app.stage === 'rejected' ? (
          <Link to={paths.rejection(app.id)} className="button">
            {t.application.continueFlow}
          </Link>
        ) : null
      }
    >
      <div className="app-grid">
        <div className="app-main">
          {plan.ghosted ? (
            <div className="notice notice-warn">
              <p>
                <strong>{t.application.ghosted}: </strong>
                {plan.ghosted.reason}
              </p>
            </div>
          ) : null}
          <Section title={t.application.plan} id="plan-heading">
            {plan.steps.length === 0 ? (
              <p className="muted">{t.application.noPlan}</p>
            ) : (
              <StepList
                steps={[...openSteps, ...closedSteps]}
                company={app.companyName}
                onChanged={loaded.reload}
                label={t.application.plan}
                collapseClosed
              />
            )}
          </Section>
          <InterviewsCard app={app} onChanged={loaded.reload} />
          <FeedbackCard app={app} onChanged={loaded.reload} />
          <DraftsCard app={app} drafts={drafts} />
          <NotesCard app={app} onChanged={loaded.reload} />
          <Section title={t.application.timeline} id="timeline-heading">
            {timeline.length === 0 ? (
              <p className="muted">{t.application.noTimeline}</p>
            ) : (
              <ol className="timeline">
                {[...timeline].reverse().map((e) => (
                  <li key={`${e.kind}-${e.refId}-${e.at}`} className={`timeline-${e.kind}`}>
                    <p className="timeline-when">{formatDay(e.at)}</p>
                    <p className="timeline-title">{e.title}</p>
                    {e.detail ? <p className="muted timeline-detail">{e.detail}</p> : null}
                  </li>
                ))}
              </ol>
            )}
          </Section>
        </div>
        <div className="app-side">
          <DetailsCard
            app={app}
            onSaved={() => void loaded.reload()}
            editing={editing}
            setEditing={setEditing}
          />
          <SkillsCard
            app={app}
            onAddJobDescription={() => {
              setEditing('jobDescription');
              // Once the form is there, start in the job description.
              window.setTimeout(
                () => document.querySelector<HTMLElement>('[name="jobDescription"]')?.focus(),
                0,
              );
            }}
          />
          <Section title={t.application.moveHeading} id="move-heading">
            <MoveForm app={app} onMoved={loaded.reload} />
          </Section>
          <PeopleCard app={app} onChanged={loaded.reload} />
          <Section title={t.application.jobDescription} id="jd-heading">
            {app.jobDescription ? (
              <div className="job-description">{app.jobDescription}</div>
            ) : (
              <p className="muted">{t.application.noJobDescription}</p>
            )}
          </Section>
        </div>
      </div>
    </Page>
  );
}
