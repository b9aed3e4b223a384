import {
  billingRuleOf, correctionLines, formatNumber, periodAt, recurringInvoice,
  ValidationError, type BillingPeriod, type Customer, type DirectDebit, type DuePeriod, type LineInput, type Plans, type Subscription,
} from '@facturo/core';
import { newId } from '../ids';
import type { Services } from '../services';
import type { Billed, Pending, RunContext, StalePeriod } from './context';

// Reading and freezing a slice of the run: due subscriptions, what they already billed, their invoices' content.

/** The subscriptions whose next invoice is due by today (their projection says so) and that are not on hold for an error. */
export async function dueSubscriptions(s: Services, companyId: string, today: string, only?: readonly string[]): Promise<Subscription[]> {
  const rs = await s.db.execute({
    sql: `SELECT data FROM subscriptions WHERE company_id = ? AND next_billing_on <= ? AND billing_error IS NULL
          ${only ? `AND id IN (${only.map(() => '?').join(', ')})` : ''} ORDER BY id`,
    args: [companyId, today, ...(only ?? [])],
  });
  // Stored only after core parsed it (commands.ts): read back as is, so 100,000 records are not re-validated every run.
  return rs.rows.map((r) => JSON.parse(String(r.data)) as Subscription);
}

export async function billedFor(s: Services, companyId: string, subs: Subscription[]): Promise<Billed> {
  const out: Billed = { keys: new Set(), stale: new Map() };
  const changes = new Map(subs.map((x) => [x.id, x.changes.length]));
  for (let i = 0; i < subs.length; i += 500) {
    const ids = subs.slice(i, i + 500).map((x) => x.id);
    const rs = await s.db.execute({
      sql: `SELECT subscription_id, period_start, period_end, changes_seen FROM subscription_billings WHERE company_id = ? AND subscription_id IN (${ids.map(() => '?').join(', ')})`,
      args: [companyId, ...ids],
    });
    for (const r of rs.rows) {
      const id = String(r.subscription_id);
      out.keys.add(`sub:${id}:${String(r.period_start)}`);
      if (Number(r.changes_seen) < (changes.get(id) ?? 0)) {
        const list = out.stale.get(id) ?? [];
        list.push({ period: { start: String(r.period_start), end: String(r.period_end), stub: false }, seen: Number(r.changes_seen) });
        out.stale.set(id, list);
      }
    }
  }
  return out;
}

/** The correction lines an invoice for `due` carries: every earlier period changed since it was invoiced. */
export function correctionsFor(sub: Subscription, plans: Plans, due: DuePeriod, stale: StalePeriod[] | undefined): { lines: LineInput[]; corrected: string[] } {
  const earlier = (stale ?? []).filter((q) => q.period.start < due.period.start).sort((a, b) => (a.period.start < b.period.start ? -1 : 1));
  // A stub period is priced against its full calendar period: core knows which it is from the subscription.
  const lines = earlier.flatMap((q) => correctionLines(sub, plans, periodOf(sub, plans, q.period), q.seen));
  return { lines, corrected: earlier.map((q) => q.period.start) };
}

function periodOf(sub: Subscription, plans: Plans, p: BillingPeriod): BillingPeriod {
  return periodAt(p.start, billingRuleOf(sub, plans));
}

/** What a subscription's mandate puts on its invoices (BG-19), when it is usable. */
export interface UsableMandate {
  rum: string;
  iban: string;
}

/**
 * The direct debit an invoice states: the subscription's mandate while it is active, with the company's creditor
 * identifier (a subscription collected by debit is held, its reason named, while the company has none). A revoked or
 * lapsed mandate leaves the invoice payable by transfer; its collection is refused and the team told (effects.ts).
 */
function directDebitOf(ctx: RunContext, sub: Subscription, mandate: UsableMandate | undefined): DirectDebit | undefined {
  if (!sub.mandateId || !mandate) return undefined;
  const creditorId = ctx.settings.sepaCreditorId;
  if (!creditorId) throw new ValidationError({ sepaCreditorId: 'the company has no SEPA creditor identifier (ICS): set it in the company settings to collect by direct debit' });
  return { mandateReference: mandate.rum, creditorId, debitedIban: mandate.iban };
}

/** The frozen invoice of one period with a provisional number (its shape only; the chunk gives the real one). */
export function prepare(ctx: RunContext, sub: Subscription, due: DuePeriod, customer: Customer | undefined, corrections: { lines: LineInput[]; corrected: string[] }, mandate?: UsableMandate): Pending {
  const invoiceId = newId('dc');
  const provisional = formatNumber(ctx.series.format, { seq: 1, date: ctx.today });
  const directDebit = directDebitOf(ctx, sub, mandate);
  const frozen = recurringInvoice(sub, ctx.plans, due.period, {
    id: invoiceId, number: provisional, createdAt: ctx.at, settings: ctx.settings, customer, series: ctx.series, issueDate: ctx.today,
    ...(directDebit ? { directDebit } : {}),
  }, corrections.lines);
  return { sub, due, invoiceId, frozen, corrected: corrections.corrected };
}
