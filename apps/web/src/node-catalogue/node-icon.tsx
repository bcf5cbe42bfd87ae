import { type NodeType } from '@engine/journey';
import { type ReactNode } from 'react';

/** Line icons (24x24, stroke) for each node type. */
const PATHS: Record<NodeType, ReactNode> = {
  'entry.event': <path d="M13 2 4 14h7l-1 8 9-12h-7l1-8z" />,
  'entry.segment': (
    <>
      <circle cx="9" cy="8" r="3.5" />
      <path d="M2.5 20c.6-3.6 3.2-5.5 6.5-5.5s5.9 1.9 6.5 5.5" />
      <circle cx="17" cy="9" r="2.5" />
      <path d="M17 14.5c2.4 0 4 1.5 4.5 4.5" />
    </>
  ),
  'entry.api': (
    <>
      <path d="m8 7-5 5 5 5" />
      <path d="m16 7 5 5-5 5" />
      <path d="m13.5 4-3 16" />
    </>
  ),
  'send.push': (
    <>
      <path d="M18 9a6 6 0 1 0-12 0c0 6-2.5 8-2.5 8h17S18 15 18 9z" />
      <path d="M10 21a2.2 2.2 0 0 0 4 0" />
    </>
  ),
  'send.email': (
    <>
      <rect x="3" y="5" width="18" height="14" rx="2" />
      <path d="m3.5 6.5 8.5 6.5 8.5-6.5" />
    </>
  ),
  'send.whatsapp': (
    <>
      <path d="M20.5 11.6a8.5 8.5 0 0 1-12.4 7.5L3.5 20.5l1.4-4.4A8.5 8.5 0 1 1 20.5 11.6z" />
      <path d="M9 9.2c.3 2.6 2.2 4.6 4.8 5.2l1.2-1.2 1.8.8-.4 1.6c-3.6.4-7.6-3.2-7.6-7.2l1.5-.6.9 1.7z" />
    </>
  ),
  'send.sms': (
    <>
      <path d="M4 5h16v11H9l-5 4z" />
      <path d="M8 10h.01M12 10h.01M16 10h.01" />
    </>
  ),
  'send.webhook': (
    <>
      <path d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1" />
      <path d="M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1" />
    </>
  ),
  'update.tags': (
    <>
      <path d="M3 12V4h8l10 10-8 8z" />
      <circle cx="7.5" cy="8.5" r="1.3" />
    </>
  ),
  'wait.delay': (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="M12 7v5l3 2" />
    </>
  ),
  'wait.event': (
    <>
      <path d="M6 3h12M6 21h12" />
      <path d="M7 3c0 5 5 6 5 9s-5 4-5 9M17 3c0 5-5 6-5 9s5 4 5 9" />
    </>
  ),
  exit: (
    <>
      <path d="M5 21V4" />
      <path d="M5 4h12l-2 4 2 4H5" />
    </>
  ),
  'branch.engagement': (
    <>
      <path d="M2 12s3.5-7 10-7 10 7 10 7-3.5 7-10 7S2 12 2 12z" />
      <circle cx="12" cy="12" r="3" />
    </>
  ),
  'branch.condition': (
    <>
      <path d="M6 3v6a3 3 0 0 0 3 3h9" />
      <path d="M6 21v-6" />
      <path d="m15 9 3 3-3 3" />
      <circle cx="6" cy="15" r="0.5" />
    </>
  ),
  'branch.split': (
    <>
      <path d="M4 12h5l5-6h6M9 12l5 6h6" />
      <path d="m18 4 2 2-2 2M18 16l2 2-2 2" />
    </>
  ),
  'branch.reachability': (
    <>
      <path d="M5 12.5a10 10 0 0 1 14 0" />
      <path d="M8.5 16a5 5 0 0 1 7 0" />
      <path d="M2 9a14 14 0 0 1 20 0" />
      <circle cx="12" cy="19.5" r="1" />
    </>
  ),
};

export function NodeIcon({ type, size = 18 }: { type: NodeType; size?: number }) {
  return (
    <svg
      className="node-icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {PATHS[type]}
    </svg>
  );
}
