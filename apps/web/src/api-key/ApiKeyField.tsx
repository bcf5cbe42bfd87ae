import { useEffect, useId, useState } from 'react';
import { writeApiKey } from './api-key-storage';
import { useApiKey } from './use-api-key';

/** The small "API key" field of the header: paste a key, press Enter or leave the field to store it. */
export function ApiKeyField() {
  const apiKey = useApiKey();
  const [draft, setDraft] = useState(apiKey);
  const id = useId();
  useEffect(() => setDraft(apiKey), [apiKey]);
  const commit = (): void => {
    if (draft.trim() !== apiKey) writeApiKey(draft.trim());
  };
  return (
    <div className="api-key-field">
      <label htmlFor={id}>API key</label>
      <input
        id={id}
        type="password"
        autoComplete="off"
        spellCheck={false}
        placeholder="jk_…"
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit();
        }}
      />
      <span className={apiKey === '' ? 'api-key-field__state api-key-field__state--missing' : 'api-key-field__state'}>
        {apiKey === '' ? 'not set' : 'set'}
      </span>
    </div>
  );
}
