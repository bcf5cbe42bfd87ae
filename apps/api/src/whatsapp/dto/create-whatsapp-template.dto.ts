import { whatsAppLanguageCode } from '@engine/journey';
import { WHATSAPP_TEMPLATE_CATEGORIES, WHATSAPP_TEMPLATE_STATUSES, type WhatsAppTemplateCategory, type WhatsAppTemplateStatus } from '@engine/persistence';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, Matches, Validate, type ValidationArguments, ValidatorConstraint, type ValidatorConstraintInterface } from 'class-validator';
import { StorableJsonRule } from '../../http/storable-json.rules';
import { whatsAppTemplateComponentProblems } from '../whatsapp-template-components';
import { TEMPLATE_LANGUAGE, TEMPLATE_NAME, TEMPLATE_STATUS_MESSAGE } from './whatsapp-template-fields';

@ValidatorConstraint({ name: 'whatsAppTemplateComponents' })
class WhatsAppTemplateComponentsRule implements ValidatorConstraintInterface {
  validate(components: unknown): boolean {
    return whatsAppTemplateComponentProblems(components).length === 0;
  }
  defaultMessage(args: ValidationArguments): string {
    return whatsAppTemplateComponentProblems(args.value).join('; ');
  }
}

export class CreateWhatsAppTemplateDto {
  @ApiProperty({ example: 'promo_offer', description: 'The name registered with Meta: lowercase letters, digits and underscores.' })
  @Matches(TEMPLATE_NAME, { message: 'name must be lowercase letters, digits and underscores (e.g. promo_offer), at most 512 characters' })
  name!: string;

  @ApiProperty({ example: 'en', description: "Meta's language code: en, en_US, pt_BR... (en-US is taken as en_US, as Meta's webhooks write it)" })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? whatsAppLanguageCode(value) : value))
  @Matches(TEMPLATE_LANGUAGE, { message: 'language must be a WhatsApp language code such as en, en_US or pt_BR' })
  language!: string;

  @ApiProperty({ enum: WHATSAPP_TEMPLATE_CATEGORIES })
  @IsIn(WHATSAPP_TEMPLATE_CATEGORIES, { message: `category must be one of ${WHATSAPP_TEMPLATE_CATEGORIES.join(', ')}` })
  category!: WhatsAppTemplateCategory;

  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description: "Meta's component list: one BODY, optionally a HEADER, a FOOTER and BUTTONS. Placeholders are {{1}}, {{2}}...",
    example: [
      { type: 'HEADER', format: 'TEXT', text: 'Your promo is here' },
      { type: 'BODY', text: 'Hi {{1}}, here is 20% off today.', example: { body_text: [['Anna']] } },
      { type: 'FOOTER', text: 'Reply STOP to opt out' },
      { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Shop now', url: 'https://shop.example.com/promo' }] },
    ],
  })
  @Validate(WhatsAppTemplateComponentsRule)
  @Validate(StorableJsonRule)
  components!: Array<Record<string, unknown>>;

  @ApiPropertyOptional({ enum: WHATSAPP_TEMPLATE_STATUSES, default: 'pending', description: 'Meta review status; only approved templates can be published in journeys.' })
  @IsOptional()
  @IsIn(WHATSAPP_TEMPLATE_STATUSES, { message: TEMPLATE_STATUS_MESSAGE })
  status?: WhatsAppTemplateStatus;
}
