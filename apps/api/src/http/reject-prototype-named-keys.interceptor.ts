import { BadRequestException, type CallHandler, type ExecutionContext, Injectable, type NestInterceptor, SetMetadata } from '@nestjs/common';
import { type Reflector } from '@nestjs/core';
import { type Request } from 'express';
import { type Observable } from 'rxjs';
import { prototypeNamedKeyProblems } from './prototype-named-keys';

const CHECKS_EACH_ITEM = 'checksPrototypeNamedKeysOfEachItem';

/**
 * Marks a handler whose body is a batch that reports bad items by index (POST /events): it checks
 * each item with prototypeNamedKeyProblems itself, so one hostile item does not sink its batch.
 */
export const ChecksPrototypeNamedKeysOfEachItem = (): MethodDecorator => SetMetadata(CHECKS_EACH_ITEM, true);

/**
 * The one safe step every JSON body passes before any pipe or handler: keys named __proto__,
 * constructor or prototype, at any depth, are answered 400 naming their path, instead of crashing
 * class-transformer (500) or being dropped without a word.
 */
@Injectable()
export class RejectPrototypeNamedKeysInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'http' && !this.reflector.get<boolean | undefined>(CHECKS_EACH_ITEM, context.getHandler())) {
      const problems = prototypeNamedKeyProblems(context.switchToHttp().getRequest<Request>().body as unknown);
      if (problems.length > 0) throw new BadRequestException(problems);
    }
    return next.handle();
  }
}
