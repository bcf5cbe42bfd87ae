import { type Condition } from './condition';
import { classifyCondition } from './condition-kind';

const MAX_DEPTH = 64;

/** The saved segments a condition refers to (`{ segment: id }`), each once, in order of appearance. */
export function collectSegmentReferences(condition: Condition | undefined): string[] {
  const found = new Set<string>();
  const visit = (part: unknown, depth: number): void => {
    if (part === undefined || depth > MAX_DEPTH) return;
    const classified = classifyCondition(part);
    switch (classified.kind) {
      case 'segment':
        found.add(classified.condition.segment);
        return;
      case 'and':
        return classified.condition.and.forEach((item) => visit(item, depth + 1));
      case 'or':
        return classified.condition.or.forEach((item) => visit(item, depth + 1));
      case 'not':
        return visit(classified.condition.not, depth + 1);
      case 'history':
        return visit(classified.condition.history.where, depth + 1);
      case 'field':
      case 'invalid':
        return;
    }
  };
  visit(condition, 0);
  return [...found];
}
