import { type UserChannel, type UserFacts } from '@engine/journey';

/** The imagined user as the simulator form describes them. */
export interface SimulatedUserForm {
  firstName: string;
  /** Other tags as a JSON object. */
  tagsJson: string;
  timeZone: string;
  /** Channels the user can be reached on (has an address or token and has not opted out). */
  reachable: Record<UserChannel, boolean>;
}

export const DEFAULT_SIMULATED_USER: SimulatedUserForm = {
  firstName: 'Ana',
  tagsJson: '{}',
  timeZone: 'UTC',
  reachable: { push: true, email: true, whatsapp: true, sms: true },
};

/** The user facts a simulation starts with, or what is wrong with the form. */
export function simulatedUserFacts(form: SimulatedUserForm): { user: UserFacts } | { error: string } {
  let tags: Record<string, unknown> = {};
  if (form.tagsJson.trim() !== '') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(form.tagsJson);
    } catch (error) {
      return { error: `Other tags are not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { error: 'Other tags must be a JSON object, e.g. {"plan": "pro"}.' };
    tags = parsed as Record<string, unknown>;
  }
  if (form.firstName.trim() !== '') tags = { ...tags, first_name: form.firstName.trim() };
  return {
    user: {
      id: 'simulated-user',
      tags,
      ...(form.timeZone.trim() === '' ? {} : { timeZone: form.timeZone.trim() }),
      reachable: { ...form.reachable },
      ...(form.reachable.email ? { email: 'simulated@example.com' } : {}),
      ...(form.reachable.whatsapp || form.reachable.sms ? { phone: '+15555550100' } : {}),
    },
  };
}

/** A datetime-local input's value for an instant, in the browser's zone, to the minute. */
export function toDateTimeLocal(at: number): string {
  const date = new Date(at);
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
