import { BadRequestException, Injectable, type PipeTransform } from '@nestjs/common';
import { type Channel, CHANNELS } from '@engine/journey';

/** The `:channel` of a path: one of the engine's channels, or a 400 naming them. */
@Injectable()
export class ParseChannelPipe implements PipeTransform<string, Channel> {
  transform(value: string): Channel {
    if (!(CHANNELS as readonly string[]).includes(value)) throw new BadRequestException(`channel must be one of ${CHANNELS.join(', ')}`);
    return value as Channel;
  }
}
