import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { putSecret } from '../src/companies/secrets';
import { runJobsOnce } from '../src/jobs';
import { listNotifications } from '../src/notifications';
import { recurringSend, subscriptionAlerts, subscriptionBilling, ALERTS_JOB, BILLING_JOB, SEND_JOB } from '../src/billing/jobs';
import { billingCompany, businessCustomer, PRO, type BillingCompany } from './billing-fixtures';
import { startTestServer } from './helpers';
import { startMailbox } from './mailbox';

// The scheduler's subscription jobs on the injected clock (ARCHITECTURE invariant 8): billing, sending, alerts.

let clock = new Date('2027-01-01T06:00:00Z');
let server: Awaited<ReturnType<typeof startTestServer>>;
let mailbox: Awaited<ReturnType<typeof startMailbox>>;

beforeAll(async () => {
  server = await startTestServer(undefined, { now: () => clock, env: { FACTURO_SCHEDULER_MS: '0' } });
  mailbox = await startMailbox();
});
afterAll(async () => {
  await mailbox.close();
  await server.close();
});

const at = (iso: string) => {
  clock = new Date(`${iso}T06:00:00Z`);
};

/** One tick of the jobs at the clock, with every lease freed first (each tick stands for a later moment). */
async function tick(): Promise<void> {
  await server.services.db.execute({ sql: 'DELETE FROM job_leases WHERE job IN (?, ?, ?)', args: [BILLING_JOB, SEND_JOB, ALERTS_JOB] });
  await runJobsOnce(server.services, [subscriptionBilling, recurringSend, subscriptionAlerts], clock, 'test');
}

async function withSmtp(co: BillingCompany) {
  await putSecret(co.s, co.companyId, 'smtp', { host: '127.0.0.1', port: mailbox.port, secure: false, from: 'Nuage <factures@nuage.example>' });
}

const mailsTo = (to: string) => mailbox.received.filter((m) => m.to.includes(to));

describe('subscription jobs', () => {
  it('bills on the due day and emails each recurring invoice to the customer once', async () => {
    at('2027-02-01');
    const co = await billingCompany(server, 'Send Co');
    await withSmtp(co);
    const customerId = await businessCustomer(co, 'Envoi SARL');
    expect((await co.call('POST', '/subscriptions', { customerId, start: '2027-02-01', items: [{ planId: 'pro', quantity: '1' }] })).status).toBe(201);
    await tick();
    await tick();
    await tick();
    expect(mailsTo('compta@envoisarl.fr')).toHaveLength(1);
    // The Factur-X PDF goes with it.
    expect(mailsTo('compta@envoisarl.fr')[0]!.mail.attachments.map((a) => a.contentType)).toEqual(['application/pdf']);
    at('2027-03-01');
    await tick();
    await tick();
    expect(mailsTo('compta@envoisarl.fr')).toHaveLength(2);
  });

  it('sends a consumer the L215-1 renewal notice in the legal window, once, with the deadline on a line of its own', async () => {
    at('2027-01-01');
    const co = await billingCompany(server, 'Renewal Co', [{ ...PRO, commitmentMonths: 12, tacitRenewal: true }]);
    await withSmtp(co);
    const consumer = await co.call('POST', '/customers', {
      kind: 'individual', name: 'Julie Carpentier', email: 'julie@example.fr', address: { line1: '8 impasse des Lilas', postcode: '69003', city: 'Lyon', country: 'FR' },
    });
    expect((await co.call('POST', '/subscriptions', { customerId: String(consumer.body.id), start: '2027-01-01', items: [{ planId: 'pro', quantity: '1' }] })).status).toBe(201);
    // The term ends 2028-01-01; 30 days before is 2027-12-02, later than one month before (2027-12-01): the 1st is used.
    at('2027-11-30');
    await tick();
    expect(mailsTo('julie@example.fr').filter((m) => (m.mail.subject ?? '').startsWith('Reconduction'))).toHaveLength(0);
    at('2027-12-01');
    await tick();
    await tick();
    const notices = mailsTo('julie@example.fr').filter((m) => (m.mail.subject ?? '').startsWith('Reconduction'));
    expect(notices).toHaveLength(1);
    expect(notices[0]!.mail.text).toMatch(/\n=+\nVous pouvez refuser cette reconduction jusqu’au 01\/01\/2028\.\n=+\n/);
    const [owner] = (await co.s.db.execute({ sql: 'SELECT user_id FROM memberships WHERE company_id = ?', args: [co.companyId] })).rows;
    const told = await listNotifications(co.s, co.companyId, String(owner!.user_id), { limit: 20 });
    expect(told.map((n) => n.kind)).toContain('subscription.renewal-notice');
  });

  it('tells the team a month before a SEPA mandate lapses after 36 months without a collection', async () => {
    at('2027-01-01');
    const co = await billingCompany(server, 'Lapse Co');
    const customerId = await businessCustomer(co, 'Vieux Mandat');
    const m = await co.call('POST', '/sepa/mandates', { customerId, rum: 'RUM-OLD-1', signedOn: '2024-02-15', debtorName: 'Vieux Mandat', iban: 'FR7630006000011234567890189', type: 'recurrent' });
    expect(m.status, JSON.stringify(m.body)).toBe(201);
    const [owner] = (await co.s.db.execute({ sql: 'SELECT user_id FROM memberships WHERE company_id = ?', args: [co.companyId] })).rows;
    const kinds = async () => (await listNotifications(co.s, co.companyId, String(owner!.user_id), { limit: 20 })).map((n) => n.kind);
    at('2027-01-10');
    await tick();
    expect(await kinds()).not.toContain('sepa.mandate_lapsing');
    at('2027-01-20');
    await tick();
    await tick();
    expect((await kinds()).filter((k) => k === 'sepa.mandate_lapsing')).toHaveLength(1);
  });
});
