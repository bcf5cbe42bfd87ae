import { Controller, Get, Headers, HttpCode, Post, Query, type RawBodyRequest, Req, Res } from '@nestjs/common';
import { ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { type Request, type Response } from 'express';
import { WHATSAPP_WEBHOOK_PATH } from '../channel-settings/channel-settings.service';
import { WhatsAppWebhookReceiptDto } from './dto/whatsapp-webhook-receipt.response';
import { WhatsAppWebhookService } from './whatsapp-webhook.service';
import { Public } from '../auth/access.decorator';

/** How long Meta is asked to wait before delivering a status again that came before its send was stored. */
const REDELIVERY_AFTER_SECONDS = 30;

/** Meta calls these: no API key; deliveries are authenticated by their signature. */
@ApiTags('webhooks')
@Public()
@Controller(WHATSAPP_WEBHOOK_PATH.slice(1))
export class WhatsAppWebhookController {
  constructor(private readonly webhook: WhatsAppWebhookService) {}

  @Get()
  @ApiOperation({
    summary: "Meta's subscription handshake",
    description: 'Answers hub.challenge as text/plain when hub.verify_token is the webhookVerifyToken of a project.',
  })
  @ApiQuery({ name: 'hub.mode', example: 'subscribe' })
  @ApiQuery({ name: 'hub.verify_token', description: 'The webhookVerifyToken of a project.' })
  @ApiQuery({ name: 'hub.challenge', example: '1158201444' })
  @ApiOkResponse({ description: 'The challenge, as plain text.' })
  @ApiForbiddenResponse({ description: 'The verify token matches no project.' })
  async verify(@Query() query: Record<string, unknown>, @Res({ passthrough: true }) response: Response): Promise<string> {
    const challenge = await this.webhook.verifySubscription(query);
    // Echoed input: plain text the browser must not sniff into HTML.
    response.type('text/plain').setHeader('X-Content-Type-Options', 'nosniff');
    return challenge;
  }

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Inbound messages, delivery statuses and template reviews from the WhatsApp Cloud API',
    description:
      'Checks X-Hub-Signature-256 against the appSecret of the project owning metadata.phone_number_id, stores a PW_WhatsAppReceived event per ' +
      'message and PW_WhatsAppDelivered/Read/Failed per status of our messages, and answers once they are stored. message_template_status_update ' +
      'changes set the status of the registered template (by name and language) in the projects whose businessAccountId is the entry id. ' +
      'Redeliveries are ignored.',
  })
  @ApiOkResponse({ type: WhatsAppWebhookReceiptDto })
  @ApiUnauthorizedResponse({ description: 'Missing or wrong signature, or no project has the phone number id: nothing is stored.' })
  async receive(
    @Req() request: RawBodyRequest<Request>,
    @Headers('x-hub-signature-256') signature: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<WhatsAppWebhookReceiptDto> {
    const receipt = await this.webhook.receive(request.rawBody, signature, request.body);
    if (receipt.retryLater) response.status(503).setHeader('Retry-After', String(REDELIVERY_AFTER_SECONDS));
    return receipt;
  }
}
