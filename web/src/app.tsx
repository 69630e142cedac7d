import { lazy, Suspense, useEffect, useRef } from 'react';
import { api } from './api/client';
import { refreshReviewCount, useReviewCount } from './api/reviewCount';
import { Announcer } from './components/announce';
import { Loading, Page } from './components/ui';
import { setTimeZone } from './format';
import { ApplicationPage } from './pages/ApplicationPage';
import { ContactsPage } from './pages/ContactsPage';
import { DraftPage } from './pages/DraftPage';
import { InboxPage } from './pages/InboxPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { PipelinePage } from './pages/PipelinePage';
import { RejectionPage } from './pages/RejectionPage';
import { SettingsPage } from './pages/SettingsPage';
import { TodayPage } from './pages/TodayPage';
import { Link, matchRoute, paths, useLocation, type Route } from './router';
import { t } from './text';
import { tp } from './text/practice';

// Insights carries the charts (Chart.js): loaded when first opened, so the first load stays small.
const InsightsPage = lazy(() => import('./pages/InsightsPage'));
// Practice records audio and keeps it in IndexedDB: loaded when first opened, like Insights.
const PracticePage = lazy(() => import('./pages/PracticePage'));
const FriendPage = lazy(() => import('./pages/FriendPage'));

function Screen({ route }: { route: Route }) {
  switch (route.name) {
    case 'today':
      return <TodayPage />;
    case 'pipeline':
      return <PipelinePage />;
    case 'application':
      return <ApplicationPage key={route.id} id={route.id} />;
    case 'rejection':
      return <RejectionPage key={route.id} id={route.id} />;
    case 'draft':
      return <DraftPage key={route.id} id={route.id} />;
    case 'contacts':
      return <ContactsPage />;
    case 'inbox':
      return <InboxPage />;
    case 'insights':
      return (
        <Suspense
          fallback={
            <Page title={t.insights.title}>
              <Loading />
            </Page>
          }
        >
          <InsightsPage />
        </Suspense>
      );
    case 'practice':
    case 'practiceFriend':
      // Keyed by page, so that going from one to the other does not keep the first behind the fallback.
      return (
        <Suspense
          key={route.name}
          fallback={
            <Page title={tp.title}>
              <Loading />
            </Page>
          }
        >
          {route.name === 'practice' ? <PracticePage /> : <FriendPage />}
        </Suspense>
      );
    case 'settings':
      return <SettingsPage />;
    case 'notFound':
      return <NotFoundPage />;
  }
}

const NAV: { to: string; label: string; section: Route['name'][]; badge?: 'review' }[] = [
  { to: paths.today, label: t.nav.today, section: ['today'] },
  { to: paths.pipeline, label: t.nav.pipeline, section: ['pipeline', 'application', 'rejection', 'draft'] },
  { to: paths.inbox, label: t.nav.inbox, section: ['inbox'], badge: 'review' },
  { to: paths.contacts, label: t.nav.contacts, section: ['contacts'] },
  { to: paths.insights, label: t.nav.insights, section: ['insights'] },
  { to: paths.practice, label: tp.nav, section: ['practice', 'practiceFriend'] },
  { to: paths.settings, label: t.nav.settings, section: ['settings'] },
];

export function App() {
  const { pathname } = useLocation();
  const route = matchRoute(pathname);
  const first = useRef(true);
  const waiting = useReviewCount();

  useEffect(() => {
    // Dates are shown in the seeker's own zone; until it is known, the browser's.
    api
      .settings()
      .then((s) => setTimeZone(s.timeZone))
      .catch(() => undefined);
  }, []);

  // The Inbox badge: asked again on every page change (the Inbox page keeps it current itself).
  useEffect(() => {
    if (route.name !== 'inbox') void refreshReviewCount();
  }, [pathname]);

  // A new page: start at its top and move focus to its heading, as a page load would.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    window.scrollTo(0, 0);
    const focusHeading = () => document.getElementById('page-title')?.focus({ preventScroll: true });
    focusHeading();
    const timer = window.setTimeout(focusHeading, 150);
    return () => window.clearTimeout(timer);
  }, [pathname]);

  return (
    <>
      <a className="skip-link" href="#main">
        {t.skipLink}
      </a>
      <header className="site-header">
        <div className="wrap header-inner">
          <Link to={paths.today} className="brand">
            <span className="brand-mark" aria-hidden="true" />
            {t.appName}
          </Link>
          <nav aria-label={t.nav.label} className="site-nav">
            <ul>
              {NAV.map((item) => (
                <li key={item.to}>
                  <Link
                    to={item.to}
                    aria-current={
                      item.section[0] === route.name
                        ? 'page'
                        : item.section.includes(route.name)
                          ? 'true'
                          : undefined
                    }
                  >
                    {item.label}
                    {item.badge && waiting > 0 ? (
                      <>
                        <span className="nav-badge" aria-hidden="true">
                          {waiting}
                        </span>
                        <span className="visually-hidden">{t.nav.waiting(waiting)}</span>
                      </>
                    ) : null}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </header>
      <main id="main" className="wrap" tabIndex={-1}>
        <Screen route={route} />
      </main>
      <footer className="site-footer">
        <div className="wrap">
          <p>{t.footer}</p>
        </div>
      </footer>
      <Announcer />
    </>
  );
}
