import { z } from '@hono/zod-openapi';
import { aging, dso, formatAmount, Money } from '@facturo/core';
import { companyToday } from '../commands/issue';
import { customersByIds } from '../customers/records';
import { invoiceStandings } from '../payments';
import type { Services } from '../services';
import { memberOf, router, secureRoute } from './context';
import { json } from './schemas';

/*
 * Reports on receivables (issue 8): the aged balance per customer and in total, and DSO, computed by core
 * (core/src/payments aging, dso) from each issued invoice's standing (total − payments − credit notes).
 */

const tags = ['Reports'];
const Any = z.looseObject({});
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');

/** Revenue TTC invoiced per month (invoices less credit notes issued that month), for the months before `asOf`. */
async function monthlyRevenue(s: Services, companyId: string, currency: string, asOf: string, months: number): Promise<{ month: string; revenue: string }[]> {
  const first = new Date(`${asOf.slice(0, 7)}-01T00:00:00Z`);
  first.setUTCMonth(first.getUTCMonth() - (months - 1));
  const from = first.toISOString().slice(0, 10);
  const rs = await s.db.execute({
    sql: `SELECT substr(issue_date, 1, 7) AS month, kind, total_incl FROM documents WHERE company_id = ? AND status = 'issued' AND currency = ?
          AND issue_date >= ? AND issue_date <= ?`,
    args: [companyId, currency, from, asOf],
  });
  const sums = new Map<string, InstanceType<typeof Money>>();
  for (let d = new Date(first); d.toISOString().slice(0, 10) <= asOf; d.setUTCMonth(d.getUTCMonth() + 1)) sums.set(d.toISOString().slice(0, 7), new Money(0));
  for (const r of rs.rows) {
    const m = String(r.month);
    const amount = new Money(String(r.total_incl));
    sums.set(m, (sums.get(m) ?? new Money(0)).plus(String(r.kind) === 'credit_note' ? amount.neg() : amount));
  }
  return [...sums].map(([month, revenue]) => ({ month, revenue: formatAmount(Money.max(revenue, 0), currency) }));
}

export function reportRoutes() {
  const app = router();

  app.openapi(secureRoute('company.read', { method: 'get', path: '/reports/aging', tags, summary: 'Aged balance: open amounts by days past due (not due, 1–30, 31–60, 61–90, over 90), per customer and in total',
    request: { query: z.object({ asOf: day.optional() }) }, responses: { 200: json(Any, 'The aged balance') } }),
  async (c) => {
    const s = c.get('services');
    const { companyId } = memberOf(c);
    const asOf = c.req.valid('query').asOf ?? companyToday(s.now());
    const open = [...(await invoiceStandings(s.db, companyId, asOf)).values()].filter((i) => new Money(i.open).gt(0) && i.issueDate <= asOf);
    const report = aging(open.map((i) => ({ customerId: i.customerId ?? '', dueDate: i.dueDate, open: i.open, currency: i.currency })), asOf);
    const names = await customersByIds(s, companyId, report.customers.map((r) => r.customerId));
    return c.json({ ...report, customers: report.customers.map((r) => ({ ...r, customerName: names.get(r.customerId)?.name ?? null })) }, 200);
  });

  app.openapi(secureRoute('company.read', { method: 'get', path: '/reports/dso', tags, summary: 'Days sales outstanding (count-back by default, or average), with its computation',
    request: { query: z.object({ asOf: day.optional(), months: z.coerce.number().int().min(1).max(24).default(12), method: z.enum(['count_back', 'average']).default('count_back'), currency: z.string().default('EUR') }) },
    responses: { 200: json(Any, 'The DSO and its steps') } }),
  async (c) => {
    const s = c.get('services');
    const { companyId } = memberOf(c);
    const q = c.req.valid('query');
    const asOf = q.asOf ?? companyToday(s.now());
    const standings = [...(await invoiceStandings(s.db, companyId, asOf)).values()].filter((i) => i.currency === q.currency && i.issueDate <= asOf);
    const receivables = formatAmount(standings.reduce((t, i) => t.plus(i.open), new Money(0)), q.currency);
    return c.json(dso({ receivables, currency: q.currency, asOf, months: await monthlyRevenue(s, companyId, q.currency, asOf, q.months), method: q.method }), 200);
  });

  return app;
}
