import {
  addDays,
  applyPricing,
  fillFromTemplate,
  QuoteSettings,
  render,
  segmentsOf,
  textBlockData,
  type Customer,
  type PricingContextInput,
  type QuoteDocument,
  type Workspace,
} from '@facturo/core';
import { randomBase62 } from './ids';

/*
 * A new quote made on this device (issue 6: "create a quote from a template for a customer", offline too):
 * the template's sections and lines copied in, their texts rendered for the customer, the lines priced by the
 * company's rules on the device, and the quote registered in the workspace index so every device lists it.
 */

export type QuotePartPrefix = 'sc' | 'ln' | 'im' | 'cm';

export function newQuotePartId(prefix: QuotePartPrefix): string {
  return `${prefix}_${randomBase62(16)}`;
}

/** What pricing rules may read about the customer (core/pricing context): where it is, when known. */
export type PricingCustomer = Pick<Customer, 'name'> & Partial<Pick<Customer, 'email' | 'city' | 'country' | 'postcode' | 'language' | 'segments' | 'customerSince'>>;

/** The context rules read: the quote's date (never a clock), its commitment, the customer's segments, seniority and place. */
export function pricingContextOf(today: string, meta: { currency?: string; commitmentMonths?: number }, customer: PricingCustomer | undefined): PricingContextInput {
  const c = customer;
  return {
    date: today,
    currency: meta.currency ?? 'EUR',
    ...(meta.commitmentMonths !== undefined ? { commitmentMonths: meta.commitmentMonths } : {}),
    ...(c
      ? {
          customer: {
            segments: segmentsOf(c),
            ...(c.customerSince ? { since: c.customerSince } : {}),
            ...(c.country && /^[A-Z]{2}$/.test(c.country) ? { country: c.country } : {}),
            ...(c.postcode ? { postcode: c.postcode } : {}),
          },
        }
      : {}),
  };
}

export interface NewQuote {
  id: string;
  /** A template's id, or none for a blank quote with one empty section. */
  templateId?: string;
  customerId?: string;
  customer?: PricingCustomer;
  /** The device's calendar day (YYYY-MM-DD): validity and promotions count from it. */
  today: string;
  createdAt: string;
  createdBy?: string;
  newId?: (prefix: QuotePartPrefix) => string;
}

/** The variables a template's texts read: the customer and seller as for invoices, plus the quote's own. */
function renderFor(ws: Workspace, n: NewQuote, validUntil: string): (text: string) => string {
  const c = n.customer;
  const language = c?.language === 'en' ? 'en' : 'fr';
  const data = {
    ...textBlockData({
      language,
      seller: ws.readSettings(),
      ...(c ? { customer: { name: c.name, ...(c.email ? { email: c.email } : {}), ...(c.city ? { city: c.city } : {}) } } : {}),
      custom: ws.customValues.toJSON() as Record<string, string>,
    }),
    quote: { validUntil: language === 'fr' ? validUntil.split('-').reverse().join('/') : validUntil },
  };
  return (text) => render(text, data);
}

/** Fills the new quote's document, prices it and registers it in the workspace. Throws if the template is gone. */
export function fillNewQuote(ws: Workspace, quote: QuoteDocument, n: NewQuote): void {
  const settings = new QuoteSettings(ws.doc);
  const newId = n.newId ?? newQuotePartId;
  const template = n.templateId ? settings.getTemplate(n.templateId) : undefined;
  if (n.templateId && !template) throw new Error(`template ${n.templateId} does not exist`);
  const currency = ws.readSettings().currency ?? 'EUR';
  const franchise = ws.readSettings().vatRegime === 'franchise';
  if (template) {
    const products = new Map(ws.listProducts({ includeArchived: true }).map((p) => [p.id, p]));
    fillFromTemplate(quote, {
      template, newId, products, today: n.today, createdAt: n.createdAt, currency, franchise,
      render: renderFor(ws, n, addDays(n.today, template.validityDays)),
      ...(n.createdBy ? { createdBy: n.createdBy } : {}),
      ...(n.customerId ? { customerId: n.customerId } : {}),
    });
  } else {
    quote.doc.transact(() => {
      quote.init({
        createdAt: n.createdAt, currency, validUntil: addDays(n.today, settings.readDefaults().validityDays),
        ...(n.createdBy ? { createdBy: n.createdBy } : {}),
        ...(n.customerId ? { customerId: n.customerId } : {}),
        ...(ws.readSettings().paymentTermsDays !== undefined ? { paymentTermsDays: ws.readSettings().paymentTermsDays } : {}),
      });
      quote.addSection(newId('sc'), { title: '' });
    });
  }
  applyPricing(quote, settings.activePricingRules(), pricingContextOf(n.today, quote.readMeta(), n.customer));
  ws.registerDocument(n.id, { kind: 'quote', createdAt: n.createdAt, ...(n.createdBy ? { createdBy: n.createdBy } : {}), ...(n.customerId ? { customerId: n.customerId } : {}) });
}
