import { formatAmount, Money, roundToMinor } from '../money';
import type { BillingPeriod } from '../periods';
import { addDays } from '../periods/dates';
import type { LineInput } from '../schema/document';
import { invoiceLinesFor } from './lines';
import type { Plans } from './plan';
import { basePlan, type Subscription } from './subscription';

// "Expected minus already issued" (STYLE §1) for a period billed in advance and changed afterwards: more seats on
// the 11th of a month invoiced on the 1st. The period's lines as its history now stands, less its lines as they
// were when it was invoiced (the first `seen` changes), are the correction: the credit of the unused part and the
// charge of the new part, exactly the lines the period would have carried had the change been known. They go on
// the subscription's next invoice, each marked "Régularisation", and sum to the difference to the cent.

const key = (l: LineInput): string => JSON.stringify([l.description, l.quantity, l.unitPrice, l.vatRate ?? '', l.vatCategory ?? '', l.productId ?? '', l.unit ?? '']);
const fr = (iso: string): string => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** A line credited: quantity negated, price kept positive (EN 16931 BR-27 forbids a negative item price). */
function negated(line: LineInput): LineInput {
  const q = new Money(line.quantity);
  return { ...line, quantity: q.negated().toFixed() }; // number-ok: Decimal#toFixed, a decimal string
}

/**
 * The correction lines of `period` (already invoiced when the subscription had its first `seen` changes):
 * the lines now expected that were not invoiced, and the invoiced ones no longer expected, credited. Empty
 * when nothing that touches the period changed since.
 */
export function correctionLines(sub: Subscription, plans: Plans, period: BillingPeriod, seen: number): LineInput[] {
  if (seen >= sub.changes.length) return [];
  const invoiced = invoiceLinesFor({ ...sub, changes: sub.changes.slice(0, seen) }, plans, period);
  const expected = invoiceLinesFor(sub, plans, period);
  const left = new Map<string, number>();
  for (const l of invoiced) left.set(key(l), (left.get(key(l)) ?? 0) + 1);
  const added: LineInput[] = [];
  for (const l of expected) {
    const n = left.get(key(l)) ?? 0;
    if (n > 0) left.set(key(l), n - 1);
    else added.push(l);
  }
  const removed = invoiced.filter((l) => {
    const n = left.get(key(l)) ?? 0;
    if (n === 0) return false;
    left.set(key(l), n - 1);
    return true;
  });
  const label = `Régularisation de la période du ${fr(period.start)} au ${fr(addDays(period.end, -1))} — `;
  return [...removed.map(negated), ...added].map((l) => ({ ...l, description: `${label}${l.description}` }));
}

/** What the correction adds (HT; negative when it credits more than it charges), each line rounded as an invoice rounds it. */
export function correctionTotal(sub: Subscription, plans: Plans, lines: LineInput[]): string {
  const currency = basePlan(sub, plans).currency;
  return formatAmount(lines.reduce((t, l) => t.plus(roundToMinor(new Money(l.quantity).times(l.unitPrice), currency)), new Money(0)), currency);
}
