import { Injectable } from '@nestjs/common';
import { InstanceStore, OutboxStore } from '@engine/persistence';
import { type EntityManager } from 'typeorm';

/**
 * Archiving a journey: the users inside are stopped and their pending sends and timers cancelled,
 * in the caller's transaction (the one that archives the journey). A worker mid-step on one of
 * these instances finds it moved (InstanceStore) and retries without writing an old snapshot back.
 */
@Injectable()
export class StopJourneyInstances {
  /** Returns how many instances were stopped. */
  async stop(manager: EntityManager, journeyId: string): Promise<number> {
    const stopped = await InstanceStore.stopActiveOfJourney(manager, journeyId);
    await OutboxStore.cancelForInstances(manager, stopped);
    return stopped.length;
  }
}
