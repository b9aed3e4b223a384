// The one place the PWA talks HTTP to the server (docs/protocol.md "Errors").

/** The server answered with an error status and (usually) the `{error: {code, message, fields}}` body. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
    /** From Retry-After (429): when the server will take the request again. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The server could not be reached: offline, DNS, connection refused. Never means "signed out". */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : 'network error');
    this.name = 'NetworkError';
  }
}

type Fetch = typeof fetch;

export interface RequestOptions {
  body?: unknown;
  headers?: Record<string, string>;
  fetchImpl?: Fetch;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

export async function errorFromResponse(res: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    body = undefined;
  }
  const err = isRecord(body) && isRecord(body.error) ? body.error : {};
  const fields = isRecord(err.fields)
    ? Object.fromEntries(Object.entries(err.fields).filter((e): e is [string, string] => typeof e[1] === 'string'))
    : {};
  const code = typeof err.code === 'string' ? err.code : `http_${res.status}`;
  const message = typeof err.message === 'string' ? err.message : res.statusText;
  const retryAfter = Number(res.headers.get('retry-after') ?? Number.NaN);
  return new ApiError(res.status, code, message, fields, Number.isFinite(retryAfter) ? retryAfter : null);
}

type ErrorListener = (error: ApiError, sent: { path: string; headers: Record<string, string> }) => void;
const errorListeners = new Set<ErrorListener>();

/**
 * Hears every error answer, for states of the whole app (a company paused because its audit log was
 * altered answers 423 to every call); each caller still handles its own failure.
 */
export function onApiError(listener: ErrorListener): () => void {
  errorListeners.add(listener);
  return () => errorListeners.delete(listener);
}

/** Asks the person to confirm it is them (a passkey); set by auth/reauth.ts. Rejects if they decline. */
type Reauthenticate = (refusal: ApiError) => Promise<void>;
let reauthenticate: Reauthenticate | null = null;

/** Sensitive actions answer 401 `reauth_required` when the sign-in is old: confirm, then retry once. */
export function onReauthRequired(confirm: Reauthenticate | null): void {
  reauthenticate = confirm;
}

/** Sends a same-origin JSON request; throws ApiError for 4xx/5xx and NetworkError when unreachable. */
export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  try {
    return await send<T>(method, path, opts);
  } catch (e) {
    if (!(e instanceof ApiError && e.code === 'reauth_required' && reauthenticate)) throw e;
    await reauthenticate(e);
    return send<T>(method, path, opts);
  }
}

async function send<T>(method: string, path: string, opts: RequestOptions): Promise<T> {
  const doFetch = opts.fetchImpl ?? fetch;
  let res: Response;
  try {
    res = await doFetch(path, {
      method,
      credentials: 'same-origin',
      headers: { Accept: 'application/json', ...(opts.body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...opts.headers },
      ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
    });
  } catch (e) {
    throw new NetworkError(e);
  }
  if (!res.ok) {
    const error = await errorFromResponse(res);
    for (const listener of errorListeners) listener(error, { path, headers: opts.headers ?? {} });
    throw error;
  }
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body: unknown = {}) => request<T>('POST', path, { body }),
  del: <T>(path: string) => request<T>('DELETE', path),
};
