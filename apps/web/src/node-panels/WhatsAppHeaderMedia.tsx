import { type WhatsAppHeaderMedia as HeaderMedia, type WhatsAppHeaderMediaType, type WhatsAppTemplateRef, whatsAppTemplateHeaderMediaType } from '@engine/journey';
import { TextField } from '../forms/TextField';
import { type WhatsAppTemplate } from '../api/whatsapp-templates-api';
import { type JourneyProblem } from '../validation/journey-validator';
import { problemsAt } from '../validation/problems-index';

interface WhatsAppHeaderMediaProps {
  template: WhatsAppTemplateRef;
  /** The registered template chosen, when the registry is loaded: its header decides the kind of media. */
  known: WhatsAppTemplate | undefined;
  onChange: (next: WhatsAppTemplateRef, field: string) => void;
  problems: readonly JourneyProblem[];
}

const KIND_LABEL: Record<WhatsAppHeaderMediaType, string> = { image: 'Header image', video: 'Header video', document: 'Header document' };

/**
 * The image, video or document of a template whose header is media: a public link (placeholders
 * allowed) or the id of media uploaded to Meta. Shown when the template's header is media, or when
 * the step already gives some (so a mismatch can be seen and removed).
 */
export function WhatsAppHeaderMedia({ template, known, onChange, problems }: WhatsAppHeaderMediaProps) {
  const expected = known !== undefined ? whatsAppTemplateHeaderMediaType(known.components) : undefined;
  const media = template.headerMedia;
  const type = expected ?? media?.type;
  if (type === undefined) return null;
  const bySource = media?.id !== undefined ? 'id' : 'link';
  const set = (next: HeaderMedia | undefined, field: string): void => {
    const { headerMedia: _old, ...rest } = template;
    onChange(next === undefined ? rest : { ...rest, headerMedia: next }, field);
  };
  const source = (by: 'link' | 'id', value: string): HeaderMedia => ({ type, ...(by === 'link' ? { link: value } : { id: value }), ...(type === 'document' && media?.filename ? { filename: media.filename } : {}) });
  return (
    <fieldset className="list-editor">
      <legend className="form-field__label">{KIND_LABEL[type]}</legend>
      <div className="segmented" role="radiogroup" aria-label={`${KIND_LABEL[type]} from`}>
        <button type="button" role="radio" aria-checked={bySource === 'link'} onClick={() => set(source('link', media?.link ?? ''), 'template.headerMedia.link')}>
          Link
        </button>
        <button type="button" role="radio" aria-checked={bySource === 'id'} onClick={() => set(source('id', media?.id ?? ''), 'template.headerMedia.id')}>
          Media id
        </button>
      </div>
      {bySource === 'link' ? (
        <TextField
          label={`${KIND_LABEL[type]} link`}
          type="url"
          value={media?.link ?? ''}
          onChange={(link) => set(source('link', link), 'template.headerMedia.link')}
          placeholder={type === 'document' ? 'https://example.com/receipt-{{event.orderId}}.pdf' : 'https://cdn.example.com/spring.jpg'}
          hint="A public https address Meta can fetch; placeholders allowed."
          problems={[...problemsAt(problems, 'data.template.headerMedia'), ...problemsAt(problems, 'data.template.headerMedia.link'), ...problemsAt(problems, 'data.template.headerMedia.type')]}
        />
      ) : (
        <TextField
          label={`${KIND_LABEL[type]} media id`}
          value={media?.id ?? ''}
          onChange={(id) => set(source('id', id), 'template.headerMedia.id')}
          placeholder="1013859600285441"
          hint="The id Meta gave the file when it was uploaded to your WhatsApp number."
          monospace
          problems={[...problemsAt(problems, 'data.template.headerMedia'), ...problemsAt(problems, 'data.template.headerMedia.type')]}
        />
      )}
      {type === 'document' && (
        <TextField
          label="File name"
          value={media?.filename ?? ''}
          onChange={(filename) => set({ ...(media ?? { type }), type, ...(filename === '' ? { filename: undefined } : { filename }) }, 'template.headerMedia.filename')}
          placeholder="Receipt.pdf"
        />
      )}
      {expected === undefined && media !== undefined && (
        <button type="button" className="link-button" onClick={() => set(undefined, 'template.headerMedia')}>
          Remove header {media.type}
        </button>
      )}
    </fieldset>
  );
}
