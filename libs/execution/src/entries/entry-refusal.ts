/** Why users cannot enter a journey through its API entry. */
export type EntryRefusalReason = 'journey-not-found' | 'journey-not-live' | 'no-api-entry' | 'not-an-api-entry';

/** A refused API entry, with a message naming what is wrong; the API maps `reason` to an HTTP status. */
export class EntryRefusal extends Error {
  constructor(
    readonly reason: EntryRefusalReason,
    message: string,
  ) {
    super(message);
    this.name = 'EntryRefusal';
  }
}
