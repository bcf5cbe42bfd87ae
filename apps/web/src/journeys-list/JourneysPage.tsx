import { useCallback, useEffect, useState } from 'react';
import { ApiError, describeError } from '../api/api-error';
import { type JourneySummary } from '../api/journey-types';
import { journeysApi } from '../api/journeys-api';
import { routePaths } from '../routing/app-route';
import { Link } from '../routing/Link';
import { navigate } from '../routing/navigation';
import { StatusBadge } from '../ui/StatusBadge';
import { CreateJourneyForm } from './CreateJourneyForm';

type ListState = { status: 'loading' } | { status: 'loaded'; journeys: JourneySummary[] } | { status: 'error'; message: string; unauthorized: boolean };

const number = new Intl.NumberFormat('en');
const when = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });

/** Every journey with its status, live version and numbers; create, open, duplicate, archive. */
export function JourneysPage() {
  const [list, setList] = useState<ListState>({ status: 'loading' });
  const [busyId, setBusyId] = useState<string>();
  const [actionError, setActionError] = useState<string>();

  const refresh = useCallback(async (): Promise<void> => {
    try {
      setList({ status: 'loaded', journeys: await journeysApi.list() });
    } catch (error) {
      setList({ status: 'error', message: describeError(error), unauthorized: error instanceof ApiError && error.status === 401 });
    }
  }, []);

  useEffect(() => {
    void refresh();
    const timer = window.setInterval(() => void refresh(), 10_000);
    return () => window.clearInterval(timer);
  }, [refresh]);

  const act = async (journey: JourneySummary, action: 'duplicate' | 'archive'): Promise<void> => {
    if (action === 'archive' && !window.confirm(`Archive “${journey.name}”? Users inside are stopped and it cannot be published again (duplicate it to reuse it).`)) return;
    setBusyId(journey.id);
    setActionError(undefined);
    try {
      if (action === 'duplicate') {
        const copy = await journeysApi.duplicate(journey.id);
        navigate(routePaths.journey(copy.id));
        return;
      }
      await journeysApi.archive(journey.id);
      await refresh();
    } catch (error) {
      setActionError(describeError(error));
    } finally {
      setBusyId(undefined);
    }
  };

  return (
    <main className="journeys-page">
      <div className="journeys-page__intro">
        <h1>Journeys</h1>
        <p className="muted">Draw what each user goes through: messages, waits and branches on what they did.</p>
      </div>
      <CreateJourneyForm />
      {actionError !== undefined && (
        <p className="error-text" role="alert">
          {actionError}
        </p>
      )}
      {list.status === 'loading' && <p className="muted">Loading…</p>}
      {list.status === 'error' && (
        <div className="empty-state" role="alert">
          <h2>{list.unauthorized ? 'You are signed out' : 'The journeys could not be loaded'}</h2>
          <p>{list.unauthorized ? 'Sign in again to see the journeys.' : list.message}</p>
          <button type="button" className="button" onClick={() => void refresh()}>
            Try again
          </button>
        </div>
      )}
      {list.status === 'loaded' && list.journeys.length === 0 && (
        <div className="empty-state">
          <h2>No journeys yet</h2>
          <p>Create one above — start from “Omnichannel fallback” to see a complete example.</p>
        </div>
      )}
      {list.status === 'loaded' && list.journeys.length > 0 && (
        <table className="journeys-table journeys-table--journeys">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Status</th>
              <th scope="col">Version</th>
              <th scope="col" className="journeys-table__number">
                Users in journey
              </th>
              <th scope="col" className="journeys-table__number">
                Conversions
              </th>
              <th scope="col">Last edited</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.journeys.map((journey) => (
              <tr key={journey.id}>
                <td>
                  <Link href={routePaths.journey(journey.id)} className="journeys-table__name">
                    {journey.name}
                  </Link>
                </td>
                <td>
                  <StatusBadge status={journey.status} />
                </td>
                <td>{journey.liveVersionNumber === null ? <span className="muted">—</span> : `v${journey.liveVersionNumber}`}</td>
                <td className="journeys-table__number">{number.format(journey.activeUsers)}</td>
                <td className="journeys-table__number">{number.format(journey.conversions)}</td>
                <td className="muted">{when.format(new Date(journey.updatedAt))}</td>
                <td className="journeys-table__actions">
                  <Link href={routePaths.journey(journey.id)} className="button button--small">
                    Open
                  </Link>
                  <button type="button" className="button button--small button--quiet" disabled={busyId === journey.id} onClick={() => void act(journey, 'duplicate')} aria-label={`Duplicate ${journey.name}`}>
                    Duplicate
                  </button>
                  {journey.status !== 'archived' && (
                    <button type="button" className="button button--small button--quiet" disabled={busyId === journey.id} onClick={() => void act(journey, 'archive')} aria-label={`Archive ${journey.name}`}>
                      Archive
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
