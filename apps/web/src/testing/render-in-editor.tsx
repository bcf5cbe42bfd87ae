import { type JourneyGraph } from '@engine/journey';
import { render, type RenderResult } from '@testing-library/react';
import { ReactFlowProvider } from '@xyflow/react';
import { type ReactNode } from 'react';
import { createEditorStore, type EditorStore } from '../editor-store/editor-store';
import { EditorStoreProvider } from '../editor-store/editor-store-context';
import { ValidationProvider } from '../validation/validation-context';
import { TagCatalogueProvider } from '../audience/tag-catalogue';
import { SegmentCatalogueProvider } from '../segments/segment-catalogue';

/**
 * Renders UI inside an editor store (with live validation) holding `graph`, as the canvas page does,
 * with catalogues (segments, tags) of its own, so each test loads them from its own fetch stub.
 */
export function renderInEditor(ui: ReactNode, graph: JourneyGraph, options: { readOnly?: boolean } = {}): RenderResult & { store: EditorStore } {
  const store = createEditorStore(graph, options);
  const result = render(
    <ReactFlowProvider>
      <EditorStoreProvider store={store}>
        <SegmentCatalogueProvider>
          <TagCatalogueProvider>
            <ValidationProvider>{ui}</ValidationProvider>
          </TagCatalogueProvider>
        </SegmentCatalogueProvider>
      </EditorStoreProvider>
    </ReactFlowProvider>,
  );
  return { ...result, store };
}
