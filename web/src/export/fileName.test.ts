import { describe, expect, it } from 'vitest';
import { exportFileName } from './fileName';

describe('exportFileName', () => {
  it('names the file as the server does: the company slug and the day of the export', () => {
    const data = { exportedAt: '2026-03-09T23:10:00.000Z', company: { id: 'co_1', slug: 'boulangerie-martin', name: 'Boulangerie Martin' } };
    expect(exportFileName(data, 'co_1', '2026-03-10')).toBe('facturo-boulangerie-martin-2026-03-09.json');
  });

  it('falls back to the company id and today when the export lacks its slug and date', () => {
    expect(exportFileName({ exportedAt: '' }, 'co_Ab12', '2026-03-10')).toBe('facturo-co_Ab12-2026-03-10.json');
  });

  it('keeps path separators and spaces out of the name', () => {
    const data = { exportedAt: '2026-03-09T10:00:00Z', company: { id: 'co_1', slug: '../a b/c', name: '' } };
    expect(exportFileName(data, 'co_1', '2026-03-10')).toBe('facturo-a-b-c-2026-03-09.json');
  });
});
