import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DraftDocument } from '@facturo/core';
import { draftRowOf } from './draftProjection';

const co = 'co_AAAAAAAAAAAAAAAA';
const now = '2026-03-01T10:00:00.000Z';

describe('draft projection', () => {
  it('projects nothing before the document has arrived', () => {
    expect(draftRowOf(co, 'dc_1', new DraftDocument(new Y.Doc()), now)).toBeNull();
  });

  it('lists a draft with its totals, zero while it has no line, none while a line does not compute', () => {
    const draft = new DraftDocument(new Y.Doc());
    draft.init('invoice', { createdAt: now, customerId: 'cu_1' });
    expect(draftRowOf(co, 'dc_1', draft, now)).toMatchObject({ kind: 'invoice', status: 'draft', customerId: 'cu_1', totalInclTax: '0.00' });
    draft.addLine('ln_1', { description: 'Audit', quantity: '2', unitPrice: '100', vatRate: '20' });
    expect(draftRowOf(co, 'dc_1', draft, now)).toMatchObject({ totalExclTax: '200.00', totalInclTax: '240.00' });
    draft.updateLine('ln_1', { vatRate: '0' }); // standard rate at 0 %: the line does not compute
    expect(draftRowOf(co, 'dc_1', draft, now)?.totalInclTax).toBeNull();
  });

  it('remembers edits the server has not acknowledged, and the number once issued', () => {
    const draft = new DraftDocument(new Y.Doc());
    draft.init('invoice', { createdAt: now });
    draft.meta.set('status', 'issued');
    draft.meta.set('number', 'F-2026-00012');
    expect(draftRowOf(co, 'dc_1', draft, now, true)).toMatchObject({ status: 'issued', number: 'F-2026-00012', unsent: true });
  });
});
