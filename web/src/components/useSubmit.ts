import { useState } from 'react';
import { asApiError } from '../api/useLoad';
import { announce } from './announce';

export type FormNote = { text: string; tone: 'ok' | 'error' } | null;

/** Runs a form's request, with its message and busy state. */
export function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<FormNote>(null);
  const run = async (work: () => Promise<string | void>): Promise<boolean> => {
    setBusy(true);
    setMessage(null);
    try {
      const ok = await work();
      // Success is said once, by the announcer; a problem stays beside the form until fixed.
      if (ok) announce(ok);
      return true;
    } catch (err) {
      setMessage({ text: asApiError(err).message, tone: 'error' });
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, message, run, setMessage };
}

export const fieldText = (data: FormData, name: string) => String(data.get(name) ?? '').trim();
