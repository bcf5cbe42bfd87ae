import { Equals, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { OptionalTimeoutMs } from './optional-timeout-ms';

export class WebhookSettingsDto {
  @Equals('webhook')
  provider!: 'webhook';

  @OptionalTimeoutMs()
  timeoutMs?: number;

  @IsOptional()
  @IsString()
  @MinLength(16)
  @MaxLength(256)
  signingSecret?: string;
}
