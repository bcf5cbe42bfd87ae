import { Controller, Get, HttpCode, Param, Post, Redirect, Res, StreamableFile } from '@nestjs/common';
import { ApiFoundResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { type Channel } from '@engine/journey';
import { type Response } from 'express';
import { TrackingService } from './tracking.service';
import { Public } from '../auth/access.decorator';

/** A transparent 1x1 GIF. */
const OPEN_PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
const TOKEN_PARAM = { name: 'token', description: 'The signed token of the link, as the message carries it.' };
const CHANNEL_WORDS: Record<Channel, string> = { email: 'these emails', push: 'these push notifications', whatsapp: 'these WhatsApp messages', sms: 'these text messages', webhook: 'these messages' };

/** The links inside sent messages (TRACKING_PATHS): no API key, the signed token is the proof. */
@ApiTags('tracking')
@Public()
@Controller('t')
export class TrackingController {
  constructor(private readonly tracking: TrackingService) {}

  @Get('o/:token')
  @ApiOperation({ summary: "An email's open pixel", description: 'Records PW_EmailOpened once per message and answers a 1x1 GIF.' })
  @ApiParam(TOKEN_PARAM)
  @ApiOkResponse({ description: 'image/gif, not cached.' })
  @ApiNotFoundResponse({ description: 'The token is not valid, or the message no longer exists.' })
  async openPixel(@Param('token') token: string, @Res({ passthrough: true }) response: Response): Promise<StreamableFile> {
    await this.tracking.open(token);
    // Every fetch must reach us: a cached pixel hides opens on other devices.
    response.setHeader('Cache-Control', 'no-store, max-age=0');
    return new StreamableFile(OPEN_PIXEL, { type: 'image/gif', length: OPEN_PIXEL.length });
  }

  @Post('o/:token')
  @HttpCode(204)
  @ApiOperation({ summary: 'A push opened in the app', description: 'Records PW_PushOpened once per message (the SDK posts the token it got with the push).' })
  @ApiParam(TOKEN_PARAM)
  @ApiNoContentResponse({ description: 'Recorded.' })
  @ApiNotFoundResponse({ description: 'The token is not valid, or the message no longer exists.' })
  async reportOpen(@Param('token') token: string): Promise<void> {
    await this.tracking.open(token);
  }

  @Get('c/:token')
  @Redirect()
  @ApiOperation({ summary: 'A tracked link', description: 'Records PW_EmailClicked (and the open it proves) and redirects to the URL signed into the token.' })
  @ApiParam(TOKEN_PARAM)
  @ApiFoundResponse({ description: 'Redirects to the original URL.' })
  @ApiNotFoundResponse({ description: 'The token is not valid (never an open redirect), or the message no longer exists.' })
  async click(@Param('token') token: string): Promise<{ url: string; statusCode: number }> {
    return { url: await this.tracking.click(token), statusCode: 302 };
  }

  @Get('u/:token')
  @ApiOperation({ summary: 'Unsubscribe page', description: "Turns the user's opt-in of the message's channel off and says so." })
  @ApiParam(TOKEN_PARAM)
  @ApiOkResponse({ description: 'text/html' })
  @ApiNotFoundResponse({ description: 'The token is not valid, or the message no longer exists.' })
  async unsubscribePage(@Param('token') token: string, @Res({ passthrough: true }) response: Response): Promise<string> {
    return this.unsubscribe(token, response);
  }

  @Post('u/:token')
  @HttpCode(200)
  @ApiOperation({ summary: 'One-click unsubscribe (RFC 8058)', description: 'What mail clients post for List-Unsubscribe=One-Click; same effect as the page.' })
  @ApiParam(TOKEN_PARAM)
  @ApiOkResponse({ description: 'text/html' })
  @ApiNotFoundResponse({ description: 'The token is not valid, or the message no longer exists.' })
  async oneClickUnsubscribe(@Param('token') token: string, @Res({ passthrough: true }) response: Response): Promise<string> {
    return this.unsubscribe(token, response);
  }

  private async unsubscribe(token: string, response: Response): Promise<string> {
    const channel = await this.tracking.unsubscribe(token);
    response.type('text/html').setHeader('Cache-Control', 'no-store');
    return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Unsubscribed</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 32rem; margin: 4rem auto; padding: 0 1rem">
<h1>You are unsubscribed</h1>
<p>You will not receive ${CHANNEL_WORDS[channel]} any more.</p>
</body></html>
`;
  }
}
