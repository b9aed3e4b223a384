import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, onReauthRequired, request } from '../api/http';
import { cancel, confirm, proceed, reauth } from './reauth';

/** A server that refuses with reauth_required until `confirmed`, then answers. */
function server() {
  const state = { confirmed: false, calls: 0, ceremonies: 0 };
  const fetchImpl = (async () => {
    state.calls++;
    if (!state.confirmed) return new Response(JSON.stringify({ error: { code: 'reauth_required', message: 'confirm it is you' } }), { status: 401 });
    return new Response(JSON.stringify({ ok: true }), { status: 201 });
  }) as typeof fetch;
  return { state, fetchImpl };
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
};

describe('re-authentication', () => {
  afterEach(() => onReauthRequired((refusal) => confirm(refusal)));

  it('asks once for requests refused together, runs the passkey ceremony when the person confirms, and retries each once', async () => {
    const { state, fetchImpl } = server();
    onReauthRequired((refusal) => confirm(refusal, async () => {
      state.ceremonies++;
      state.confirmed = true;
    }));
    const first = request<{ ok: boolean }>('POST', '/api/v1/companies/co_1/tokens', { body: { name: 'ERP' }, fetchImpl });
    const second = request<{ ok: boolean }>('POST', '/api/v1/me/recovery-codes', { body: {}, fetchImpl });
    await until(() => reauth.open() && state.calls === 2);
    await proceed();
    expect(await first).toEqual({ ok: true });
    expect(await second).toEqual({ ok: true });
    expect(reauth.open()).toBe(false);
    expect(state).toMatchObject({ calls: 4, ceremonies: 1 });
  });

  it('keeps the prompt open with the reason when the ceremony fails, and fails the request with the refusal when cancelled', async () => {
    const { state, fetchImpl } = server();
    onReauthRequired((refusal) => confirm(refusal, async () => {
      throw Object.assign(new Error('The operation either timed out or was not allowed.'), { name: 'NotAllowedError' });
    }));
    const done = request('DELETE', '/api/v1/me/totp', { fetchImpl });
    await until(reauth.open);
    await proceed();
    expect(reauth.open()).toBe(true);
    expect(reauth.error()).toContain('annulée');
    cancel();
    await expect(done).rejects.toBeInstanceOf(ApiError);
    await expect(done).rejects.toMatchObject({ code: 'reauth_required', status: 401 });
    expect(state.calls).toBe(1);
  });
});
