import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { member, startTestServer } from './helpers';
import { startMailbox } from './mailbox';
import { customer, issuedInvoice, mandate, sepaCompany, useMailbox } from './sepa-fixtures';
import { listCollections, prenotifyCollections, scheduleCollections, type CollectionItem } from '../src/sepa';
import { listNotifications } from '../src/notifications';

/* scheduleCollections, the billing run's hand-off (docs/design/subscriptions-api.md): clock fixed on Tuesday 1 December 2026. */

let server: Awaited<ReturnType<typeof startTestServer>>;
let mailbox: Awaited<ReturnType<typeof startMailbox>>;

beforeAll(async () => {
  server = await startTestServer(undefined, { now: () => new Date('2026-12-01T09:00:00Z') });
  mailbox = await startMailbox();
});
afterAll(async () => {
  await server.close();
  await mailbox.close();
});

let invoices = 0;
/** An item for an invoice that need not exist (the run hands over ids of invoices it issued). */
const item = (mandateId: string, customerId: string, extra: Partial<CollectionItem> = {}): CollectionItem => ({
  invoiceId: `dc_synthetic${String(++invoices).padStart(6, '0')}`, mandateId, customerId, amount: '120.00', currency: 'EUR', dueDate: '2026-12-31', ...extra,
});

async function mailedCompany(name: string, language: 'fr' | 'en' = 'fr') {
  const co = await sepaCompany(server, name);
  await useMailbox(server.services, co.companyId, mailbox.port);
  const email = `${name.toLowerCase().replace(/\W+/g, '-')}@client.test`;
  const customerId = await customer(co, { email, language });
  return { co, customerId, email, mandateId: await mandate(co, customerId, { rum: `RUM-${name.replace(/\W+/g, '')}` }) };
}

const mailsTo = (email: string) => mailbox.received.filter((m) => m.to.includes(email));

describe('scheduleCollections', () => {
  it('collects each invoice once: called twice, one row and one pre-notification email', async () => {
    const { co, customerId, email, mandateId } = await mailedCompany('Twice Co');
    const invoice = await issuedInvoice(co, customerId, '100.00');
    const items = [{ invoiceId: invoice.id, mandateId, customerId, amount: invoice.total, currency: 'EUR', dueDate: '2026-12-31' }];
    const first = await scheduleCollections(server.services, co.companyId, items);
    const second = await scheduleCollections(server.services, co.companyId, items);
    expect(first.scheduled).toEqual([{ invoiceId: invoice.id, collectionDate: '2026-12-31', created: true }]);
    expect(second.scheduled).toEqual([{ invoiceId: invoice.id, collectionDate: '2026-12-31', created: false }]);
    expect([first.prenotification.sent, second.prenotification.sent]).toEqual([[invoice.id], []]);
    expect(await listCollections(server.services, co.companyId, { invoiceId: invoice.id })).toHaveLength(1);
    expect(mailsTo(email)).toHaveLength(1);
  });

  it('emails the pre-notification in French with the amount, the date, the RUM and the creditor identifier', async () => {
    const { co, customerId, email, mandateId } = await mailedCompany('French Co');
    const invoice = await issuedInvoice(co, customerId, '1000.00');
    await scheduleCollections(server.services, co.companyId, [{ invoiceId: invoice.id, mandateId, customerId, amount: invoice.total, currency: 'EUR', dueDate: '2026-12-05' }]);
    const mail = mailsTo(email)[0]!.mail;
    expect(mail.subject).toBe(`Prélèvement SEPA de 1\u202f200,00\u00a0€ le 15/12/2026 – facture ${invoice.number}`);
    for (const part of ['1\u202f200,00\u00a0€', 'le 15/12/2026', 'se terminant par 0189', 'RUM) : RUM-FrenchCo', 'ICS) : FR72ZZZ123456', invoice.number]) expect(mail.text).toContain(part);
  });

  it('writes in English to a customer who reads English', async () => {
    const { co, customerId, email, mandateId } = await mailedCompany('English Co', 'en');
    await scheduleCollections(server.services, co.companyId, [item(mandateId, customerId, { amount: '1234.5', dueDate: '2027-01-20' })]);
    const mail = mailsTo(email)[0]!.mail;
    expect(mail.subject).toMatch(/^Direct debit of €1,234\.50 on 2027-01-20 – invoice /);
    expect(mail.text).toContain('SEPA creditor identifier: FR72ZZZ123456');
  });

  it('collects on the later of the due date and 14 days after the notice, moved past weekends and TARGET2 holidays', async () => {
    const co = await sepaCompany(server, 'Dates Co');
    const customerId = await customer(co);
    const mandateId = await mandate(co, customerId);
    const dues = ['2026-12-05', '2026-12-22', '2026-12-25', '2027-01-01', '2027-03-26'];
    const out = await scheduleCollections(server.services, co.companyId, dues.map((dueDate) => item(mandateId, customerId, { dueDate })));
    // 1 Dec + 14 days = Tue 15 Dec; Tue 22 Dec stays; Fri 25 Dec (Christmas) → Mon 28; Fri 1 Jan → Mon 4;
    // Good Friday 26 March 2027 → Easter Monday 29 is closed too → Tue 30.
    expect(out.scheduled.map((s) => s.collectionDate)).toEqual(['2026-12-15', '2026-12-22', '2026-12-28', '2027-01-04', '2027-03-30']);
  });

  it('leaves out what cannot be collected and says why: revoked, lapsed, unknown or another customer’s mandate, not in euros', async () => {
    const co = await sepaCompany(server, 'Skips Co');
    const customerId = await customer(co);
    const otherCustomer = await customer(co, { name: 'Hôtel Le Grand Cerf' });
    const revoked = await mandate(co, customerId);
    await co.call('POST', `/sepa/mandates/${revoked}/revoke`, {});
    const lapsed = await mandate(co, customerId, { signedOn: '2023-12-14' });
    const good = await mandate(co, customerId);
    const items = [item(revoked, customerId), item(lapsed, customerId, { dueDate: '2026-12-15' }), item('md_nothing000000', customerId), item(good, otherCustomer), item(good, customerId, { currency: 'USD' })];
    const out = await scheduleCollections(server.services, co.companyId, items);
    expect(out.skipped.map((s) => s.reason)).toEqual(['revoked', 'lapsed', 'unknown_mandate', 'other_customer', 'not_eur']);
    expect(out.scheduled).toEqual([]);
    expect(await listCollections(server.services, co.companyId)).toEqual([]);
  });

  it('collects once under a one-off mandate: a second invoice is left out', async () => {
    const co = await sepaCompany(server, 'One-off Co');
    const customerId = await customer(co);
    const once = await mandate(co, customerId, { type: 'one-off' });
    const out = await scheduleCollections(server.services, co.companyId, [item(once, customerId), item(once, customerId)]);
    expect([out.scheduled.length, out.skipped.map((s) => s.reason)]).toEqual([1, ['one_off_used']]);
    const later = await scheduleCollections(server.services, co.companyId, [item(once, customerId)]);
    expect(later.skipped.map((s) => s.reason)).toEqual(['one_off_used']);
  });

  it('without an SMTP server, records the collection un-notified and tells the payments team once', async () => {
    const co = await sepaCompany(server, 'No SMTP Co');
    const accountant = await member(server.services, co.companyId, 'accountant', 'Alice');
    const sales = await member(server.services, co.companyId, 'sales', 'Sam');
    const customerId = await customer(co, { email: 'client@no-smtp.test' });
    const mandateId = await mandate(co, customerId);
    const items = [item(mandateId, customerId)];
    const first = await scheduleCollections(server.services, co.companyId, items);
    await scheduleCollections(server.services, co.companyId, items);
    expect(first.prenotification.notSent).toEqual([{ invoiceId: items[0]!.invoiceId, reason: 'no_smtp' }]);
    expect((await listCollections(server.services, co.companyId))[0]).toMatchObject({ status: 'pending', prenotifiedAt: null });
    const told = await listNotifications(server.services, co.companyId, accountant.userId, { limit: 10 });
    expect(told.map((n) => n.kind)).toEqual(['sepa.prenotification_not_sent']);
    expect(told[0]!.body.fr).toContain('31/12/2026');
    expect(await listNotifications(server.services, co.companyId, sales.userId, { limit: 10 })).toEqual([]);
  });

  it('gives the claim back when the email fails, so a later attempt sends it', async () => {
    const co = await sepaCompany(server, 'Flaky Co');
    await useMailbox(server.services, co.companyId, 1); // nothing listens on port 1
    const customerId = await customer(co, { email: 'client@flaky.test' });
    const mandateId = await mandate(co, customerId);
    const it1 = item(mandateId, customerId);
    const failed = await scheduleCollections(server.services, co.companyId, [it1]);
    expect(failed.prenotification.notSent).toEqual([{ invoiceId: it1.invoiceId, reason: 'send_failed' }]);
    await useMailbox(server.services, co.companyId, mailbox.port);
    expect((await prenotifyCollections(server.services, co.companyId, [it1.invoiceId])).sent).toEqual([it1.invoiceId]);
    expect(mailsTo('client@flaky.test')).toHaveLength(1);
    expect((await listCollections(server.services, co.companyId))[0]!.prenotifiedAt).not.toBeNull();
  });

  it('writes the scheduled collections to the audit log, by the billing run', async () => {
    const co = await sepaCompany(server, 'Audit Co');
    const customerId = await customer(co);
    const mandateId = await mandate(co, customerId);
    const it1 = item(mandateId, customerId, { amount: '42.00' });
    await scheduleCollections(server.services, co.companyId, [it1]);
    await scheduleCollections(server.services, co.companyId, [it1]);
    const entries = (await server.services.log.readKind(co.companyId, ['command'], undefined, 20)).filter((e) => e.actor === 'system:billing');
    expect(entries).toHaveLength(1);
    expect(JSON.parse(entries[0]!.payload!.toString('utf8'))).toEqual({ type: 'sepa_collections_scheduled', collections: [{ invoiceId: it1.invoiceId, mandateId, amount: '42.00', collectionDate: '2026-12-31' }] });
  });
});
