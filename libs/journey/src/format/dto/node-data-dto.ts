import { type NodeType } from '../node-types';
import {
  BranchConditionDataDto,
  BranchEngagementDataDto,
  BranchReachabilityDataDto,
  BranchSplitDataDto,
} from './branch-node-data.dto';
import { EntryEventDataDto, EntrySegmentDataDto } from './entry-node-data.dto';
import {
  UpdateTagsDataDto,
  WaitDelayAnyModeDataDto,
  WaitDelayDateDataDto,
  WaitDelayDurationDataDto,
  WaitDelayTimeOfDayDataDto,
  WaitEventDataDto,
} from './flow-node-data.dto';
import {
  SendEmailDataDto,
  SendPushDataDto,
  SendSmsDataDto,
  SendWebhookDataDto,
  SendWhatsAppDataDto,
} from './send-node-data.dto';

export type NodeDataDtoClass = new () => object;

/**
 * The DTO class that validates the `data` of a node of `type`; `wait.delay` depends on its `mode`.
 * Undefined for types whose data has no fields (`entry.api`, `exit`): there, every property is
 * unknown (class-validator cannot whitelist a class without decorated properties).
 */
export function nodeDataDtoClass(type: NodeType, data: Record<string, unknown>): NodeDataDtoClass | undefined {
  switch (type) {
    case 'entry.event':
      return EntryEventDataDto;
    case 'entry.segment':
      return EntrySegmentDataDto;
    case 'entry.api':
    case 'exit':
      return undefined;
    case 'send.push':
      return SendPushDataDto;
    case 'send.email':
      return SendEmailDataDto;
    case 'send.whatsapp':
      return SendWhatsAppDataDto;
    case 'send.sms':
      return SendSmsDataDto;
    case 'send.webhook':
      return SendWebhookDataDto;
    case 'update.tags':
      return UpdateTagsDataDto;
    case 'wait.delay':
      return waitDelayDtoClass(data.mode);
    case 'wait.event':
      return WaitEventDataDto;
    case 'branch.engagement':
      return BranchEngagementDataDto;
    case 'branch.condition':
      return BranchConditionDataDto;
    case 'branch.split':
      return BranchSplitDataDto;
    case 'branch.reachability':
      return BranchReachabilityDataDto;
  }
}

function waitDelayDtoClass(mode: unknown): NodeDataDtoClass {
  switch (mode) {
    case 'duration':
      return WaitDelayDurationDataDto;
    case 'timeOfDay':
      return WaitDelayTimeOfDayDataDto;
    case 'date':
      return WaitDelayDateDataDto;
    default:
      return WaitDelayAnyModeDataDto;
  }
}
