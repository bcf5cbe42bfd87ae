import { useState } from 'react';
import { type SavedSegment, segmentsApi } from '../api/segments-api';
import { useOwnedList } from '../team/use-owned-list';
import { useSegmentCatalogue } from './segment-catalogue';
import { routePaths } from '../routing/app-route';
import { Link } from '../routing/Link';
import { SegmentEditor } from './SegmentEditor';

const when = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });

/** The sentence asking to confirm a deletion, naming the journeys that would lose the segment. */
export function deleteWarning(segment: SavedSegment): string {
  if (segment.usedBy.length === 0) return `Delete “${segment.name}”?`;
  const names = segment.usedBy.map((journey) => `“${journey.name}” (${journey.status})`).join(', ');
  return `Delete “${segment.name}”? It is used by ${names}: nobody will be in it for those journeys until they choose another segment.`;
}

/** Saved segments: list, create, edit with a live count, delete. */
export function SegmentsPage() {
  const { items: segments, error, run: runChange } = useOwnedList(segmentsApi.list);
  const catalogue = useSegmentCatalogue();
  // Pickers elsewhere see the change too.
  const run = (action: () => Promise<unknown>): Promise<void> => runChange(action).then(() => catalogue.invalidate());
  const [editing, setEditing] = useState<'new' | SavedSegment>();

  return (
    <main className="team-page">
      <h1>Segments</h1>
      {editing === undefined && (
        <button type="button" className="button button--primary" onClick={() => setEditing('new')}>
          New segment
        </button>
      )}
      {editing === 'new' && (
        <SegmentEditor
          submitLabel="Save segment"
          onCancel={() => setEditing(undefined)}
          onSubmit={(fields) => void run(async () => {
            await segmentsApi.create(fields);
            setEditing(undefined);
          })}
        />
      )}
      {editing !== undefined && editing !== 'new' && (
        <SegmentEditor
          key={editing.id}
          initial={editing}
          submitLabel="Save changes"
          onCancel={() => setEditing(undefined)}
          onSubmit={(fields) => void run(async () => {
            await segmentsApi.update(editing.id, fields);
            setEditing(undefined);
          })}
        />
      )}
      {error !== undefined && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {segments === undefined && error === undefined && <p className="muted">Loading…</p>}
      {segments !== undefined && segments.length === 0 && <p className="muted">No segments yet.</p>}
      {segments !== undefined && segments.length > 0 && (
        <table className="journeys-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Description</th>
              <th scope="col">Used by</th>
              <th scope="col">Updated</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {segments.map((segment) => (
              <tr key={segment.id}>
                <td>{segment.name}</td>
                <td className="muted">{segment.description}</td>
                <td>{segment.usedBy.length === 0 ? <span className="muted">no journey</span> : segment.usedBy.map((journey) => journey.name).join(', ')}</td>
                <td className="muted">{when.format(new Date(segment.updatedAt))}</td>
                <td className="journeys-table__actions">
                  <Link href={routePaths.usersInSegment(segment.id)} className="button button--small button--quiet" aria-label={`Users in ${segment.name}`}>
                    Users
                  </Link>
                  <button type="button" className="button button--small" aria-label={`Edit ${segment.name}`} onClick={() => setEditing(segment)}>
                    Edit
                  </button>
                  <button
                    type="button"
                    className="button button--small button--danger-quiet"
                    aria-label={`Delete ${segment.name}`}
                    onClick={() => {
                      if (window.confirm(deleteWarning(segment))) void run(() => segmentsApi.remove(segment.id));
                    }}
                  >
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
