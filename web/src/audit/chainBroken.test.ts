import { describe, expect, it } from 'vitest';
import { ApiError, request } from '../api/http';
import { chainBroken, companyOfCall } from './chainBroken';

const answer423 = (async () =>
  new Response(JSON.stringify({ error: { code: 'chain_broken', message: 'this company’s audit log is broken at entry 3' } }), { status: 423, headers: { 'Content-Type': 'application/json' } })) as typeof fetch;

describe('a company paused by a broken audit log', () => {
  it('finds the company of a call in its path or its X-Company header', () => {
    expect(companyOfCall({ path: '/api/v1/companies/co_A1/members', headers: {} })).toBe('co_A1');
    expect(companyOfCall({ path: '/api/v1/invoices/dc_1', headers: { 'X-Company': 'co_B2' } })).toBe('co_B2');
    expect(companyOfCall({ path: '/api/v1/me', headers: {} })).toBeNull();
  });

  it('is noted from any call answering 423 chain_broken, and cleared once acknowledged', async () => {
    await expect(request('GET', '/api/v1/companies/co_P1/members', { fetchImpl: answer423 })).rejects.toBeInstanceOf(ApiError);
    expect(chainBroken.has('co_P1')).toBe(true);
    expect(chainBroken.has('co_other')).toBe(false);
    const before = chainBroken.resumed();
    chainBroken.clear('co_P1');
    expect(chainBroken.has('co_P1')).toBe(false);
    expect(chainBroken.resumed()).toBe(before + 1);
    expect(chainBroken.takeResumed('co_P1')).toBe(true);
    expect(chainBroken.takeResumed('co_P1')).toBe(false);
  });
});
