/** Built-in events; custom events are the customer's own names and never start with `PW_`. */
export const BUILT_IN_EVENTS = [
  'PW_WhatsAppReceived',
  'PW_WhatsAppSent',
  'PW_WhatsAppDelivered',
  'PW_WhatsAppRead',
  'PW_WhatsAppFailed',
  'PW_PushOpened',
  'PW_EmailOpened',
  'PW_EmailClicked',
] as const;
export type BuiltInEvent = (typeof BUILT_IN_EVENTS)[number];

export function isBuiltInEvent(name: string): name is BuiltInEvent {
  return (BUILT_IN_EVENTS as readonly string[]).includes(name);
}
