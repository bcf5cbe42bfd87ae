import { USER_IMPORT_FORMATS, USER_IMPORT_STATUSES, type UserImportFormat, type UserImportStatus } from '@engine/persistence';
import { ApiProperty } from '@nestjs/swagger';

export class UserImportDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: USER_IMPORT_STATUSES, description: 'running, then done; failed when the file stopped being readable (error says at which line) or the server stopped.' })
  status!: UserImportStatus;

  @ApiProperty({ enum: USER_IMPORT_FORMATS })
  format!: UserImportFormat;

  @ApiProperty({ type: String, nullable: true, example: 'DE', description: 'Country of phone numbers written without +.' })
  defaultCountry!: string | null;

  @ApiProperty({ description: 'Rows written (a user named by several rows counts each row).' })
  rowsImported!: number;

  @ApiProperty({ description: 'Rows left out; each is in the rejected-rows report with its line and reason.' })
  rowsRejected!: number;

  @ApiProperty({ description: 'Rows read so far: imported plus rejected.' })
  rowsDone!: number;

  @ApiProperty({ description: 'Rows read per second since the upload was received.' })
  rowsPerSecond!: number;

  @ApiProperty({ type: String, nullable: true, description: 'Why the import stopped, with the line.' })
  error!: string | null;

  @ApiProperty()
  createdAt!: string;

  @ApiProperty({ type: String, nullable: true })
  finishedAt!: string | null;

  @ApiProperty({ example: '/api/v1/users/imports/4f1c.../rejected.csv' })
  rejectedReportUrl!: string;
}
