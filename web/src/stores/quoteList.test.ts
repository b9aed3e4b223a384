import { describe, expect, it } from 'vitest';
import type { DocumentIndexEntry } from '@facturo/core';
import type { QuoteSummary } from '../api/quotes';
import type { QuoteLocalRow } from './quoteCache';
import { filterQuotes, mergeQuoteList, unsentQuoteIds, validityPast } from './quoteList';

const entry = (id: string, status: DocumentIndexEntry['status'], extra: Partial<DocumentIndexEntry> = {}): DocumentIndexEntry => ({ id, kind: 'quote', status, createdAt: `2026-03-0${id.slice(-1)}T10:00:00Z`, ...extra });
const summary = (id: string, extra: Partial<QuoteSummary> = {}): QuoteSummary => ({
  id, number: null, version: 1, status: 'draft', customer: null, title: null, validUntil: null, currency: 'EUR', totalExclTax: null, totalInclTax: null,
  authorId: 'u_1', createdAt: '2026-03-01T10:00:00Z', updatedAt: '2026-03-01T10:00:00Z', ...extra,
});
const local = (id: string, extra: Partial<QuoteLocalRow> = {}): QuoteLocalRow => ({
  companyId: 'co', id, status: 'draft', version: 1, currency: 'EUR', totalInclTax: null, createdAt: '2026-03-01T10:00:00Z', updatedAt: '2026-03-01T10:00:00Z', ...extra,
});
const names = new Map([['cu_1', 'Boulangerie Martin']]);
const merge = (index: DocumentIndexEntry[], server: QuoteSummary[], rows: QuoteLocalRow[]) => mergeQuoteList({ index, server, local: rows, customerName: (id) => names.get(id) });

describe('the quotes list', () => {
  it('lists a quote made offline on this device, before the server knows it', () => {
    const [row] = merge([entry('dc_1', 'draft', { customerId: 'cu_1' })], [], [local('dc_1', { totalInclTax: '1200.00', title: 'Site' })]);
    expect(row).toMatchObject({ id: 'dc_1', status: 'draft', customerName: 'Boulangerie Martin', totalInclTax: '1200.00', title: 'Site' });
  });

  it("takes the status from the workspace index, which follows the server live, over the cached list", () => {
    const [row] = merge([entry('dc_1', 'accepted')], [summary('dc_1', { status: 'sent' })], []);
    expect(row?.status).toBe('accepted');
  });

  it("shows a draft's total as this device edited it, a sent quote's as the server froze it", () => {
    const rows = merge(
      [entry('dc_1', 'draft'), entry('dc_2', 'sent')],
      [summary('dc_1', { totalInclTax: '100.00' }), summary('dc_2', { totalInclTax: '300.00', number: 'D-2026-00001', status: 'sent' })],
      [local('dc_1', { totalInclTax: '150.00' }), local('dc_2', { totalInclTax: '999.00' })],
    );
    expect(rows.map((r) => [r.id, r.totalInclTax, r.number])).toEqual([['dc_2', '300.00', 'D-2026-00001'], ['dc_1', '150.00', undefined]]);
  });

  it('lists quotes the server knows that this device has not synced yet, with the name the server gives', () => {
    const [row] = merge([], [summary('dc_9', { customer: { id: 'cu_x', name: 'Atelier Roux' } })], []);
    expect(row).toMatchObject({ id: 'dc_9', customerName: 'Atelier Roux' });
  });

  it('leaves invoices out', () => {
    expect(merge([{ id: 'dc_i', kind: 'invoice', status: 'draft', createdAt: '2026-03-01' }], [], [])).toEqual([]);
  });

  it('filters by status, "open" being what still needs the team', () => {
    const rows = merge([entry('dc_1', 'draft'), entry('dc_2', 'sent'), entry('dc_3', 'pending_approval')], [], []);
    expect(filterQuotes(rows, 'sent').map((r) => r.id)).toEqual(['dc_2']);
    expect(filterQuotes(rows, 'open').map((r) => r.id).sort()).toEqual(['dc_1', 'dc_3']);
  });

  it('marks a validity date as past only while an answer is still possible', () => {
    expect(validityPast({ status: 'sent', validUntil: '2026-03-01' }, '2026-03-02')).toBe(true);
    expect(validityPast({ status: 'sent', validUntil: '2026-03-02' }, '2026-03-02')).toBe(false);
    expect(validityPast({ status: 'accepted', validUntil: '2026-03-01' }, '2026-03-02')).toBe(false);
  });
});

describe('quotes still to send', () => {
  it('sends the quotes with unacknowledged edits that the server still takes, drafts and those sent back for changes', () => {
    const rows = [
      local('dc_1', { unsent: true }),
      local('dc_2', { unsent: false }),
      local('dc_3'),
      local('dc_4', { unsent: true, status: 'changes_requested' }),
      local('dc_5', { unsent: true, status: 'pending_approval' }),
      local('dc_6', { unsent: true, status: 'sent' }),
    ];
    expect(unsentQuoteIds(rows)).toEqual(['dc_1', 'dc_4']);
  });
});
