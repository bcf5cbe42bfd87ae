import { BadRequestException, Injectable, ParseUUIDPipe } from '@nestjs/common';

/** Template ids in paths are UUIDs; anything else is a 400 naming the parameter. */
@Injectable()
export class ParseTemplateIdPipe extends ParseUUIDPipe {
  constructor() {
    super({ exceptionFactory: () => new BadRequestException('id must be a UUID (the template id)') });
  }
}
