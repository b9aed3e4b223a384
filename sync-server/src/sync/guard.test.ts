import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CustomerBook, QuoteSettings, Workspace } from '@facturo/core';
import { reviewUpdate } from './guard';

const NOW = '2026-12-01T09:00:00.000Z';

/** The server's copy and a device's copy of one workspace, in sync; `edit` returns what the device's edit sends. */
function pair() {
  const server = new Y.Doc();
  const device = new Y.Doc();
  const ws = new Workspace(device);
  ws.updateSettings({ tradeName: 'Studio', iban: 'FR7630006000011234567890189' });
  ws.registerCustomer('cu_1', { kind: 'company', createdAt: NOW });
  ws.createProduct('pr_1', { name: 'Audit', unitPrice: '650.00', vatRate: '20' } as never, NOW);
  Y.applyUpdate(server, Y.encodeStateAsUpdate(device));
  const edit = (change: (w: Workspace) => void) => {
    const before = Y.encodeStateVector(device);
    change(ws);
    const update = Y.encodeStateAsUpdate(device, before);
    const needed = [...reviewUpdate(server, 'workspace', update).needed].sort();
    Y.applyUpdate(server, update); // accepted, as the server would
    return needed;
  };
  return { server, device, ws, edit };
}

describe('reviewUpdate', () => {
  it('holds every change to a customer’s own document to the customers permission', () => {
    const doc = new Y.Doc();
    const before = Y.encodeStateVector(doc);
    new CustomerBook(doc).createCustomer('cu_1', { name: 'Julie Martin', kind: 'individual' }, NOW);
    expect(reviewUpdate(new Y.Doc(), 'customer', Y.encodeStateAsUpdate(doc, before)).needed).toEqual(new Set(['customers.edit']));
  });

  it('holds pricing rules and approval circuits to the settings permission, quote templates to the catalog one', () => {
    const { edit } = pair();
    expect(edit((w) => new QuoteSettings(w.doc).setPricingRule('vip', { name: 'VIP', priority: 1, effect: { kind: 'percentOff', percent: '30' } }, NOW))).toEqual(['settings.edit']);
    expect(edit((w) => new QuoteSettings(w.doc).setApprovalConfig({}))).toEqual(['settings.edit']);
    expect(edit((w) => new QuoteSettings(w.doc).setTemplate('t1', { name: 'Site', sections: [{ title: 'A' }] }, NOW))).toEqual(['catalog.edit']);
  });

  it('names the permission of each part a workspace update touches, down to nested fields', () => {
    const { edit } = pair();
    expect(edit((w) => w.updateSettings({ tradeName: 'Studio Boréal' }))).toEqual(['settings.edit']);
    expect(edit((w) => w.updateSettings({ iban: 'FR7612345000011234567890123' }))).toEqual(['bank.edit', 'second-approval']);
    expect(edit((w) => w.updateSettings({ bic: 'BNPAFRPP' }))).toEqual(['bank.edit', 'second-approval']);
    expect(edit((w) => w.registerCustomer('cu_2', { kind: 'individual', createdAt: NOW }))).toEqual(['customers.edit']);
    expect(edit((w) => w.updateProduct('pr_1', { unitPrice: '700.00' }))).toEqual(['catalog.edit']);
    expect(edit((w) => w.updateProduct('pr_1', { archived: true }))).toEqual(['catalog.edit']);
    expect(edit((w) => w.doc.transact(() => { w.updateSettings({ iban: 'FR7699999000011234567890123' }); w.registerCustomer('cu_3', { kind: 'company', createdAt: NOW }); }))).toEqual(['bank.edit', 'customers.edit', 'second-approval']);
  });

  it('finds where a deletion lands, and where text typed in the middle of a field lands', () => {
    const { edit, ws, server } = pair();
    expect(edit((w) => w.customerIndex.delete('cu_1'))).toEqual(['customers.edit']);
    // Personal data in the workspace (an old build of the app): refused whatever the role.
    expect(edit((w) => w.legacyCustomers.createCustomer('cu_9', { name: 'Julie Martin' }, NOW))).toEqual(['customers.edit', 'moved-out']);
    const before = Y.encodeStateVector(ws.doc);
    ws.products.delete('pr_1');
    const deletion = Y.encodeStateAsUpdate(ws.doc, before);
    expect(reviewUpdate(server, 'workspace', deletion)).toMatchObject({ needed: new Set(['catalog.edit']), deletedRecords: 1 });
    Y.applyUpdate(server, deletion);
    const text = new Y.Text('Conditions');
    ws.doc.transact(() => ws.settings.set('notesText' as never, text as never));
    expect(edit(() => text.insert(5, 'X'))).toEqual(['settings.edit']);
  });

  it('does not count deletions the server already has, which a reconnecting device sends again', () => {
    const { server, device } = pair();
    // An admin renames the company; a salesperson's device gets it, then edits a customer offline.
    const admin = new Y.Doc();
    Y.applyUpdate(admin, Y.encodeStateAsUpdate(server));
    new Workspace(admin).updateSettings({ tradeName: 'Studio Boréal' });
    Y.applyUpdate(server, Y.encodeStateAsUpdate(admin));
    Y.applyUpdate(device, Y.encodeStateAsUpdate(server));
    new Workspace(device).updateProduct('pr_1', { unitPrice: '700.00' });
    // Sync step 2 on reconnection: everything the server lacks, with the device's whole delete set.
    const step2 = Y.encodeStateAsUpdate(device, Y.encodeStateVector(server));
    expect([...reviewUpdate(server, 'workspace', step2).needed]).toEqual(['catalog.edit']);
  });

  it('holds an update whose place it cannot find (structs the server never saw) to the settings permission', () => {
    const { server } = pair();
    const elsewhere = new Y.Doc();
    const nested = new Y.Map();
    elsewhere.getMap('customers').set('cu_9', nested);
    const sv = Y.encodeStateVector(elsewhere);
    nested.set('name', 'X');
    // Only the nested field, without the map that holds it: the server cannot tell where it lands.
    expect([...reviewUpdate(server, 'workspace', Y.encodeStateAsUpdate(elsewhere, sv)).needed]).toEqual(['settings.edit']);
  });

  it('needs documents.edit for any change to a draft document', () => {
    const doc = new Y.Doc();
    doc.getArray('lines').push(['x']);
    expect([...reviewUpdate(new Y.Doc(), 'document', Y.encodeStateAsUpdate(doc)).needed]).toEqual(['documents.edit']);
  });
});
