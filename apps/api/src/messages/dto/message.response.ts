import { type Channel, CHANNELS } from '@engine/journey';
import { MESSAGE_STATUSES, type MessageStatus } from '@engine/persistence';
import { ApiProperty } from '@nestjs/swagger';
import { MessageStatusChangeDto } from '../../users/dto/user.response';

export class MessageDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ description: 'When the message was created (claimed for sending).' })
  createdAt!: string;

  @ApiProperty({ enum: CHANNELS })
  channel!: Channel;

  @ApiProperty({ example: 'sandbox', description: 'The provider that took it: `sandbox` records without sending.' })
  provider!: string;

  @ApiProperty({ enum: MESSAGE_STATUSES })
  status!: MessageStatus;

  @ApiProperty({ type: [MessageStatusChangeDto] })
  statusHistory!: MessageStatusChangeDto[];

  @ApiProperty({ example: 'user-42', description: "The customer's id of the recipient." })
  userId!: string;

  @ApiProperty({ type: String, nullable: true, format: 'uuid' })
  journeyId!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Welcome' })
  journeyName!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'push' })
  nodeId!: string | null;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'What was sent, placeholders filled (title/body, subject/html, template...).' })
  content!: Record<string, unknown>;

  @ApiProperty({ type: String, nullable: true, description: 'Why it was not sent or failed.' })
  error!: string | null;

  @ApiProperty({ type: String, nullable: true, description: "The provider's id (e.g. WhatsApp's wamid)." })
  providerMessageId!: string | null;
}

export class MessagePageDto {
  @ApiProperty({ type: [MessageDto], description: 'Newest first.' })
  messages!: MessageDto[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as `before` for the next (older) page; null on the last page.' })
  nextBefore!: string | null;
}
