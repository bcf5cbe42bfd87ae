import { ApiProperty } from '@nestjs/swagger';

/** What a webhook delivery became; Meta only looks at the status code. */
export class WhatsAppWebhookReceiptDto {
  @ApiProperty({ description: 'New events stored (PW_WhatsAppReceived, PW_WhatsAppDelivered, ...).' })
  stored!: number;

  @ApiProperty({ description: 'Events stored by an earlier delivery of the same messages or statuses.' })
  duplicates!: number;

  @ApiProperty({ description: 'Statuses that need no event: `sent`, or messages the engine did not send.' })
  ignored!: number;

  @ApiProperty({ description: "Registered templates whose status a message_template_status_update changed; a redelivery changes none." })
  templatesUpdated!: number;

  @ApiProperty({ description: 'A status may belong to a send whose answer is not stored yet: answered 503 so Meta delivers it again.' })
  retryLater!: boolean;
}
