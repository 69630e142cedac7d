import { useEffect, useId, useRef, useState } from 'react';
import {
  practiceApi,
  type AttemptResult,
  type PlanItem,
  type RubricCriterion,
  type Scores,
  type StarCheck,
} from '../api/practice';
import { asApiError } from '../api/useLoad';
import { FormMessage } from '../components/ui';
import { tp } from '../text/practice';
import { Recorder } from './Recorder';
import { RubricRating } from './RubricRating';
import { StarPanel } from './StarPanel';

const clock = (seconds: number): string =>
  `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;

/** A visible timer for the spoken answer; it counts while running and keeps its total. */
function useTimer() {
  const [running, setRunning] = useState(false);
  const [seconds, setSeconds] = useState(0);
  const base = useRef({ startedAt: 0, before: 0 });
  useEffect(() => {
    if (!running) return;
    base.current.startedAt = Date.now();
    const tick = () =>
      setSeconds(base.current.before + Math.floor((Date.now() - base.current.startedAt) / 1000));
    const timer = window.setInterval(tick, 250);
    return () => {
      window.clearInterval(timer);
      base.current.before += Math.floor((Date.now() - base.current.startedAt) / 1000);
    };
  }, [running]);
  return {
    running,
    seconds,
    toggle: () => setRunning((r) => !r),
    reset: () => {
      setRunning(false);
      base.current.before = 0;
      setSeconds(0);
    },
  };
}

/** One question practised: the timer, typed notes with the live STAR check, a recording, the rubric. */
export function Session({
  item,
  rubric,
  onSaved,
  onClose,
}: {
  item: PlanItem;
  rubric: readonly RubricCriterion[];
  onSaved: (result: AttemptResult) => void | Promise<void>;
  onClose: () => void;
}) {
  const id = useId();
  const timer = useTimer();
  const [answer, setAnswer] = useState('');
  const [check, setCheck] = useState<StarCheck | null>(null);
  const [scores, setScores] = useState<Scores>({});
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; tone: 'ok' | 'error' } | null>(null);

  // The STAR check follows the typing, a moment after it pauses.
  useEffect(() => {
    if (!answer.trim()) {
      setCheck(null);
      return;
    }
    let live = true;
    const wait = window.setTimeout(() => {
      practiceApi
        .star(answer)
        .then((c) => live && setCheck(c))
        .catch(() => undefined);
    }, 300);
    return () => {
      live = false;
      window.clearTimeout(wait);
    };
  }, [answer]);

  async function save() {
    if (Object.keys(scores).length === 0) {
      setMessage({ text: tp.session.needRating, tone: 'error' });
      return;
    }
    setBusy(true);
    setMessage(null);
    try {
      if (timer.running) timer.toggle();
      const result = await practiceApi.saveAttempt({
        questionId: item.question.id,
        scores,
        ...(answer.trim() ? { answer } : {}),
        ...(timer.seconds > 0 ? { seconds: timer.seconds } : {}),
      });
      await onSaved(result);
    } catch (err) {
      setMessage({ text: asApiError(err).message, tone: 'error' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="practice-session">
      <p className="practice-question">
        <strong>{tp.plan.strong}:</strong> {item.question.strong}
      </p>

      <div className="practice-timer" role="group" aria-label={tp.session.timer}>
        <span className="practice-clock" role="timer" aria-label={tp.session.elapsed(timer.seconds)}>
          {clock(timer.seconds)}
        </span>
        <button
          type="button"
          className={timer.running ? 'button-secondary' : 'button'}
          onClick={timer.toggle}
        >
          {timer.running ? tp.session.stop : tp.session.start}
        </button>
        <button type="button" className="button-quiet" onClick={timer.reset} disabled={timer.seconds === 0}>
          {tp.session.reset}
        </button>
        <span className="small muted">{tp.session.aim}</span>
      </div>

      <div className="practice-answer-grid">
        <div className="field">
          <label htmlFor={`${id}-answer`}>{tp.session.notes}</label>
          <p className="hint" id={`${id}-answer-hint`}>
            {tp.session.notesHint}
          </p>
          <textarea
            id={`${id}-answer`}
            rows={9}
            value={answer}
            aria-describedby={`${id}-answer-hint`}
            onChange={(e) => setAnswer(e.target.value)}
          />
        </div>
        <StarPanel check={check} />
      </div>

      <Recorder questionId={item.question.id} />

      <RubricRating rubric={rubric} scores={scores} onChange={setScores} name={`${id}-rubric`} />

      <div className="form-actions">
        <button type="button" className="button" onClick={save} disabled={busy}>
          {busy ? tp.session.saving : tp.session.save}
        </button>
        <button type="button" className="button-quiet" onClick={onClose}>
          {tp.session.close}
        </button>
      </div>
      <FormMessage message={message} />
    </div>
  );
}
