import { BadRequestException, Injectable, ParseUUIDPipe, type PipeTransform } from '@nestjs/common';

/** Journey ids in paths are UUIDs; anything else is a 400 naming the parameter, never a database error. */
@Injectable()
export class ParseJourneyIdPipe extends ParseUUIDPipe {
  constructor() {
    super({ exceptionFactory: () => new BadRequestException('id must be a UUID (the journey id)') });
  }
}

const MAX_INT4 = 2_147_483_647;

/** Version numbers are positive integers that fit the `int` column. */
@Injectable()
export class ParseVersionNumberPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    const version = /^\d{1,10}$/.test(value) ? Number(value) : NaN;
    if (!Number.isInteger(version) || version < 1 || version > MAX_INT4) {
      throw new BadRequestException('version must be a positive integer (a version number such as 1)');
    }
    return version;
  }
}
