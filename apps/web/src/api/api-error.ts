/** A non-2xx answer of the API, with its status and parsed body (`{ statusCode, error, message, ... }`). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }

  get isConflict(): boolean {
    return this.status === 409;
  }
}

/** The `message` of an API error body (a string or a list of strings), else a generic sentence. */
export function apiErrorMessage(status: number, body: unknown): string {
  if (typeof body === 'object' && body !== null && 'message' in body) {
    const message = body.message;
    if (typeof message === 'string') return message;
    if (Array.isArray(message)) return message.filter((item) => typeof item === 'string').join('; ');
  }
  if (status === 401) return 'You are signed out: sign in again.';
  if (status === 0) return 'The API cannot be reached.';
  return `The API answered ${status}.`;
}

/** A sentence for any thrown value. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
