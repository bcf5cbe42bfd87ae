import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ExecutionModule } from '@engine/execution';
import { dataSourceOptions } from '@engine/persistence';
import { type WorkerConfig } from './worker-config';

@Module({})
export class WorkerModule {
  static register(config: WorkerConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [TypeOrmModule.forRoot(dataSourceOptions(config.databaseUrl)), ExecutionModule.register(config.execution)],
    };
  }
}
