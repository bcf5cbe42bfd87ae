import { WHATSAPP_TEMPLATE_CATEGORIES, WHATSAPP_TEMPLATE_STATUSES, type WhatsAppTemplateCategory, type WhatsAppTemplateStatus } from '@engine/persistence';
import { ApiProperty } from '@nestjs/swagger';
import { type WhatsAppTemplateComponent } from '../whatsapp-template-components';

export class WhatsAppTemplateDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'promo_offer' })
  name!: string;

  @ApiProperty({ example: 'en' })
  language!: string;

  @ApiProperty({ enum: WHATSAPP_TEMPLATE_CATEGORIES })
  category!: WhatsAppTemplateCategory;

  @ApiProperty({ enum: WHATSAPP_TEMPLATE_STATUSES, description: "Meta's verdict, kept up to date by the template status webhook; only approved templates can be published." })
  status!: WhatsAppTemplateStatus;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'INVALID_FORMAT — Variable parameters are missing or have mismatched curly braces.',
    description: "Meta's reason for a rejection, pause or disable, as its webhook gave it; null when the status was set by hand.",
  })
  statusReason!: string | null;

  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true }, description: 'Component types, formats and button types in upper case.' })
  components!: WhatsAppTemplateComponent[];

  @ApiProperty()
  createdAt!: string;

  @ApiProperty()
  updatedAt!: string;
}
