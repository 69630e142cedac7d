import { api } from '../api/client';
import { useLoad } from '../api/useLoad';
import { DraftEditor } from '../components/DraftEditor';
import { ErrorNote, Loading, Page } from '../components/ui';
import { Link, paths } from '../router';
import { t } from '../text';

export function DraftPage({ id }: { id: string }) {
  const draft = useLoad(() => api.draft(id), [id]);
  if (draft.error && !draft.data) {
    return (
      <Page title={t.draft.pageTitle}>
        <ErrorNote
          error={draft.error.status === 404 ? t.draft.notFound : draft.error}
          onRetry={draft.error.status === 404 ? undefined : draft.reload}
        />
      </Page>
    );
  }
  if (!draft.data) {
    return (
      <Page title={t.draft.pageTitle}>
        <Loading />
      </Page>
    );
  }
  const d = draft.data;
  const kind = t.draftKinds[d.kind] ?? t.draft.pageTitle;
  return (
    <Page
      title={`${kind} · ${d.company}`}
      heading={kind}
      intro={
        <Link to={paths.application(d.applicationId)}>
          {d.role}, {d.company}
        </Link>
      }
    >
      <div className="card draft-card">
        <DraftEditor draftId={d.id} />
      </div>
      <p>
        <Link to={paths.application(d.applicationId)}>← {t.draft.backToApplication}</Link>
      </p>
    </Page>
  );
}
