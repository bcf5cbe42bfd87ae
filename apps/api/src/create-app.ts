import { type INestApplication, ValidationPipe } from '@nestjs/common';
import { NestFactory, Reflector } from '@nestjs/core';
import { type NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import { AppModule } from './app.module';
import { type AppConfig } from './config/app-config';
import { ApiExceptionFilter } from './http/api-exception.filter';
import { RejectDeepJsonInterceptor } from './http/reject-deep-json.interceptor';
import { RejectPrototypeNamedKeysInterceptor } from './http/reject-prototype-named-keys.interceptor';
import { securityHeaders } from './http/security-headers';
import { describeApi } from './openapi/describe-api';

/** Builds the HTTP app (used by main.ts and by the integration tests). */
export async function createApp(config: AppConfig, options: { logger?: false } = {}): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config), {
    bodyParser: false,
    // Kept as received (req.rawBody): the WhatsApp webhook's signature is over the exact bytes.
    rawBody: true,
    ...(options.logger === false ? { logger: false } : {}),
  });
  // First, so every answer has them: routes, errors, 413s, the web app and the docs.
  app.use(securityHeaders());
  // 1 MiB bodies at most: larger ones get 413 before any parsing work.
  app.useBodyParser('json', { limit: '1mb' });
  // Sessions ride in cookies (apps/api/src/accounts/session-cookies.ts).
  app.use(cookieParser());
  app.useGlobalPipes(
    new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true, stopAtFirstError: false }),
  );
  app.useGlobalFilters(new ApiExceptionFilter());
  app.useGlobalInterceptors(new RejectDeepJsonInterceptor(), new RejectPrototypeNamedKeysInterceptor(app.get(Reflector)));
  const document = describeApi(app);
  SwaggerModule.setup('api/docs', app, document);
  return app;
}
