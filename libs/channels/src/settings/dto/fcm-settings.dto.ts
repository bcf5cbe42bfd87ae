import { Equals } from 'class-validator';
import { FcmConfigDto } from './fcm-config.dto';

export class FcmSettingsDto extends FcmConfigDto {
  @Equals('fcm')
  provider!: 'fcm';
}
