import type Decimal from 'decimal.js';
import { Money } from '../money';
import { compareText, money, readCurrency, readDay, readId, readNonNegativeMoney } from './fields';

export interface AgingInvoice {
  customerId: string;
  dueDate: string;
  open: string;
  currency: string;
}

/** Days past due: `not_due` up to and including the due date, then 1–30, 31–60, 61–90, over 90. */
export const agingBuckets = ['not_due', 'days_1_30', 'days_31_60', 'days_61_90', 'over_90'] as const;
export type AgingBucket = (typeof agingBuckets)[number];

export interface AgingRow {
  currency: string;
  buckets: Record<AgingBucket, string>;
  total: string;
}

export interface AgingReport {
  asOf: string;
  /** One row per customer and currency, by customer id then currency. */
  customers: (AgingRow & { customerId: string })[];
  /** One row per currency: amounts in different currencies are never added. */
  totals: AgingRow[];
}

export function agingBucketOf(daysPastDue: number): AgingBucket {
  if (daysPastDue <= 0) return 'not_due';
  if (daysPastDue <= 30) return 'days_1_30';
  if (daysPastDue <= 60) return 'days_31_60';
  if (daysPastDue <= 90) return 'days_61_90';
  return 'over_90';
}

type Sums = Record<AgingBucket, Decimal>;
const emptySums = (): Sums => ({ not_due: new Money(0), days_1_30: new Money(0), days_31_60: new Money(0), days_61_90: new Money(0), over_90: new Money(0) });

function rowOf(sums: Sums, currency: string): AgingRow {
  const buckets = Object.fromEntries(agingBuckets.map((b) => [b, money(sums[b], currency)])) as Record<AgingBucket, string>;
  const total = agingBuckets.reduce((t, b) => t.plus(sums[b]), new Money(0));
  return { currency, buckets, total: money(total, currency) };
}

const byKey = <T>(map: Map<string, T>, key: string, make: () => T): T => {
  const found = map.get(key);
  if (found) return found;
  const made = make();
  map.set(key, made);
  return made;
};

/** Aged balance of open invoices on `today`, per customer and in total (issue 8's not due / 1–30 / … / > 90). */
export function aging(invoices: readonly AgingInvoice[], today: string): AgingReport {
  const now = readDay(today, 'today');
  const perCustomer = new Map<string, { customerId: string; currency: string; sums: Sums }>();
  const perCurrency = new Map<string, Sums>();
  invoices.forEach((invoice, i) => {
    const at = `invoices[${i}]`;
    const customerId = readId(invoice.customerId, `${at}.customerId`);
    const currency = readCurrency(invoice.currency, `${at}.currency`);
    const open = readNonNegativeMoney(invoice.open, `${at}.open`, currency);
    const bucket = agingBucketOf(now - readDay(invoice.dueDate, `${at}.dueDate`));
    const row = byKey(perCustomer, JSON.stringify([customerId, currency]), () => ({ customerId, currency, sums: emptySums() }));
    row.sums[bucket] = row.sums[bucket].plus(open);
    const totals = byKey(perCurrency, currency, emptySums);
    totals[bucket] = totals[bucket].plus(open);
  });
  const customers = [...perCustomer.values()]
    .sort((a, b) => compareText(a.customerId, b.customerId) || compareText(a.currency, b.currency))
    .map((r) => ({ customerId: r.customerId, ...rowOf(r.sums, r.currency) }));
  const totals = [...perCurrency.entries()].sort(([a], [b]) => compareText(a, b)).map(([currency, sums]) => rowOf(sums, currency));
  return { asOf: today, customers, totals };
}
