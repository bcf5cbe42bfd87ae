import { BadRequestException, type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { type Request } from 'express';
import { type Observable } from 'rxjs';

/** Far deeper than any real body (a journey graph is limited to 100 levels), far shallower than the stack. */
export const MAX_BODY_DEPTH = 200;

/**
 * Refuses bodies nested deeper than MAX_BODY_DEPTH before the ValidationPipe runs: class-transformer
 * copies bodies recursively and would overflow the stack (a 500) on a 1 MiB `[[[[...]]]]`.
 * Interceptors run before pipes, so this sees the body first.
 */
@Injectable()
export class RejectDeepJsonInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const body = context.switchToHttp().getRequest<Request>().body as unknown;
    if (nestedDeeperThan(body, MAX_BODY_DEPTH)) {
      throw new BadRequestException(`The request body is nested more than ${MAX_BODY_DEPTH} levels deep`);
    }
    return next.handle();
  }
}

/** Iterative, so the check itself cannot overflow. */
function nestedDeeperThan(value: unknown, limit: number): boolean {
  const pending: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (pending.length > 0) {
    const current = pending.pop()!;
    if (typeof current.value !== 'object' || current.value === null) continue;
    if (current.depth >= limit) return true;
    for (const item of Object.values(current.value)) {
      if (typeof item === 'object' && item !== null) pending.push({ value: item, depth: current.depth + 1 });
    }
  }
  return false;
}
