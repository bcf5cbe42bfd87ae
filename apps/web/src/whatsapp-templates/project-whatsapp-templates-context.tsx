import { createContext, type ReactNode, useContext } from 'react';
import { useProjectWhatsAppTemplates, type WhatsAppTemplatesState } from './use-whatsapp-templates';

/** Undefined outside a canvas page. */
const ProjectWhatsAppTemplatesContext = createContext<WhatsAppTemplatesState | undefined>(undefined);

/** Shares the templates the page loaded (useProjectWhatsAppTemplates) with the template picker, so no panel fetches its own. */
export function ProjectWhatsAppTemplatesProvider({ value, children }: { value: WhatsAppTemplatesState; children: ReactNode }) {
  return <ProjectWhatsAppTemplatesContext.Provider value={value}>{children}</ProjectWhatsAppTemplatesContext.Provider>;
}

/** The templates the canvas page loaded; a panel shown outside a page loads them itself. */
export function useWhatsAppTemplates(): WhatsAppTemplatesState {
  const shared = useContext(ProjectWhatsAppTemplatesContext);
  const own = useProjectWhatsAppTemplates(shared === undefined);
  return shared ?? own;
}
