import { type Condition } from '@engine/journey';
import { type FormEvent, useId, useState } from 'react';
import { type SegmentFields } from '../api/segments-api';
import { ConditionEditor } from '../condition-editor/ConditionEditor';
import { useSegmentPreview } from './use-segment-preview';

interface SegmentEditorProps {
  initial?: SegmentFields;
  submitLabel: string;
  onSubmit: (fields: SegmentFields) => void;
  onCancel: () => void;
}

const EMPTY: Condition = { and: [{ field: 'tags.plan', op: 'eq', value: '' }] };

/** Name, description and condition of a segment, with a live count and sample of who is in it now. */
export function SegmentEditor({ initial, submitLabel, onSubmit, onCancel }: SegmentEditorProps) {
  const [name, setName] = useState(initial?.name ?? '');
  const [description, setDescription] = useState(initial?.description ?? '');
  const [condition, setCondition] = useState<Condition | undefined>(initial?.condition ?? EMPTY);
  const preview = useSegmentPreview(condition);
  const nameId = useId();
  const descriptionId = useId();

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (condition !== undefined) onSubmit({ name, description, condition });
  };

  return (
    <form className="team-page__form segment-editor" onSubmit={submit} aria-label={submitLabel}>
      <label htmlFor={nameId}>Name</label>
      <input id={nameId} className="input" required maxLength={200} placeholder="e.g. Ordered Asian food" value={name} onChange={(event) => setName(event.target.value)} />
      <label htmlFor={descriptionId}>Description</label>
      <input id={descriptionId} className="input" maxLength={2000} value={description} onChange={(event) => setDescription(event.target.value)} />
      <ConditionEditor label="Users who match" value={condition} onChange={setCondition} path="condition" problems={[]} context="profile" />
      <div className="segment-editor__preview" role="status" aria-live="polite">
        {preview.status === 'counting' && <span className="muted">Counting…</span>}
        {preview.status === 'refused' && <span className="error-text">{preview.message}</span>}
        {preview.status === 'counted' && (
          <>
            <strong>
              {preview.preview.count} {preview.preview.count === 1 ? 'user' : 'users'}
            </strong>
            {preview.preview.sample.length > 0 && (
              <ul className="segment-editor__sample" aria-label="Sample of matching users">
                {preview.preview.sample.map((user) => (
                  <li key={user.id}>{user.externalId}</li>
                ))}
              </ul>
            )}
          </>
        )}
      </div>
      <div className="segment-editor__actions">
        <button type="submit" className="button button--primary">
          {submitLabel}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
