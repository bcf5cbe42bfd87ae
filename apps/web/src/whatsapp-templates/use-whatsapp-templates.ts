import { useEffect, useState } from 'react';
import { ApiError, describeError } from '../api/api-error';
import { type WhatsAppTemplate, whatsAppTemplatesApi } from '../api/whatsapp-templates-api';

export type WhatsAppTemplatesState =
  | { status: 'loading' }
  | { status: 'available'; templates: WhatsAppTemplate[] }
  /** The API has no template route (yet): the name is typed freely. */
  | { status: 'unavailable' }
  | { status: 'error'; message: string };

/**
 * Loads the project's WhatsApp templates, of every status (the picker offers the approved ones,
 * the validation says why the others cannot be sent), once per mount: the canvas page loads them
 * and shares them (ProjectWhatsAppTemplatesProvider). `enabled: false` loads nothing.
 */
export function useProjectWhatsAppTemplates(enabled = true): WhatsAppTemplatesState {
  const [state, setState] = useState<WhatsAppTemplatesState>({ status: 'loading' });
  useEffect(() => {
    if (!enabled) return undefined;
    let current = true;
    whatsAppTemplatesApi.list().then(
      (answer) => {
        const templates = Array.isArray(answer) ? answer : answer.templates;
        if (current) setState(Array.isArray(templates) ? { status: 'available', templates } : { status: 'error', message: 'the template list was not understood' });
      },
      (error: unknown) => {
        if (current) setState(error instanceof ApiError && error.isNotFound ? { status: 'unavailable' } : { status: 'error', message: describeError(error) });
      },
    );
    return () => {
      current = false;
    };
  }, [enabled]);
  return state;
}
