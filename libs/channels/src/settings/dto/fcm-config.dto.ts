// @Type reads the design:type metadata, which needs the Reflect API polyfill.
import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsObject, IsOptional, IsUrl, ValidateNested } from 'class-validator';
import { GoogleServiceAccountDto } from './google-service-account.dto';
import { OptionalTimeoutMs } from './optional-timeout-ms';

export class FcmConfigDto {
  @IsObject()
  @ValidateNested()
  @Type(() => GoogleServiceAccountDto)
  serviceAccount!: GoogleServiceAccountDto;

  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  fcmBaseUrl?: string;

  @OptionalTimeoutMs()
  timeoutMs?: number;
}
