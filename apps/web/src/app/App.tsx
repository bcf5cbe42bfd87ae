import { useEffect } from 'react';
import { ImportPage } from '../audience/ImportPage';
import { TagsPage } from '../audience/TagsPage';
import { InboxPage } from '../inbox/InboxPage';
import { JourneysPage } from '../journeys-list/JourneysPage';
import { SegmentCatalogueProvider } from '../segments/segment-catalogue';
import { TagCatalogueProvider } from '../audience/tag-catalogue';
import { SegmentsPage } from '../segments/SegmentsPage';
import { isPublicRoute, routePaths } from '../routing/app-route';
import { Link } from '../routing/Link';
import { useRoute } from '../routing/use-route';
import { AcceptInvitationPage } from '../session/AcceptInvitationPage';
import { AccountPage } from '../session/AccountPage';
import { ResetPasswordPage } from '../session/ResetPasswordPage';
import { SignInPage } from '../session/SignInPage';
import { refreshSession, useSession } from '../session/session-store';
import { ApiKeysPage } from '../team/ApiKeysPage';
import { UserPage } from '../user-story/UserPage';
import { UsersPage } from '../users-list/UsersPage';
import { MembersPage } from '../team/MembersPage';
import { AppHeader } from './AppHeader';
import { loadCanvasPage, useCanvasPage } from './use-canvas-page';

// Opened straight on a journey: its code starts loading now, alongside the app's first render.
if (window.location.pathname.startsWith('/journeys/')) void loadCanvasPage().catch(() => undefined);

/** The journey page, once its code is here. */
function JourneyRoute({ journeyId }: { journeyId: string }) {
  const { module, error } = useCanvasPage();
  if (module !== undefined) return <module.CanvasPage key={journeyId} journeyId={journeyId} />;
  return (
    <main className="page-message" aria-busy={error === undefined} role={error === undefined ? undefined : 'alert'}>
      <p>{error === undefined ? 'Loading the canvas…' : 'The canvas could not be loaded; check the connection and reload the page.'}</p>
    </main>
  );
}

function OwnersOnly() {
  return (
    <main className="page-message">
      <h1>For owners</h1>
      <p>Only the project&apos;s owners manage its members and API keys.</p>
    </main>
  );
}

export function App() {
  const route = useRoute();
  const state = useSession();
  useEffect(() => void refreshSession(), []);
  const session = state.status === 'signed-in' ? state.session : undefined;
  const owner = session?.project?.role === 'owner';

  let content;
  if (route.page === 'reset-password') content = <ResetPasswordPage />;
  else if (route.page === 'accept-invitation' && state.status !== 'loading') content = <AcceptInvitationPage />;
  else if (state.status === 'loading') {
    content = (
      <main className="page-message" aria-busy="true">
        <p>Loading…</p>
      </main>
    );
  } else if (state.status === 'error') {
    content = (
      <main className="page-message" role="alert">
        <h1>The API cannot be reached</h1>
        <p>{state.message}</p>
        <button type="button" className="button" onClick={() => void refreshSession()}>
          Try again
        </button>
      </main>
    );
  } else if (session === undefined) content = <SignInPage />;
  else if (session.project === null && !isPublicRoute(route) && route.page !== 'account') {
    content = (
      <main className="page-message">
        <h1>No project yet</h1>
        <p>Create a project with the project menu above, or ask an owner for an invitation.</p>
      </main>
    );
  } else {
    // Keyed by project: switching projects starts every page afresh.
    content = (
      <SegmentCatalogueProvider key={session.project?.id ?? 'none'}>
        <TagCatalogueProvider>
        {route.page === 'journeys' && <JourneysPage />}
        {route.page === 'journey' && <JourneyRoute journeyId={route.journeyId} />}
        {route.page === 'inbox' && <InboxPage />}
        {route.page === 'users' && <UsersPage />}
        {route.page === 'user' && <UserPage key={route.userId} userId={route.userId} />}
        {route.page === 'audience-import' && <ImportPage />}
        {route.page === 'audience-tags' && <TagsPage />}
        {route.page === 'segments' && <SegmentsPage />}
        {route.page === 'members' && (owner ? <MembersPage myAccountId={session.account.id} /> : <OwnersOnly />)}
        {route.page === 'api-keys' && (owner ? <ApiKeysPage /> : <OwnersOnly />)}
        {route.page === 'account' && <AccountPage session={session} />}
        {route.page === 'not-found' && (
          <main className="page-message">
            <h1>Nothing here</h1>
            <p>
              <Link href={routePaths.journeys()}>Back to the journeys</Link>
            </p>
          </main>
        )}
      </TagCatalogueProvider>
      </SegmentCatalogueProvider>
    );
  }

  return (
    <div className={`app app--${route.page}`}>
      <a className="skip-link" href="#content">
        Skip to content
      </a>
      <AppHeader route={route} session={isPublicRoute(route) && route.page === 'reset-password' ? undefined : session} />
      <div id="content" className="app__content">
        {content}
      </div>
    </div>
  );
}
