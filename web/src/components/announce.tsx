/**
 * One polite message at a time, shown briefly at the bottom of the screen and read out by screen
 * readers: "Saved.", "Moved to Screening." The region is always in the page, so that the
 * announcement is heard.
 */
import { useEffect, useState } from 'react';

type Listener = (message: string, tone: 'ok' | 'error') => void;
const listeners = new Set<Listener>();

export function announce(message: string, tone: 'ok' | 'error' = 'ok'): void {
  for (const listener of listeners) listener(message, tone);
}

export function Announcer() {
  const [current, setCurrent] = useState<{ message: string; tone: 'ok' | 'error'; n: number }>();
  useEffect(() => {
    let n = 0;
    const listener: Listener = (message, tone) => setCurrent({ message, tone, n: ++n });
    listeners.add(listener);
    return () => void listeners.delete(listener);
  }, []);
  useEffect(() => {
    if (!current) return;
    const timer = window.setTimeout(() => setCurrent(undefined), current.tone === 'error' ? 9000 : 5000);
    return () => window.clearTimeout(timer);
  }, [current]);
  return (
    <div className="toast-region" role="status" aria-live="polite" aria-atomic="true">
      {current ? (
        <p className={`toast toast-${current.tone}`} key={current.n}>
          {current.message}
        </p>
      ) : null}
    </div>
  );
}
