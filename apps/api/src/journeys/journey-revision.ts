import { BadRequestException, ConflictException } from '@nestjs/common';
import { type JourneyEntity } from '@engine/persistence';

/** The revision token of a journey: its `updated_at` as an ISO string; it changes with every draft edit. */
export function journeyRevision(journey: Pick<JourneyEntity, 'updatedAt'>): string {
  return journey.updatedAt.toISOString();
}

/** Refuses an edit based on an older revision, so a concurrent edit is never silently overwritten. */
export function assertCurrentRevision(journey: JourneyEntity, revision: string | undefined): void {
  if (revision === undefined) return;
  const expected = new Date(revision);
  if (Number.isNaN(expected.getTime())) {
    throw new BadRequestException('revision must be the revision string of the journey as last read (an ISO 8601 timestamp)');
  }
  if (expected.getTime() !== journey.updatedAt.getTime()) {
    throw new ConflictException({
      statusCode: 409,
      error: 'Conflict',
      message: `The journey was changed since revision ${revision}: reload it (revision ${journeyRevision(journey)}) and apply your changes again`,
      revision: journeyRevision(journey),
    });
  }
}
