/**
 * A small client-side router over the History API: the server answers every page address with
 * the app, and the app decides what to show.
 */
import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

export type Route =
  | { name: 'today' }
  | { name: 'pipeline' }
  | { name: 'application'; id: string }
  | { name: 'rejection'; id: string }
  | { name: 'draft'; id: string }
  | { name: 'contacts' }
  | { name: 'inbox' }
  | { name: 'insights' }
  | { name: 'practice' }
  | { name: 'practiceFriend' }
  | { name: 'settings' }
  | { name: 'notFound' };

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

const snapshot = (): string => window.location.pathname + window.location.search;

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === snapshot()) return;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  for (const listener of listeners) listener();
}

/** The current address; re-renders when it changes. */
export function useLocation(): { path: string; pathname: string; params: URLSearchParams } {
  const path = useSyncExternalStore(subscribe, snapshot);
  const url = new URL(path, window.location.origin);
  return { path, pathname: url.pathname, params: url.searchParams };
}

export function matchRoute(pathname: string): Route {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  const [first, id, sub] = parts;
  if (parts.length === 0) return { name: 'today' };
  if (first === 'pipeline' && parts.length === 1) return { name: 'pipeline' };
  if (first === 'contacts' && parts.length === 1) return { name: 'contacts' };
  if (first === 'inbox' && parts.length === 1) return { name: 'inbox' };
  if (first === 'insights' && parts.length === 1) return { name: 'insights' };
  if (first === 'practice' && parts.length === 1) return { name: 'practice' };
  if (first === 'practice' && id === 'friend' && parts.length === 2) return { name: 'practiceFriend' };
  if (first === 'settings' && parts.length === 1) return { name: 'settings' };
  if (first === 'applications' && id && parts.length === 2) return { name: 'application', id };
  if (first === 'applications' && id && sub === 'rejection' && parts.length === 3)
    return { name: 'rejection', id };
  if (first === 'drafts' && id && parts.length === 2) return { name: 'draft', id };
  return { name: 'notFound' };
}

export const paths = {
  today: '/',
  pipeline: '/pipeline',
  application: (id: string) => `/applications/${encodeURIComponent(id)}`,
  rejection: (id: string, step?: string) =>
    `/applications/${encodeURIComponent(id)}/rejection${step ? `?step=${step}` : ''}`,
  draft: (id: string) => `/drafts/${encodeURIComponent(id)}`,
  contacts: '/contacts',
  inbox: '/inbox',
  insights: '/insights',
  /** The résumés live on the Insights page, beside the skill gaps they reveal. */
  resumes: '/insights#resumes',
  practice: '/practice',
  practiceFriend: '/practice/friend',
  settings: '/settings',
};

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { to: string };

/** A real link (open in a new tab works), followed in place on a plain click. */
export function Link({ to, onClick, ...rest }: LinkProps) {
  const handle = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey ||
      rest.target
    ) {
      return;
    }
    event.preventDefault();
    navigate(to);
  };
  return <a href={to} onClick={handle} {...rest} />;
}
