import { renderTemplate } from '@engine/journey';
import { TextField } from '../forms/TextField';
import { problemsAt } from '../validation/problems-index';
import { MessagePreview } from './MessagePreview';
import { type NodePanelProps } from './node-panel-props';

export function SendSmsPanel({ node, onChange, problems }: NodePanelProps<'send.sms'>) {
  const data = node.data;
  return (
    <>
      <TextField
        label="Text"
        value={data.text}
        onChange={(text) => onChange({ ...data, text }, 'text')}
        multiline
        rows={4}
        placeholder="Hi {{tags.first_name|there}}, …"
        hint={`${data.text.length} characters (one SMS holds 160)`}
        problems={problemsAt(problems, 'data.text')}
      />
      <MessagePreview sources={[data.text]}>{(scope) => <div className="chat-bubble chat-bubble--sms">{renderTemplate(data.text, scope) || 'Your text'}</div>}</MessagePreview>
    </>
  );
}
