import { type ReactNode } from 'react';

export type ActionIconName = 'undo' | 'redo' | 'layout' | 'settings' | 'test' | 'back' | 'publish' | 'pause' | 'resume' | 'edit' | 'eye' | 'history' | 'simulate';

const PATHS: Record<ActionIconName, ReactNode> = {
  undo: <path d="M9 14 4 9l5-5M4 9h10a6 6 0 0 1 0 12h-3" />,
  redo: <path d="m15 14 5-5-5-5M20 9H10a6 6 0 0 0 0 12h3" />,
  layout: (
    <>
      <rect x="3" y="4" width="6" height="5" rx="1" />
      <rect x="15" y="4" width="6" height="5" rx="1" />
      <rect x="15" y="15" width="6" height="5" rx="1" />
      <path d="M9 6.5h6M12 6.5v11h3" />
    </>
  ),
  settings: (
    <>
      <path d="M4 6h10M18 6h2M4 12h4M12 12h8M4 18h12M20 18h0" />
      <circle cx="16" cy="6" r="2" />
      <circle cx="10" cy="12" r="2" />
      <circle cx="18" cy="18" r="2" />
    </>
  ),
  test: <path d="M9 3h6M10 3v6l-5 9a2 2 0 0 0 1.8 3h10.4a2 2 0 0 0 1.8-3l-5-9V3M7.5 15h9" />,
  back: <path d="M15 18l-6-6 6-6" />,
  publish: <path d="M12 19V5M5 12l7-7 7 7" />,
  pause: <path d="M9 5v14M15 5v14" />,
  resume: <path d="m7 4 12 8-12 8z" />,
  edit: <path d="M4 20h4L19 9l-4-4L4 16zM13.5 6.5l4 4" />,
  eye: (
    <>
      <path d="M2 12s3.5-7 10-7 10 7 10 7-3.5 7-10 7S2 12 2 12z" />
      <circle cx="12" cy="12" r="3" />
    </>
  ),
  simulate: (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="m10 8 6 4-6 4z" />
    </>
  ),
  history: <path d="M3 12a9 9 0 1 0 2.6-6.4L3 8.2M3 3.5v4.7h4.7M12 7.5V12l3 2" />,
};

export function ActionIcon({ name, size = 16 }: { name: ActionIconName; size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.9} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      {PATHS[name]}
    </svg>
  );
}
