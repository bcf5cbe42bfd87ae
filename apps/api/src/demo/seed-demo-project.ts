import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { omnichannelFallbackJourney, whatsappKeywordJourney } from '@engine/journey';
import { ApiKeyStore, JourneyStore, ProjectStore, WhatsAppTemplateStore } from '@engine/persistence';
import { type DataSource } from 'typeorm';
import { hashApiKey } from '../projects/api-key';
import { createProject } from '../projects/create-project';
import { DEMO_WHATSAPP_TEMPLATES } from './demo-whatsapp-templates';

export interface DemoProject {
  projectId: string;
  /** Known when this start created the project, or when the key file is still there. */
  apiKey?: string;
  created: boolean;
}

/**
 * On an empty database: a demo project with the two example journeys as drafts and the WhatsApp
 * templates they send registered as approved, so a newcomer has something to open and publish.
 * The key is also written to `keyFile` (git-ignored) so a restart can show it again; it is stored
 * in the database only as a hash.
 */
export async function seedDemoProject(dataSource: DataSource, keyFile: string): Promise<DemoProject | undefined> {
  if ((await ProjectStore.count(dataSource.manager)) > 0) {
    const saved = existsSync(keyFile) ? readFileSync(keyFile, 'utf8').trim() : undefined;
    const key = saved ? await ApiKeyStore.findActive(dataSource.manager, hashApiKey(saved)) : null;
    return key ? { projectId: key.projectId, apiKey: saved, created: false } : undefined;
  }
  return dataSource.transaction(async (manager) => {
    const { project, apiKey } = await createProject(manager, 'Demo project');
    await JourneyStore.createDrafts(manager, [
      { projectId: project.id, name: 'Omnichannel fallback: push, then email, then WhatsApp', draftGraph: omnichannelFallbackJourney },
      { projectId: project.id, name: 'WhatsApp keywords: Help and Promo', draftGraph: whatsappKeywordJourney },
    ]);
    await WhatsAppTemplateStore.register(
      manager,
      project.id,
      DEMO_WHATSAPP_TEMPLATES.map((template) => ({ ...template, status: 'approved' as const })),
    );
    writeFileSync(keyFile, `${apiKey}\n`, { mode: 0o600 });
    return { projectId: project.id, apiKey, created: true };
  });
}
