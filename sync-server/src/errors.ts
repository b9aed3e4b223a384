import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** Domain errors, mapped to HTTP once (api/errors.ts) and to WebSocket close codes in sync/. */
export class AppError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** 429: too many requests or failed attempts; the client may come back after retryAfterSeconds (Retry-After). */
export class RateLimited extends AppError {
  constructor(
    code: 'rate_limited' | 'locked',
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(429, code, message);
    this.name = 'RateLimited';
  }
}

export const notFound = (what: string) => new AppError(404, 'not_found', `${what} not found`);
export const forbidden = (message = 'your role does not allow this') => new AppError(403, 'forbidden', message);
export const unauthenticated = () => new AppError(401, 'unauthenticated', 'sign in first');
export const conflict = (code: string, message: string) => new AppError(409, code, message);
export const invalid = (fields: Record<string, string>) =>
  new AppError(400, 'invalid', Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join('; '), fields);
