import { renderTemplate } from '@engine/journey';
import { TextField } from '../forms/TextField';
import { problemsAt } from '../validation/problems-index';
import { MessagePreview } from './MessagePreview';
import { type NodePanelProps } from './node-panel-props';

export function SendPushPanel({ node, onChange, problems }: NodePanelProps<'send.push'>) {
  const data = node.data;
  const set = (field: 'title' | 'body' | 'link' | 'imageUrl', value: string): void => {
    const next = { ...data, [field]: value };
    if ((field === 'link' || field === 'imageUrl') && value.trim() === '') delete next[field];
    onChange(next, field);
  };
  return (
    <>
      <TextField label="Title" value={data.title} onChange={(value) => set('title', value)} placeholder="Your promo is here" problems={problemsAt(problems, 'data.title')} />
      <TextField label="Text" value={data.body} onChange={(value) => set('body', value)} multiline rows={3} placeholder="Hi {{tags.first_name|there}}, …" problems={problemsAt(problems, 'data.body')} />
      <TextField label="Link (opens on tap)" type="url" value={data.link ?? ''} onChange={(value) => set('link', value)} placeholder="https://shop.example.com/promo" problems={problemsAt(problems, 'data.link')} />
      <TextField label="Image URL" type="url" value={data.imageUrl ?? ''} onChange={(value) => set('imageUrl', value)} placeholder="optional" problems={problemsAt(problems, 'data.imageUrl')} />
      <MessagePreview sources={[data.title, data.body]}>
        {(scope) => (
          <div className="push-preview">
            <div className="push-preview__app">
              <span className="push-preview__app-icon" aria-hidden="true" />
              <span>Your app · now</span>
            </div>
            <div className="push-preview__title">{renderTemplate(data.title, scope) || 'Title'}</div>
            <div className="push-preview__body">{renderTemplate(data.body, scope) || 'Text of the notification'}</div>
            {data.imageUrl ? <div className="push-preview__image">🖼 image</div> : null}
          </div>
        )}
      </MessagePreview>
    </>
  );
}
