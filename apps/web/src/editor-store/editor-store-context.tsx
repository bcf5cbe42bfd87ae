import { createContext, type ReactNode, useContext, useState } from 'react';
import { useStore } from 'zustand';
import { createEditorStore, type EditorState, type EditorStore } from './editor-store';

const EditorStoreContext = createContext<EditorStore | undefined>(undefined);

/** One editor store per open journey (and per test). */
export function EditorStoreProvider({ store, children }: { store?: EditorStore; children: ReactNode }) {
  const [ownStore] = useState(() => (store === undefined ? createEditorStore() : undefined));
  return <EditorStoreContext.Provider value={store ?? ownStore}>{children}</EditorStoreContext.Provider>;
}

export function useEditorStoreApi(): EditorStore {
  const store = useContext(EditorStoreContext);
  if (store === undefined) throw new Error('useEditor must be used inside <EditorStoreProvider>');
  return store;
}

/** Reads from the editor store; the component re-renders when the selected value changes. */
export function useEditor<T>(selector: (state: EditorState) => T): T {
  return useStore(useEditorStoreApi(), selector);
}
