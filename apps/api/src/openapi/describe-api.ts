import { type INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

/** The OpenAPI document of the HTTP app, read from its controllers' and DTOs' decorators. */
export function describeApi(app: INestApplication): OpenAPIObject {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Journey engine API')
      .setDescription('Journeys, users, events and webhooks. Authenticate with "Authorization: Bearer <project API key>".')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
}
