import { NotFoundException } from '@nestjs/common';
import { JourneyEntity } from '@engine/persistence';
import { type EntityManager } from 'typeorm';

/**
 * The journey with this id in this project, or 404: ids of other projects' journeys answer
 * exactly like unknown ones. `lock` takes a row lock for the rest of the transaction.
 */
export async function findProjectJourney(
  manager: EntityManager,
  projectId: string,
  journeyId: string,
  options: { lock?: boolean } = {},
): Promise<JourneyEntity> {
  const journey = await manager.findOne(JourneyEntity, {
    where: { id: journeyId, projectId },
    ...(options.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
  if (!journey) throw new NotFoundException(`No journey "${journeyId}" in this project`);
  return journey;
}
