import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';

/** Prometheus metrics of the engine; `/metrics` serves `registry`. */
@Injectable()
export class EngineMetrics {
  readonly registry = new Registry();
  readonly eventsIngested = new Counter({ name: 'journey_events_ingested_total', help: 'Events stored by ingestion', registers: [this.registry] });
  readonly steps = new Counter({ name: 'journey_steps_total', help: 'Journey instance steps executed', registers: [this.registry] });
  readonly nodeExecutions = new Counter({ name: 'journey_node_executions_total', help: 'Nodes users passed through', registers: [this.registry] });
  readonly messages = new Counter({
    name: 'journey_messages_total',
    help: 'Messages by channel and outcome',
    labelNames: ['channel', 'status'] as const,
    registers: [this.registry],
  });
  readonly answerWriteRetries = new Counter({
    name: 'journey_provider_answer_write_retries_total',
    help: "Tries to record providers' answers again because the database could not be reached",
    registers: [this.registry],
  });
  readonly queueDepth = new Gauge({
    name: 'journey_queue_jobs',
    help: 'Jobs per queue and state, read at scrape time',
    labelNames: ['queue', 'state'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }
}
