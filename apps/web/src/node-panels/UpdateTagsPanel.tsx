import { type TagOperation } from '@engine/journey';
import { FieldProblems } from '../forms/FieldProblems';
import { problemsAt } from '../validation/problems-index';
import { type NodePanelProps } from './node-panel-props';

const OPERATIONS: ReadonlyArray<{ value: TagOperation['op']; label: string }> = [
  { value: 'set', label: 'Set' },
  { value: 'increment', label: 'Increase' },
  { value: 'remove', label: 'Remove' },
];

/** `set` values: numbers and true/false as such, anything else (placeholders included) as text. */
function parseSetValue(text: string): TagOperation['value'] {
  const trimmed = text.trim();
  if (/^-?\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  if (trimmed === 'true' || trimmed === 'false') return trimmed === 'true';
  return text;
}

export function UpdateTagsPanel({ node, onChange, problems }: NodePanelProps<'update.tags'>) {
  const operations = node.data.operations;
  const set = (next: TagOperation[]): void => onChange({ ...node.data, operations: next }, 'operations');
  const update = (index: number, operation: TagOperation): void => set(operations.map((existing, at) => (at === index ? operation : existing)));
  return (
    <fieldset className="list-editor">
      <legend className="form-field__label">Changes to the user's tags</legend>
      {operations.length === 0 && <p className="list-editor__empty">No changes yet.</p>}
      {operations.map((operation, index) => (
        <div key={index} className="tag-operation">
          <div className="list-editor__row list-editor__row--tag">
            <select className="input" aria-label={`Change ${index + 1}`} value={operation.op} onChange={(event) => {
              const op = event.target.value as TagOperation['op'];
              update(index, op === 'remove' ? { op, tag: operation.tag } : op === 'increment' ? { op, tag: operation.tag, value: 1 } : { op, tag: operation.tag, value: '' });
            }}>
              {OPERATIONS.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
            <input className="input input--mono" aria-label={`Tag ${index + 1}`} placeholder="tag name" value={operation.tag} onChange={(event) => update(index, { ...operation, tag: event.target.value.trim() })} />
            {operation.op === 'set' && (
              <input className="input" aria-label={`Value of tag ${operation.tag || index + 1}`} placeholder="value or {{event.text}}" value={operation.value === undefined || operation.value === null ? '' : String(operation.value)} onChange={(event) => update(index, { ...operation, value: parseSetValue(event.target.value) })} />
            )}
            {operation.op === 'increment' && (
              <input className="input" type="number" aria-label={`Increase ${operation.tag || index + 1} by`} value={typeof operation.value === 'number' ? operation.value : 1} onChange={(event) => update(index, { ...operation, value: Number(event.target.value) })} />
            )}
            <button type="button" className="icon-button" aria-label={`Remove change ${index + 1}`} onClick={() => set(operations.filter((_, at) => at !== index))}>
              ×
            </button>
          </div>
          <FieldProblems problems={problemsAt(problems, `data.operations[${index}]`)} />
        </div>
      ))}
      <button type="button" className="link-button" onClick={() => set([...operations, { op: 'set', tag: '', value: '' }])}>
        + Change
      </button>
      <FieldProblems problems={problemsAt(problems, 'data.operations').filter((problem) => problem.field === 'data.operations')} />
    </fieldset>
  );
}
