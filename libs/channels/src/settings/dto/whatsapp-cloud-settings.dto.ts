import { Equals, IsOptional, IsString, IsUrl, Matches, MaxLength, MinLength } from 'class-validator';
import { OptionalTimeoutMs } from './optional-timeout-ms';

export class WhatsAppCloudSettingsDto {
  @Equals('whatsapp-cloud')
  provider!: 'whatsapp-cloud';

  /** The phone number id from WhatsApp Manager (digits), not the phone number. */
  @Matches(/^\d{5,30}$/, { message: 'phoneNumberId must be the numeric phone number id from WhatsApp Manager' })
  phoneNumberId!: string;

  /** The WhatsApp Business Account id (digits): template status webhooks name the account, not the number. */
  @IsOptional()
  @Matches(/^\d{5,30}$/, { message: 'businessAccountId must be the numeric WhatsApp Business Account id from WhatsApp Manager (digits only)' })
  businessAccountId?: string;

  @IsString()
  @MinLength(20)
  @MaxLength(1024)
  @Matches(/^\S+$/, { message: 'accessToken must not contain spaces' })
  accessToken!: string;

  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  graphBaseUrl?: string;

  @IsOptional()
  @Matches(/^v\d+\.\d+$/, { message: 'apiVersion must look like v21.0' })
  apiVersion?: string;

  @OptionalTimeoutMs()
  timeoutMs?: number;

  @IsOptional()
  @IsString()
  @MinLength(8)
  @MaxLength(256)
  appSecret?: string;

  @IsOptional()
  @IsString()
  @MinLength(8)
  @MaxLength(256)
  webhookVerifyToken?: string;
}
