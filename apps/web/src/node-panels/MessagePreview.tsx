import { listPlaceholders } from '@engine/journey';
import { type ReactNode, useState } from 'react';
import { type PreviewAudience, previewScope } from './preview-scope';
import { type TemplateScope } from '@engine/journey';

interface MessagePreviewProps {
  /** The texts whose placeholders the preview fills (for the "uses" line). */
  sources: readonly string[];
  children: (scope: TemplateScope) => ReactNode;
}

/**
 * A live preview of a message: placeholders rendered against a sample user (Ana, tags
 * first_name, city, plan...) or a user without tags, to check the `|defaults`.
 */
export function MessagePreview({ sources, children }: MessagePreviewProps) {
  const [audience, setAudience] = useState<PreviewAudience>('sample');
  const placeholders = [...new Set(sources.flatMap((text) => listPlaceholders(text)))];
  return (
    <section className="message-preview" aria-label="Preview">
      <div className="message-preview__bar">
        <span className="message-preview__title">Preview</span>
        <div className="segmented" role="radiogroup" aria-label="Preview for">
          <button type="button" role="radio" aria-checked={audience === 'sample'} onClick={() => setAudience('sample')}>
            Sample user
          </button>
          <button type="button" role="radio" aria-checked={audience === 'empty'} onClick={() => setAudience('empty')}>
            No tags
          </button>
        </div>
      </div>
      {children(previewScope(audience))}
      <p className="message-preview__hint">
        {placeholders.length > 0 ? (
          <>
            Uses {placeholders.map((path) => <code key={path}>{path}</code>)}.{' '}
          </>
        ) : null}
        Personalise with <code>{'{{tags.first_name|there}}'}</code>: the part after <code>|</code> is used when the tag is missing.
      </p>
    </section>
  );
}
