import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultDunningPolicy, DunningPolicyBook, type DunningHistoryEntry, type DunningHistoryHold, type DunningHistoryStep, type DunningHistoryTask } from '@facturo/core';
import { companyToday } from '../src/commands/issue';
import { runJobsOnce } from '../src/jobs';
import { dunningJob, DUNNING_JOB } from '../src/dunning/job';
import { editWorkspace } from './billing-fixtures';
import { createSession } from '../src/auth/sessions';
import { apiCall, member, startTestServer } from './helpers';
import { startMailbox } from './mailbox';
import { customer, issuedInvoice, sepaCompany, useMailbox } from './sepa-fixtures';

// An invoice's reminder history (issue 8) after a quarter of passes on the injected clock, as dunning.test.ts runs them.

const start = new Date('2027-03-01T07:00:00Z');
let clock = start;
let server: Awaited<ReturnType<typeof startTestServer>>;
let mailbox: Awaited<ReturnType<typeof startMailbox>>;
let co: Awaited<ReturnType<typeof sepaCompany>>;
let claire: Awaited<ReturnType<typeof member>>;
let invoice: { id: string; number: string };
const mailedOn: string[] = [];

const DAY = 24 * 3600_000;

async function tick(at: Date) {
  await server.services.db.execute({ sql: 'DELETE FROM job_leases WHERE job = ?', args: [DUNNING_JOB] });
  await runJobsOnce(server.services, [dunningJob], at, 'test');
}

const historyOf = async (id: string, as = co) => (await as.call('GET', `/invoices/${id}/dunning-history`)) as { status: number; body: unknown };
const entries = async (id: string) => (await historyOf(id)).body as DunningHistoryEntry[];

beforeAll(async () => {
  server = await startTestServer(undefined, { now: () => clock, env: { FACTURO_SCHEDULER_MS: '0' } });
  mailbox = await startMailbox();
  co = await sepaCompany(server, 'History Co');
  claire = await member(co.s, co.companyId, 'accountant', 'Claire Dupont');
  await useMailbox(co.s, co.companyId, mailbox.port);
  // The default policy, its last step (the call or registered letter at D+45) given to Claire.
  const steps = defaultDunningPolicy.steps.map((s) => (s.channel === 'task' ? { ...s, assignee: claire.userId } : s));
  await editWorkspace(co.s, co.companyId, (ws) => void new DunningPolicyBook(ws.doc).set(defaultDunningPolicy.id, { ...defaultDunningPolicy, steps }, clock.toISOString(), 'test'));
  const customerId = await customer(co, { email: 'compta@historique.example', name: 'Historique SARL' });
  invoice = await issuedInvoice(co, customerId, '100.00');
  // A pass each morning (09:00 in Paris, inside the email hours) for 80 days: past the D+45 step of an invoice due 31 March.
  for (let t = start.getTime(); t <= start.getTime() + 80 * DAY; t += DAY) {
    clock = new Date(t);
    const before = mailbox.received.length;
    await tick(clock);
    for (const m of mailbox.received.slice(before)) if ((m.mail.text ?? '').includes(invoice.number)) mailedOn.push(companyToday(clock));
  }
}, 120_000);
afterAll(async () => {
  await mailbox.close();
  await server.close();
});

describe('an invoice’s reminder history', () => {
  it('lists the steps sent, named from their policy, on the days they were mailed, oldest first', async () => {
    const sent = (await entries(invoice.id)).filter((e): e is DunningHistoryStep => e.kind === 'step' && e.outcome === 'sent');
    // Due 2027-03-31: courtesy on Tue 30 March (Easter Sunday and Monday before it), D+7, D+15, D+30.
    expect(mailedOn).toEqual(['2027-03-30', '2027-04-07', '2027-04-15', '2027-04-30']);
    expect(sent.map((e) => e.on)).toEqual(mailedOn);
    expect(sent.map((e) => [e.stepId, e.tone, e.channel, e.policyName])).toEqual([
      ['courtesy', 'courtesy', 'email', 'Relances standard'],
      ['reminder', 'reminder', 'email', 'Relances standard'],
      ['firm', 'firm', 'email', 'Relances standard'],
      ['formal-notice', 'formal_notice', 'email', 'Relances standard'],
    ]);
  });

  it('orders the whole timeline by when each thing happened', async () => {
    const all = await entries(invoice.id);
    const times = all.map((e) => new Date(e.at).getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(all.map((e) => e.kind)).toEqual(['step', 'step', 'step', 'step', 'step', 'task']);
  });

  it('shows the task given to a person with its assignee, then who did it and when', async () => {
    const open = (await entries(invoice.id)).find((e): e is DunningHistoryTask => e.kind === 'task')!;
    // D+45 from 31 March is Saturday 15 May 2027; Monday 17 is Whit Monday (Easter 28 March + 50 days): Tuesday 18.
    expect(open).toMatchObject({ action: 'call', dueOn: '2027-05-18', status: 'open', assigneeId: claire.userId, assigneeName: 'Claire Dupont', doneAt: null });
    clock = new Date('2027-05-21T14:30:00Z');
    const session = `facturo_session=${await createSession(co.s.db, claire.userId, clock)}`;
    const done = await apiCall(server, 'POST', `/dunning/tasks/${open.taskId}/done`, { cookie: session, 'x-company': co.companyId }, {});
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    const task = (await entries(invoice.id)).find((e): e is DunningHistoryTask => e.kind === 'task')!;
    expect(task).toMatchObject({ status: 'done', doneAt: '2027-05-21T14:30:00.000Z', doneOn: '2027-05-21', doneBy: claire.userId, doneByName: 'Claire Dupont' });
  });

  it('shows a hold placed then released with both dates', async () => {
    const customerId = await customer(co, { email: 'compta@promesse.example', name: 'Promesse SAS' });
    clock = new Date('2027-06-01T08:00:00Z');
    const other = await issuedInvoice(co, customerId, '40.00');
    const hold = await co.call('POST', `/invoices/${other.id}/dunning-hold`, { kind: 'promise', until: '2027-06-20', note: 'Virement promis' });
    expect(hold.status).toBe(201);
    clock = new Date('2027-06-10T16:00:00Z');
    expect((await co.call('POST', `/dunning/holds/${String(hold.body.id)}/release`, {})).status).toBe(200);
    const [entry, ...rest] = await entries(other.id);
    expect(rest).toEqual([]);
    expect(entry as DunningHistoryHold).toMatchObject({
      kind: 'hold', holdKind: 'promise', until: '2027-06-20', note: 'Virement promis', at: '2027-06-01T08:00:00.000Z', on: '2027-06-01',
      releasedAt: '2027-06-10T16:00:00.000Z', releasedOn: '2027-06-10', createdByName: 'API: owner',
    });
  });

  it('lists the steps a late first pass replaced as skipped, before the one it sent, at the same moment', async () => {
    clock = new Date('2027-03-01T07:00:00Z');
    const customerId = await customer(co, { email: 'compta@retard.example', name: 'Retard SARL' });
    const late = await issuedInvoice(co, customerId, '40.00');
    // Due 31 March; no pass for it until 20 April, when the firm step (D+15) is the latest due (07:30: the morning
    // passes of beforeAll ran at 07:00, and a tick's key is its instant).
    clock = new Date('2027-04-20T07:30:00Z');
    await tick(clock);
    const steps = (await entries(late.id)).filter((e): e is DunningHistoryStep => e.kind === 'step');
    expect(steps.map((e) => [e.stepId, e.outcome, e.channel])).toEqual([['courtesy', 'skipped', 'email'], ['reminder', 'skipped', 'email'], ['firm', 'sent', 'email']]);
    expect(new Set(steps.map((e) => e.at)).size).toBe(1);
  });

  it('answers 404 naming the id for another company’s invoice, and for an unknown one', async () => {
    const rival = await sepaCompany(server, 'Rival Co');
    const theirs = await historyOf(invoice.id, rival);
    expect(theirs.status).toBe(404);
    expect(JSON.stringify(theirs.body)).toContain(invoice.id);
    const unknown = await historyOf('dc_nope');
    expect(unknown.status).toBe(404);
    expect(JSON.stringify(unknown.body)).toContain('dc_nope');
  });
});
