import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Money } from '@facturo/core';
import { refundParts } from './refunds';
import type { GatewayRefund } from './types';

const refundOf = (id: string, amount: string, second: number): GatewayRefund => ({ id, amount, currency: 'EUR', at: new Date(second * 1000), label: `Stripe refund ${id}` });

describe('refundParts', () => {
  it('takes a refund back from the invoice the payment paid, the part beyond it from the credit', () => {
    const parts = refundParts({ invoiceId: 'inv_1', amount: '100.00' }, [refundOf('re_a', '80.00', 1), refundOf('re_b', '50.00', 2)], 'EUR');
    expect(parts.get('re_a')).toEqual([{ key: 're_a', amount: '80.00', invoiceId: 'inv_1' }]);
    expect(parts.get('re_b')).toEqual([{ key: 're_b', amount: '20.00', invoiceId: 'inv_1' }, { key: 're_b:credit', amount: '30.00' }]);
  });

  it('splits each refund whole between invoice and credit, the invoice never getting back more than it was paid, and a refund’s split unchanged by later ones', () => {
    const cents = fc.integer({ min: 1, max: 1_000_000 }); // number-ok: test amounts in cents, turned into decimal strings
    fc.assert(fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.array(cents, { minLength: 1, maxLength: 6 }), (allocatedCents, refundCents) => {
      const eur = (c: number) => new Money(c).div(100).toFixed(2); // number-ok: cents from fast-check
      const refunds = refundCents.map((c, i) => refundOf(`re_${i}`, eur(c), i));
      const allocated = allocatedCents > 0 ? { invoiceId: 'inv_1', amount: eur(allocatedCents) } : null;
      const parts = refundParts(allocated, refunds, 'EUR');
      let toInvoice = new Money(0);
      for (const r of refunds) {
        const own = parts.get(r.id)!;
        expect(own.reduce((t, p) => t.plus(p.amount), new Money(0)).eq(r.amount)).toBe(true);
        toInvoice = own.filter((p) => p.invoiceId).reduce((t, p) => t.plus(p.amount), toInvoice);
      }
      expect(toInvoice.lte(allocated?.amount ?? 0)).toBe(true);
      const earlier = refundParts(allocated, refunds.slice(0, -1), 'EUR');
      for (const [id, own] of earlier) expect(parts.get(id)).toEqual(own);
    }));
  });
});
