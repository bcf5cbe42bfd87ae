import { Controller, Get, type INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type Server } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { ApiExceptionFilter } from '../http/api-exception.filter';
import { isApiPath, webAssetsDirectory } from './web-assets-directory';
import { WebAssetsModule } from './web-assets.module';

@Controller('api/v1/ping')
class PingController {
  @Get()
  ping(): { pong: true } {
    return { pong: true };
  }
}

@Module({ imports: [WebAssetsModule], controllers: [PingController] })
class TestModule {}

describe('WebAssetsModule', () => {
  let directory: string;
  let app: INestApplication;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'web-dist-'));
    mkdirSync(join(directory, 'assets'));
    writeFileSync(join(directory, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(join(directory, 'assets', 'index-abc123.js'), 'console.log(1)');
    process.env['WEB_DIST_DIR'] = directory;
    app = await NestFactory.create(TestModule, { logger: false });
    app.useGlobalFilters(new ApiExceptionFilter());
    await app.init();
  });

  const http = (): ReturnType<typeof request> => request(app.getHttpServer() as Server);

  afterAll(async () => {
    await app.close();
    delete process.env['WEB_DIST_DIR'];
    rmSync(directory, { recursive: true, force: true });
  });

  it('serves index.html at / and for the app routes the browser handles', async () => {
    for (const path of ['/', '/journeys/5b3c', '/inbox']) {
      const response = await http().get(path).set('Accept', 'text/html').expect(200);
      expect(response.text).toContain('<div id="root">');
      expect(response.headers['cache-control']).toBe('no-cache');
    }
  });

  it('serves built assets with a long cache', async () => {
    const response = await http().get('/assets/index-abc123.js').expect(200);
    expect(response.text).toBe('console.log(1)');
    expect(response.headers['cache-control']).toContain('immutable');
  });

  it('leaves the API alone: its routes answer, unknown API paths stay JSON 404s', async () => {
    await http().get('/api/v1/ping').expect(200, { pong: true });
    for (const path of ['/api/v1/nothing', '/health/nothing', '/webhooks/whatsapp', '/t/abc']) {
      const response = await http().get(path).set('Accept', 'text/html').expect(404);
      expect(response.headers['content-type']).toContain('application/json');
    }
  });

  it('does not answer other methods with the app', async () => {
    await http().post('/journeys').expect(404);
  });

  it('knows the API paths and when there is no build', () => {
    expect(isApiPath('/api')).toBe(true);
    expect(isApiPath('/api/v1/journeys')).toBe(true);
    expect(isApiPath('/t/abc')).toBe(true);
    expect(isApiPath('/apix')).toBe(false);
    expect(isApiPath('/journeys/1')).toBe(false);
    expect(webAssetsDirectory({ WEB_DIST_DIR: join(directory, 'missing') })).toBeUndefined();
    expect(webAssetsDirectory({ WEB_DIST_DIR: directory })).toBe(directory);
  });
});
