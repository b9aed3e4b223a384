import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/http';
import { smtpApi } from '../api/smtp';
import { emptySmtpForm, smtpRequest, smtpServerErrors, withSecurity, type SmtpForm } from './smtpForm';

const filled = (over: Partial<SmtpForm> = {}): SmtpForm => ({
  ...emptySmtpForm(),
  host: ' smtp.exemple.fr ',
  user: ' factures@exemple.fr ',
  password: ' secret avec espaces ',
  from: 'Studio Boréal <factures@exemple.fr>',
  ...over,
});

describe('SMTP settings form', () => {
  it('builds the PUT body: port as a number, security as `secure`, the password exactly as typed', () => {
    expect(smtpRequest(filled())).toEqual({
      ok: true,
      body: { host: 'smtp.exemple.fr', port: 587, secure: false, user: 'factures@exemple.fr', password: ' secret avec espaces ', from: 'Studio Boréal <factures@exemple.fr>' },
    });
    const tls = smtpRequest(withSecurity(filled({ user: '', password: '', from: 'factures@exemple.fr' }), 'tls'));
    expect(tls).toEqual({ ok: true, body: { host: 'smtp.exemple.fr', port: 465, secure: true, from: 'factures@exemple.fr' } });
  });

  it('names every wrong field before anything is sent', () => {
    expect(smtpRequest(emptySmtpForm())).toEqual({ ok: false, errors: { host: 'required', from: 'required' } });
    expect(smtpRequest(filled({ host: 'smtp://mail.exemple.fr', port: '70000', from: 'Studio Boréal' }))).toEqual({ ok: false, errors: { host: 'host', port: 'port', from: 'from' } });
    expect(smtpRequest(filled({ port: '0' }))).toMatchObject({ ok: false, errors: { port: 'port' } });
    expect(smtpRequest(filled({ port: '58 7' }))).toMatchObject({ ok: false, errors: { port: 'port' } });
    expect(smtpRequest(filled({ port: ' ' }))).toMatchObject({ ok: false, errors: { port: 'required' } });
  });

  it('moves the port with the security only while it is a usual one', () => {
    const tls = withSecurity(emptySmtpForm(), 'tls');
    expect(tls).toMatchObject({ security: 'tls', port: '465' });
    expect(withSecurity(tls, 'starttls').port).toBe('587');
    expect(withSecurity({ ...tls, port: '' }, 'starttls').port).toBe('587');
    expect(withSecurity({ ...tls, port: '2525' }, 'starttls')).toMatchObject({ security: 'starttls', port: '2525' });
  });

  it("puts the server's field errors under the form's fields", () => {
    expect(smtpServerErrors({ host: 'the SMTP host is required', secure: 'Invalid input', '(body)': 'bad' })).toEqual({
      host: 'the SMTP host is required',
      security: 'Invalid input',
      '': 'bad',
    });
  });

  it('PUTs the settings to the company and surfaces the field errors of a refusal', async () => {
    const calls: { url: string; init: RequestInit }[] = [];
    const ok: typeof fetch = async (url, init) => {
      calls.push({ url: String(url), init: init ?? {} });
      return new Response(JSON.stringify({ host: 'smtp.exemple.fr', port: 587, secure: false, from: 'f@exemple.fr' }), { status: 200 });
    };
    const body = { host: 'smtp.exemple.fr', port: 587, secure: false, password: 'p', from: 'f@exemple.fr' };
    await smtpApi.put('co_AAAAAAAAAAAAAAAA', body, ok);
    expect(calls[0]?.url).toBe('/api/v1/companies/co_AAAAAAAAAAAAAAAA/smtp');
    expect(calls[0]?.init.method).toBe('PUT');
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual(body);

    const refused: typeof fetch = async () =>
      new Response(JSON.stringify({ error: { code: 'invalid', message: 'invalid', fields: { port: 'Too big: expected number to be <=65535' } } }), { status: 400 });
    const error = await smtpApi.put('co_AAAAAAAAAAAAAAAA', body, refused).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(smtpServerErrors((error as ApiError).fields)).toEqual({ port: 'Too big: expected number to be <=65535' });
  });
});
