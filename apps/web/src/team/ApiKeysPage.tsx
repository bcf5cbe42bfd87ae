import { type FormEvent, useId, useState } from 'react';
import { type ApiKeyScope, type CreatedApiKey, teamApi } from '../session/session-api';
import { useOwnedList } from './use-owned-list';

const SCOPES: Array<{ scope: ApiKeyScope; label: string }> = [
  { scope: 'ingest', label: 'Ingest only: post events, users and journey entries (apps and backends)' },
  { scope: 'read', label: 'Read only' },
  { scope: 'full', label: 'Full: everything an owner can do' },
];
const when = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });

/** The project's API keys: create one (shown once), see when each was last used, revoke. Owners only. */
export function ApiKeysPage() {
  const { items: keys, error, run } = useOwnedList(teamApi.keys);
  const [name, setName] = useState('');
  const [scope, setScope] = useState<ApiKeyScope>('ingest');
  const [created, setCreated] = useState<CreatedApiKey>();
  const nameId = useId();
  const scopeId = useId();

  const create = (event: FormEvent): void => {
    event.preventDefault();
    void run(async () => {
      setCreated(await teamApi.createKey(name, scope));
      setName('');
    });
  };

  return (
    <main className="team-page">
      <h1>API keys</h1>
      <form className="team-page__form" onSubmit={create} aria-labelledby="new-key-title">
        <h2 id="new-key-title">New key</h2>
        <label htmlFor={nameId}>Key name</label>
        <input id={nameId} className="input" required maxLength={100} placeholder="e.g. Shop backend" value={name} onChange={(event) => setName(event.target.value)} />
        <label htmlFor={scopeId}>Scope</label>
        <select id={scopeId} className="input input--compact" value={scope} onChange={(event) => setScope(event.target.value as ApiKeyScope)}>
          {SCOPES.map((candidate) => (
            <option key={candidate.scope} value={candidate.scope}>
              {candidate.label}
            </option>
          ))}
        </select>
        <button type="submit" className="button button--primary">
          Create key
        </button>
      </form>
      {created !== undefined && (
        <div className="team-page__secret" role="status">
          <p>
            The key <strong>{created.name}</strong>: copy it now, it is shown only this once. Send it as <code>Authorization: Bearer &lt;key&gt;</code>.
          </p>
          <label className="team-page__secret-field">
            <span className="visually-hidden">New API key</span>
            <input className="input input--mono" readOnly value={created.key} onFocus={(event) => event.target.select()} />
          </label>
          <button type="button" className="button button--small" onClick={() => setCreated(undefined)}>
            Done
          </button>
        </div>
      )}
      {error !== undefined && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {keys === undefined && error === undefined && <p className="muted">Loading…</p>}
      {keys !== undefined && (
        <table className="journeys-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Scope</th>
              <th scope="col">Key</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {keys.map((key) => (
              <tr key={key.id}>
                <td>{key.name}</td>
                <td>{key.scope}</td>
                <td>
                  <code>{key.prefix}…</code>
                </td>
                <td className="muted">{when.format(new Date(key.createdAt))}</td>
                <td className="muted">{key.lastUsedAt === null ? 'never' : when.format(new Date(key.lastUsedAt))}</td>
                <td className="journeys-table__actions">
                  {key.revokedAt !== null ? (
                    <span className="muted">revoked {when.format(new Date(key.revokedAt))}</span>
                  ) : (
                    <button
                      type="button"
                      className="button button--small button--danger-quiet"
                      aria-label={`Revoke ${key.name}`}
                      onClick={() => {
                        if (window.confirm(`Revoke “${key.name}”? Requests with it are refused from now on.`)) void run(() => teamApi.revokeKey(key.id));
                      }}
                    >
                      Revoke
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
