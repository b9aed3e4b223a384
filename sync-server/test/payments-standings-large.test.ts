import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoiceStandings } from '../src/payments';
import { startTestServer } from './helpers';
import { sepaCompany } from './sepa-fixtures';

// Regression (issue 8): the standings of a company with more than about 125,000 issued invoices crashed with a
// RangeError (a query's rows spread as a call's arguments overflow V8's stack). 130,000 rows, written by SQL.

let server: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const COUNT = 130_000;

describe('standings of a large company', () => {
  it('reads 130,000 issued invoices company-wide and for their one customer without overflowing the stack', async () => {
    const co = await sepaCompany(server, 'Large Co');
    await server.services.db.execute({
      sql: `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
        INSERT INTO documents (id, company_id, kind, status, customer_id, number, issue_date, due_date, currency, total_incl, created_at, updated_at)
        SELECT 'dc_big' || i, ?, 'invoice', 'issued', 'cu_big0', 'B-' || i, '2027-01-01', '2027-01-31', 'EUR', '12.00', '2027-01-01T00:00:00Z', '2027-01-01T00:00:00Z' FROM n`,
      args: [COUNT, co.companyId],
    });
    const all = await invoiceStandings(server.services.db, co.companyId, '2027-02-15');
    expect(all.size).toBe(COUNT);
    expect(all.get('dc_big77')).toMatchObject({ open: '12.00', status: 'overdue' });
    const one = await invoiceStandings(server.services.db, co.companyId, '2027-02-15', { customerId: 'cu_big0' });
    expect(one.size).toBe(COUNT);
  }, 120_000);
});
