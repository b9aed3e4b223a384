import { formatAmount, Money } from '../money';
import { daysBetween, type BillingPeriod, type ChangeAdjustment, type Period } from '../periods';
import { addDays } from '../periods/dates';
import type { LineInput } from '../schema/document';
import { billingKey, periodBills, periodsAfter, prorationPeriod, type DuePeriod, type ItemBill } from './billing';
import { planOf, type Plan, type Plans } from './plan';
import { basePlan, type ItemState, type Subscription } from './subscription';

// Invoice lines of one subscription period (issue 7): the period is printed on each line, end shown
// inclusive as a person reads it. A mid-period change prints one line for the price at the period's start,
// then for each change a credit of the old price and a charge of the new one for the remaining days, so each
// line checks by hand (price × days / days) and the lines' nets sum to core/periods `changes` to the cent.
// Credits carry quantity −1 and a positive price: EN 16931 BR-27 forbids a negative item net price.

const fr = (iso: string): string => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const shown = (p: Period): string => `période du ${fr(p.start)} au ${fr(addDays(p.end, -1))}`;

type PricedState = ItemBill['states'][number];

function lineOf(plan: Plan, description: string, quantity: string, unitPrice: string): LineInput {
  return {
    description,
    quantity,
    unitPrice,
    vatRate: plan.vatRate,
    vatCategory: plan.vatCategory,
    ...(plan.productId ? { productId: plan.productId } : {}),
    ...(plan.unit ? { unit: plan.unit } : {}),
  };
}

function causeOf(sub: Subscription, plans: Plans, before: PricedState, after: PricedState, itemIndex: number): string {
  const kinds = new Set(sub.changes.filter((c) => c.at === after.date && (c.itemIndex === undefined || c.itemIndex === itemIndex)).map((c) => c.kind));
  if (kinds.has('cancel')) return 'résiliation';
  if (kinds.has('pause')) return 'suspension';
  if (kinds.has('resume')) return 'reprise';
  const parts: string[] = [];
  const [a, b] = [before.item, after.item];
  if (a.planId !== b.planId) parts.push(`formule ${planOf(plans, a.planId, 'planId').name} → ${planOf(plans, b.planId, 'planId').name}`);
  if (a.quantity !== b.quantity) parts.push(`quantité ${a.quantity} → ${b.quantity}`);
  if (kinds.has('price') || (a.planId === b.planId && a.unitPrice !== b.unitPrice)) parts.push(`prix unitaire ${priceOf(a, plans)} → ${priceOf(b, plans)}`);
  return parts.join(', ') || 'modification';
}

const priceOf = (item: ItemState, plans: Plans): string => item.unitPrice ?? planOf(plans, item.planId, 'planId').unitPrice;

function adjustmentLines(sub: Subscription, plans: Plans, full: Period, period: BillingPeriod, ib: ItemBill): LineInput[] {
  const lines: LineInput[] = [];
  const days = daysBetween(full.start, full.end);
  ib.bill.adjustments.forEach((adj: ChangeAdjustment, k) => {
    const [before, after] = [ib.states[k] as PricedState, ib.states[k + 1] as PricedState];
    const rest = `du ${fr(adj.date)} au ${fr(addDays(full.end, -1))}, ${String(daysBetween(adj.date, full.end))}/${String(days)} jours`;
    if (period.stub && adj.date === period.start && !before.served) {
      const plan = planOf(plans, after.item.planId, 'planId');
      lines.push(lineOf(plan, `${plan.description} — ${shown(period)} (prorata ${String(daysBetween(period.start, period.end))}/${String(days)} jours)`, '1', adj.charge));
      return;
    }
    const cause = `${causeOf(sub, plans, before, after, ib.itemIndex)} le ${fr(adj.date)}`;
    if (!new Money(adj.credit).isZero()) {
      const plan = planOf(plans, before.item.planId, 'planId');
      lines.push(lineOf(plan, `${plan.description} — ${cause} : avoir sur ${before.item.quantity} × ${priceOf(before.item, plans)} ${rest}`, '-1', formatAmount(new Money(adj.credit).negated(), plan.currency)));
    }
    if (!new Money(adj.charge).isZero()) {
      const plan = planOf(plans, after.item.planId, 'planId');
      lines.push(lineOf(plan, `${plan.description} — ${cause} : ${after.item.quantity} × ${priceOf(after.item, plans)} ${rest}`, '1', adj.charge));
    }
  });
  return lines;
}

/** The lines of one period's invoice: per item, its price at the period's start, then each change's credit and charge. */
export function invoiceLinesFor(sub: Subscription, plans: Plans, period: BillingPeriod): LineInput[] {
  const full = prorationPeriod(sub, plans, period);
  return periodBills(sub, plans, period).flatMap((ib) => {
    const first = ib.states[0] as PricedState;
    const lines: LineInput[] = [];
    if (first.served && !new Money(ib.bill.initial).isZero()) {
      const plan = planOf(plans, first.item.planId, 'planId');
      lines.push(lineOf(plan, `${plan.description} — ${shown(period)}`, first.item.quantity, priceOf(first.item, plans)));
    }
    return [...lines, ...adjustmentLines(sub, plans, full, period, ib)];
  });
}

/** What the period bills in all: the sum of each item's `changes` total. */
export function periodTotal(sub: Subscription, plans: Plans, period: BillingPeriod): string {
  const currency = basePlan(sub, plans).currency;
  return formatAmount(periodBills(sub, plans, period).reduce((t, ib) => t.plus(ib.bill.total), new Money(0)), currency);
}

export interface UpcomingInvoice extends DuePeriod {
  lines: LineInput[];
  /** HT, the sum of the lines' nets. */
  total: string;
  currency: string;
}

/** The next `count` invoices billed after `now`, as the history stands (the preview of issue 7). */
export function upcomingInvoices(sub: Subscription, plans: Plans, now: string, count: number): UpcomingInvoice[] {
  const currency = basePlan(sub, plans).currency;
  return periodsAfter(sub, plans, now, count).map((d) => ({
    ...d,
    key: billingKey(sub, d.period),
    lines: invoiceLinesFor(sub, plans, d.period),
    total: periodTotal(sub, plans, d.period),
    currency,
  }));
}
