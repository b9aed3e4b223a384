import { addDays } from '../issuing';
import type { Product } from '../schema/workspace';
import type { QuoteDocument } from '../schema/quote';
import type { QuoteTemplate } from '../schema/quote-settings';

/*
 * A quote made from a template (issue 6: "create a quote from a template for a customer"): its sections, texts,
 * images and lines are copied into the new quote, texts rendered with the customer's and the quote's
 * variables, catalog prices taken from the product (then priced by the rules: applyPricing).
 */

export interface FromTemplate {
  template: QuoteTemplate;
  /** A new unique id for each section, line and image (the device's or the server's id maker). */
  newId: (prefix: 'sc' | 'ln' | 'im') => string;
  products: ReadonlyMap<string, Product>;
  customerId?: string;
  /** The quote's date (YYYY-MM-DD): its validity counts from it. */
  today: string;
  createdAt: string;
  createdBy?: string;
  currency?: string;
  /** Renders a text block's variables ({{customer.name}}); identity when there is nothing to render with. */
  render?: (text: string) => string;
  /** The VAT treatment a franchise en base company applies to every line (CGI art. 293 B). */
  franchise?: boolean;
}

export function fillFromTemplate(quote: QuoteDocument, o: FromTemplate) {
  const t = o.template;
  const render = o.render ?? ((x: string) => x);
  quote.doc.transact(() => {
    quote.init({
      createdAt: o.createdAt, ...(o.createdBy ? { createdBy: o.createdBy } : {}),
      ...(o.customerId ? { customerId: o.customerId } : {}),
      ...(o.currency ? { currency: o.currency } : {}),
      templateId: t.id,
      validUntil: addDays(o.today, t.validityDays),
      ...(t.title ? { title: render(t.title) } : {}),
      ...(t.intro ? { intro: render(t.intro) } : {}),
      ...(t.closing ? { closing: render(t.closing) } : {}),
      ...(t.depositPercent ? { depositPercent: t.depositPercent } : {}),
      ...(t.paymentTermsDays !== undefined ? { paymentTermsDays: t.paymentTermsDays } : {}),
    });
    t.sections.forEach((s, si) => {
      const sectionId = o.newId('sc');
      let imageId: string | undefined;
      if (s.image) {
        imageId = o.newId('im');
        quote.addImage(imageId, s.image);
      }
      quote.addSection(sectionId, { title: render(s.title), ...(s.text ? { text: render(s.text) } : {}), ...(imageId ? { imageId } : {}) });
      s.lines.forEach((l, li) => {
        const product = l.productId ? o.products.get(l.productId) : undefined;
        if (l.productId && !product) throw new Error(`template "${t.name}", section ${si + 1}, line ${li + 1}: product ${l.productId} no longer exists`);
        const unitPrice = l.unitPrice ?? product?.unitPrice ?? '0';
        quote.addLine(o.newId('ln'), {
          sectionId,
          description: render(l.description || product?.name || ''),
          quantity: l.quantity,
          unitPrice,
          ...(product ? { productId: product.id, listUnitPrice: l.unitPrice ?? product.unitPrice, ...(product.costPrice ? { costPrice: product.costPrice } : {}), ...(product.category ? { category: product.category } : {}) } : {}),
          ...((l.unit ?? product?.unit) ? { unit: l.unit ?? product?.unit } : {}),
          ...(o.franchise
            ? { vatCategory: 'E' as const, vatRate: '0', exemptionReason: 'TVA non applicable, art. 293 B du CGI' }
            : { vatCategory: l.vatCategory ?? 'S', vatRate: l.vatRate ?? product?.vatRate ?? '20' }),
          optional: l.optional,
          selected: l.optional ? l.selected : true,
        });
      });
    });
  });
}
