import { lazy, Suspense } from 'react';
import { InboxPage } from '../inbox/InboxPage';
import { JourneysPage } from '../journeys-list/JourneysPage';
import { routePaths } from '../routing/app-route';
import { Link } from '../routing/Link';
import { useRoute } from '../routing/use-route';
import { AppHeader } from './AppHeader';

// The canvas (React Flow, the validator, dagre) is most of the code: the journeys list and the
// inbox open without waiting for it.
const CanvasPage = lazy(() => import('../canvas/CanvasPage').then((module) => ({ default: module.CanvasPage })));

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
        {route.page === 'journey' && (
          <Suspense fallback={<p className="page-message">Loading the canvas…</p>}>
            <CanvasPage key={route.journeyId} journeyId={route.journeyId} />
          </Suspense>
        )}
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
