import { type WhatsAppTemplateRef } from '@engine/journey';
import { useId } from 'react';
import { FormField } from '../forms/FormField';
import { TextField } from '../forms/TextField';
import { type JourneyProblem } from '../validation/journey-validator';
import { problemsAt } from '../validation/problems-index';
import { type WhatsAppTemplatesState } from './use-whatsapp-templates';

interface TemplatePickerProps {
  value: WhatsAppTemplateRef;
  onChange: (template: WhatsAppTemplateRef) => void;
  templates: WhatsAppTemplatesState;
  problems: readonly JourneyProblem[];
}

const key = (name: string, language: string): string => `${name}\u0000${language}`;

/**
 * Picks an approved template from GET /api/v1/whatsapp/templates; without that route (or with
 * no templates) the name and language are typed.
 */
export function TemplatePicker({ value, onChange, templates, problems }: TemplatePickerProps) {
  const id = useId();
  const templateProblems = problemsAt(problems, 'data.template');
  if (templates.status !== 'available' || templates.templates.length === 0) {
    const note =
      templates.status === 'loading'
        ? 'Loading templates…'
        : templates.status === 'error'
          ? `Templates could not be loaded (${templates.message}); type the name.`
          : templates.status === 'available'
            ? 'No templates registered yet: register them with POST /api/v1/whatsapp/templates, or type the name.'
            : 'Type the name of an approved template as WhatsApp Manager shows it.';
    return (
      <div className="form-row">
        <TextField label="Template name" value={value.name} onChange={(name) => onChange({ ...value, name: name.trim() })} placeholder="promo_offer" monospace hint={note} problems={templateProblems.filter((problem) => problem.field !== 'data.template.language')} />
        <TextField label="Language" value={value.language} onChange={(language) => onChange({ ...value, language: language.trim() })} placeholder="en" monospace className="form-field--narrow" problems={problemsAt(problems, 'data.template.language')} />
      </div>
    );
  }
  const current = key(value.name, value.language);
  const listed = templates.templates.some((template) => key(template.name, template.language) === current);
  return (
    <FormField label="Template" htmlFor={id} problems={templateProblems} hint="Approved templates can be sent at any time.">
      <select
        id={id}
        className="input"
        value={listed ? current : ''}
        onChange={(event) => {
          const chosen = templates.templates.find((template) => key(template.name, template.language) === event.target.value);
          if (chosen !== undefined) onChange({ ...value, name: chosen.name, language: chosen.language });
        }}
      >
        <option value="" disabled>
          {value.name !== '' ? `${value.name} (${value.language}) — not in the list` : 'Choose a template…'}
        </option>
        {templates.templates.map((template) => (
          <option key={key(template.name, template.language)} value={key(template.name, template.language)} disabled={template.status.toUpperCase() !== 'APPROVED'}>
            {template.name} · {template.language}
            {template.status.toUpperCase() !== 'APPROVED' ? ` (${template.status.toLowerCase()})` : ''}
          </option>
        ))}
      </select>
    </FormField>
  );
}
