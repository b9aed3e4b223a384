import { describe, expect, it } from 'vitest';
import type { CustomerIndexEntry } from '@facturo/core';
import { customersToWarm, erasedCopies } from './customerCopies';

const co = 'co_AAAAAAAAAAAAAAAA';
const entry = (id: string, erasedAt?: string): CustomerIndexEntry => ({ id, kind: 'company', createdAt: '2026-11-29T10:00:00Z', ...(erasedAt ? { erasedAt } : {}) });

describe('which customers this device fetches', () => {
  it('fetches the customers it has no row of, online or not', () => {
    const directory = [entry('cu_1'), entry('cu_2')];
    const rows = [{ id: 'cu_1', rev: 7 }];
    expect(customersToWarm(directory, rows, new Map([['cu_1', 7], ['cu_2', 3]]))).toEqual(['cu_2']);
    expect(customersToWarm(directory, rows, null)).toEqual(['cu_2']);
  });

  it('fetches again a customer whose server revision moved past the one its row was synced at', () => {
    const rows = [{ id: 'cu_1', rev: 7 }, { id: 'cu_2', rev: 3 }];
    expect(customersToWarm([entry('cu_1'), entry('cu_2')], rows, new Map([['cu_1', 9], ['cu_2', 3]]))).toEqual(['cu_1']);
  });

  it('fetches a row never synced with the server once the server lists it', () => {
    expect(customersToWarm([entry('cu_1')], [{ id: 'cu_1' }], new Map([['cu_1', 4]]))).toEqual(['cu_1']);
  });

  it('keeps a customer created here offline, which the server does not list yet, as it is', () => {
    expect(customersToWarm([entry('cu_new')], [{ id: 'cu_new' }], new Map())).toEqual([]);
  });

  it('sends unsent edits once the server can be asked, whatever the revisions say', () => {
    const rows = [{ id: 'cu_1', rev: 7, unsent: true }, { id: 'cu_new', unsent: true }];
    expect(customersToWarm([entry('cu_1'), entry('cu_new')], rows, new Map([['cu_1', 7]]))).toEqual(['cu_1', 'cu_new']);
    expect(customersToWarm([entry('cu_1'), entry('cu_new')], rows, null)).toEqual([]);
  });

  it('never fetches an erased customer, nor one outside the directory', () => {
    const directory = [entry('cu_1', '2026-12-01T09:00:00Z')];
    expect(customersToWarm(directory, [], new Map([['cu_1', 5], ['cu_9', 1]]))).toEqual([]);
  });
});

describe('which erased customers this device forgets', () => {
  const directory = [entry('cu_kept'), entry('cu_gone', '2026-12-01T09:00:00Z'), entry('cu_gone2', '2026-12-01T10:00:00Z')];

  it('forgets an erased customer it holds a row of', () => {
    expect(erasedCopies(co, directory, { rows: ['cu_kept', 'cu_gone'], databases: [] })).toEqual(['cu_gone']);
  });

  it('forgets an erased customer it holds only the IndexedDB copy of, and only in this company', () => {
    const databases = ['facturo', `${co}.workspace`, `${co}.cu_gone2`, `${co}.cu_kept`, 'co_BBBBBBBBBBBBBBBB.cu_gone'];
    expect(erasedCopies(co, directory, { rows: [], databases })).toEqual(['cu_gone2']);
  });

  it('names each once, whether it holds a row, a database or both', () => {
    expect(erasedCopies(co, directory, { rows: ['cu_gone'], databases: [`${co}.cu_gone`] })).toEqual(['cu_gone']);
  });

  it('forgets nothing while no customer is erased', () => {
    expect(erasedCopies(co, [entry('cu_1')], { rows: ['cu_1'], databases: [`${co}.cu_1`] })).toEqual([]);
  });
});
