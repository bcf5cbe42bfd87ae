import { renderHtmlTemplate, renderTemplate } from '@engine/journey';
import { TextField } from '../forms/TextField';
import { problemsAt } from '../validation/problems-index';
import { MessagePreview } from './MessagePreview';
import { type NodePanelProps } from './node-panel-props';

type EmailField = 'subject' | 'html' | 'from' | 'fromName' | 'preheader';

export function SendEmailPanel({ node, onChange, problems }: NodePanelProps<'send.email'>) {
  const data = node.data;
  const set = (field: EmailField, value: string): void => {
    const next = { ...data, [field]: value };
    if (field !== 'subject' && field !== 'html' && value.trim() === '') delete next[field];
    onChange(next, field);
  };
  return (
    <>
      <TextField label="Subject" value={data.subject} onChange={(value) => set('subject', value)} placeholder="{{tags.first_name|Hello}}, your 20% promo" problems={problemsAt(problems, 'data.subject')} />
      <TextField label="Preheader" value={data.preheader ?? ''} onChange={(value) => set('preheader', value)} placeholder="The grey line after the subject" problems={problemsAt(problems, 'data.preheader')} />
      <div className="form-row">
        <TextField label="From name" value={data.fromName ?? ''} onChange={(value) => set('fromName', value)} placeholder="Example Shop" problems={problemsAt(problems, 'data.fromName')} />
        <TextField label="From address" type="email" value={data.from ?? ''} onChange={(value) => set('from', value)} placeholder="default sender" problems={problemsAt(problems, 'data.from')} />
      </div>
      <TextField label="Content (HTML)" value={data.html} onChange={(value) => set('html', value)} multiline rows={7} monospace placeholder="<p>Hi {{tags.first_name|there}},</p>" problems={problemsAt(problems, 'data.html')} />
      <MessagePreview sources={[data.subject, data.html, data.preheader ?? '']}>
        {(scope) => (
          <div className="email-preview">
            <div className="email-preview__meta">
              <strong>{data.fromName || data.from || 'Your sender'}</strong>
              <span>{renderTemplate(data.subject, scope) || 'Subject'}</span>
              {data.preheader ? <span className="email-preview__preheader">{renderTemplate(data.preheader, scope)}</span> : null}
            </div>
            <iframe className="email-preview__frame" title="Email preview" sandbox="" srcDoc={`<!doctype html><meta charset="utf-8"><body style="font:14px/1.5 system-ui,sans-serif;margin:12px;color:#1f2937">${renderHtmlTemplate(data.html, scope)}</body>`} />
          </div>
        )}
      </MessagePreview>
    </>
  );
}
