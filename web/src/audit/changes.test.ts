import { describe, expect, it } from 'vitest';
import type { HistoryItem } from '../api/audit';
import { historyRows, trailRows, type HistoryScope } from './changes';
import { emptyReading, type Reading } from './reading';

const r: Reading = { ...emptyReading('fr'), members: new Map([['us_sam', 'Sam']]) };
let seq = 0;
const item = (at: string, changes: HistoryItem['changes'], actor = 'us_sam', device: string | null = 'Chrome_Linux_0a0b0c'): HistoryItem => ({
  companySeq: ++seq, at, actor, actorName: null, device, docId: 'co_1.workspace', changes,
});
const customer = (field: string, before: unknown, after: unknown) => ({ path: ['customers', 'cu_1', field], action: before === undefined ? 'add' as const : 'update' as const, before, after });
const newestFirst = (...items: HistoryItem[]) => [...items].reverse();
const customerScope: HistoryScope = { kind: 'customer' };

describe('the history of a record, as rows', () => {
  it('labels fields as their form does and shows values from what to what', () => {
    const rows = historyRows(newestFirst(item('2026-03-01T10:00:00Z', [customer('city', 'Lyon', 'Nantes'), customer('kind', 'company', 'individual')])), ['customers', 'cu_1'], customerScope, r);
    expect(rows.map((row) => [row.label, row.before, row.after])).toEqual([
      ['Ville', 'Lyon', 'Nantes'],
      ['Type de client', 'Entreprise', 'Particulier'],
    ]);
  });

  it('says a record was created, with its name, and keeps the changes of other records out', () => {
    const created = item('2026-03-01T09:00:00Z', [
      { path: ['customers', 'cu_1'], action: 'add', after: { name: 'Boulangerie Martin', createdAt: '2026-03-01' } },
      { path: ['customers', 'cu_2', 'city'], action: 'add', after: 'Paris' },
    ]);
    expect(historyRows([created], ['customers', 'cu_1'], customerScope, r)).toMatchObject([{ what: 'created', label: 'Fiche créée', after: 'Boulangerie Martin' }]);
  });

  it('folds one person’s keystrokes in a field into one change, from the first value to the last', () => {
    const rows = historyRows(
      newestFirst(
        item('2026-03-01T10:00:00Z', [customer('name', 'Boulangerie', 'Boulangerie M')]),
        item('2026-03-01T10:00:01Z', [customer('name', 'Boulangerie M', 'Boulangerie Ma')]),
        item('2026-03-01T10:00:02Z', [customer('name', 'Boulangerie Ma', 'Boulangerie Martin')]),
      ),
      ['customers', 'cu_1'],
      customerScope,
      r,
    );
    expect(rows).toMatchObject([{ label: 'Nom du client', before: 'Boulangerie', after: 'Boulangerie Martin', at: '2026-03-01T10:00:02Z' }]);
  });

  it('keeps apart the changes of two people, and of one person an hour apart', () => {
    const rows = historyRows(
      newestFirst(
        item('2026-03-01T10:00:00Z', [customer('phone', undefined, '01')]),
        item('2026-03-01T10:00:05Z', [customer('phone', '01', '02')], 'us_olga'),
        item('2026-03-01T11:00:05Z', [customer('phone', '02', '03')], 'us_olga'),
      ),
      ['customers', 'cu_1'],
      customerScope,
      r,
    );
    expect(rows.map((row) => [row.actor, row.before, row.after])).toEqual([
      ['us_olga', '02', '03'],
      ['us_olga', '01', '02'],
      ['us_sam', null, '01'],
    ]);
  });

  it('drops a change that came back to where it started', () => {
    const rows = historyRows(
      newestFirst(item('2026-03-01T10:00:00Z', [customer('city', 'Lyon', 'Lyo')]), item('2026-03-01T10:00:03Z', [customer('city', 'Lyo', 'Lyon')])),
      ['customers', 'cu_1'],
      customerScope,
      r,
    );
    expect(rows).toEqual([]);
  });

  it('shows yes/no, delivery fields and products’ own labels', () => {
    const rows = historyRows(
      [item('2026-03-01T10:00:00Z', [
        { path: ['products', 'pr_1', 'archived'], action: 'update', before: false, after: true },
        { path: ['products', 'pr_1', 'vatRate'], action: 'update', before: '20', after: '5.5' },
        { path: ['products', 'pr_1', 'name'], action: 'update', before: 'Site', after: 'Site vitrine' },
        { path: ['products', 'pr_1', 'unitPrice'], action: 'update', before: '5900.00', after: '2600' },
      ])],
      ['products', 'pr_1'],
      { kind: 'product' },
      r,
    );
    expect(rows.map((row) => [row.label, row.before, row.after])).toEqual([
      ['Archivé', 'Non', 'Oui'],
      ['Taux de TVA', '20 %', '5,5 %'],
      ['Nom du produit ou service', 'Site', 'Site vitrine'],
      ['Prix unitaire HT', '5900,00', '2600'],
    ]);
    const delivery = historyRows([item('2026-03-01T10:00:00Z', [customer('deliveryCity', undefined, 'Brest')])], ['customers', 'cu_1'], customerScope, r);
    expect(delivery[0]?.label).toBe('Ville (livraison)');
  });

  it('reads a draft: its creation, its customer by name, dates as days, and its lines by number', () => {
    const scope: HistoryScope = { kind: 'draft', lineNumber: (id) => (id === 'ln_a' ? 1 : null), customerName: (id) => (id === 'cu_1' ? 'Boulangerie Martin' : null) };
    const rows = historyRows(
      newestFirst(
        item('2026-03-01T09:00:00Z', [
          { path: ['meta', 'kind'], action: 'add', after: 'invoice' },
          { path: ['meta', 'status'], action: 'add', after: 'draft' },
          { path: ['meta', 'createdAt'], action: 'add', after: '2026-03-01T09:00:00Z' },
          { path: ['meta', 'currency'], action: 'add', after: 'EUR' },
        ]),
        item('2026-03-01T09:10:00Z', [{ path: ['lines', 'ln_z'], action: 'add', after: { id: 'ln_z', description: '' } }]),
        item('2026-03-01T09:30:00Z', [{ path: ['meta', 'customerId'], action: 'add', after: 'cu_1' }, { path: ['meta', 'dueDate'], action: 'add', after: '2026-03-31' }]),
        item('2026-03-01T09:31:00Z', [{ path: ['lines', 'ln_a'], action: 'add', after: { id: 'ln_a', description: 'Pain', quantity: '1' } }]),
        item('2026-03-01T09:32:00Z', [{ path: ['lines', 'ln_a', 'quantity'], action: 'update', before: '1', after: '3' }, { path: ['lines', 'ln_b', 'quantity'], action: 'update', before: '1', after: '2' }]),
        item('2026-03-01T09:33:00Z', [{ path: ['lines', '1 removed'], action: 'delete' }]),
      ),
      [],
      scope,
      r,
    );
    expect(rows.map((row) => [row.label, row.before, row.after])).toEqual([
      ['1 ligne(s) supprimée(s)', null, null],
      ['Ligne 1 — Quantité', '1', '3'],
      ['Ligne supprimée depuis — Quantité', '1', '2'],
      ['Ligne 1 ajoutée', null, 'Pain'],
      ['Client', null, 'Boulangerie Martin'],
      ['Date d’échéance', null, '31 mars 2026'],
      ['Ligne ajoutée (supprimée depuis)', null, null],
      ['Brouillon créé', null, null],
    ]);
  });
});

describe('a member’s trail of changes', () => {
  it('says where each change was made: a customer by name, the settings, a draft', () => {
    const ws = 'co_AAAAAAAA.workspace';
    const items: HistoryItem[] = [
      { ...item('2026-03-01T10:00:00Z', [{ path: ['customers', 'cu_1', 'city'], action: 'update', before: 'Lyon', after: 'Nantes' }, { path: ['settings', 'phone'], action: 'add', after: '01 02' }]), docId: ws },
      { ...item('2026-03-01T11:00:00Z', [{ path: ['meta', 'dueDate'], action: 'add', after: '2026-04-01' }]), docId: 'co_AAAAAAAA.dc_BBBBBBBB' },
      { ...item('2026-03-01T12:00:00Z', [{ path: ['series', 'F', 'next'], action: 'update', before: 1, after: 2 }]), docId: ws },
    ];
    const rows = trailRows(items, { customer: (id) => (id === 'cu_1' ? 'Boulangerie Martin' : null), product: () => null, document: (id) => `Brouillon ${id}` }, r);
    expect(rows.map((row) => [row.where, row.label, row.after])).toEqual([
      ['Brouillon dc_BBBBBBBB', 'Date d’échéance', '1 avr. 2026'],
      ['Client « Boulangerie Martin »', 'Ville', 'Nantes'],
      ['Paramètres de l’entreprise', 'Téléphone', '01 02'],
    ]);
  });
});
