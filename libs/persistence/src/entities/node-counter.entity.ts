import { Column, Entity, PrimaryColumn } from 'typeorm';

/** How many users ever entered a node of a journey (summed over versions); bumped in batches. */
@Entity({ name: 'journey_node_counters' })
export class NodeCounterEntity {
  @PrimaryColumn({ name: 'journey_id', type: 'uuid' })
  journeyId!: string;

  @PrimaryColumn({ name: 'node_id', type: 'text' })
  nodeId!: string;

  @Column({ type: 'bigint', default: 0 })
  entered!: string;

  @Column({ type: 'bigint', default: 0 })
  completed!: string;
}
