import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DunningPolicyBook, latePenalty, Money } from '@facturo/core';
import { companyToday } from '../src/commands/issue';
import { runJobsOnce } from '../src/jobs';
import { dunningJob, DUNNING_JOB } from '../src/dunning/job';
import { recordPayment } from '../src/payments';
import { editWorkspace } from './billing-fixtures';
import { startTestServer } from './helpers';
import { startMailbox } from './mailbox';
import { customer, issuedInvoice, sepaCompany, useMailbox } from './sepa-fixtures';

// Dunning on the injected clock (issue 8): a quarter of passes in seconds, who got what and when, exactly once.

const start = new Date('2027-03-01T07:00:00Z');
let clock = start;
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

const HOUR = 3600_000;

async function tick(at: Date) {
  await server.services.db.execute({ sql: 'DELETE FROM job_leases WHERE job = ?', args: [DUNNING_JOB] });
  await runJobsOnce(server.services, [dunningJob], at, 'test');
}

const mailsAbout = (number: string) => mailbox.received.filter((m) => (m.mail.text ?? '').includes(number) || (m.mail.subject ?? '').includes(number));
const day = (d: Date) => companyToday(d);

describe('dunning over a quarter', () => {
  it('reminds each late invoice step by step once, stops at payment, and hands the last step to a person', async () => {
    clock = start;
    const co = await sepaCompany(server, 'Dunning Co');
    await useMailbox(co.s, co.companyId, mailbox.port);
    await editWorkspace(co.s, co.companyId, (ws) => void new DunningPolicyBook(ws.doc).installDefault(clock.toISOString(), 'test'));
    const customerId = await customer(co, { email: 'compta@boulangerie.example', name: 'Boulangerie Martin' });
    const a = await issuedInvoice(co, customerId, '100.00');
    const b = await issuedInvoice(co, customerId, '50.00');
    const sentOn = new Map<string, string[]>();
    for (let t = start.getTime(); t <= start.getTime() + 90 * 24 * HOUR; t += 6 * HOUR) {
      clock = new Date(t);
      // The customer pays invoice b on day 40 (ten days after its due date).
      if (day(clock) === '2027-04-10' && !sentOn.has('paid')) {
        await recordPayment(co.s, { companyId: co.companyId, by: 'test' }, { customerId, method: 'transfer', amount: b.total, currency: 'EUR', receivedOn: day(clock), allocations: [{ invoiceId: b.id, amount: b.total }] });
        sentOn.set('paid', [day(clock)]);
      }
      const before = mailbox.received.length;
      await tick(clock);
      for (const m of mailbox.received.slice(before)) {
        for (const n of [a.number, b.number]) if ((m.mail.text ?? '').includes(n)) sentOn.set(n, [...(sentOn.get(n) ?? []), day(clock)]);
      }
    }
    // Due on 2027-03-31: courtesy D−3 is Sunday 28 March, Easter, and Monday 29 is Easter Monday: Tuesday 30 March;
    // reminder D+7 (Wed 7 Apr), firm D+15 (Thu 15 Apr), formal notice D+30 (Fri 30 Apr).
    expect(sentOn.get(a.number)).toEqual(['2027-03-30', '2027-04-07', '2027-04-15', '2027-04-30']);
    // b was paid on 10 April: no reminder after.
    expect(sentOn.get(b.number)).toEqual(['2027-03-30', '2027-04-07']);
    expect(mailsAbout(a.number).length).toBe(4);
    const tasks = (await co.call('GET', '/dunning/tasks?status=open')).body as unknown as { invoiceId: string; dueOn: string }[];
    expect(tasks.map((x) => x.invoiceId)).toEqual([a.id]);
    const steps = await co.s.db.execute({ sql: 'SELECT step_key, outcome FROM dunning_steps WHERE company_id = ? AND invoice_id = ? ORDER BY planned_on', args: [co.companyId, a.id] });
    expect(steps.rows.map((r) => String(r.outcome))).toEqual(['sent', 'sent', 'sent', 'sent', 'claimed']);
  }, 120_000);

  it('sends only the latest step due after a pass was missed, keeps the earlier ones beside it as skipped, and never sends them later', async () => {
    clock = start;
    const co = await sepaCompany(server, 'Missed Co');
    await useMailbox(co.s, co.companyId, mailbox.port);
    await editWorkspace(co.s, co.companyId, (ws) => void new DunningPolicyBook(ws.doc).installDefault(clock.toISOString(), 'test'));
    const customerId = await customer(co, { email: 'compta@oubli.example', name: 'Oubli SARL' });
    const a = await issuedInvoice(co, customerId, '120.00');
    // No pass until 20 April (the server was down): due 31 March, the firm step (D+15, 15 April) is the latest due.
    const sent: string[] = [];
    for (let t = Date.parse('2027-04-20T07:00:00Z'); t <= Date.parse('2027-05-10T07:00:00Z'); t += 6 * HOUR) {
      clock = new Date(t);
      const before = mailbox.received.length;
      await tick(clock);
      for (const m of mailbox.received.slice(before)) if ((m.mail.text ?? '').includes(a.number)) sent.push(day(clock));
    }
    // One message on the 20th (the firm one), then the formal notice on its date: the courtesy and first reminder never.
    expect(sent).toEqual(['2027-04-20', '2027-04-30']);
    const rows = await co.s.db.execute({ sql: 'SELECT step_key, skipped_keys FROM dunning_steps WHERE company_id = ? AND invoice_id = ? ORDER BY planned_on', args: [co.companyId, a.id] });
    const stepOf = (key: string) => key.split(':').pop();
    expect(rows.rows.map((r) => stepOf(String(r.step_key)))).toEqual(['firm', 'formal-notice']);
    expect((JSON.parse(String(rows.rows[0]!.skipped_keys)) as string[]).map(stepOf)).toEqual(['courtesy', 'reminder']);
    expect(rows.rows[1]!.skipped_keys).toBeNull();
  }, 120_000);

  it('writes a task’s script when the queue is read, with what is due that day, and stores none', async () => {
    clock = start;
    const co = await sepaCompany(server, 'Script Co');
    await useMailbox(co.s, co.companyId, mailbox.port);
    await editWorkspace(co.s, co.companyId, (ws) => void new DunningPolicyBook(ws.doc).installDefault(clock.toISOString(), 'test'));
    const customerId = await customer(co, { email: 'compta@script.example', name: 'Script SARL' });
    const a = await issuedInvoice(co, customerId, '120.00'); // 144.00 TTC, due 31 March
    // 50 days late on 20 May: the call or registered letter (D+45) is due, a task for the team.
    clock = new Date('2027-05-20T07:00:00Z');
    await tick(clock);
    type Task = { invoiceId: string; note: string | null };
    const listed = async () => ((await co.call('GET', '/dunning/tasks?status=open')).body as unknown as Task[]).find((t) => t.invoiceId === a.id)!;
    expect((await listed()).note).toMatch(/reste impayée \(144,00\s€\) après 50 jours de retard/);
    const stored = await co.s.db.execute({ sql: 'SELECT note FROM dunning_tasks WHERE company_id = ? AND invoice_id = ?', args: [co.companyId, a.id] });
    expect(stored.rows.map((r) => r.note)).toEqual([null]);
    // Part paid and two days later: the script says what is left, and how late it is now.
    await recordPayment(co.s, { companyId: co.companyId, by: 'test' }, { customerId, method: 'transfer', amount: '44.00', currency: 'EUR', receivedOn: day(clock), allocations: [{ invoiceId: a.id, amount: '44.00' }] });
    clock = new Date('2027-05-22T07:00:00Z');
    expect((await listed()).note).toMatch(/reste impayée \(100,00\s€\) après 52 jours de retard/);
  }, 60_000);

  it('suspends the reminders of an invoice under a promise to pay until its date', async () => {
    clock = start;
    const co = await sepaCompany(server, 'Promise Co');
    await useMailbox(co.s, co.companyId, mailbox.port);
    await editWorkspace(co.s, co.companyId, (ws) => void new DunningPolicyBook(ws.doc).installDefault(clock.toISOString(), 'test'));
    const customerId = await customer(co, { email: 'compta@promesse.example', name: 'Promesse SARL' });
    const a = await issuedInvoice(co, customerId, '80.00');
    const hold = await co.call('POST', `/invoices/${a.id}/dunning-hold`, { kind: 'promise', until: '2027-04-20', note: 'Virement promis par téléphone' });
    expect(hold.status).toBe(201);
    const sent: string[] = [];
    for (let t = start.getTime(); t <= start.getTime() + 55 * 24 * HOUR; t += 6 * HOUR) {
      clock = new Date(t);
      const before = mailbox.received.length;
      await tick(clock);
      for (const m of mailbox.received.slice(before)) if ((m.mail.text ?? '').includes(a.number)) sent.push(day(clock));
    }
    expect(sent.every((d) => d > '2027-04-20')).toBe(true);
    expect(sent.length).toBeGreaterThan(0);
  }, 120_000);
});

describe('an invoice’s holds', () => {
  it('lists the holds in force and drops one once released', async () => {
    clock = start;
    const co = await sepaCompany(server, 'Holds Co');
    const customerId = await customer(co, { email: 'compta@litige.example', name: 'Litige SAS' });
    const a = await issuedInvoice(co, customerId, '50.00');
    const hold = await co.call('POST', `/invoices/${a.id}/dunning-hold`, { kind: 'dispute', note: 'Livraison contestée' });
    const listed = await co.call('GET', `/invoices/${a.id}/dunning-holds`);
    expect(listed.body).toEqual([expect.objectContaining({ id: hold.body.id, kind: 'dispute', until: null, note: 'Livraison contestée' })]);
    expect((await co.call('POST', `/dunning/holds/${hold.body.id}/release`, {})).status).toBe(200);
    expect((await co.call('GET', `/invoices/${a.id}/dunning-holds`)).body).toEqual([]);
  }, 60_000);
});

describe('late-payment penalties on demand', () => {
  it('charges each amount by the days it was late at the ECB rate + 10 points, plus the 40 € indemnity, as a draft invoice outside VAT', async () => {
    clock = start;
    const co = await sepaCompany(server, 'Penalty Co');
    const customerId = await customer(co, { name: 'Retard SARL' });
    const a = await issuedInvoice(co, customerId, '100.00'); // 120.00 TTC, due 2027-03-31
    expect((await co.call('POST', `/invoices/${a.id}/penalty-invoice`)).status).toBe(409);
    clock = new Date('2027-04-10T09:00:00Z');
    await recordPayment(co.s, { companyId: co.companyId, by: 'test' }, { customerId, method: 'transfer', amount: '60.00', currency: 'EUR', receivedOn: '2027-04-10', allocations: [{ invoiceId: a.id, amount: '60.00' }] });
    clock = new Date('2027-04-30T09:00:00Z');
    const res = await co.call('POST', `/invoices/${a.id}/penalty-invoice`);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const paidLate = latePenalty({ amount: '60.00', dueDate: '2027-03-31', until: '2027-04-10', rule: 'ecb+10' });
    const stillOpen = latePenalty({ amount: '60.00', dueDate: '2027-03-31', until: '2027-04-30', rule: 'ecb+10' });
    expect([paidLate.days, stillOpen.days]).toEqual([10, 30]);
    const expected = new Money(paidLate.total).plus(stillOpen.total).plus('40.00').toFixed(2);
    expect(res.body.total).toBe(expected);
    const draft = await co.call('GET', `/invoices/${String(res.body.id)}`);
    expect(draft.body).toMatchObject({ status: 'draft', totalExclTax: expected, totalInclTax: expected });
    // Once checked, it issues like any invoice: the EN 16931 rules accept its lines outside VAT (category E at 0 %, the reason printed).
    const issued = await co.call('POST', `/invoices/${String(res.body.id)}/issue`, {}, { key: `issue-penalty-${String(res.body.id)}` });
    expect(issued.status, JSON.stringify(issued.body)).toBe(200);
  });
});
