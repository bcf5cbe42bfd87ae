import { useCallback, useEffect, useState } from 'react';
import { describeError } from '../api/api-error';
import { type UserListItem } from '../api/user-types';
import { usersApi } from '../api/users-api';
import { routePaths } from '../routing/app-route';
import { Link } from '../routing/Link';
import { useSearchParams } from '../routing/use-route';
import { useProjectSegments } from '../segments/segment-catalogue';

type ListState = { status: 'loading' } | { status: 'loaded'; users: UserListItem[]; nextCursor: string | null } | { status: 'error'; message: string };

const when = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });

/**
 * Users, last seen first: search by id, phone or email, narrow to a saved segment; opened from a
 * step's counter, the users at that step.
 */
export function UsersPage() {
  const params = useSearchParams();
  const journeyId = params.get('journeyId') ?? undefined;
  const nodeId = params.get('nodeId') ?? undefined;
  const atStep = journeyId !== undefined && nodeId !== undefined ? { journeyId, nodeId } : undefined;
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  const [segmentId, setSegmentId] = useState(params.get('segmentId') ?? '');
  const segments = useProjectSegments();
  // The cursors of the pages before the current one (the first page has none).
  const [cursors, setCursors] = useState<Array<string | undefined>>([undefined]);
  const [list, setList] = useState<ListState>({ status: 'loading' });
  const cursor = cursors[cursors.length - 1];

  const load = useCallback(async (): Promise<void> => {
    setList({ status: 'loading' });
    try {
      const page = await usersApi.list({
        search: search === '' ? undefined : search,
        journeyId: atStep?.journeyId,
        nodeId: atStep?.nodeId,
        segmentId: segmentId === '' ? undefined : segmentId,
        cursor,
        limit: 50,
      });
      setList({ status: 'loaded', users: page.users, nextCursor: page.nextCursor });
    } catch (error) {
      setList({ status: 'error', message: describeError(error) });
    }
  }, [search, atStep?.journeyId, atStep?.nodeId, segmentId, cursor]);

  useEffect(() => void load(), [load]);

  return (
    <main className="journeys-page users-page">
      <div className="journeys-page__intro">
        <h1>Users</h1>
        <p className="muted">Find a user to see their story: every step, every message, and why a message was not sent.</p>
      </div>
      {atStep !== undefined && (
        <p className="users-page__filter" role="status">
          Users currently at step <strong>{atStep.nodeId}</strong> of{' '}
          <Link href={routePaths.journey(atStep.journeyId)}>this journey</Link> · <Link href={routePaths.users()}>Show all users</Link>
        </p>
      )}
      <form
        className="users-page__search"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          setSearch(typed.trim());
          setCursors([undefined]);
        }}
      >
        <input type="search" aria-label="Search users" placeholder="User id, phone or email (starts with)" value={typed} onChange={(event) => setTyped(event.target.value)} />
        <button type="submit" className="button">
          Search
        </button>
        <select
          className="input"
          aria-label="Segment"
          value={segmentId}
          onChange={(event) => {
            setSegmentId(event.target.value);
            setCursors([undefined]);
          }}
        >
          <option value="">All users</option>
          {(segments ?? []).map((segment) => (
            <option key={segment.id} value={segment.id}>
              In segment: {segment.name}
            </option>
          ))}
        </select>
      </form>
      {list.status === 'loading' && <p className="muted">Loading…</p>}
      {list.status === 'error' && (
        <p className="error-text" role="alert">
          {list.message}
        </p>
      )}
      {list.status === 'loaded' && list.users.length === 0 && <p className="empty-state">No users found.</p>}
      {list.status === 'loaded' && list.users.length > 0 && (
        <table className="journeys-table">
          <thead>
            <tr>
              <th scope="col">User id</th>
              <th scope="col">Phone</th>
              <th scope="col">Email</th>
              <th scope="col">Last seen</th>
            </tr>
          </thead>
          <tbody>
            {list.users.map((user) => (
              <tr key={user.userId}>
                <td>
                  <Link href={routePaths.user(user.userId)} className="journeys-table__name">
                    {user.userId}
                  </Link>
                </td>
                <td>{user.phone ?? <span className="muted">—</span>}</td>
                <td>{user.email ?? <span className="muted">—</span>}</td>
                <td className="muted">{when.format(new Date(user.lastSeenAt))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="users-page__paging">
        <button type="button" className="button button--small button--quiet" disabled={cursors.length === 1} onClick={() => setCursors(cursors.slice(0, -1))}>
          Previous page
        </button>
        <button
          type="button"
          className="button button--small button--quiet"
          disabled={list.status !== 'loaded' || list.nextCursor === null}
          onClick={() => list.status === 'loaded' && list.nextCursor !== null && setCursors([...cursors, list.nextCursor])}
        >
          Next page
        </button>
      </div>
    </main>
  );
}
