import { type ReactNode, useEffect, useId, useRef } from 'react';

interface DrawerProps {
  title: string;
  open: boolean;
  onClose: () => void;
  children: ReactNode;
}

/** A panel sliding over the right of the page (not modal: the canvas stays usable). */
export function Drawer({ title, open, onClose, children }: DrawerProps) {
  const titleId = useId();
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (open) ref.current?.focus();
  }, [open]);
  if (!open) return null;
  return (
    <section
      className="drawer"
      role="complementary"
      aria-labelledby={titleId}
      tabIndex={-1}
      ref={ref}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <header className="drawer__header">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="icon-button" aria-label={`Close ${title}`} onClick={onClose}>
          ×
        </button>
      </header>
      <div className="drawer__body">{children}</div>
    </section>
  );
}
