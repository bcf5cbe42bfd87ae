import { Equals, IsOptional, IsString, IsUrl, Matches, MaxLength } from 'class-validator';
import { OptionalTimeoutMs } from './optional-timeout-ms';

export class HttpSmsSettingsDto {
  @Equals('http-sms')
  provider!: 'http-sms';

  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  url!: string;

  /** The whole Authorization header value. */
  @IsOptional()
  @IsString()
  @MaxLength(4096)
  @Matches(/^[^\r\n\0]+$/, { message: 'authHeader must be one line' })
  authHeader?: string;

  @IsOptional()
  @IsString()
  @MaxLength(32)
  from?: string;

  @OptionalTimeoutMs()
  timeoutMs?: number;
}
