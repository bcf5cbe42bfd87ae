import { BullModule } from '@nestjs/bullmq';
import { type DynamicModule, Module, type OnApplicationShutdown, Inject, Injectable, type Provider } from '@nestjs/common';
import Redis from 'ioredis';
import { StepUsers } from './batch/step-users.usecase';
import { ProjectChannels } from './channels/project-channels';
import { EXECUTION_CONFIG, type ExecutionConfig, redisOptionsFromUrl } from './config/execution-config';
import { IngestEvents } from './ingest/ingest-events.usecase';
import { CompiledJourneys } from './journeys/compiled-journeys';
import { EngineMetrics } from './metrics/engine-metrics';
import { EnterUsersThroughApi } from './entries/enter-users.usecase';
import { LaunchSegment } from './entries/launch-segment.usecase';
import { EntriesProcessor } from './processors/entries.processor';
import { EventsProcessor } from './processors/events.processor';
import { MaintenanceProcessor } from './processors/maintenance.processor';
import {
  EmailSendProcessor,
  PushSendProcessor,
  SmsSendProcessor,
  WebhookSendProcessor,
  WhatsAppSendProcessor,
} from './processors/send.processor';
import { SegmentsProcessor } from './processors/segments.processor';
import { TimersProcessor } from './processors/timers.processor';
import { EXECUTION_REDIS } from './queues/execution-redis';
import { OutboxDispatcher } from './queues/outbox-dispatcher';
import { ALL_QUEUES } from './queues/queue-names';
import { JourneyThrottle } from './send/journey-throttle';
import { SendBatcher } from './send/send-batcher';
import { SendMessages } from './send/send-message.usecase';
import { Sweep } from './sweeper/sweep.usecase';
import { FireTimers } from './timers/fire-timer.usecase';

@Injectable()
class ExecutionRedisCloser implements OnApplicationShutdown {
  constructor(@Inject(EXECUTION_REDIS) private readonly redis: Redis) {}
  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => undefined);
  }
}

/**
 * The durable execution layer. Needs a TypeORM connection from the importing app. With
 * `runWorkers` the BullMQ processors run in this process; without, it only ingests and enqueues.
 */
@Module({})
export class ExecutionModule {
  static register(config: ExecutionConfig): DynamicModule {
    const providers: Provider[] = [
      { provide: EXECUTION_CONFIG, useValue: config },
      { provide: EXECUTION_REDIS, useFactory: () => new Redis({ ...redisOptionsFromUrl(config.redisUrl), maxRetriesPerRequest: 2 }) },
      ExecutionRedisCloser,
      CompiledJourneys,
      ProjectChannels,
      EngineMetrics,
      OutboxDispatcher,
      StepUsers,
      IngestEvents,
      SendMessages,
      SendBatcher,
      JourneyThrottle,
      Sweep,
      FireTimers,
      EnterUsersThroughApi,
      LaunchSegment,
    ];
    const processors: Provider[] = config.runWorkers
      ? [
          EventsProcessor,
          TimersProcessor,
          EntriesProcessor,
          SegmentsProcessor,
          MaintenanceProcessor,
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
        BullModule.forRoot({ connection: redisOptionsFromUrl(config.redisUrl), prefix: config.queuePrefix }),
        BullModule.registerQueue(...ALL_QUEUES.map((name) => ({ name }))),
      ],
      providers: [...providers, ...processors],
      exports: [ProjectChannels, IngestEvents, EnterUsersThroughApi, LaunchSegment, StepUsers, Sweep, EngineMetrics, CompiledJourneys, OutboxDispatcher, SendMessages, EXECUTION_CONFIG, BullModule],
    };
  }
}
