import { InitialSchema1764252000000 } from '../migrations/1764252000000-initial-schema';
import { ChannelSettings1764262800000 } from '../migrations/1764262800000-channel-settings';
import { ProjectEventNames1764273600000 } from '../migrations/1764273600000-project-event-names';
import { WhatsAppTemplateStatusWebhooks1764284400000 } from '../migrations/1764284400000-whatsapp-template-status-webhooks';
import { ThrottleWindows1764295200000 } from '../migrations/1764295200000-throttle-windows';
import { SendOutcomes1764306000000 } from '../migrations/1764306000000-send-outcomes';
import { MessageRetryingStatus1764320400000 } from '../migrations/1764320400000-message-retrying-status';
import { SweeperRuns1764327600000 } from '../migrations/1764327600000-sweeper-runs';
import { TeamAccess1764338400000 } from '../migrations/1764338400000-team-access';
import { Segments1764400000000 } from '../migrations/1764400000000-segments';
import { EventCatalogue1764400100000 } from '../migrations/1764400100000-event-catalogue';
import { AudienceTagsAndImports1764410000000 } from '../migrations/1764410000000-audience-tags-and-imports';
import { UserStory1764420000000 } from '../migrations/1764420000000-user-story';

/** Every migration in order. Add new ones at the end; never edit a released one. */
export const MIGRATIONS = [
  InitialSchema1764252000000,
  ChannelSettings1764262800000,
  ProjectEventNames1764273600000,
  WhatsAppTemplateStatusWebhooks1764284400000,
  ThrottleWindows1764295200000,
  SendOutcomes1764306000000,
  MessageRetryingStatus1764320400000,
  SweeperRuns1764327600000,
  TeamAccess1764338400000,
  Segments1764400000000,
  EventCatalogue1764400100000,
  AudienceTagsAndImports1764410000000,
  UserStory1764420000000,
];
