import { routePaths } from '../routing/app-route';
import { Link } from '../routing/Link';

/** The audience pages: import, tags. */
export function AudienceTabs({ current }: { current: 'import' | 'tags' }) {
  return (
    <nav className="audience-tabs" aria-label="Audience">
      <Link href={routePaths.audienceImport()} aria-current={current === 'import' ? 'page' : undefined}>
        Import
      </Link>
      <Link href={routePaths.audienceTags()} aria-current={current === 'tags' ? 'page' : undefined}>
        Tags
      </Link>
    </nav>
  );
}
