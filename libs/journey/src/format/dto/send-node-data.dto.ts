import { IsArray, IsInt, IsString } from 'class-validator';
import {
  type SendEmailData,
  type SendPushData,
  type SendSmsData,
  type SendWebhookData,
  type SendWhatsAppData,
  type WhatsAppHeaderMedia,
  type WhatsAppHeaderMediaType,
  type WhatsAppQuickReply,
  type WhatsAppTemplateRef,
  WHATSAPP_HEADER_MEDIA_TYPES,
} from '../journey-graph';
import { IsHandleId } from './decorators/is-handle-id';
import { IsOneOf } from './decorators/is-one-of';
import { IsStringRecord } from './decorators/is-string-record';
import { NestedArray, NestedObject } from './decorators/nested-property';
import { IsOptionalProperty } from './decorators/optional-property';

// Emptiness of texts is a content rule (validate/rules/content-rules.ts), not a type error.

export class SendPushDataDto implements SendPushData {
  @IsString()
  title!: string;

  @IsString()
  body!: string;

  @IsOptionalProperty()
  @IsString()
  link?: string;

  @IsOptionalProperty()
  @IsString()
  imageUrl?: string;
}

export class SendEmailDataDto implements SendEmailData {
  @IsString()
  subject!: string;

  @IsString()
  html!: string;

  @IsOptionalProperty()
  @IsString()
  from?: string;

  @IsOptionalProperty()
  @IsString()
  fromName?: string;

  @IsOptionalProperty()
  @IsString()
  preheader?: string;
}

export class WhatsAppHeaderMediaDto implements WhatsAppHeaderMedia {
  @IsOneOf(WHATSAPP_HEADER_MEDIA_TYPES)
  type!: WhatsAppHeaderMediaType;

  @IsOptionalProperty()
  @IsString()
  link?: string;

  @IsOptionalProperty()
  @IsString()
  id?: string;

  @IsOptionalProperty()
  @IsString()
  filename?: string;
}

export class WhatsAppTemplateRefDto implements WhatsAppTemplateRef {
  @IsString()
  name!: string;

  @IsString()
  language!: string;

  @IsOptionalProperty()
  @IsArray()
  @IsString({ each: true })
  headerParameters?: string[];

  @IsOptionalProperty()
  @NestedObject(() => WhatsAppHeaderMediaDto)
  headerMedia?: WhatsAppHeaderMediaDto;

  @IsOptionalProperty()
  @IsArray()
  @IsString({ each: true })
  bodyParameters?: string[];

  @IsOptionalProperty()
  @IsArray()
  @IsString({ each: true })
  buttonPayloads?: string[];
}

export class WhatsAppQuickReplyDto implements WhatsAppQuickReply {
  /** Becomes part of the out-handle `reply:<id>`. */
  @IsHandleId()
  id!: string;

  @IsString()
  text!: string;
}

export class SendWhatsAppDataDto implements SendWhatsAppData {
  @IsOneOf(['template', 'text'])
  mode!: 'template' | 'text';

  @IsOptionalProperty()
  @NestedObject(() => WhatsAppTemplateRefDto)
  template?: WhatsAppTemplateRefDto;

  @IsOptionalProperty()
  @IsString()
  text?: string;

  @IsOptionalProperty()
  @NestedArray(() => WhatsAppQuickReplyDto)
  quickReplies?: WhatsAppQuickReplyDto[];

  @IsOptionalProperty()
  @IsString()
  replyWindow?: string;
}

export class SendSmsDataDto implements SendSmsData {
  @IsString()
  text!: string;
}

export class SendWebhookDataDto implements SendWebhookData {
  @IsString()
  url!: string;

  @IsOneOf(['POST', 'PUT', 'PATCH'])
  method!: 'POST' | 'PUT' | 'PATCH';

  @IsOptionalProperty()
  @IsStringRecord()
  headers?: Record<string, string>;

  @IsOptionalProperty()
  @IsString()
  body?: string;

  @IsOptionalProperty()
  @IsInt({ message: '$property must be a whole number' })
  timeoutMs?: number;
}
