import { WHATSAPP_TEMPLATE_STATUSES, type WhatsAppTemplateStatus } from '@engine/persistence';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { TEMPLATE_STATUS_MESSAGE } from './whatsapp-template-fields';

export class UpdateWhatsAppTemplateStatusDto {
  @ApiProperty({ enum: WHATSAPP_TEMPLATE_STATUSES, example: 'approved', description: "Meta's review outcome." })
  @IsIn(WHATSAPP_TEMPLATE_STATUSES, { message: TEMPLATE_STATUS_MESSAGE })
  status!: WhatsAppTemplateStatus;
}
