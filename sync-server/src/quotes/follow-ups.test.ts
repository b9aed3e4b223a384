import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { company, member, startTestServer } from '../../test/helpers';
import { startMailbox } from '../../test/mailbox';
import { putSecret } from '../companies/secrets';
import { runJobsOnce } from '../jobs';
import { listNotifications } from '../notifications';
import { quoteFollowUps, QUOTE_FOLLOW_UPS } from './follow-ups';
import { customer, draftQuote, sentQuote } from './portal.testing';
import { applyQuoteEvent, readQuote } from './state';

const start = new Date('2026-12-01T09:00:00Z');
let clock = start;
let server: Awaited<ReturnType<typeof startTestServer>>;
let mailbox: Awaited<ReturnType<typeof startMailbox>>;

beforeAll(async () => {
  // The server's own scheduler stays off: the test ticks the job at the clock it sets.
  server = await startTestServer(undefined, { now: () => clock, env: { FACTURO_SCHEDULER_MS: '0' } });
  mailbox = await startMailbox();
});
afterAll(async () => {
  await mailbox.close();
  await server.close();
});

const HOUR = 3600_000;
const tick = (at: Date, holder = 'test') => runJobsOnce(server.services, [quoteFollowUps], at, holder);

/** Ticks every `everyHours` from `from` for `days` days at the injected clock. */
async function run(from: Date, days: number, everyHours = 6, during?: (at: Date) => Promise<void>) {
  for (let t = from.getTime(); t <= from.getTime() + days * 24 * HOUR; t += everyHours * HOUR) {
    clock = new Date(t);
    await during?.(clock);
    await tick(clock);
  }
  clock = start;
}

async function setup(name: string, withSmtp = true) {
  clock = start;
  const s = server.services;
  // Each test starts the calendar again: the lease a previous test left in the future would hold the job.
  await s.db.execute({ sql: 'DELETE FROM job_leases WHERE job = ?', args: [QUOTE_FOLLOW_UPS] });
  const co = await company(s, name);
  const author = await member(s, co.id, 'sales', 'Sam');
  if (withSmtp) await putSecret(s, co.id, 'smtp', { host: '127.0.0.1', port: mailbox.port, secure: false, from: 'Devis <devis@example.org>' });
  const newCustomer = (email: string) => customer(s, co.id, author.userId, { kind: 'individual', name: 'Mme Roux', email });
  return { s, companyId: co.id, author, newCustomer };
}

const mailsTo = (to: string) => mailbox.received.filter((m) => m.to.includes(to));
const runKeys = async (companyId: string) =>
  (await server.services.db.execute({ sql: 'SELECT key, status FROM job_runs WHERE company_id = ? AND job = ? ORDER BY key', args: [companyId, QUOTE_FOLLOW_UPS] })).rows.map((r) => `${String(r.key).replace(/^quote:dc_\w+:/, '')} ${String(r.status)}`);

describe('quote follow-ups over 30 days', () => {
  it('follow up at D+3, D+7 and two days before expiry once each, then expire the quote once', async () => {
    const { s, companyId, author, newCustomer } = await setup('Follow Co');
    const customerId = await newCustomer('silent@example.org');
    const q = await sentQuote(s, { companyId, authorId: author.userId, customerId, validUntil: '2026-12-30' });
    await run(start, 32);
    const mails = mailsTo('silent@example.org');
    expect(mails.map((m) => m.mail.subject)).toEqual(['Notre devis D-2026-00012', 'Notre devis D-2026-00012', 'Notre devis D-2026-00012 expire le 30/12/2026']);
    // On the first ticks at or after D+3 09:00, D+7 09:00, 29/12 00:00 (two days before expiry) and 31/12 00:00.
    const ran = await s.db.execute({ sql: 'SELECT ran_at FROM job_runs WHERE company_id = ? ORDER BY ran_at', args: [companyId] });
    expect(ran.rows.map((r) => String(r.ran_at).slice(0, 13))).toEqual(['2026-12-04T09', '2026-12-08T09', '2026-12-29T03', '2026-12-31T03']);
    expect(await runKeys(companyId)).toEqual(['v1:expire done', 'v1:follow-up:d+3 done', 'v1:follow-up:d+7 done', 'v1:follow-up:expiry-2 done']);
    expect((await readQuote(s, companyId, q.quoteId))?.status).toBe('expired');
    const told = await listNotifications(s, companyId, author.userId, { limit: 20 });
    expect(told.filter((n) => n.kind === 'quote.expired')).toHaveLength(1);
  });

  it('each follow-up carries a portal link that opens the quote', async () => {
    const { s, companyId, author, newCustomer } = await setup('Link Co');
    const customerId = await newCustomer('link@example.org');
    await sentQuote(s, { companyId, authorId: author.userId, customerId, validUntil: '2026-12-30' });
    await run(start, 4);
    const [mail] = mailsTo('link@example.org');
    const url = /http:\/\/\S+\/p\/[A-Za-z0-9_-]{43}/.exec(mail!.mail.text ?? '')?.[0];
    expect(url).toBeDefined();
    const res = await fetch(url!.replace('/p/', '/api/portal/'));
    expect(res.status).toBe(200);
  });

  it('stop following up once the client answered, and never expire an answered quote', async () => {
    const { s, companyId, author, newCustomer } = await setup('Answered Co');
    const customerId = await newCustomer('answers@example.org');
    const q = await sentQuote(s, { companyId, authorId: author.userId, customerId, validUntil: '2026-12-30' });
    await run(start, 32, 6, async (at) => {
      if (at.getTime() === start.getTime() + 5 * 24 * HOUR) {
        await fetch(`${server.url}/api/portal/${q.token}/decline`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      }
    });
    expect(mailsTo('answers@example.org').map((m) => m.mail.subject)).toEqual(['Notre devis D-2026-00012']);
    expect((await readQuote(s, companyId, q.quoteId))?.status).toBe('declined');
    expect(await runKeys(companyId)).toEqual(['v1:follow-up:d+3 done']);
  });

  it('send a due follow-up once when two servers tick at the same instant', async () => {
    const { s, companyId, author, newCustomer } = await setup('Twice Co');
    const customerId = await newCustomer('twice@example.org');
    await sentQuote(s, { companyId, authorId: author.userId, customerId, validUntil: '2026-12-30' });
    const at = new Date(start.getTime() + 3 * 24 * HOUR + HOUR);
    clock = at;
    await Promise.all([tick(at, 'server-a'), tick(at, 'server-b')]);
    await Promise.all([tick(new Date(at.getTime() + 11 * 60_000), 'server-a'), tick(new Date(at.getTime() + 11 * 60_000), 'server-b')]);
    clock = start;
    expect(mailsTo('twice@example.org')).toHaveLength(1);
  });

  it('record a skipped follow-up when the company has no SMTP server, and tell the author', async () => {
    const { s, companyId, author, newCustomer } = await setup('No Smtp Co', false);
    const customerId = await newCustomer('nosmtp@example.org');
    await sentQuote(s, { companyId, authorId: author.userId, customerId, validUntil: '2026-12-30' });
    await run(start, 4);
    const row = (await s.db.execute({ sql: 'SELECT status, detail FROM job_runs WHERE company_id = ? AND job = ?', args: [companyId, QUOTE_FOLLOW_UPS] })).rows;
    expect(row.map((r) => [r.status, r.detail])).toEqual([['failed', 'skipped: the company has no SMTP server set up']]);
    const told = await listNotifications(s, companyId, author.userId, { limit: 10 });
    expect(told.filter((n) => n.kind === 'quote.follow_up_not_sent')).toHaveLength(1);
  });
});

describe('approver reminders', () => {
  it('remind the approver who has not decided every day, three times at most', async () => {
    const { s, companyId, author, newCustomer } = await setup('Remind Co');
    const approver = await member(s, companyId, 'approver', 'Paula');
    const customerId = await newCustomer('remind@example.org');
    const q = await draftQuote(s, { companyId, authorId: author.userId, customerId, validUntil: '2026-12-30' });
    const circuit = { id: 'ci_boss', name: 'Direction', steps: [{ approvers: { users: [approver.userId] }, rule: { mode: 'any' as const } }] };
    await applyQuoteEvent(s, { companyId, by: author.userId }, q.quoteId, {
      event: () => ({ type: 'submit', by: author.userId, circuit, checks: { mandatoryFields: [] }, directory: { roles: {}, delegations: [] } }),
    });
    await run(start, 6);
    const reminders = (await listNotifications(s, companyId, approver.userId, { limit: 20 })).filter((n) => n.kind === 'quote.approval_reminder');
    expect(reminders).toHaveLength(3);
    expect(await runKeys(companyId)).toEqual(['v1:run:1:step:1:reminder:1 done', 'v1:run:1:step:1:reminder:2 done', 'v1:run:1:step:1:reminder:3 done']);
  });
});
