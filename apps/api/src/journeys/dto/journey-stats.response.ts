import { ApiProperty } from '@nestjs/swagger';

export class JourneyNodeStatsDto {
  @ApiProperty()
  nodeId!: string;

  @ApiProperty({ type: String, nullable: true, example: 'send.push', description: 'From the draft, else from the live version; null for nodes only older versions had.' })
  type!: string | null;

  @ApiProperty({ description: 'Active instances at this node now.' })
  now!: number;

  @ApiProperty({ description: 'Times users entered this node, over all versions.' })
  entered!: number;

  @ApiProperty({ description: 'Messages this node created, except suppressed ones (queued and failed included).' })
  sent!: number;

  @ApiProperty({ description: 'Messages that reached delivered, read, opened or clicked.' })
  delivered!: number;

  @ApiProperty({ description: 'Messages that reached read (WhatsApp), opened or clicked (a click implies an open).' })
  opened!: number;

  @ApiProperty({ description: 'Messages that reached clicked.' })
  clicked!: number;

  @ApiProperty({ description: 'Messages that failed (at any point).' })
  failed!: number;

  @ApiProperty({
    description:
      "Messages whose send was cut off before the provider's answer was recorded (a worker killed mid-send): not sent again, counted apart from failures until a status from the provider settles them.",
  })
  unknown!: number;

  @ApiProperty({ description: 'Messages not sent on purpose (opt-out, frequency cap, unreachable user).' })
  suppressed!: number;

  @ApiProperty({ description: 'Conversions of users who were at this node when they converted.' })
  conversions!: number;

  @ApiProperty({ description: 'Users held at this send node until its message goes out (or is finally not sent); the next three say why.' })
  waitingToSend!: number;

  @ApiProperty({ description: 'Of those, messages held until the journey\'s silent hours end.' })
  waitingForSilentHours!: number;

  @ApiProperty({ description: 'Of those, messages being retried after a provider error.' })
  waitingForRetry!: number;

  @ApiProperty({ description: 'Of those, messages queued for a worker, a journey throttle or the channel\'s rate limit.' })
  waitingInQueue!: number;
}

export class JourneyStatsTotalsDto {
  @ApiProperty({ description: 'Instances ever started (users who entered, counted once per entry).' })
  entered!: number;

  @ApiProperty({ description: 'Instances in the journey now.' })
  active!: number;

  @ApiProperty({ description: 'Instances that reached an exit.' })
  completed!: number;

  @ApiProperty({ description: 'Instances ended by a conversion goal that ends the journey.' })
  converted!: number;

  @ApiProperty({ description: 'Instances stopped by archiving the journey.' })
  stopped!: number;

  @ApiProperty({ description: 'Conversion goals reached (one per goal and instance), ending the journey or not.' })
  conversions!: number;
}

export class JourneyStatsDto {
  @ApiProperty({ format: 'uuid' })
  journeyId!: string;

  @ApiProperty({ type: [JourneyNodeStatsDto] })
  nodes!: JourneyNodeStatsDto[];

  @ApiProperty({ type: JourneyStatsTotalsDto })
  totals!: JourneyStatsTotalsDto;
}
