import { type SendWebhookData } from '@engine/journey';
import { NumberField } from '../forms/NumberField';
import { SelectField } from '../forms/SelectField';
import { TextField } from '../forms/TextField';
import { problemsAt } from '../validation/problems-index';
import { type NodePanelProps } from './node-panel-props';

const METHODS = [
  { value: 'POST', label: 'POST' },
  { value: 'PUT', label: 'PUT' },
  { value: 'PATCH', label: 'PATCH' },
] as const;

function jsonFeedback(body: string): string {
  if (body.trim() === '') return 'Optional. Placeholders such as {{tags.first_name}} may be used inside strings.';
  try {
    JSON.parse(body);
    return 'Valid JSON.';
  } catch (error) {
    return `Not valid JSON yet: ${error instanceof Error ? error.message : String(error)}`;
  }
}

export function SendWebhookPanel({ node, onChange, problems }: NodePanelProps<'send.webhook'>) {
  const data = node.data;
  const headers = Object.entries(data.headers ?? {});
  const setHeaders = (entries: Array<[string, string]>): void => {
    const { headers: _old, ...rest } = data;
    onChange(entries.length === 0 ? rest : { ...rest, headers: Object.fromEntries(entries) }, 'headers');
  };
  return (
    <>
      <div className="form-row">
        <SelectField label="Method" value={data.method} options={METHODS} onChange={(method) => onChange({ ...data, method }, 'method')} className="form-field--narrow" problems={problemsAt(problems, 'data.method')} />
        <TextField label="URL" type="url" value={data.url} onChange={(url) => onChange({ ...data, url }, 'url')} placeholder="https://api.example.com/hooks/journey" problems={problemsAt(problems, 'data.url')} />
      </div>
      <fieldset className="list-editor">
        <legend className="form-field__label">Headers</legend>
        {headers.map(([name, value], index) => (
          <div key={index} className="list-editor__row list-editor__row--pair">
            <input className="input input--mono" aria-label={`Header ${index + 1} name`} placeholder="X-Signature" value={name} onChange={(event) => setHeaders(headers.map((entry, at) => (at === index ? [event.target.value, entry[1]] : entry)))} />
            <input className="input" aria-label={`Header ${index + 1} value`} placeholder="value" value={value} onChange={(event) => setHeaders(headers.map((entry, at) => (at === index ? [entry[0], event.target.value] : entry)))} />
            <button type="button" className="icon-button" aria-label={`Remove header ${name || index + 1}`} onClick={() => setHeaders(headers.filter((_, at) => at !== index))}>
              ×
            </button>
          </div>
        ))}
        <button type="button" className="link-button" onClick={() => setHeaders([...headers, [`X-Header-${headers.length + 1}`, '']])}>
          + Header
        </button>
      </fieldset>
      <TextField
        label="Body (JSON)"
        value={data.body ?? ''}
        onChange={(body) => {
          const { body: _old, ...rest } = data;
          const next: SendWebhookData = body === '' ? rest : { ...rest, body };
          onChange(next, 'body');
        }}
        multiline
        rows={6}
        monospace
        placeholder={'{ "userId": "{{user.id}}", "plan": "{{tags.plan}}" }'}
        hint={jsonFeedback(data.body ?? '')}
        problems={problemsAt(problems, 'data.body')}
      />
      <NumberField
        label="Timeout"
        value={data.timeoutMs}
        suffix="ms"
        min={100}
        step={100}
        onChange={(timeoutMs) => {
          const { timeoutMs: _old, ...rest } = data;
          onChange(timeoutMs === undefined ? rest : { ...rest, timeoutMs }, 'timeoutMs');
        }}
        hint="Optional; the engine's default applies when empty."
        problems={problemsAt(problems, 'data.timeoutMs')}
      />
    </>
  );
}
