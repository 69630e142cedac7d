import { useState } from 'react';
import { api, ApiError } from '../api/client';
import { asApiError, useLoad } from '../api/useLoad';
import { announce } from '../components/announce';
import { HealthCard, MilestoneCard, WinsCard } from '../components/Progress';
import { QuickAdd } from '../components/QuickAdd';
import { stepTitle, StepList } from '../components/StepList';
import { ErrorNote, Loading, Page, Section } from '../components/ui';
import { formatDay } from '../format';
import { Link, navigate, paths } from '../router';
import { t } from '../text';

/** Whether the sample data set can be loaded here (false when the server has no such endpoint). */
async function sampleState(): Promise<{ available: boolean; loaded: boolean }> {
  try {
    const { loaded } = await api.sample();
    return { available: true, loaded };
  } catch (err) {
    if (err instanceof ApiError && (err.status === 404 || err.status === 405)) {
      return { available: false, loaded: false };
    }
    throw err;
  }
}

export function TodayPage() {
  const loaded = useLoad(() => Promise.all([api.today(), api.applications({ limit: 1 }), sampleState()]), []);
  const [sampleBusy, setSampleBusy] = useState(false);

  async function changeSample(load: boolean) {
    setSampleBusy(true);
    try {
      if (load) await api.loadSample();
      else await api.removeSample();
      announce(load ? t.sample.loaded : t.today.sampleRemoved);
      await loaded.reload();
    } catch (err) {
      announce(asApiError(err).message, 'error');
    } finally {
      setSampleBusy(false);
    }
  }

  if (loaded.error && !loaded.data) {
    return (
      <Page title={t.today.title}>
        <ErrorNote error={loaded.error} onRetry={loaded.reload} />
      </Page>
    );
  }
  if (!loaded.data) {
    return (
      <Page title={t.today.title}>
        <Loading />
      </Page>
    );
  }
  const [today, someApplications, sample] = loaded.data;

  if (someApplications.length === 0) {
    return (
      <Page title={t.today.title} heading={t.today.welcomeTitle} intro={t.today.welcomeText}>
        <div className="welcome">
          <Section title={t.today.firstApplication} id="first-heading">
            <QuickAdd onAdded={(a) => navigate(paths.application(a.id))} />
          </Section>
          <div>
            <Section title={t.today.howTitle} id="how-heading" className="card-soft">
              <ol className="how">
                {t.today.how.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ol>
            </Section>
            {sample.available ? (
              <Section title={t.today.loadSample} id="sample-heading" className="card-soft">
                <p>{t.today.sampleHint}</p>
                <button
                  type="button"
                  className="button-secondary"
                  disabled={sampleBusy}
                  onClick={() => changeSample(true)}
                >
                  {sampleBusy ? t.today.loadingSample : t.today.loadSample}
                </button>
              </Section>
            ) : null}
          </div>
        </div>
      </Page>
    );
  }

  return (
    <Page title={t.today.title} intro={today.reframe ?? t.today.greeting}>
      {sample.loaded ? (
        <div className="notice notice-info sample-banner">
          <p>{t.today.sampleLoaded}</p>
          <button
            type="button"
            className="button-quiet"
            disabled={sampleBusy}
            onClick={() => changeSample(false)}
          >
            {sampleBusy ? t.today.removingSample : t.today.removeSample}
          </button>
        </div>
      ) : null}
      <div className="today-grid">
        <div className="today-main">
          <Section title={t.today.dueHeading} id="due-heading">
            {today.steps.length === 0 ? (
              <p className="empty">{t.today.nothingDue}</p>
            ) : (
              <StepList
                steps={today.steps}
                today={today.date}
                showApplication
                onChanged={loaded.reload}
                label={t.today.dueHeading}
              />
            )}
          </Section>
          {today.ghosted.length > 0 ? (
            <Section title={t.today.ghostedHeading} id="ghosted-heading">
              <ul className="plain-list">
                {today.ghosted.map((g) => (
                  <li key={g.applicationId} className="ghosted">
                    <p>
                      <Link to={paths.application(g.applicationId)}>
                        {g.role}, {g.company}
                      </Link>
                      : {g.reason}
                    </p>
                    <p className="muted">{t.today.ghostedKeep}</p>
                    <button
                      type="button"
                      className="button-quiet"
                      onClick={async () => {
                        try {
                          await api.move(g.applicationId, 'no_response');
                          announce(t.pipeline.moved(g.company, t.stages.no_response));
                          await loaded.reload();
                        } catch (err) {
                          announce(asApiError(err).message, 'error');
                        }
                      }}
                    >
                      {t.today.ghostedMove}
                    </button>
                  </li>
                ))}
              </ul>
            </Section>
          ) : null}
          {today.upcoming.length > 0 ? (
            <Section title={t.today.upcomingHeading} id="upcoming-heading">
              <ul className="upcoming">
                {today.upcoming.map((s) => (
                  <li key={s.id}>
                    <span className="upcoming-date">{formatDay(s.snoozedUntil ?? s.due)}</span>
                    {s.applicationId ? (
                      <Link to={paths.application(s.applicationId)}>{stepTitle(s)}</Link>
                    ) : (
                      <span>{stepTitle(s)}</span>
                    )}
                  </li>
                ))}
              </ul>
            </Section>
          ) : null}
        </div>
        <div className="today-side">
          <HealthCard health={today.pipeline} />
          <MilestoneCard next={today.nextMilestone} />
          <WinsCard wins={today.recentMilestones} />
        </div>
      </div>
    </Page>
  );
}
