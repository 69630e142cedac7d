import { Page } from '../components/ui';
import { Link, paths } from '../router';
import { t } from '../text';

export function NotFoundPage() {
  return (
    <Page title={t.notFound.title} intro={t.notFound.text}>
      <p>
        <Link to={paths.today} className="button">
          {t.notFound.home}
        </Link>
      </p>
    </Page>
  );
}
