/**
 * How many emails wait in the inbox review list, for the badge in the navigation. The Inbox page
 * sets it as it learns the answer; elsewhere it is asked for again as the seeker moves around.
 */
import { useSyncExternalStore } from 'react';
import { api } from './client';

let count = 0;
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

export function setReviewCount(n: number): void {
  if (n === count) return;
  count = n;
  for (const listener of listeners) listener();
}

/** Asks the server again; a failure leaves the badge as it was. */
export function refreshReviewCount(): Promise<void> {
  return api
    .review()
    .then((items) => setReviewCount(items.length))
    .catch(() => undefined);
}

export function useReviewCount(): number {
  return useSyncExternalStore(subscribe, () => count);
}
