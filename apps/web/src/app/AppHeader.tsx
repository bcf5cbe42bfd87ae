import { describeError } from '../api/api-error';
import { type AppRoute, routePaths } from '../routing/app-route';
import { Link } from '../routing/Link';
import { ProjectSwitcher } from '../session/ProjectSwitcher';
import { type SessionInfo, sessionApi } from '../session/session-api';
import { markSignedOut } from '../session/session-store';

export function AppHeader({ route, session }: { route: AppRoute; session: SessionInfo | undefined }) {
  const owner = session?.project?.role === 'owner';
  const signOut = async (): Promise<void> => {
    try {
      await sessionApi.signOut();
    } catch (error) {
      window.alert(describeError(error));
    }
    markSignedOut();
  };
  return (
    <header className="app-header">
      <Link href={routePaths.journeys()} className="app-header__brand">
        <span className="app-header__logo" aria-hidden="true">
          <svg width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" strokeLinejoin="round">
            <circle cx="5" cy="6" r="2.5" />
            <circle cx="19" cy="6" r="2.5" />
            <circle cx="12" cy="18" r="2.5" />
            <path d="M7.5 6h9M6.5 8.2l4.2 7.6M17.5 8.2l-4.2 7.6" />
          </svg>
        </span>
        Journeys
      </Link>
      {session !== undefined && (
        <>
          <nav className="app-header__nav" aria-label="Main">
            <Link href={routePaths.journeys()} aria-current={route.page === 'journeys' || route.page === 'journey' ? 'page' : undefined}>
              Journeys
            </Link>
            <Link href={routePaths.users()} aria-current={route.page === 'users' || route.page === 'user' ? 'page' : undefined}>
              Users
            </Link>
            <Link href={routePaths.audienceImport()} aria-current={route.page === 'audience-import' || route.page === 'audience-tags' ? 'page' : undefined}>
              Audience
            </Link>
            <Link href={routePaths.inbox()} aria-current={route.page === 'inbox' ? 'page' : undefined}>
              Inbox
            </Link>
            <Link href={routePaths.segments()} aria-current={route.page === 'segments' ? 'page' : undefined}>
              Segments
            </Link>
            {owner && (
              <Link href={routePaths.members()} aria-current={route.page === 'members' ? 'page' : undefined}>
                Members
              </Link>
            )}
            {owner && (
              <Link href={routePaths.apiKeys()} aria-current={route.page === 'api-keys' ? 'page' : undefined}>
                API keys
              </Link>
            )}
          </nav>
          <div className="app-header__account">
            <ProjectSwitcher session={session} />
            <Link href={routePaths.account()} aria-current={route.page === 'account' ? 'page' : undefined} className="app-header__email">
              {session.account.email}
            </Link>
            <button type="button" className="app-header__sign-out" onClick={() => void signOut()}>
              Sign out
            </button>
          </div>
        </>
      )}
    </header>
  );
}
