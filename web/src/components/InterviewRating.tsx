import { useId, useState } from 'react';
import { api } from '../api/client';
import { asApiError } from '../api/useLoad';
import type { Interview } from '../api/types';
import { formatDayTime } from '../format';
import { t } from '../text';
import { announce } from './announce';
import { Rating } from './Rating';

export const interviewSummary = (iv: Interview): string => {
  const people = (iv.interviewers ?? []).map((c) => c.name).join(', ');
  const base = t.application.interviewSummary(t.interviewKinds[iv.kind], formatDayTime(iv.at));
  return people ? `${base} ${t.application.withPeople(people)}` : base;
};

/** The seeker's own view of one interview: a 1–5 rating and a few words, saved on change. */
export function InterviewRating({
  interview,
  withAssessment = false,
  onSaved,
}: {
  interview: Interview;
  withAssessment?: boolean;
  onSaved?: (interview: Interview) => void;
}) {
  const id = useId();
  const [rating, setRating] = useState(interview.selfRating);
  const [assessment, setAssessment] = useState(interview.selfAssessment ?? '');
  const [savedAssessment, setSavedAssessment] = useState(interview.selfAssessment ?? '');

  async function save(patch: { selfRating?: number | null; selfAssessment?: string | null }) {
    try {
      const updated = await api.updateInterview(interview.id, patch);
      announce(t.rating.saved);
      onSaved?.(updated);
      return true;
    } catch (err) {
      announce(asApiError(err).message, 'error');
      return false;
    }
  }

  return (
    <div className="interview-rating">
      <Rating
        legend={`${t.application.yourRating}: ${interviewSummary(interview)}`}
        value={rating}
        onChange={async (value) => {
          const before = rating;
          setRating(value);
          if (!(await save({ selfRating: value }))) setRating(before);
        }}
      />
      {withAssessment ? (
        <div className="field">
          <label htmlFor={`${id}-assessment`}>{t.rejection.assessment}</label>
          <textarea
            id={`${id}-assessment`}
            rows={2}
            value={assessment}
            onChange={(e) => setAssessment(e.target.value)}
            onBlur={async () => {
              if (assessment.trim() === savedAssessment.trim()) return;
              if (await save({ selfAssessment: assessment.trim() || null })) setSavedAssessment(assessment);
            }}
          />
        </div>
      ) : null}
    </div>
  );
}
