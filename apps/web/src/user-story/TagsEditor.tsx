import { useState } from 'react';
import { describeError } from '../api/api-error';
import { usersApi } from '../api/users-api';
import { tagChanges, type TagRow, tagRows } from './tag-changes';

/** The user's tags as editable rows; saving sends only what changed (removed tags as null). */
export function TagsEditor({ userId, tags, onSaved }: { userId: string; tags: Record<string, unknown>; onSaved: () => void }) {
  const [rows, setRows] = useState<TagRow[]>(() => tagRows(tags));
  const [message, setMessage] = useState<{ kind: 'error' | 'saved'; text: string }>();
  const [saving, setSaving] = useState(false);

  const update = (index: number, change: Partial<TagRow>): void => setRows(rows.map((row, at) => (at === index ? { ...row, ...change } : row)));

  const save = async (): Promise<void> => {
    const changes = tagChanges(tags, rows);
    if ('problem' in changes) {
      setMessage({ kind: 'error', text: changes.problem });
      return;
    }
    if (Object.keys(changes.tags).length === 0) {
      setMessage({ kind: 'saved', text: 'Nothing changed.' });
      return;
    }
    setSaving(true);
    try {
      await usersApi.upsert(userId, { tags: changes.tags });
      setMessage({ kind: 'saved', text: 'Saved.' });
      onSaved();
    } catch (error) {
      setMessage({ kind: 'error', text: describeError(error) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className="tags-editor"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      {rows.length === 0 && <p className="muted">No tags.</p>}
      {rows.map((row, index) => (
        <div key={index} className="tags-editor__row">
          <input aria-label={`Tag ${index + 1} name`} value={row.name} onChange={(event) => update(index, { name: event.target.value })} placeholder="name" />
          <input aria-label={`Tag ${index + 1} value`} value={row.value} onChange={(event) => update(index, { value: event.target.value })} placeholder="value" />
          <button type="button" className="button button--small button--quiet" aria-label={`Remove tag ${row.name || index + 1}`} onClick={() => setRows(rows.filter((_, at) => at !== index))}>
            ×
          </button>
        </div>
      ))}
      <div className="tags-editor__actions">
        <button type="button" className="button button--small button--quiet" onClick={() => setRows([...rows, { name: '', value: '' }])}>
          Add tag
        </button>
        <button type="submit" className="button button--small" disabled={saving}>
          Save tags
        </button>
      </div>
      {message !== undefined && (
        <p className={message.kind === 'error' ? 'error-text' : 'muted'} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </form>
  );
}
