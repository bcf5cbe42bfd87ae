import { Equals, IsEmail, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { OptionalTimeoutMs } from './optional-timeout-ms';

export class SmtpSettingsDto {
  @Equals('smtp')
  provider!: 'smtp';

  @IsString()
  @MaxLength(2048)
  @Matches(/^smtps?:\/\/[^\s/]+/, { message: 'smtpUrl must look like smtp://user:pass@host:587 or smtps://user:pass@host:465' })
  smtpUrl!: string;

  /** `Name <address>` or an address. */
  @IsString()
  @MaxLength(320)
  @Matches(/^(?:[^<>\r\n]*<[^<>\s@]+@[^<>\s@]+\.[^<>\s@]+>|[^<>\s@]+@[^<>\s@]+\.[^<>\s@]+)$/, { message: 'from must be an address or "Name <address>"' })
  from!: string;

  @IsOptional()
  @IsEmail()
  replyTo?: string;

  @IsOptional()
  @IsEmail()
  unsubscribeMailto?: string;

  @OptionalTimeoutMs()
  timeoutMs?: number;
}
