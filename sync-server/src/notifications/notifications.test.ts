import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, company, member, startTestServer } from '../../test/helpers';
import { startMailbox } from '../../test/mailbox';
import { putSecret } from '../companies/secrets';
import { listNotifications, markRead, notify, unreadCount, type NotifyInput } from './index';

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

const call = (method: string, path: string, headers: Record<string, string>, body?: unknown) => apiCall(server, method, path, headers, body);

async function setup(name: string) {
  const s = server.services;
  const co = await company(s, name);
  const owner = await member(s, co.id, 'owner', 'Olivia');
  const sales = await member(s, co.id, 'sales', 'Sam');
  return { s, companyId: co.id, owner, sales, as: (m: { cookie: string }) => ({ cookie: m.cookie, 'x-company': co.id }) };
}

const accepted = (companyId: string, userIds: string[], dedupeKey = 'quote:dc_q1:v1:accepted'): NotifyInput => ({
  companyId, userIds, kind: 'quote.accepted', subjectId: 'dc_q1', dedupeKey,
  title: { fr: 'Devis D-2027-0007 accepté', en: 'Quote D-2027-0007 accepted' },
  body: { fr: 'Boulangerie Martin a accepté le devis.', en: 'Boulangerie Martin accepted the quote.' },
  link: `/c/${companyId}/quotes/dc_q1`,
});

describe('notifications', () => {
  it('reach each person in the app once even when notify runs twice with the same dedupe key', async () => {
    const { s, companyId, owner, sales, as } = await setup('Once Co');
    const first = await notify(s, accepted(companyId, [owner.userId, sales.userId]));
    const again = await notify(s, accepted(companyId, [owner.userId, sales.userId]));
    expect([first.created.length, again.created.length]).toEqual([2, 0]);
    const res = await call('GET', '/notifications', as(owner));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ unread: 1, notifications: [{ kind: 'quote.accepted', subjectId: 'dc_q1', title: { fr: 'Devis D-2027-0007 accepté' }, readAt: null }] });
  });

  it('keep their text sealed in the database', async () => {
    const { s, companyId, owner } = await setup('Sealed Co');
    await notify(s, accepted(companyId, [owner.userId]));
    const rows = (await s.db.execute({ sql: 'SELECT * FROM notifications WHERE company_id = ?', args: [companyId] })).rows;
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain('Boulangerie');
    expect(Buffer.from(rows[0]!.sealed as ArrayBuffer).includes('Boulangerie')).toBe(false);
  });

  it('skip people who are not members of the company', async () => {
    const { s, companyId, owner } = await setup('Members Co');
    const elsewhere = await setup('Elsewhere Co');
    const { created } = await notify(s, accepted(companyId, [owner.userId, elsewhere.owner.userId]));
    expect(created).toHaveLength(1);
    expect(await listNotifications(s, elsewhere.companyId, elsewhere.owner.userId, { limit: 10 })).toEqual([]);
    expect(await listNotifications(s, companyId, elsewhere.owner.userId, { limit: 10 })).toEqual([]);
  });

  it("cannot be read or marked by another company's member (404), nor by another member of the same company", async () => {
    const { s, companyId, owner, sales, as } = await setup('Tenancy Co');
    const other = await setup('Other Co');
    const [id] = (await notify(s, accepted(companyId, [owner.userId]))).created;
    expect((await call('POST', `/notifications/${id}/read`, other.as(other.owner))).status).toBe(404);
    expect((await call('POST', `/notifications/${id}/read`, { cookie: other.owner.cookie, 'x-company': companyId })).status).toBe(404);
    expect((await call('GET', '/notifications', { cookie: other.owner.cookie, 'x-company': companyId })).status).toBe(404);
    expect((await call('GET', '/notifications', other.as(other.owner))).body).toEqual({ notifications: [], unread: 0 });
    expect((await call('POST', `/notifications/${id}/read`, as(sales))).status).toBe(404);
    expect(await unreadCount(s, companyId, owner.userId)).toBe(1);
  });

  it('are marked read one at a time or all at once, and listed unread only on request', async () => {
    const { s, companyId, owner, as } = await setup('Read Co');
    const [a] = (await notify(s, accepted(companyId, [owner.userId], 'k:a'))).created;
    await notify(s, accepted(companyId, [owner.userId], 'k:b'));
    await notify(s, accepted(companyId, [owner.userId], 'k:c'));
    expect(await call('POST', `/notifications/${a}/read`, as(owner))).toMatchObject({ status: 200, body: { id: a, read: true } });
    const unread = await call('GET', '/notifications?unreadOnly=true', as(owner));
    expect(unread.body).toMatchObject({ unread: 2 });
    expect((unread.body.notifications as { id: string }[]).map((n) => n.id)).not.toContain(a);
    expect((await call('POST', '/notifications/read-all', as(owner))).body).toEqual({ marked: 2 });
    expect(await markRead(s, companyId, owner.userId, 'all')).toBe(0);
    expect((await call('GET', '/notifications', as(owner))).body).toMatchObject({ unread: 0 });
  });

  it('are emailed once, in French, through the company’s SMTP server to those who gave an address, and marked emailed', async () => {
    const { s, companyId, owner, sales } = await setup('Mail Co');
    await s.db.execute({ sql: 'UPDATE users SET email = ? WHERE id = ?', args: ['olivia@mail-co.fr', owner.userId] });
    await putSecret(s, companyId, 'smtp', { host: '127.0.0.1', port: mailbox.port, secure: false, from: 'Facturo <notifications@mail-co.fr>' });
    const before = mailbox.received.length;
    const first = await notify(s, accepted(companyId, [owner.userId, sales.userId]));
    expect(await first.emailed).toBe(1);
    expect(await (await notify(s, accepted(companyId, [owner.userId, sales.userId]))).emailed).toBe(0);
    const mails = mailbox.received.slice(before);
    expect(mails.map((m) => m.to)).toEqual([['olivia@mail-co.fr']]);
    expect(mails[0]!.mail.subject).toBe('Devis D-2027-0007 accepté');
    expect(mails[0]!.mail.text).toContain('Boulangerie Martin a accepté le devis.');
    expect(mails[0]!.mail.text).toContain(`${server.url}/c/${companyId}/quotes/dc_q1`);
    const [mine] = await listNotifications(s, companyId, owner.userId, { limit: 10 });
    const [theirs] = await listNotifications(s, companyId, sales.userId, { limit: 10 });
    expect(mine!.emailedAt).not.toBeNull();
    expect(theirs!.emailedAt).toBeNull();
  });
});
