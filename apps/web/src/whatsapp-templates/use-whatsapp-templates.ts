import { useEffect, useState } from 'react';
import { ApiError, describeError } from '../api/api-error';
import { type WhatsAppTemplate, whatsAppTemplatesApi } from '../api/whatsapp-templates-api';

export type WhatsAppTemplatesState =
  | { status: 'loading' }
  | { status: 'available'; templates: WhatsAppTemplate[] }
  /** The API has no template route (yet): the name is typed freely. */
  | { status: 'unavailable' }
  | { status: 'error'; message: string };

let request: Promise<WhatsAppTemplatesState> | undefined;

function loadTemplates(): Promise<WhatsAppTemplatesState> {
  request ??= whatsAppTemplatesApi.list().then(
    (answer): WhatsAppTemplatesState => ({ status: 'available', templates: Array.isArray(answer) ? answer : answer.templates }),
    (error: unknown): WhatsAppTemplatesState => {
      request = undefined;
      if (error instanceof ApiError && error.isNotFound) return { status: 'unavailable' };
      return { status: 'error', message: describeError(error) };
    },
  );
  return request;
}

/** The approved WhatsApp templates of the project, loaded once per page. */
export function useWhatsAppTemplates(): WhatsAppTemplatesState {
  const [state, setState] = useState<WhatsAppTemplatesState>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    void loadTemplates().then((loaded) => {
      if (current) setState(loaded);
    });
    return () => {
      current = false;
    };
  }, []);
  return state;
}
