import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { type Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable } from '@engine/persistence';

interface ErrorBody {
  statusCode: number;
  error: string;
  message: string | string[];
  [key: string]: unknown;
}

/** PostgreSQL error codes that mean the request was wrong, not the server. */
const CLIENT_ERRORS: Record<string, { status: HttpStatus; message: string }> = {
  '22P02': { status: HttpStatus.BAD_REQUEST, message: 'A value has the wrong format (for example an id that is not a UUID)' },
  '23505': { status: HttpStatus.CONFLICT, message: 'This already exists' },
  '23503': { status: HttpStatus.NOT_FOUND, message: 'A referenced record does not exist' },
  '22001': { status: HttpStatus.BAD_REQUEST, message: 'A value is too long' },
};

/** How long a client should wait before retrying a request refused because the database was down. */
const RETRY_AFTER_SECONDS = 5;

/**
 * One error shape for every failure: `{ statusCode, error, message }`. Database errors caused by input
 * become 4xx, an unreachable database 503 with Retry-After; anything unexpected is logged and answered
 * 500 without internals.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (body.statusCode === 503) response.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const raw = exception.getResponse();
      if (status === 413) {
        return { statusCode: status, error: 'Payload Too Large', message: 'The request body is larger than 1 MiB' };
      }
      if (typeof raw === 'string') return { statusCode: status, error: exception.name, message: raw };
      return { statusCode: status, error: exception.name, message: exception.message, ...(raw) };
    }
    if (exception instanceof QueryFailedError) {
      const code = (exception.driverError as { code?: string } | undefined)?.code;
      const known = code ? CLIENT_ERRORS[code] : undefined;
      if (known) return { statusCode: known.status, error: HttpStatus[known.status] ?? 'Error', message: known.message };
    }
    // body-parser errors carry their own status (400 bad JSON, 413 too large, 415 charset)
    const status = (exception as { status?: unknown } | null)?.status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      if (status === 413) return { statusCode: 413, error: 'Payload Too Large', message: 'The request body is larger than 1 MiB' };
      return { statusCode: status, error: HttpStatus[status] ?? 'Bad Request', message: String((exception as Error).message) };
    }
    if (isDatabaseUnavailable(exception)) {
      this.logger.warn(`Database unavailable: ${exception instanceof Error ? exception.message : String(exception)}`);
      return {
        statusCode: 503,
        error: 'Service Unavailable',
        message: `The database is unavailable, so nothing of this request was stored. Send it again in ${RETRY_AFTER_SECONDS} seconds or later: the same idempotency keys make a retry safe`,
      };
    }
    this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    return { statusCode: 500, error: 'Internal Server Error', message: 'Something went wrong on our side; the request was not completed' };
  }
}
