import { renderTemplate, type SendWhatsAppData, type WhatsAppQuickReply, type WhatsAppTemplateRef } from '@engine/journey';
import { CheckboxField } from '../forms/CheckboxField';
import { DurationField } from '../forms/DurationField';
import { FieldProblems } from '../forms/FieldProblems';
import { TextField } from '../forms/TextField';
import { uniqueId } from '../graph-editing/node-ids';
import { problemsAt } from '../validation/problems-index';
import { componentText, fillTemplateText, quickReplyButtons } from '../whatsapp-templates/template-text';
import { TemplatePicker } from '../whatsapp-templates/TemplatePicker';
import { useWhatsAppTemplates } from '../whatsapp-templates/project-whatsapp-templates-context';
import { MessagePreview } from './MessagePreview';
import { type NodePanelProps } from './node-panel-props';
import { WhatsAppHeaderMedia } from './WhatsAppHeaderMedia';
import { WhatsAppTemplateParameters } from './WhatsAppTemplateParameters';

const EMPTY_TEMPLATE: WhatsAppTemplateRef = { name: '', language: 'en' };

export function SendWhatsAppPanel({ node, onChange, problems }: NodePanelProps<'send.whatsapp'>) {
  const data = node.data;
  const templates = useWhatsAppTemplates();
  const template = data.template ?? EMPTY_TEMPLATE;
  const known = templates.status === 'available' ? templates.templates.find((candidate) => candidate.name === template.name && candidate.language === template.language) : undefined;
  const bodyText = componentText(known, 'BODY');
  const bodyValues = template.bodyParameters ?? [];
  const replies = data.quickReplies ?? [];
  const templateButtons = quickReplyButtons(known);

  const setTemplate = (next: WhatsAppTemplateRef, field: string): void => onChange({ ...data, template: next }, field);
  const setReplies = (quickReplies: WhatsAppQuickReply[]): void => {
    const { quickReplies: _old, replyWindow, ...rest } = data;
    const next: SendWhatsAppData = quickReplies.length === 0 ? rest : { ...rest, quickReplies, replyWindow: replyWindow ?? '1d' };
    onChange(next, 'quickReplies');
  };
  const newReply = (text: string, taken: WhatsAppQuickReply[]): WhatsAppQuickReply => ({
    id: uniqueId(`r${taken.length + 1}`, new Set(taken.map((reply) => reply.id))),
    text,
  });

  return (
    <>
      <div className="segmented segmented--wide" role="radiogroup" aria-label="Message type">
        <button type="button" role="radio" aria-checked={data.mode === 'template'} onClick={() => onChange({ ...data, mode: 'template', template }, 'mode')}>
          Template
        </button>
        <button type="button" role="radio" aria-checked={data.mode === 'text'} onClick={() => onChange({ ...data, mode: 'text', text: data.text ?? '' }, 'mode')}>
          Free text
        </button>
      </div>
      <FieldProblems problems={problemsAt(problems, 'data.mode')} />
      {data.mode === 'template' ? (
        <>
          <TemplatePicker value={template} onChange={(next) => setTemplate(next, 'template')} templates={templates} problems={problems} />
          {bodyText !== undefined && <blockquote className="template-body">{bodyText}</blockquote>}
          <WhatsAppHeaderMedia template={template} known={known} onChange={setTemplate} problems={problems} />
          <WhatsAppTemplateParameters part="header" template={template} known={known} onChange={setTemplate} problems={problems} />
          <WhatsAppTemplateParameters part="body" template={template} known={known} onChange={setTemplate} problems={problems} />
        </>
      ) : (
        <TextField
          label="Text"
          value={data.text ?? ''}
          onChange={(text) => onChange({ ...data, text }, 'text')}
          multiline
          rows={4}
          placeholder="Hi {{tags.first_name|there}}, …"
          hint="Free text reaches only users who wrote to you in the last 24 hours; use a template otherwise."
          problems={problemsAt(problems, 'data.text')}
        />
      )}
      <section className="list-editor" aria-label="Quick replies">
        <CheckboxField
          label="Branch on the user's reply"
          checked={replies.length > 0}
          onChange={(on) => setReplies(on ? (templateButtons.length > 0 ? templateButtons.reduce<WhatsAppQuickReply[]>((all, text) => [...all, newReply(text, all)], []) : [newReply('Yes', []), newReply('No', [newReply('Yes', [])])]) : [])}
          hint={replies.length > 0 ? 'One path per reply, plus “No reply” after the reply window.' : 'The journey continues right after sending.'}
        />
        {replies.map((reply, index) => (
          <div key={reply.id} className="list-editor__row">
            <TextField
              label={`Reply ${index + 1}`}
              value={reply.text}
              onChange={(text) => setReplies(replies.map((existing) => (existing.id === reply.id ? { ...existing, text } : existing)))}
              placeholder="Yes"
              problems={problemsAt(problems, `data.quickReplies[${index}]`)}
            />
            <button type="button" className="icon-button" aria-label={`Remove reply ${reply.text || index + 1}`} onClick={() => setReplies(replies.filter((existing) => existing.id !== reply.id))}>
              ×
            </button>
          </div>
        ))}
        {replies.length > 0 && (
          <>
            <button type="button" className="link-button" onClick={() => setReplies([...replies, newReply('', replies)])}>
              + Reply
            </button>
            <DurationField label="Wait for a reply up to" value={data.replyWindow ?? ''} onChange={(replyWindow) => onChange({ ...data, replyWindow }, 'replyWindow')} problems={problemsAt(problems, 'data.replyWindow')} />
          </>
        )}
        <FieldProblems problems={problemsAt(problems, 'data.quickReplies').filter((problem) => problem.field === 'data.quickReplies')} />
      </section>
      <MessagePreview sources={data.mode === 'template' ? bodyValues : [data.text ?? '']}>
        {(scope) => (
          <div className="chat">
            <div className="chat-bubble chat-bubble--whatsapp">
              {data.mode === 'template'
                ? bodyText !== undefined
                  ? fillTemplateText(bodyText, bodyValues.map((parameter) => renderTemplate(parameter, scope)))
                  : `Template “${template.name || '…'}”${bodyValues.length > 0 ? ` with ${bodyValues.map((parameter) => `“${renderTemplate(parameter, scope)}”`).join(', ')}` : ''}`
                : renderTemplate(data.text ?? '', scope) || 'Your text'}
            </div>
            {replies.length > 0 && (
              <div className="chat-replies">
                {replies.map((reply) => (
                  <span key={reply.id} className="chat-replies__button">
                    {reply.text || '…'}
                  </span>
                ))}
              </div>
            )}
          </div>
        )}
      </MessagePreview>
    </>
  );
}
