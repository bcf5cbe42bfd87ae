// The user endpoints' bodies: aliases of the types generated from the API's OpenAPI document.
import { type ApiSchemas } from './api-schemas';

/** PUT /api/v1/users/:userId body: omitted fields keep their value. */
export type UserFields = ApiSchemas['UserFieldsDto'];
export type PushTokenPlatform = ApiSchemas['PushTokenDto']['platform'];

export type UserJourneyInstance = ApiSchemas['UserJourneyInstanceDto'];
export type InstanceStatus = UserJourneyInstance['status'];

export type UserMessage = ApiSchemas['UserMessageDto'];
export type MessageStatus = UserMessage['status'];

/** GET /api/v1/users/:userId. */
export type UserProfile = ApiSchemas['UserProfileDto'];

/** GET /api/v1/users/:userId/story. */
export type UserStory = ApiSchemas['UserStoryDto'];
export type StoryJourney = ApiSchemas['StoryJourneyDto'];
export type StoryStep = ApiSchemas['StoryStepDto'];
export type StorySend = ApiSchemas['StorySendDto'];
export type StoryEvent = ApiSchemas['StoryEventDto'];
export type StoryNode = ApiSchemas['StoryNodeDto'];

/** GET /api/v1/users. */
export type UserList = ApiSchemas['UserListDto'];
export type UserListItem = ApiSchemas['UserListItemDto'];
