import { type EntityManager } from 'typeorm';

export interface NewConversion {
  projectId: string;
  journeyId: string;
  instanceId: string;
  goalId: string;
  nodeId: string;
}

/** The one writer of `conversions`: a goal counts once per instance. */
export const ConversionStore = {
  async record(manager: EntityManager, conversions: readonly NewConversion[]): Promise<void> {
    if (conversions.length === 0) return;
    await manager.query(
      `INSERT INTO conversions (project_id, journey_id, instance_id, goal_id, node_id)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[])
       ON CONFLICT (instance_id, goal_id) DO NOTHING`,
      [
        conversions.map((c) => c.projectId),
        conversions.map((c) => c.journeyId),
        conversions.map((c) => c.instanceId),
        conversions.map((c) => c.goalId),
        conversions.map((c) => c.nodeId),
      ],
    );
  },
};
