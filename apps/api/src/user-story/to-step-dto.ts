import { type StepEntry } from '@engine/journey';
import { type StoryStepDto } from './dto/user-story.response';

/** A step log entry for the API: times as ISO strings, the rest as it is. */
export function toStepDto(entry: StepEntry): StoryStepDto {
  const iso = (ms: number) => new Date(ms).toISOString();
  switch (entry.kind) {
    case 'waiting':
      return { ...entry, at: iso(entry.at), until: iso(entry.until) };
    case 'send-asked': {
      const { heldUntil, ...rest } = entry;
      return { ...rest, at: iso(entry.at), ...(heldUntil === undefined ? {} : { heldUntil: iso(heldUntil) }) };
    }
    case 'event':
      return { kind: entry.kind, at: iso(entry.at), event: entry.name };
    default:
      return { ...entry, at: iso(entry.at) };
  }
}
