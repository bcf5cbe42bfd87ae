import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { AuditLogStore, type ProjectEntity } from '@engine/persistence';
import { DataSource } from 'typeorm';
import { Access } from '../auth/access.decorator';
import { CurrentProject } from '../auth/current-project.decorator';

export class AuditLogQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be an integer' })
  @Min(1)
  @Max(500)
  limit?: number;
}

export class AuditEntryDto {
  @ApiProperty() id!: string;
  @ApiProperty({ description: "The person's email, or the API key's name and prefix." }) actor!: string;
  @ApiProperty({ example: 'journey.published' }) action!: string;
  @ApiProperty() subject!: string;
  @ApiProperty() at!: Date;
}

@ApiTags('team')
@Controller('api/v1/audit-log')
export class AuditController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @Access('manage')
  @ApiOperation({ summary: 'Who changed what in the project, newest first (owners only)' })
  @ApiOkResponse({ type: [AuditEntryDto] })
  async list(@CurrentProject() project: ProjectEntity, @Query() query: AuditLogQueryDto): Promise<AuditEntryDto[]> {
    const entries = await AuditLogStore.list(this.dataSource.manager, project.id, query.limit ?? 100);
    return entries.map((entry) => ({ id: String(entry.id), actor: entry.actor, action: entry.action, subject: entry.subject, at: entry.at }));
  }
}
