import { Module } from '@nestjs/common';
import { UserImportRunner } from './run-user-import';
import { UserImportsController } from './user-imports.controller';
import { UserImportsService } from './user-imports.service';

/** Importing users from CSV and NDJSON files: upload, progress, rejected rows. */
@Module({
  controllers: [UserImportsController],
  providers: [UserImportsService, UserImportRunner],
})
export class UserImportsModule {}
