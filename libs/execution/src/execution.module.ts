import { BullModule } from '@nestjs/bullmq';
import { type DynamicModule, Module, type Provider } from '@nestjs/common';
import { StepUsers } from './stepping/step-users.usecase';
import { ProjectProviders } from './providers/project-providers';
import { EXECUTION_CONFIG, type ExecutionConfig } from './config/execution-config';
import { IngestEvents } from './ingest/ingest-events.usecase';
import { CompiledJourneys } from './journeys/compiled-journeys';
import { StopJourneyInstances } from './journeys/stop-journey-instances.usecase';
import { EngineMetrics } from './metrics/engine-metrics';
import { EnterUsersThroughApi } from './entries/enter-users.usecase';
import { LaunchSegment } from './entries/launch-segment.usecase';
import { EntriesProcessor } from './processors/entries.processor';
import { EventsProcessor } from './processors/events.processor';
import {
  EmailSendProcessor,
  PushSendProcessor,
  SmsSendProcessor,
  WebhookSendProcessor,
  WhatsAppSendProcessor,
} from './processors/send.processor';
import { SegmentsProcessor } from './processors/segments.processor';
import { TimersProcessor } from './processors/timers.processor';
import { OutboxDispatcher } from './queues/outbox-dispatcher';
import { queueConnection, selectQueueBackend } from './queues/queue-backend';
import { ALL_QUEUES } from './queues/queue-names';
import { SendBatcher } from './send/send-batcher';
import { SendMessages } from './send/send-messages.usecase';
import { Sweep } from './sweeper/sweep.usecase';
import { SweepTimer } from './sweeper/sweep-timer';
import { FireTimers } from './timers/fire-timer.usecase';

/**
 * The durable execution layer. Needs a TypeORM connection from the importing app. With
 * `runWorkers` the BullMQ processors run in this process; without, it only ingests and enqueues.
 */
@Module({})
export class ExecutionModule {
  static register(config: ExecutionConfig): DynamicModule {
    selectQueueBackend(config.queueBackend);
    const providers: Provider[] = [
      { provide: EXECUTION_CONFIG, useValue: config },
      CompiledJourneys,
      ProjectProviders,
      EngineMetrics,
      OutboxDispatcher,
      StepUsers,
      IngestEvents,
      SendMessages,
      SendBatcher,
      Sweep,
      FireTimers,
      EnterUsersThroughApi,
      LaunchSegment,
      StopJourneyInstances,
    ];
    const processors: Provider[] = config.runWorkers
      ? [
          EventsProcessor,
          TimersProcessor,
          EntriesProcessor,
          SegmentsProcessor,
          SweepTimer,
          PushSendProcessor,
          EmailSendProcessor,
          WhatsAppSendProcessor,
          SmsSendProcessor,
          WebhookSendProcessor,
        ]
      : [];
    return {
      module: ExecutionModule,
      global: true,
      imports: [
        BullModule.forRoot(queueConnection(config.queueBackend, config.queuePrefix)),
        BullModule.registerQueue(...ALL_QUEUES.map((name) => ({ name }))),
      ],
      providers: [...providers, ...processors],
      exports: [ProjectProviders, IngestEvents, EnterUsersThroughApi, LaunchSegment, StopJourneyInstances, StepUsers, Sweep, EngineMetrics, CompiledJourneys, OutboxDispatcher, SendMessages, EXECUTION_CONFIG, BullModule],
    };
  }
}
