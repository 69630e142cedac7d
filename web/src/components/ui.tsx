import { useEffect, useRef, type ReactNode } from 'react';
import type { ApiError } from '../api/client';
import { t } from '../text';

/** A page: its title in the tab and as the one h1, which takes focus after navigation. */
export function Page({
  title,
  heading,
  intro,
  actions,
  children,
}: {
  title: string;
  heading?: ReactNode;
  intro?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}) {
  const h1 = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = t.pageTitle(title);
  }, [title]);
  return (
    <>
      <div className="page-head">
        <div>
          <h1 ref={h1} tabIndex={-1} id="page-title">
            {heading ?? title}
          </h1>
          {intro ? <p className="lead">{intro}</p> : null}
        </div>
        {actions ? <div className="page-actions">{actions}</div> : null}
      </div>
      {children}
    </>
  );
}

export function Section({
  title,
  id,
  children,
  className,
  actions,
}: {
  title: ReactNode;
  id: string;
  children: ReactNode;
  className?: string;
  actions?: ReactNode;
}) {
  return (
    <section className={`card ${className ?? ''}`} aria-labelledby={id}>
      <div className="card-head">
        <h2 id={id}>{title}</h2>
        {actions}
      </div>
      {children}
    </section>
  );
}

export function Loading({ label = t.common.loading }: { label?: string }) {
  return (
    <p className="muted loading" role="status">
      {label}
    </p>
  );
}

export function ErrorNote({ error, onRetry }: { error: ApiError | string; onRetry?: () => void }) {
  return (
    <div className="notice notice-error" role="alert">
      <p>{typeof error === 'string' ? error : error.message}</p>
      {onRetry ? (
        <button type="button" className="button-quiet" onClick={onRetry}>
          {t.common.retry}
        </button>
      ) : null}
    </div>
  );
}

export function Notice({ children, tone = 'info' }: { children: ReactNode; tone?: 'info' | 'ok' | 'warn' }) {
  return <div className={`notice notice-${tone}`}>{children}</div>;
}

/** A form's own message line, read out when it changes. */
export function FormMessage({ message }: { message: { text: string; tone: 'ok' | 'error' } | null }) {
  return (
    <p
      className={`form-message ${message?.tone === 'error' ? 'is-error' : 'is-ok'}`}
      role="status"
      aria-live="polite"
    >
      {message?.text ?? ''}
    </p>
  );
}

/** A progress bar with its numbers in words, so it is not colour alone. */
export function Meter({ label, value, max }: { label: string; value: number; max: number }) {
  const ratio = max > 0 ? Math.min(1, value / max) : 0;
  return (
    <div className="meter">
      <div className="meter-label">
        <span>{label}</span>
        <span className="meter-value">
          {value} / {max}
        </span>
      </div>
      <progress
        value={Math.min(value, max)}
        max={Math.max(max, 1)}
        aria-label={`${label}: ${value} of ${max}`}
      >
        {Math.round(ratio * 100)}%
      </progress>
    </div>
  );
}
