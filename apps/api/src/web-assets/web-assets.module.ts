import { Logger, Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { join } from 'node:path';
import { isApiPath, webAssetsDirectory } from './web-assets-directory';

/**
 * Serves the journey builder (apps/web/dist) from the API's origin, so the web app calls the
 * API without CORS: its files, and index.html for every other GET that is not an API path (the
 * app routes in the browser). Mounted after the API's routes, so those always win; does nothing
 * when the web app has not been built.
 */
@Module({})
export class WebAssetsModule implements OnModuleInit {
  private readonly logger = new Logger('WebAssets');

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const directory = webAssetsDirectory();
    const adapter = this.adapterHost.httpAdapter;
    if (directory === undefined || adapter?.getType() !== 'express') return;
    const app = adapter.getInstance<Express>();
    const indexHtml = join(directory, 'index.html');
    const assets = express.static(directory, {
      index: false,
      setHeaders: (response, path) => {
        // Vite names built assets by content hash: they never change.
        if (path.includes(`${join(directory, 'assets')}`)) response.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
      },
    });
    app.use((request: Request, response: Response, next: NextFunction) => {
      if (isApiPath(request.path)) return next();
      assets(request, response, next);
    });
    app.use((request: Request, response: Response, next: NextFunction) => {
      if ((request.method !== 'GET' && request.method !== 'HEAD') || isApiPath(request.path) || !request.accepts('html')) return next();
      response.setHeader('Cache-Control', 'no-cache');
      response.sendFile(indexHtml);
    });
    this.logger.log(`Serving the journey builder from ${directory}`);
  }
}
