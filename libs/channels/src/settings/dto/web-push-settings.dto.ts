import { Equals } from 'class-validator';
import { WebPushConfigDto } from './web-push-config.dto';

export class WebPushSettingsDto extends WebPushConfigDto {
  @Equals('webpush')
  provider!: 'webpush';
}
