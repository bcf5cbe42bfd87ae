// @Type reads the design:type metadata, which needs the Reflect API polyfill.
import 'reflect-metadata';
import { Type } from 'class-transformer';
import { Equals, IsObject, IsOptional, ValidateIf, ValidateNested } from 'class-validator';
import { FcmConfigDto } from './fcm-config.dto';
import { WebPushConfigDto } from './web-push-config.dto';

export class PushSettingsDto {
  @Equals('push')
  provider!: 'push';

  // Optional each, but one of the two is required: checked as an object when the other is absent.
  @ValidateIf((settings: PushSettingsDto) => settings.webpush !== undefined || settings.fcm === undefined)
  @IsObject({ message: 'webpush or fcm (or both) must be configured' })
  @ValidateNested()
  @Type(() => WebPushConfigDto)
  webpush?: WebPushConfigDto;

  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => FcmConfigDto)
  fcm?: FcmConfigDto;
}
