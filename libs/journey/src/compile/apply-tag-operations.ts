import { type TagOperation } from '../format/journey-graph';
import { type TemplateScope, renderTemplate } from '../template/render-template';

/**
 * The tags after an `update.tags` node's operations, in order. `set` renders placeholder strings
 * (`{{event.text}}`) against `scope`; `increment` adds `value` (default 1) to a number, counting a
 * missing or non-numeric tag as 0; `remove` drops the tag. Returns a new object.
 */
export function applyTagOperations(
  tags: Record<string, unknown>,
  operations: readonly TagOperation[],
  scope: TemplateScope,
): Record<string, unknown> {
  let result: Record<string, unknown> = { ...tags };
  for (const operation of operations) {
    switch (operation.op) {
      case 'set':
        result = { ...result, [operation.tag]: setValue(operation.value, scope) };
        break;
      case 'increment': {
        const current = ownValue(result, operation.tag);
        result = { ...result, [operation.tag]: toNumber(current, 0) + toNumber(operation.value, 1) };
        break;
      }
      case 'remove':
        result = Object.fromEntries(Object.entries(result).filter(([tag]) => tag !== operation.tag));
        break;
    }
  }
  return result;
}

function setValue(value: TagOperation['value'], scope: TemplateScope): unknown {
  if (value === undefined) return null;
  return typeof value === 'string' && value.includes('{{') ? renderTemplate(value, scope) : value;
}

function toNumber(value: unknown, fallback: number): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return fallback;
}

function ownValue(record: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}
