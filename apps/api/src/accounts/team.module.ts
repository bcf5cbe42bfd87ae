import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuditController } from '../audit/audit.controller';
import { AuditService } from '../audit/audit.service';
import { AccessGuard } from '../auth/access.guard';
import { CLOCK } from '../auth/clock';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ProjectsController } from '../projects/projects.controller';
import { ProjectsService } from '../projects/projects.service';
import { AccountsService } from './accounts.service';
import { AuthController } from './auth.controller';
import { MembersController } from './members.controller';
import { MembersService } from './members.service';

/** People and access: sign-in, sessions, projects, members, API keys, the audit log, and the guard every route passes. */
@Global()
@Module({
  controllers: [AuthController, ProjectsController, MembersController, AuditController],
  providers: [
    { provide: CLOCK, inject: [APP_CONFIG], useFactory: (config: AppConfig) => config.clock ?? (() => new Date()) },
    { provide: APP_GUARD, useClass: AccessGuard },
    AccountsService,
    MembersService,
    ProjectsService,
    AuditService,
  ],
  exports: [CLOCK, AuditService, AccountsService],
})
export class TeamModule {}
