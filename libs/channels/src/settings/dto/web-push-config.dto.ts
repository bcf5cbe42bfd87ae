import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { OptionalTimeoutMs } from './optional-timeout-ms';

/** VAPID keys are URL-safe base64: a 65-byte public point (87 characters) and a 32-byte private key (43). */
export class WebPushConfigDto {
  @Matches(/^[A-Za-z0-9_-]{87}$/, { message: 'vapidPublicKey must be a URL-safe base64 P-256 public key (87 characters)' })
  vapidPublicKey!: string;

  @Matches(/^[A-Za-z0-9_-]{43}$/, { message: 'vapidPrivateKey must be a URL-safe base64 P-256 private key (43 characters)' })
  vapidPrivateKey!: string;

  @Matches(/^(mailto:\S+@\S+|https:\/\/\S+)$/, { message: 'subject must be a mailto: or https: contact' })
  subject!: string;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(2_419_200)
  ttlSeconds?: number;

  @IsOptional()
  @IsIn(['very-low', 'low', 'normal', 'high'])
  urgency?: 'very-low' | 'low' | 'normal' | 'high';

  @OptionalTimeoutMs()
  timeoutMs?: number;
}
