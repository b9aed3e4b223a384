import { describe, expect, it } from 'vitest';
import type { DocumentIndexEntry } from '@facturo/core';
import type { InvoiceSummary } from '../api/invoices';
import type { DraftRow } from './db';
import { filterInvoices, mergeInvoiceList, type ListSources } from './invoiceList';

const co = 'co_AAAAAAAAAAAAAAAA';
const entry = (id: string, over: Partial<DocumentIndexEntry> = {}): DocumentIndexEntry => ({ id, kind: 'invoice', status: 'draft', createdAt: '2026-03-01T10:00:00Z', customerId: 'cu_1', ...over });
const summary = (id: string, over: Partial<InvoiceSummary> = {}): InvoiceSummary => ({
  id, kind: 'invoice', status: 'draft', number: null, customer: 'cu_1', issueDate: null, dueDate: null, currency: 'EUR', totalExclTax: '100.00', totalTax: '20.00', totalInclTax: '120.00', ...over,
});
const local = (id: string, over: Partial<DraftRow> = {}): DraftRow => ({ companyId: co, id, kind: 'invoice', status: 'draft', customerId: 'cu_1', currency: 'EUR', totalExclTax: '200.00', totalInclTax: '240.00', updatedAt: '2026-03-02T10:00:00Z', ...over });
const sources = (over: Partial<ListSources>): ListSources => ({ index: [], server: [], local: [], queued: [], customerName: (id) => (id === 'cu_1' ? 'Boulangerie Martin' : undefined), ...over });

describe('invoice list', () => {
  it('lists a draft created offline, known only from the workspace index, with its local totals', () => {
    const rows = mergeInvoiceList(sources({ index: [entry('dc_1')], local: [local('dc_1')] }));
    expect(rows).toEqual([expect.objectContaining({ id: 'dc_1', status: 'draft', customerName: 'Boulangerie Martin', totalInclTax: '240.00' })]);
  });

  it("prefers this device's totals for a draft and the server's frozen totals once issued", () => {
    const draft = mergeInvoiceList(sources({ index: [entry('dc_1')], server: [summary('dc_1')], local: [local('dc_1')] }));
    expect(draft[0]?.totalInclTax).toBe('240.00');
    const issued = mergeInvoiceList(sources({
      index: [entry('dc_1', { status: 'issued', number: 'F-2026-00001' })],
      server: [summary('dc_1', { status: 'issued', number: 'F-2026-00001', issueDate: '2026-03-05', dueDate: '2026-04-04' })],
      local: [local('dc_1')],
    }));
    expect(issued[0]).toMatchObject({ status: 'issued', number: 'F-2026-00001', totalInclTax: '120.00', issueDate: '2026-03-05', dueDate: '2026-04-04' });
  });

  it('shows a draft with a queued issue command as waiting to be issued, and a refused one as a draft', () => {
    const pending = mergeInvoiceList(sources({ index: [entry('dc_1')], queued: [{ documentId: 'dc_1', rejected: false }] }));
    expect(pending[0]?.status).toBe('pending');
    const refused = mergeInvoiceList(sources({ index: [entry('dc_1')], queued: [{ documentId: 'dc_1', rejected: true }] }));
    expect(refused[0]).toMatchObject({ status: 'draft', issueRefused: true });
  });

  it('says issued as soon as any source knows, even with the command still queued', () => {
    const rows = mergeInvoiceList(sources({ index: [entry('dc_1', { status: 'issued', number: 'F-2026-00002' })], queued: [{ documentId: 'dc_1', rejected: false }] }));
    expect(rows[0]).toMatchObject({ status: 'issued', number: 'F-2026-00002' });
  });

  it('keeps documents only the server lists (another device, the API) with the name the server gives', () => {
    const rows = mergeInvoiceList(sources({ server: [summary('dc_9', { customer: { id: 'cu_9', name: 'Garage Dupuis' } })] }));
    expect(rows[0]).toMatchObject({ id: 'dc_9', customerId: 'cu_9', customerName: 'Garage Dupuis', totalInclTax: '120.00' });
  });

  it('carries the subscription that billed an invoice and where its direct debit stands, from the server', () => {
    const rows = mergeInvoiceList(sources({
      index: [entry('dc_1', { status: 'issued', number: 'F-2026-00003' })],
      server: [summary('dc_1', { status: 'issued', number: 'F-2026-00003', subscriptionId: 'sb_7', directDebit: { status: 'pending', collectionDate: '2026-04-15' } })],
    }));
    expect(rows[0]).toMatchObject({ subscriptionId: 'sb_7', directDebit: { status: 'pending', collectionDate: '2026-04-15' } });
  });

  it('marks neither for an invoice made by hand, nor for one the server has not listed yet', () => {
    const rows = mergeInvoiceList(sources({ index: [entry('dc_1'), entry('dc_2')], server: [summary('dc_2', { subscriptionId: null, directDebit: null })] }));
    for (const r of rows) {
      expect(r.subscriptionId).toBeUndefined();
      expect(r.directDebit).toBeUndefined();
    }
  });

  it('puts work in progress first (newest first), then issued documents by latest issue', () => {
    const rows = mergeInvoiceList(sources({
      index: [entry('dc_old', { createdAt: '2026-01-01' }), entry('dc_new', { createdAt: '2026-02-01' }), entry('dc_i1', { status: 'issued' }), entry('dc_i2', { status: 'issued' })],
      server: [summary('dc_i1', { status: 'issued', issueDate: '2026-01-10', number: 'F-2026-00001' }), summary('dc_i2', { status: 'issued', issueDate: '2026-02-10', number: 'F-2026-00002' })],
    }));
    expect(rows.map((r) => r.id)).toEqual(['dc_new', 'dc_old', 'dc_i2', 'dc_i1']);
  });

  it('filters by status and by kind', () => {
    const rows = mergeInvoiceList(sources({
      index: [entry('dc_1'), entry('dc_2', { kind: 'credit_note' }), entry('dc_3', { status: 'issued' })],
      queued: [{ documentId: 'dc_2', rejected: false }],
    }));
    expect(filterInvoices(rows, { status: 'pending', kind: 'all' }).map((r) => r.id)).toEqual(['dc_2']);
    expect(filterInvoices(rows, { status: 'all', kind: 'invoice' }).map((r) => r.id).sort()).toEqual(['dc_1', 'dc_3']);
    expect(filterInvoices(rows, { status: 'issued', kind: 'credit_note' })).toEqual([]);
  });

  it('carries where an issued invoice’s payment stands and what it still owes, from the server (issue 8)', () => {
    const rows = mergeInvoiceList(sources({
      index: [entry('dc_1', { status: 'issued' }), entry('dc_2')],
      server: [summary('dc_1', { status: 'issued', number: 'F-2026-00001', paymentStatus: 'partially_paid', openAmount: '20.00' }), summary('dc_2', { paymentStatus: null, openAmount: null })],
    }));
    expect(rows.find((r) => r.id === 'dc_1')).toMatchObject({ paymentStatus: 'partially_paid', openAmount: '20.00' });
    expect(rows.find((r) => r.id === 'dc_2')).not.toHaveProperty('paymentStatus');
  });

  it('filters the invoices to collect, the overdue ones and the paid ones', () => {
    const issued = (id: string, paymentStatus: InvoiceSummary['paymentStatus'], openAmount: string) => summary(id, { status: 'issued', number: id, issueDate: '2026-01-01', paymentStatus, openAmount });
    const rows = mergeInvoiceList(sources({
      index: [entry('draft')],
      server: [issued('new', 'issued', '120.00'), issued('part', 'partially_paid', '20.00'), issued('late', 'overdue', '120.00'), issued('paid', 'paid', '0.00'), issued('credited', 'settled', '0.00'),
        summary('avoir', { kind: 'credit_note', status: 'issued', number: 'AV-1', paymentStatus: null, openAmount: null })],
    }));
    const ids = (status: 'to_collect' | 'overdue' | 'paid') => filterInvoices(rows, { status, kind: 'all' }).map((r) => r.id).sort();
    expect(ids('to_collect')).toEqual(['late', 'new', 'part']);
    expect(ids('overdue')).toEqual(['late']);
    expect(ids('paid')).toEqual(['credited', 'paid']);
  });

  it('flags an issued document this device still holds unsent edits of, and no draft', () => {
    const rows = mergeInvoiceList(sources({
      index: [entry('dc_1', { status: 'issued', number: 'F-2026-00012' }), entry('dc_2')],
      local: [local('dc_1', { unsent: true }), local('dc_2', { unsent: true })],
    }));
    expect(rows.find((r) => r.id === 'dc_1')?.lateEdits).toBe(true);
    expect(rows.find((r) => r.id === 'dc_2')?.lateEdits).toBe(false);
  });
});
