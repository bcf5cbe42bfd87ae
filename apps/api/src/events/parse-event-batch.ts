import { type IncomingEvent } from '@engine/execution';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { prototypeNamedKeyProblems } from '../http/prototype-named-keys';
import { EventDto, parseTimestamp } from './event.dto';

export const MAX_EVENTS_PER_BATCH = 1000;

export interface RejectedEvent {
  index: number;
  errors: string[];
}

/**
 * Splits a body into good events and bad ones reported by index, so one bad event does not sink
 * its batch. A body that is not an event or `{ events: [...] }` at all is an error of its own.
 */
export function parseEventBatch(body: unknown, now: Date): { events: IncomingEvent[]; rejected: RejectedEvent[]; batch: boolean } | { error: string } {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return { error: 'The body must be one event object or { "events": [ ... ] }' };
  }
  const batch = 'events' in body;
  const items: unknown = batch ? (body).events : body;
  if (batch) {
    if (!Array.isArray(items)) return { error: 'events must be an array' };
    const extra = Object.keys(body).filter((key) => key !== 'events');
    if (extra.length > 0) return { error: `property ${extra[0]} should not exist (a batch is { "events": [ ... ] })` };
    if (items.length === 0) return { error: 'events must contain at least 1 event' };
    if (items.length > MAX_EVENTS_PER_BATCH) return { error: `events must contain at most ${MAX_EVENTS_PER_BATCH} events, got ${items.length}` };
  }
  const list = batch ? (items as unknown[]) : [items];
  const events: IncomingEvent[] = [];
  const rejected: RejectedEvent[] = [];
  list.forEach((item, index) => {
    const prefix = batch ? `events[${index}].` : '';
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      rejected.push({ index, errors: [`${batch ? `events[${index}]` : 'the event'} must be an object`] });
      return;
    }
    // Before class-transformer, which cannot carry such keys (see PROTOTYPE_NAMED_KEYS).
    const prototypeNamed = prototypeNamedKeyProblems(item, batch ? `events[${index}]` : '');
    if (prototypeNamed.length > 0) {
      rejected.push({ index, errors: prototypeNamed });
      return;
    }
    const dto = plainToInstance(EventDto, item);
    const errors = validateSync(dto, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length > 0) {
      rejected.push({ index, errors: flatten(errors).map((message) => `${prefix}${message}`) });
      return;
    }
    events.push({
      userId: dto.userId,
      name: dto.name,
      attributes: dto.attributes ?? {},
      occurredAt: dto.timestamp === undefined ? now : parseTimestamp(dto.timestamp)!,
      ...(dto.idempotencyKey ? { idempotencyKey: dto.idempotencyKey } : {}),
    });
  });
  return { events, rejected, batch };
}

function flatten(errors: ValidationError[]): string[] {
  return errors.flatMap((error) => [...Object.values(error.constraints ?? {}), ...flatten(error.children ?? [])]);
}
