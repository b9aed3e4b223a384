import type { ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ValidationError } from '@facturo/core';
import { AppError, RateLimited } from '../errors';

/** The one place errors become HTTP: `{"error": {"code", "message", "fields"}}`. */
export const onError: ErrorHandler = (err, c) => {
  if (err instanceof AppError) {
    if (err instanceof RateLimited) c.header('retry-after', String(err.retryAfterSeconds));
    return c.json({ error: { code: err.code, message: err.message, ...(err.fields ? { fields: err.fields } : {}) } }, err.status);
  }
  if (err instanceof ValidationError) {
    return c.json({ error: { code: 'invalid', message: err.message, fields: err.fields } }, 400);
  }
  if (err instanceof HTTPException) {
    const message = err.status === 400 ? 'the request body is not valid JSON' : err.message;
    return c.json({ error: { code: 'http_' + err.status, message } }, err.status);
  }
  console.error(err);
  return c.json({ error: { code: 'internal', message: 'internal error' } }, 500);
};
