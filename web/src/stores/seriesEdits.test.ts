import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Workspace } from '@facturo/core';
import { addSeries, previewNumber } from './seriesEdits';

describe('numbering settings', () => {
  it('shows the first number of a series on a date', () => {
    expect(previewNumber('F-{YYYY}-{SEQ:05}', '2026-03-01')).toEqual({ ok: true, example: 'F-2026-00001' });
    expect(previewNumber('AV{YY}{MM}-{SEQ:3}', '2026-03-01')).toEqual({ ok: true, example: 'AV2603-001' });
  });

  it("names what is wrong with a format, in core's words", () => {
    expect(previewNumber('F-{YYYY}', '2026-03-01')).toMatchObject({ ok: false, message: expect.stringContaining('{SEQ}') });
    expect(previewNumber('F {SEQ}', '2026-03-01')).toMatchObject({ ok: false, message: expect.stringContaining('" " cannot appear') });
  });

  it('adds a series next to the default ones, and refuses a code already used or a bad format', () => {
    const ws = new Workspace(new Y.Doc());
    expect(addSeries(ws, { id: 'fc', name: 'Factures chantier', kind: 'invoice', format: 'FC-{YYYY}-{SEQ:4}' })).toEqual({ ok: true });
    expect(ws.listSeries().map((s) => s.id)).toEqual(['AV', 'D', 'F', 'FC']);
    expect(addSeries(ws, { id: 'F', name: 'Autre', kind: 'invoice', format: 'X-{SEQ}' })).toEqual({ ok: false, errors: { id: 'series_exists' } });
    expect(addSeries(ws, { id: 'G', name: 'G', kind: 'invoice', format: 'G-{YYYY}' })).toMatchObject({ ok: false, errors: { format: expect.stringContaining('{SEQ}') } });
    expect(addSeries(ws, { id: 'H-1', name: 'H', kind: 'invoice', format: 'H{SEQ}' })).toMatchObject({ ok: false, errors: { id: expect.any(String) } });
  });
});
