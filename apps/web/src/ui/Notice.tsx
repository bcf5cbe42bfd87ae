import { useEffect } from 'react';

export interface NoticeMessage {
  kind: 'success' | 'error' | 'info';
  text: string;
  /** Details, e.g. the problems of a refused publish. */
  details?: string[];
}

/** A dismissible message at the bottom of the page; success and info fade after a few seconds. */
export function Notice({ notice, onDismiss }: { notice: NoticeMessage | undefined; onDismiss: () => void }) {
  useEffect(() => {
    if (notice === undefined || notice.kind === 'error') return undefined;
    const timer = window.setTimeout(onDismiss, 5000);
    return () => window.clearTimeout(timer);
  }, [notice, onDismiss]);
  if (notice === undefined) return null;
  return (
    <div className={`notice notice--${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
      <div className="notice__text">
        {notice.text}
        {notice.details !== undefined && notice.details.length > 0 && (
          <ul>
            {notice.details.map((detail, index) => (
              <li key={index}>{detail}</li>
            ))}
          </ul>
        )}
      </div>
      <button type="button" className="icon-button" aria-label="Dismiss" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
