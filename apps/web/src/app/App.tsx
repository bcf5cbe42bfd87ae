import { InboxPage } from '../inbox/InboxPage';
import { JourneysPage } from '../journeys-list/JourneysPage';
import { routePaths } from '../routing/app-route';
import { Link } from '../routing/Link';
import { useRoute } from '../routing/use-route';
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

export function App() {
  const route = useRoute();
  return (
    <div className={`app app--${route.page}`}>
      <a className="skip-link" href="#content">
        Skip to content
      </a>
      <AppHeader route={route} />
      <div id="content" className="app__content">
        {route.page === 'journeys' && <JourneysPage />}
        {route.page === 'journey' && <JourneyRoute journeyId={route.journeyId} />}
        {route.page === 'inbox' && <InboxPage />}
        {route.page === 'not-found' && (
          <main className="page-message">
            <h1>Nothing here</h1>
            <p>
              <Link href={routePaths.journeys()}>Back to the journeys</Link>
            </p>
          </main>
        )}
      </div>
    </div>
  );
}
