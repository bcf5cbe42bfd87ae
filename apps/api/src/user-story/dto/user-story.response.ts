import { CHANNELS, type Channel, type StepEntryKind } from '@engine/journey';
import { MESSAGE_STATUSES, type MessageStatus } from '@engine/persistence';
import { type NotSentCause, type SendState } from '@engine/execution';
import { ApiProperty, OmitType } from '@nestjs/swagger';
import { MessageStatusChangeDto, UserDto, UserJourneyInstanceDto } from '../../users/dto/user.response';

export const STEP_KINDS: readonly StepEntryKind[] = [
  'entered', 'event', 'reached', 'waiting', 'send-asked', 'send-outcome', 'send-cancelled', 'tags-updated', 'tag-refused', 'goal', 'exited', 'stopped',
];
export const SEND_STATES: readonly SendState[] = ['held', 'queued', 'sending', 'retrying', 'unknown', 'sent', 'suppressed', 'failed', 'cancelled'];
export const NOT_SENT_CAUSES: readonly NotSentCause[] = [
  'silent-hours', 'throttle', 'frequency-cap', 'opted-out', 'no-address', 'whatsapp-window', 'provider-error', 'journey-ended', 'other',
];

export class ChannelReachabilityDto {
  @ApiProperty({ enum: ['push', 'email', 'whatsapp', 'sms'] })
  channel!: 'push' | 'email' | 'whatsapp' | 'sms';

  @ApiProperty({ description: 'Whether a message on this channel can reach the user (opted in and an address).' })
  reachable!: boolean;

  @ApiProperty({ required: false, example: 'the user opted out of email' })
  reason?: string;
}

export class StoryEventDto {
  @ApiProperty()
  id!: string;

  @ApiProperty({ example: 'Purchase' })
  name!: string;

  @ApiProperty({ type: 'object', additionalProperties: true })
  attributes!: Record<string, unknown>;

  @ApiProperty()
  occurredAt!: string;
}

/** One step log entry; which fields are set depends on `kind`. */
export class StoryStepDto {
  @ApiProperty({ enum: STEP_KINDS })
  kind!: StepEntryKind;

  @ApiProperty()
  at!: string;

  @ApiProperty({ required: false, description: 'The node it happened at.' })
  node?: string;

  @ApiProperty({ required: false, description: '`reached`: the node the user came from.' })
  from?: string;

  @ApiProperty({ required: false, description: '`reached`: the out-handle taken (yes, no, timeout, reply:…); absent for next.' })
  via?: string;

  @ApiProperty({ required: false, description: '`waiting`: until when.' })
  until?: string;

  @ApiProperty({ required: false, enum: CHANNELS })
  channel?: Channel;

  @ApiProperty({ required: false })
  visit?: number;

  @ApiProperty({ required: false, description: '`send-asked`: silent hours hold the message until then.' })
  heldUntil?: string;

  @ApiProperty({ required: false, enum: ['sent', 'not_sent'] })
  outcome?: 'sent' | 'not_sent';

  @ApiProperty({ required: false })
  reason?: string;

  @ApiProperty({ required: false, type: [String], description: '`tags-updated`: the tags written.' })
  tags?: string[];

  @ApiProperty({ required: false, description: '`tag-refused`: the tag whose write was refused.' })
  tag?: string;

  @ApiProperty({ required: false, description: '`goal`: the conversion goal id.' })
  goal?: string;

  @ApiProperty({ required: false, description: '`event`, `entered`: the event name.' })
  event?: string;
}

/** A send a step asked for, and its message once claimed. */
export class StorySendDto {
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'Null while no message exists yet (held, queued, cancelled).' })
  messageId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  nodeId!: string | null;

  @ApiProperty({ enum: CHANNELS })
  channel!: Channel;

  @ApiProperty({ description: 'When the step asked for it (or the message was created).' })
  askedAt!: string;

  @ApiProperty({ enum: MESSAGE_STATUSES, nullable: true })
  status!: MessageStatus | null;

  @ApiProperty({ type: [MessageStatusChangeDto] })
  statusHistory!: MessageStatusChangeDto[];

  @ApiProperty({ enum: SEND_STATES })
  state!: SendState;

  @ApiProperty({ required: false, enum: NOT_SENT_CAUSES })
  cause?: NotSentCause;

  @ApiProperty({ required: false, description: 'Why it was not (yet) sent, in words.', example: "Held for silent hours until 21:00 in the user's time zone (Europe/Paris)." })
  reason?: string;
}

export class StoryNodeDto {
  @ApiProperty()
  id!: string;

  @ApiProperty({ example: 'send.email' })
  type!: string;

  @ApiProperty({ required: false })
  label?: string;
}

/** A journey instance as the user's profile lists it (its id named `instanceId`), with its story. */
export class StoryJourneyDto extends OmitType(UserJourneyInstanceDto, ['id'] as const) {
  @ApiProperty({ format: 'uuid' })
  instanceId!: string;

  @ApiProperty({ type: [StoryNodeDto], description: "The version's nodes, to name the steps." })
  nodes!: StoryNodeDto[];

  @ApiProperty({ type: [StoryStepDto], description: 'The step log, oldest first.' })
  steps!: StoryStepDto[];

  @ApiProperty({ description: 'Older step entries dropped to keep the log bounded.' })
  stepsDropped!: number;

  @ApiProperty({ type: [StorySendDto], description: 'Its sends, in the order asked for.' })
  sends!: StorySendDto[];
}

export class UserStoryDto {
  @ApiProperty({ type: UserDto })
  user!: UserDto;

  @ApiProperty({ type: [ChannelReachabilityDto] })
  reachability!: ChannelReachabilityDto[];

  @ApiProperty({ type: [StoryEventDto], description: 'The latest events, newest first.' })
  events!: StoryEventDto[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as eventsCursor for older events; null when there are none.' })
  eventsNextCursor!: string | null;

  @ApiProperty({ type: [StoryJourneyDto], description: 'The latest journey instances, newest first.' })
  journeys!: StoryJourneyDto[];

  @ApiProperty({ type: [StorySendDto], description: 'Messages outside journeys (the send API, broadcasts), newest first.' })
  messages!: StorySendDto[];
}
