import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { fieldsOf } from './fields.testing';
import { Workspace } from './workspace';

describe('company settings: the SEPA creditor identifier', () => {
  it('stores a valid creditor identifier upper case without spaces', () => {
    const ws = new Workspace(new Y.Doc());
    ws.updateSettings({ sepaCreditorId: 'fr72 zzz 123456' });
    expect(ws.readSettings().sepaCreditorId).toBe('FR72ZZZ123456');
  });

  it('refuses wrong check digits naming sepaCreditorId, and writes nothing', () => {
    const ws = new Workspace(new Y.Doc());
    expect(Object.keys(fieldsOf(() => ws.updateSettings({ sepaCreditorId: 'FR71ZZZ123456', tradeName: 'Studio' })))).toEqual(['sepaCreditorId']);
    expect(ws.readSettings()).toEqual({});
  });

  it('clears the identifier when given empty', () => {
    const ws = new Workspace(new Y.Doc());
    ws.updateSettings({ sepaCreditorId: 'FR72ZZZ123456' });
    ws.updateSettings({ sepaCreditorId: '' });
    expect(ws.readSettings().sepaCreditorId).toBeUndefined();
  });
});
