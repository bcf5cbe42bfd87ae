import { type ChannelOptIns, INSTANCE_STATUSES, type InstanceStatus, MESSAGE_STATUSES, type MessageStatus } from '@engine/persistence';
import { ApiProperty } from '@nestjs/swagger';

export class StoredPushTokenDto {
  @ApiProperty()
  token!: string;

  @ApiProperty({ enum: ['web', 'android', 'ios'] })
  platform!: 'web' | 'android' | 'ios';

  @ApiProperty({ description: 'When the token was first stored.' })
  addedAt!: string;
}

export class ChannelOptInsDto implements ChannelOptIns {
  @ApiProperty()
  push!: boolean;

  @ApiProperty()
  email!: boolean;

  @ApiProperty()
  whatsapp!: boolean;

  @ApiProperty()
  sms!: boolean;
}

export class UserDto {
  @ApiProperty({ example: 'user-42' })
  userId!: string;

  @ApiProperty({ type: 'object', additionalProperties: true })
  tags!: Record<string, unknown>;

  @ApiProperty({ type: String, nullable: true })
  email!: string | null;

  @ApiProperty({ type: String, nullable: true })
  phone!: string | null;

  @ApiProperty({ type: String, nullable: true })
  timeZone!: string | null;

  @ApiProperty({ type: String, nullable: true })
  language!: string | null;

  @ApiProperty({ type: ChannelOptInsDto })
  optIns!: ChannelOptInsDto;

  @ApiProperty({ type: [StoredPushTokenDto] })
  pushTokens!: StoredPushTokenDto[];

  @ApiProperty({ type: String, nullable: true, description: 'Last inbound WhatsApp message (opens the 24-hour window).' })
  lastInboundWhatsAppAt!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'DE', description: 'Default tag user.country: ISO 3166 alpha-2 of the phone number.' })
  country!: string | null;

  @ApiProperty({ type: String, nullable: true, description: "Default tag user.lastSeenAt: when the user's latest event was received (to the minute)." })
  lastSeenAt!: string | null;

  @ApiProperty({ type: ChannelOptInsDto, description: 'Default tags user.reachable.<channel>: an address or token and the opt-in.' })
  reachable!: ChannelOptInsDto;

  @ApiProperty()
  createdAt!: string;

  @ApiProperty()
  updatedAt!: string;
}

export class UserJourneyInstanceDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  journeyId!: string;

  @ApiProperty()
  journeyName!: string;

  @ApiProperty()
  version!: number;

  @ApiProperty({ enum: INSTANCE_STATUSES })
  status!: InstanceStatus;

  @ApiProperty()
  currentNodeId!: string;

  @ApiProperty()
  enteredAt!: string;

  @ApiProperty({ type: String, nullable: true })
  endedAt!: string | null;
}

export class MessageStatusChangeDto {
  @ApiProperty({ enum: MESSAGE_STATUSES })
  status!: MessageStatus;

  @ApiProperty()
  at!: string;

  @ApiProperty({ required: false })
  detail?: string;
}

export class UserMessageDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'whatsapp' })
  channel!: string;

  @ApiProperty({ type: String, nullable: true, format: 'uuid' })
  journeyId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  nodeId!: string | null;

  @ApiProperty({ enum: MESSAGE_STATUSES })
  status!: MessageStatus;

  @ApiProperty({ type: [MessageStatusChangeDto] })
  statusHistory!: MessageStatusChangeDto[];

  @ApiProperty()
  createdAt!: string;
}

export class MessageCountsDto {
  @ApiProperty({ description: 'Messages that went out to the user (sent, then delivered, read, opened or clicked).' })
  received!: number;

  @ApiProperty({ description: 'Of those, opened or clicked.' })
  opened!: number;
}

export class UserProfileDto extends UserDto {
  @ApiProperty({ type: MessageCountsDto, description: 'Default tags: messages received and opened, counted from the messages.' })
  messageCounts!: MessageCountsDto;

  @ApiProperty({ type: [UserJourneyInstanceDto], description: 'The latest 100 journey instances, newest first.' })
  journeys!: UserJourneyInstanceDto[];

  @ApiProperty({ type: [UserMessageDto], description: 'The latest 100 messages, newest first.' })
  messages!: UserMessageDto[];
}

export class RejectedUserDto {
  @ApiProperty({ description: 'Position of the user in the batch.', example: 3 })
  index!: number;

  @ApiProperty({ type: [String], example: ['users[3].phone must be an E.164 number such as +4915112345678 (or null to remove it)'] })
  errors!: string[];
}

export class BatchUpsertResultDto {
  @ApiProperty({ description: 'Distinct users written (entries naming the same user count once).' })
  upserted!: number;

  @ApiProperty({ type: [RejectedUserDto], description: 'Users of the batch left out, by index, with what is wrong; the others were stored.' })
  rejected!: RejectedUserDto[];
}
