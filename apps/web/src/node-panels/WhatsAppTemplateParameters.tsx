import { type WhatsAppTemplateRef, whatsAppTemplatePlaceholders } from '@engine/journey';
import { TextField } from '../forms/TextField';
import { type WhatsAppTemplate } from '../api/whatsapp-templates-api';
import { type JourneyProblem } from '../validation/journey-validator';
import { problemsAt } from '../validation/problems-index';

type Part = 'header' | 'body';
const FIELD = { header: 'headerParameters', body: 'bodyParameters' } as const;

interface WhatsAppTemplateParametersProps {
  part: Part;
  template: WhatsAppTemplateRef;
  /** The registered template chosen, when the registry is loaded: it decides how many values there are. */
  known: WhatsAppTemplate | undefined;
  onChange: (next: WhatsAppTemplateRef, field: string) => void;
  problems: readonly JourneyProblem[];
}

/**
 * One value per parameter of the template's header or body, labelled as the template writes it
 * ({{1}}, {{first_name}}); counted as publishing counts them. Without the registry the values are
 * a free list.
 */
export function WhatsAppTemplateParameters({ part, template, known, onChange, problems }: WhatsAppTemplateParametersProps) {
  const field = FIELD[part];
  const values = template[field] ?? [];
  const placeholders = known !== undefined ? whatsAppTemplatePlaceholders(known.components, part === 'header' ? 'HEADER' : 'BODY') : undefined;
  // A registered template without header parameters needs no header section at all.
  if (part === 'header' && (placeholders?.length ?? values.length) === 0) return null;
  const shown = Array.from({ length: placeholders?.length ?? values.length }, (_, index) => values[index] ?? '');
  const set = (next: string[]): void => {
    const { [field]: _old, ...rest } = template;
    onChange(next.length === 0 ? rest : { ...rest, [field]: next }, `template.${field}`);
  };
  const title = part === 'header' ? 'Header parameters' : 'Body parameters';
  return (
    <fieldset className="list-editor">
      <legend className="form-field__label">{title}</legend>
      {shown.length === 0 && <p className="list-editor__empty">{known !== undefined ? 'This template takes no parameters.' : 'None.'}</p>}
      {shown.map((value, index) => (
        <div key={index} className="list-editor__row">
          <TextField
            label={`${part === 'header' ? 'Header ' : ''}{{${placeholders?.[index] ?? index + 1}}}`}
            value={value}
            onChange={(next) => set(shown.map((existing, at) => (at === index ? next : existing)))}
            placeholder="{{tags.first_name|there}}"
            problems={problemsAt(problems, `data.template.${field}[${index}]`)}
          />
          {placeholders === undefined && (
            <button type="button" className="icon-button" aria-label={`Remove ${part} parameter ${index + 1}`} onClick={() => set(shown.filter((_, at) => at !== index))}>
              ×
            </button>
          )}
        </div>
      ))}
      {placeholders === undefined && (
        <button type="button" className="link-button" onClick={() => set([...shown, ''])}>
          + Parameter
        </button>
      )}
    </fieldset>
  );
}
