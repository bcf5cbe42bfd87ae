import { type FormEvent, useId, useState } from 'react';
import { audienceApi, type TagDefinition, type TagType } from '../api/audience-api';
import { useOwnedList } from '../team/use-owned-list';
import { useTagCatalogue } from './tag-catalogue';
import { AudienceTabs } from './AudienceTabs';

export const TAG_TYPE_LABELS: Record<TagType, string> = {
  string: 'Text',
  integer: 'Integer',
  decimal: 'Decimal number',
  boolean: 'True / false',
  date: 'Date (ISO 8601)',
  list: 'List of texts',
};
const TAG_TYPES = Object.keys(TAG_TYPE_LABELS) as TagType[];

function TypeSelect({ id, value, onChange }: { id: string; value: TagType; onChange: (type: TagType) => void }) {
  return (
    <select id={id} className="input input--compact" value={value} onChange={(event) => onChange(event.target.value as TagType)}>
      {TAG_TYPES.map((type) => (
        <option key={type} value={type}>
          {TAG_TYPE_LABELS[type]}
        </option>
      ))}
    </select>
  );
}

/** One tag's row; Edit turns it into a form for its description and type. */
function TagRow({ tag, run }: { tag: TagDefinition; run: (action: () => Promise<unknown>) => Promise<void> }) {
  const [editing, setEditing] = useState(false);
  const [type, setType] = useState<TagType>(tag.type);
  const [description, setDescription] = useState(tag.description);
  const typeId = useId();
  if (!editing) {
    return (
      <tr>
        <td>
          <code>{tag.name}</code>
        </td>
        <td>{TAG_TYPE_LABELS[tag.type]}</td>
        <td>{tag.description === '' ? <span className="muted">—</span> : tag.description}</td>
        <td className="journeys-table__actions">
          <button type="button" className="button button--small" aria-label={`Edit ${tag.name}`} onClick={() => setEditing(true)}>
            Edit
          </button>
          <button
            type="button"
            className="button button--small button--danger-quiet"
            aria-label={`Delete ${tag.name}`}
            onClick={() => {
              if (window.confirm(`Remove “${tag.name}” from the catalogue? Users keep their values.`)) void run(() => audienceApi.deleteTag(tag.name));
            }}
          >
            Delete
          </button>
        </td>
      </tr>
    );
  }
  const save = (event: FormEvent): void => {
    event.preventDefault();
    void run(async () => {
      await audienceApi.updateTag(tag.name, { description, ...(type === tag.type ? {} : { type }) });
      setEditing(false);
    });
  };
  return (
    <tr>
      <td>
        <code>{tag.name}</code>
      </td>
      <td>
        <label htmlFor={typeId} className="visually-hidden">{`Type of ${tag.name}`}</label>
        <TypeSelect id={typeId} value={type} onChange={setType} />
      </td>
      <td>
        <input
          className="input"
          aria-label={`Description of ${tag.name}`}
          form={`edit-${tag.name}`}
          maxLength={1000}
          value={description}
          onChange={(event) => setDescription(event.target.value)}
        />
      </td>
      <td className="journeys-table__actions">
        <form id={`edit-${tag.name}`} onSubmit={save}>
          <button type="submit" className="button button--small button--primary">
            Save
          </button>
          <button type="button" className="button button--small" onClick={() => setEditing(false)}>
            Cancel
          </button>
        </form>
      </td>
    </tr>
  );
}

/** The tag catalogue: every tag with its enforced type and description; create and edit. */
export function TagsPage() {
  const { items: tags, error, run: runChange } = useOwnedList(audienceApi.tags);
  const catalogue = useTagCatalogue();
  // The condition editors' pickers see the change too.
  const run = (action: () => Promise<unknown>): Promise<void> => runChange(action).then(() => catalogue.invalidate());
  const [name, setName] = useState('');
  const [type, setType] = useState<TagType>('string');
  const [description, setDescription] = useState('');
  const nameId = useId();
  const typeId = useId();
  const descriptionId = useId();

  const create = (event: FormEvent): void => {
    event.preventDefault();
    void run(async () => {
      await audienceApi.createTag({ name: name.trim(), type, description });
      setName('');
      setDescription('');
    });
  };

  return (
    <main className="team-page audience-page">
      <h1>Audience</h1>
      <AudienceTabs current="tags" />
      <form className="team-page__form" onSubmit={create} aria-labelledby="new-tag-title">
        <h2 id="new-tag-title">New tag</h2>
        <label htmlFor={nameId}>Name</label>
        <input id={nameId} className="input" required maxLength={128} placeholder="e.g. plan" value={name} onChange={(event) => setName(event.target.value)} />
        <label htmlFor={typeId}>Type</label>
        <TypeSelect id={typeId} value={type} onChange={setType} />
        <label htmlFor={descriptionId}>Description</label>
        <input id={descriptionId} className="input" maxLength={1000} value={description} onChange={(event) => setDescription(event.target.value)} />
        <button type="submit" className="button button--primary">
          Create tag
        </button>
      </form>
      <p className="muted">Tags written by the API, imports or journeys without being created here get the type of their first value. A value of another type is refused.</p>
      {error !== undefined && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {tags === undefined && error === undefined && <p className="muted">Loading…</p>}
      {tags !== undefined && tags.length === 0 && <p className="muted">No tags yet.</p>}
      {tags !== undefined && tags.length > 0 && (
        <table className="journeys-table">
          <thead>
            <tr>
              <th scope="col">Tag</th>
              <th scope="col">Type</th>
              <th scope="col">Description</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tags.map((tag) => (
              <TagRow key={tag.name} tag={tag} run={run} />
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
