import { FinalSendError } from '../channel-provider';

/** A rendered `send.email` node (SendEmailData), checked. */
export interface EmailContent {
  subject: string;
  html: string;
  from?: string;
  fromName?: string;
  preheader?: string;
}

export function readEmailContent(content: Record<string, unknown>): EmailContent {
  const { subject, html, from, fromName, preheader } = content;
  if (typeof subject !== 'string' || subject.trim() === '') throw new FinalSendError('The email has no subject');
  if (typeof html !== 'string' || html.trim() === '') throw new FinalSendError('The email has no HTML body');
  return {
    subject: subject.replace(/[\r\n]+/g, ' '),
    html,
    ...(typeof from === 'string' && from.trim() ? { from: from.trim() } : {}),
    ...(typeof fromName === 'string' && fromName.trim() ? { fromName: fromName.trim() } : {}),
    ...(typeof preheader === 'string' && preheader.trim() ? { preheader } : {}),
  };
}

/** `Name <address>` or a bare address, split. */
export function parseMailbox(mailbox: string): { name?: string; address: string } {
  const match = /^\s*"?([^"<]*?)"?\s*<([^<>\s]+)>\s*$/.exec(mailbox);
  if (match) return match[1] ? { name: match[1], address: match[2] } : { address: match[2] };
  return { address: mailbox.trim() };
}
