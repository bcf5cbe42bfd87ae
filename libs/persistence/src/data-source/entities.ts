import { ProjectEventAttributeEntity, ProjectEventCountEntity } from '../entities/project-event-attribute.entity';
import { SegmentEntity } from '../entities/segment.entity';
import { AccountEntity } from '../entities/account.entity';
import { SessionEntity } from '../entities/session.entity';
import { OneTimeLinkEntity } from '../entities/one-time-link.entity';
import { LoginAttemptEntity } from '../entities/login-attempt.entity';
import { ProjectMemberEntity } from '../entities/project-member.entity';
import { InvitationEntity } from '../entities/invitation.entity';
import { ApiKeyEntity } from '../entities/api-key.entity';
import { AuditEntryEntity } from '../entities/audit-entry.entity';
import { AppUserEntity } from '../entities/app-user.entity';
import { ChannelSettingEntity } from '../entities/channel-setting.entity';
import { ConversionEntity } from '../entities/conversion.entity';
import { EventEntity } from '../entities/event.entity';
import { JourneyInstanceEntity } from '../entities/journey-instance.entity';
import { JourneyVersionEntity } from '../entities/journey-version.entity';
import { JourneyEntity } from '../entities/journey.entity';
import { MessageEntity } from '../entities/message.entity';
import { NodeCounterEntity } from '../entities/node-counter.entity';
import { OutboxEntryEntity } from '../entities/outbox-entry.entity';
import { ProjectEventNameEntity } from '../entities/project-event-name.entity';
import { ProjectEntity } from '../entities/project.entity';
import { SendOutcomeEntity } from '../entities/send-outcome.entity';
import { SweeperRunEntity } from '../entities/sweeper-run.entity';
import { ThrottleWindowEntity } from '../entities/throttle-window.entity';
import { WhatsAppTemplateEntity } from '../entities/whatsapp-template.entity';
import { TagDefinitionEntity } from '../entities/tag-definition.entity';
import { UserImportEntity, UserImportRejectionEntity } from '../entities/user-import.entity';

export const ENTITIES = [
  ProjectEntity,
  AppUserEntity,
  EventEntity,
  JourneyEntity,
  JourneyVersionEntity,
  JourneyInstanceEntity,
  OutboxEntryEntity,
  MessageEntity,
  WhatsAppTemplateEntity,
  NodeCounterEntity,
  ConversionEntity,
  ChannelSettingEntity,
  ProjectEventNameEntity,
  ThrottleWindowEntity,
  SendOutcomeEntity,
  SweeperRunEntity,
  AccountEntity,
  SessionEntity,
  OneTimeLinkEntity,
  LoginAttemptEntity,
  ProjectMemberEntity,
  InvitationEntity,
  ApiKeyEntity,
  AuditEntryEntity,
  TagDefinitionEntity,
  UserImportEntity,
  UserImportRejectionEntity,
  SegmentEntity,
  ProjectEventAttributeEntity,
  ProjectEventCountEntity,
];
