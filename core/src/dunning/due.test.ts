import { describe, expect, it } from 'vitest';
import { defaultDunningPolicy } from './default-policy';
import { dunningDue, type DunningInput } from './due';
import { customers, invoice, policies } from './fixtures.testing';
import { parseDunningPolicy } from './policy';

// Invoice in1 is due Friday 15 January 2027. The default policy's dates: courtesy Tue 12 Jan, reminder Fri 22 Jan,
// firm Sat 30 Jan → Mon 1 Feb, formal notice Sun 14 Feb → Mon 15 Feb, task Mon 1 Mar. Paris is UTC+1 in winter.
const key = (step: string, inv = 'in1', policy = 'standard') => `dun:${inv}:${policy}:${step}`;

function run(now: string, over: Partial<DunningInput> = {}) {
  return dunningDue({ invoices: [invoice('in1')], holds: [], policies, customers, now, done: new Set(), seller: { tradeName: 'Studio Boréal' }, ...over });
}
const keys = (now: string, over: Partial<DunningInput> = {}) => run(now, over).due.map((d) => d.key);

describe('dunningDue: dates', () => {
  it('proposes nothing before the first step’s date', () => {
    expect(run('2027-01-11T09:00:00Z')).toEqual({ due: [], problems: [] });
  });

  it('proposes the courtesy email on its date, written in the customer’s language', () => {
    const [step] = run('2027-01-12T09:00:00Z').due;
    expect(step).toMatchObject({ key: key('courtesy'), plannedOn: '2027-01-12', channel: 'email', tone: 'courtesy', penalties: false, language: 'fr', skipped: [] });
    expect(step?.subject).toBe('Facture F-2027-00in1 : échéance le 15/01/2027');
    expect(step?.body).toContain('d’un montant de 1\u202f200,00\u00a0€, arrive à échéance le 15/01/2027');
  });

  it('moves a step falling on a Saturday to the Monday', () => {
    const done = new Set([key('courtesy'), key('reminder')]);
    expect(keys('2027-01-30T10:00:00Z', { done })).toEqual([]);
    expect(run('2027-02-01T09:00:00Z', { done }).due[0]).toMatchObject({ key: key('firm'), plannedOn: '2027-02-01' });
  });

  it('sends only the latest step due and lists the earlier ones never sent as skipped', () => {
    expect(run('2027-02-16T09:00:00Z').due[0]).toMatchObject({ key: key('formal-notice'), skipped: [key('courtesy'), key('reminder'), key('firm')] });
    expect(run('2027-02-16T09:00:00Z', { done: new Set([key('courtesy')]) }).due[0]?.skipped).toEqual([key('reminder'), key('firm')]);
  });

  it('does not propose a step already done', () => {
    expect(keys('2027-02-16T09:00:00Z', { done: new Set([key('formal-notice')]) })).toEqual([]);
  });
});

describe('dunningDue: email hours', () => {
  const done = new Set([key('courtesy')]);

  it('holds an email due on a Friday evening until Saturday 08:00 Paris', () => {
    expect(keys('2027-01-22T18:30:00Z', { done })).toEqual([]);
    expect(keys('2027-01-23T06:59:00Z', { done })).toEqual([]);
    expect(run('2027-01-23T07:00:00Z', { done }).due[0]).toMatchObject({ key: key('reminder'), plannedOn: '2027-01-22' });
  });

  it('sends no email on a Sunday', () => {
    expect(keys('2027-01-24T10:00:00Z', { done })).toEqual([]);
  });

  it('lets a task appear at dawn: a person does it, no email goes out', () => {
    const all = new Set(defaultDunningPolicy.steps.slice(0, 4).map((s) => key(s.id)));
    expect(run('2027-03-01T05:00:00Z', { done: all }).due[0]).toMatchObject({ key: key('call-or-registered-letter'), channel: 'task', plannedOn: '2027-03-01' });
  });
});

describe('dunningDue: language', () => {
  const en = [invoice('in1', { customerId: 'c_en' })];

  it('writes to an English-speaking customer in English, with English dates and amounts', () => {
    const [step] = run('2027-01-12T09:00:00Z', { invoices: en }).due;
    expect(step).toMatchObject({ language: 'en', subject: 'Invoice F-2027-00in1: due on 2027-01-15' });
    expect(step?.body).toContain('for €1,200.00 is due on 2027-01-15');
  });

  it('writes a task in the company’s language, whatever the customer’s', () => {
    const done = new Set(defaultDunningPolicy.steps.slice(0, 4).map((s) => key(s.id)));
    expect(run('2027-03-01T09:00:00Z', { invoices: en, done }).due[0]?.language).toBe('fr');
    expect(run('2027-03-01T09:00:00Z', { invoices: en, done, language: 'en' }).due[0]?.subject).toBe('Call Thames Tools Ltd or send a registered letter: invoice F-2027-00in1');
  });

  it('falls back to the other language when a step is written in one only', () => {
    const frOnly = parseDunningPolicy({ id: 'fr-only', name: 'FR', isDefault: true, steps: [{ id: 'r', offsetDays: 1, channel: 'email', tone: 'reminder', template: { fr: { subject: 'Relance', body: 'Bonjour' } } }] });
    expect(run('2027-01-18T09:00:00Z', { invoices: en, policies: [frOnly] }).due[0]).toMatchObject({ language: 'fr', subject: 'Relance' });
  });
});

describe('dunningDue: holds', () => {
  const done = new Set([key('courtesy')]);
  const promise = { invoiceId: 'in1', kind: 'promise' as const, until: '2027-01-25' };

  it('suspends the sequence up to the promised date included, then dates the step the next business day', () => {
    expect(keys('2027-01-22T09:00:00Z', { done, holds: [promise] })).toEqual([]);
    expect(keys('2027-01-25T09:00:00Z', { done, holds: [promise] })).toEqual([]);
    expect(run('2027-01-26T09:00:00Z', { done, holds: [promise] }).due[0]).toMatchObject({ key: key('reminder'), plannedOn: '2027-01-26' });
  });

  it('suspends a dispute until it is released, whatever its date', () => {
    expect(keys('2027-02-16T09:00:00Z', { holds: [{ invoiceId: 'in1', kind: 'dispute', until: '2027-01-20' }] })).toEqual([]);
    expect(keys('2027-02-16T09:00:00Z', { holds: [] })).toEqual([key('formal-notice')]);
  });

  it('suspends a pause without end date until it is released', () => {
    expect(keys('2027-06-01T09:00:00Z', { holds: [{ invoiceId: 'in1', kind: 'pause' }] })).toEqual([]);
  });

  it('leaves the dates alone when a hold ended before them', () => {
    expect(run('2027-01-12T09:00:00Z', { holds: [{ invoiceId: 'in1', kind: 'pause', until: '2027-01-05' }] }).due[0]?.plannedOn).toBe('2027-01-12');
  });

  it('holds only the invoice it names', () => {
    expect(keys('2027-01-12T09:00:00Z', { holds: [{ invoiceId: 'in2', kind: 'dispute' }] })).toEqual([key('courtesy')]);
  });
});

describe('dunningDue: payments', () => {
  it('stops at once when the invoice is paid or settled', () => {
    expect(keys('2027-02-16T09:00:00Z', { invoices: [invoice('in1', { open: '0.00', status: 'paid' })] })).toEqual([]);
    expect(keys('2027-02-16T09:00:00Z', { invoices: [invoice('in1', { open: '0', status: 'overdue' })] })).toEqual([]);
    expect(keys('2027-02-16T09:00:00Z', { invoices: [invoice('in1', { status: 'settled' })] })).toEqual([]);
  });

  it('goes on after a partial payment, asking only what is left', () => {
    const [step] = run('2027-01-22T09:00:00Z', { invoices: [invoice('in1', { open: '300.00', status: 'partially_paid' })] }).due;
    expect(step?.body).toContain('il reste 300,00\u00a0€ à payer');
  });
});

describe('dunningDue: texts', () => {
  it('states a business customer’s penalties and €40 indemnity in the formal notice', () => {
    const body = run('2027-02-16T09:00:00Z').due[0]!.body;
    expect(body).toContain('L441-10');
    expect(body).toContain('40 €');
  });

  it('states statutory interest to a consumer, and no indemnity', () => {
    const body = run('2027-02-16T09:00:00Z', { invoices: [invoice('in1', { customerId: 'c_person' })] }).due[0]!.body;
    expect(body).toContain('1231-6 du Code civil');
    expect(body).not.toContain('40 €');
  });

  it('quotes the payment link when there is one, and leaves no blank hole when there is none', () => {
    expect(run('2027-01-12T09:00:00Z', { invoices: [invoice('in1', { paymentLink: 'https://pay.example/in1' })] }).due[0]!.body).toContain('Vous pouvez la régler en ligne : https://pay.example/in1');
    expect(run('2027-01-12T09:00:00Z').due[0]!.body).not.toMatch(/\n\n\n/);
  });

  it('counts the days late on the day it goes', () => {
    expect(run('2027-02-02T09:00:00Z', { done: new Set([key('courtesy')]) }).due[0]!.body).toContain('avec 18 jours de retard');
  });
});

describe('dunningDue: policies', () => {
  it('finishes a sequence under the policy it started with when the customer’s risk changes', () => {
    const risky = customers.map((c) => (c.id === 'c_fr' ? { ...c, riskLevel: 'high' as const } : c));
    expect(keys('2027-01-22T09:00:00Z', { customers: risky })).toEqual([key('reminder', 'in1', 'high-risk')]);
    expect(keys('2027-01-22T09:00:00Z', { customers: risky, done: new Set([key('courtesy')]) })).toEqual([key('reminder')]);
  });

  it('lets an archived policy finish what it started but take no new invoice', () => {
    const archived = [{ ...defaultDunningPolicy, archived: true }];
    expect(keys('2027-01-22T09:00:00Z', { policies: archived, done: new Set([key('courtesy')]) })).toEqual([key('reminder')]);
    expect(keys('2027-01-22T09:00:00Z', { policies: archived })).toEqual([]);
  });

  it('gives a letter and a task to the person the step names', () => {
    const risky = [invoice('in1', { customerId: 'c_risky' })];
    expect(run('2027-02-02T09:00:00Z', { invoices: risky }).due[0]).toMatchObject({ channel: 'letter', assignee: 'u_compta', penalties: true });
  });
});

describe('dunningDue: bad data', () => {
  it('reports an invoice it cannot read, naming the field, and goes on with the others', () => {
    const invoices = [invoice('in0', { customerId: 'c_nobody' }), invoice('in1'), invoice('in2', { dueDate: '2027-02-30' }), invoice('in3', { open: '1,5' })];
    const { due, problems } = run('2027-01-12T09:00:00Z', { invoices });
    expect(due.map((d) => d.key)).toEqual([key('courtesy')]);
    expect(problems.map((p) => [p.invoiceId, p.message.split(':')[0]])).toEqual([['in0', 'invoices[0].customerId'], ['in2', 'invoices[2].dueDate'], ['in3', 'invoices[3].open']]);
  });

  it('reports a text that can no longer be written (a custom value removed) with its key', () => {
    const policy = parseDunningPolicy({ id: 'p', name: 'P', isDefault: true, steps: [{ id: 's', offsetDays: 0, channel: 'task', tone: 'reminder', template: { fr: { body: '{{custom.website}}' } } }] }, ['website']);
    expect(run('2027-01-15T09:00:00Z', { policies: [policy] }).problems).toEqual([{ invoiceId: 'in1', key: 'dun:in1:p:s', message: 'unknown variable {{custom.website}}' }]);
  });

  it('refuses a `now` without offset, naming it', () => {
    expect(() => run('2027-01-12 09:00')).toThrow('now:');
  });
});

describe('dunningDue: whose words', () => {
  it('writes only the emails’ words when asked (the server’s pass), the same steps due, a task’s script left to the queue', () => {
    const invoices = [invoice('in1'), invoice('in2', { dueDate: '2026-12-10' })];
    // 1 March 2027: in1's call (D+45) is due; in2, 81 days late, has its call too; an email for neither.
    const all = run('2027-03-01T09:00:00Z', { invoices }).due;
    const emails = run('2027-03-01T09:00:00Z', { invoices, texts: 'emails' }).due;
    expect(emails.map((d) => [d.key, d.channel, d.plannedOn])).toEqual(all.map((d) => [d.key, d.channel, d.plannedOn]));
    expect(all.every((d) => d.channel === 'task' && d.body.length > 0)).toBe(true);
    expect(emails.map((d) => d.body)).toEqual(['', '']);
    const mail = run('2027-01-12T09:00:00Z', { texts: 'emails' }).due[0];
    expect(mail?.body).toContain('arrive à échéance le 15/01/2027');
  });
});
