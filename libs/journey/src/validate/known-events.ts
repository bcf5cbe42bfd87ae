import { BUILT_IN_EVENTS } from '../format/built-in-events';

/**
 * The event names the validator may take as spelled right (its `knownEvents` option), given the
 * names a project has received: those plus the built-in ones. Undefined while the project has
 * received none, so a fresh project is not warned about every event of its first journey. The API
 * and the canvas both decide it here, so they warn alike.
 */
export function knownEventsFromReceived(receivedNames: readonly string[]): readonly string[] | undefined {
  return receivedNames.length === 0 ? undefined : [...receivedNames, ...BUILT_IN_EVENTS];
}
