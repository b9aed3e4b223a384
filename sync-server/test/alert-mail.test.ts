import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { member, startTestServer, apiCall } from './helpers';
import { startMailbox } from './mailbox';
import { ensureDemo } from '../src/demo';
import { alertMail, mailLockedUser } from '../src/security/alerts';

let server: Awaited<ReturnType<typeof startTestServer>>;
let mailbox: Awaited<ReturnType<typeof startMailbox>>;

beforeAll(async () => {
  server = await startTestServer();
  mailbox = await startMailbox();
});
afterAll(async () => {
  await mailbox.close();
  await server.close();
});

const call = (method: string, path: string, cookie: string, body?: unknown) => apiCall(server, method, path, { cookie }, body);

describe('security alerts by email', () => {
  it('reach the members who manage the company and gave an address, through its SMTP server, in French and English', async () => {
    const { companyId } = await ensureDemo(server.services);
    const owner = await member(server.services, companyId, 'owner', 'Olivia Gérante');
    const admin = await member(server.services, companyId, 'admin', 'Adam Martin');
    const sales = await member(server.services, companyId, 'sales', 'Sam Vendeur');
    expect((await call('PUT', '/me/email', owner.cookie, { email: 'pas une adresse' })).body.error?.fields).toHaveProperty('email');
    expect((await call('PUT', '/me/email', owner.cookie, { email: 'olivia@studio-boreal.fr' })).body).toMatchObject({ user: { email: 'olivia@studio-boreal.fr' } });
    await call('PUT', '/me/email', sales.cookie, { email: 'sam@studio-boreal.fr' }); // has an address, but manages nothing
    expect((await call('PUT', `/companies/${companyId}/smtp`, owner.cookie, { host: '127.0.0.1', port: mailbox.port, from: 'Facturo <alertes@studio-boreal.fr>' })).status).toBe(200);

    const asked = await call('POST', `/companies/${companyId}/bank-changes`, admin.cookie, { iban: 'FR1420041010050500013M02606' });
    expect(asked.status).toBe(201);
    await expect.poll(() => mailbox.received.length).toBe(1);
    await Promise.all(alertMail.pending);
    const { to, mail } = mailbox.received[0]!;
    expect(to).toEqual(['olivia@studio-boreal.fr']); // not Sam (no members.manage), not Adam (no address)
    expect(mail.subject).toContain('Alerte de sécurité');
    expect(mail.text).toContain('Adam Martin demande à changer le RIB de l’entreprise');
    expect(mail.text).toContain('FR1420041010050500013M02606');
    expect(mail.text).toContain('Adam Martin asks to change the company’s bank details');
    expect(mail.text).toContain(`/c/${companyId}/alerts`);
    const events = (await server.services.log.readKind(companyId, ['event'], undefined, 20)).map((e) => JSON.parse(e.payload!.toString()) as { type: string; recipients?: number });
    expect(events).toContainEqual(expect.objectContaining({ type: 'alert_emailed', recipients: 1 }));

    // A person whose sign-in is locked is told at their own address (Sam has one; Adam has none).
    expect(await mailLockedUser(server.services, admin.userId, { failures: 20, ip: '203.0.113.9', until: new Date('2026-12-01T10:15:00Z') })).toBe(false);
    expect(await mailLockedUser(server.services, sales.userId, { failures: 20, ip: '203.0.113.9', until: new Date('2026-12-01T10:15:00Z') })).toBe(true);
    const locked = mailbox.received.at(-1)!;
    expect(locked.to).toEqual(['sam@studio-boreal.fr']);
    expect(locked.mail.text).toContain('La connexion à votre compte Facturo est suspendue jusqu’à 2026-12-01 10:15 (UTC) après 20 tentatives échouées, la dernière depuis 203.0.113.9');
    expect(locked.mail.text).toContain('Sign-in to your Facturo account is locked');
  });
});
