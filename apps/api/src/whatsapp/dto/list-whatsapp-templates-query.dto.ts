import { WHATSAPP_TEMPLATE_STATUSES, type WhatsAppTemplateStatus } from '@engine/persistence';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { TEMPLATE_NAME, TEMPLATE_STATUS_MESSAGE } from './whatsapp-template-fields';

export class ListWhatsAppTemplatesQueryDto {
  @ApiPropertyOptional({ enum: WHATSAPP_TEMPLATE_STATUSES, description: 'Only templates in this status (the canvas asks for approved ones).' })
  @IsOptional()
  @IsIn(WHATSAPP_TEMPLATE_STATUSES, { message: TEMPLATE_STATUS_MESSAGE })
  status?: WhatsAppTemplateStatus;

  @ApiPropertyOptional({ description: 'Only the languages of this template name.', example: 'promo_offer' })
  @IsOptional()
  @Matches(TEMPLATE_NAME, { message: 'name must be lowercase letters, digits and underscores (e.g. promo_offer)' })
  name?: string;
}
