import { useEffect, useRef, useState } from 'react';
import { announce } from '../components/announce';
import { formatDay } from '../format';
import { tp } from '../text/practice';
import { recordings, type Recording } from './recordings';

type State = 'idle' | 'recording' | 'unsupported' | 'denied';

/** An optional audio recording of the answer, kept in this browser for listening back. */
export function Recorder({ questionId }: { questionId: string }) {
  const [state, setState] = useState<State>(() =>
    typeof MediaRecorder === 'undefined' || !navigator.mediaDevices?.getUserMedia ? 'unsupported' : 'idle',
  );
  const [saved, setSaved] = useState<Recording>();
  const [url, setUrl] = useState<string>();
  const [seconds, setSeconds] = useState(0);
  const recorder = useRef<MediaRecorder | null>(null);
  const stream = useRef<MediaStream | null>(null);

  useEffect(() => {
    let live = true;
    recordings
      .get(questionId)
      .then((r) => live && setSaved(r))
      .catch(() => undefined);
    return () => {
      live = false;
      if (recorder.current?.state === 'recording') recorder.current.stop();
      stream.current?.getTracks().forEach((track) => track.stop());
    };
  }, [questionId]);

  useEffect(() => {
    if (!saved) return setUrl(undefined);
    const next = URL.createObjectURL(saved.blob);
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [saved]);

  useEffect(() => {
    if (state !== 'recording') return;
    const started = Date.now();
    const timer = window.setInterval(() => setSeconds(Math.round((Date.now() - started) / 1000)), 250);
    return () => window.clearInterval(timer);
  }, [state]);

  async function start() {
    try {
      stream.current = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch {
      setState('denied');
      return;
    }
    const chunks: Blob[] = [];
    const rec = new MediaRecorder(stream.current);
    const started = Date.now();
    rec.ondataavailable = (event) => {
      if (event.data.size > 0) chunks.push(event.data);
    };
    rec.onstop = () => {
      stream.current?.getTracks().forEach((track) => track.stop());
      const recording: Recording = {
        questionId,
        blob: new Blob(chunks, { type: rec.mimeType || 'audio/webm' }),
        at: new Date().toISOString(),
        seconds: Math.max(1, Math.round((Date.now() - started) / 1000)),
      };
      setSaved(recording);
      setState('idle');
      recordings.put(recording).catch(() => undefined);
    };
    recorder.current = rec;
    setSeconds(0);
    rec.start(250);
    setState('recording');
  }

  async function remove() {
    await recordings.remove(questionId).catch(() => undefined);
    setSaved(undefined);
    announce(tp.recording.removed);
  }

  return (
    <div className="practice-recorder">
      <h3>{tp.recording.title}</h3>
      <p className="hint">{tp.recording.privacy}</p>
      {state === 'unsupported' ? <p className="muted">{tp.recording.unsupported}</p> : null}
      {state === 'denied' ? <p className="form-message is-error">{tp.recording.denied}</p> : null}
      {state === 'idle' || state === 'denied' ? (
        <button type="button" className="button-secondary" onClick={start}>
          {saved ? tp.recording.again : tp.recording.start}
        </button>
      ) : null}
      {state === 'recording' ? (
        <div className="inline-row">
          <button type="button" className="button" onClick={() => recorder.current?.stop()}>
            {tp.recording.stop}
          </button>
          <span className="recording-live" role="status">
            <span className="recording-dot" aria-hidden="true" />
            {tp.recording.recording(seconds)}
          </span>
        </div>
      ) : null}
      {saved && url && state !== 'recording' ? (
        <div className="practice-playback">
          <p className="small">{tp.recording.saved(formatDay(saved.at), saved.seconds)}</p>
          <audio controls src={url} aria-label={tp.recording.playback} />
          <button type="button" className="button-quiet" onClick={remove}>
            {tp.recording.remove}
          </button>
        </div>
      ) : null}
    </div>
  );
}
