/**
 * What the job description asks for against the résumé (practice 9): the share it already shows,
 * and the skills on each side. Without a résumé or a job description, it says what to add.
 */
import { useId } from 'react';
import { api } from '../api/client';
import type { ApplicationDetail, SkillRef } from '../api/types';
import { useLoad } from '../api/useLoad';
import { Link, paths } from '../router';
import { t } from '../text';
import { ErrorNote, Loading, Section } from './ui';

function SkillList({ skills, empty, className }: { skills: SkillRef[]; empty: string; className: string }) {
  if (skills.length === 0) return <p className="muted small">{empty}</p>;
  return (
    <ul className={`skill-list ${className}`}>
      {skills.map((s) => (
        <li key={s.id}>{s.label}</li>
      ))}
    </ul>
  );
}

export function SkillsCard({
  app,
  onAddJobDescription,
}: {
  app: ApplicationDetail;
  onAddJobDescription: () => void;
}) {
  const id = useId();
  // Asked again whenever what it depends on changes (the job description, the résumé sent).
  const loaded = useLoad(() => api.skills(app.id), [app.id, app.jobDescription, app.resumeVersion]);
  const match = loaded.data;

  let body;
  if (loaded.error && !match) body = <ErrorNote error={loaded.error} onRetry={loaded.reload} />;
  else if (!match) body = <Loading label={t.application.skillsLoading} />;
  else if (!match.hasJobDescription)
    body = (
      <div className="skills-hint">
        <p>{t.application.noJobDescriptionSkills}</p>
        <button type="button" className="button-secondary" onClick={onAddJobDescription}>
          {t.application.addJobDescription}
        </button>
      </div>
    );
  else if (match.required.length === 0) body = <p className="muted">{t.application.noKnownSkills}</p>;
  else if (match.resumeVersion === null || match.coverage === null)
    body = (
      <>
        <h3 className="skill-heading">{t.application.asks}</h3>
        <SkillList skills={match.required} empty="" className="is-required" />
        <div className="skills-hint">
          <p>{t.application.noResume}</p>
          <Link to={paths.resumes} className="button-secondary">
            {t.application.addResume}
          </Link>
        </div>
      </>
    );
  else {
    const percent = Math.round(match.coverage * 100);
    body = (
      <>
        <div className="coverage">
          <div className="meter-label">
            <label htmlFor={`${id}-coverage`}>{t.application.coverage}</label>
            <span className="coverage-figure">{percent}%</span>
          </div>
          <meter
            id={`${id}-coverage`}
            min={0}
            max={match.required.length}
            low={match.required.length / 2}
            optimum={match.required.length}
            value={match.matched.length}
          >
            {percent}%
          </meter>
          <p className="small">{t.application.coverageOf(match.matched.length, match.required.length)}</p>
        </div>
        <h3 className="skill-heading">{t.application.missing}</h3>
        <SkillList skills={match.missing} empty={t.application.noneMissing} className="is-missing" />
        <h3 className="skill-heading">{t.application.matched}</h3>
        <SkillList skills={match.matched} empty={t.application.noneMatched} className="is-matched" />
        <p className="muted small">{t.application.comparedWith(match.resumeVersion)}</p>
      </>
    );
  }

  return (
    <Section title={t.application.skills} id="skills-heading">
      {body}
    </Section>
  );
}
