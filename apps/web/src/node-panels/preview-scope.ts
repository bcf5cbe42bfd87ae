import { type TemplateScope } from '@engine/journey';

/** A sample user and event that message previews render placeholders with. */
export const SAMPLE_SCOPE: TemplateScope = {
  tags: { first_name: 'Ana', last_name: 'Silva', city: 'Lisbon', plan: 'pro', points: 120 },
  event: { text: 'promo', from: '+351912345678', amount: 42 },
  user: { id: 'user-42', email: 'ana@example.com', phone: '+351912345678', language: 'en', timeZone: 'Europe/Lisbon' },
};

/** A user without tags: shows what the `|default` parts of placeholders give. */
export const EMPTY_SCOPE: TemplateScope = { tags: {}, event: {}, user: { id: 'user-43' } };

export type PreviewAudience = 'sample' | 'empty';

export function previewScope(audience: PreviewAudience): TemplateScope {
  return audience === 'sample' ? SAMPLE_SCOPE : EMPTY_SCOPE;
}
