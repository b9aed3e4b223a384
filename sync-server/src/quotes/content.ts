import {
  fillFromTemplate, Money, QuoteDocument, QuoteSettings, render, segmentsOf, textBlockData, UnknownVariableError, ValidationError, Workspace,
  applyPricing, type Customer, type PricingContextInput, type QuoteLineInput,
} from '@facturo/core';
import { AppError, invalid } from '../errors';
import { newId } from '../ids';
import type { Services } from '../services';
import { companyToday } from '../commands/issue';

/*
 * What goes into a quote made or changed through the API: sections and lines from the request or from a
 * template (its texts rendered with the customer's variables), then priced by the company's rules exactly as a
 * device prices it (core applyPricing), so the quote holds each price with its explanation (issue 6).
 */

export interface QuoteLineRequest {
  description?: string;
  quantity: string;
  unitPrice?: string;
  productId?: string;
  vatRate?: string;
  unit?: string;
  optional?: boolean;
  selected?: boolean;
}

export interface QuoteSectionRequest {
  title: string;
  text?: string;
  lines: QuoteLineRequest[];
}

const fieldsOf = (e: unknown): Record<string, string> | null =>
  e instanceof ValidationError ? e.fields : e instanceof Error && 'fields' in e ? (e as { fields: Record<string, string> }).fields : null;

/** Runs `fn`, renaming the fields of a validation error under `prefix` ("sections[1].lines[2].quantity"). */
function under<T>(prefix: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    const fields = fieldsOf(e);
    if (fields) throw invalid(Object.fromEntries(Object.entries(fields).map(([k, v]) => [`${prefix}.${k}`, v])));
    throw e;
  }
}

/** Writes the request's sections and lines into the quote (catalog data from the product when a line names one). */
export function writeSections(quote: QuoteDocument, ws: Workspace, sections: readonly QuoteSectionRequest[]) {
  const franchise = ws.readSettings().vatRegime === 'franchise';
  sections.forEach((section, si) => {
    const sectionId = newId('sc');
    under(`sections[${si}]`, () => quote.addSection(sectionId, { title: section.title, ...(section.text ? { text: section.text } : {}) }));
    section.lines.forEach((line, li) => {
      const product = line.productId ? ws.getProduct(line.productId) : undefined;
      if (line.productId && !product) throw invalid({ [`sections[${si}].lines[${li}].productId`]: `no product ${line.productId}` });
      const input: QuoteLineInput = {
        sectionId,
        description: line.description ?? product?.name ?? '',
        quantity: line.quantity,
        unitPrice: line.unitPrice ?? product?.unitPrice ?? '0',
        ...(product ? { productId: product.id, listUnitPrice: line.unitPrice ?? product.unitPrice, ...(product.costPrice ? { costPrice: product.costPrice } : {}), ...(product.category ? { category: product.category } : {}) } : {}),
        ...((line.unit ?? product?.unit) ? { unit: line.unit ?? product?.unit } : {}),
        // CGI art. 293 B: a company under the franchise en base charges no VAT on any line.
        ...(franchise
          ? { vatCategory: 'E' as const, vatRate: '0', exemptionReason: 'TVA non applicable, art. 293 B du CGI' }
          : { vatCategory: 'S' as const, vatRate: line.vatRate ?? product?.vatRate ?? '20' }),
        optional: line.optional ?? false,
        selected: line.optional ? (line.selected ?? true) : true,
      };
      under(`sections[${si}].lines[${li}]`, () => quote.addLine(newId('ln'), input));
    });
  });
}

/** Text variables for a template: the invoice ones (customer, seller, custom) and the quote's own. */
function renderer(ws: Workspace, customer: Customer, quote: { validUntil: string; title?: string }) {
  const settings = ws.readSettings();
  const custom = Object.fromEntries(ws.customValueNames().map((n) => [n, ws.customValues.get(n) ?? '']));
  const data = {
    ...textBlockData({ language: customer.language, seller: settings, customer: { name: customer.name, email: customer.email, city: customer.city }, custom }),
    quote: { validUntil: customer.language === 'fr' ? quote.validUntil.split('-').reverse().join('/') : quote.validUntil, title: quote.title ?? '' },
  };
  return (text: string) => {
    try {
      return render(text, data);
    } catch (e) {
      if (e instanceof UnknownVariableError) throw invalid({ template: `unknown variable {{${e.variable}}} in the template: correct the template` });
      throw e;
    }
  };
}

export function fillTemplate(quote: QuoteDocument, ws: Workspace, o: { templateId: string; customer: Customer; by: string; now: Date; currency?: string }) {
  const template = new QuoteSettings(ws.doc).getTemplate(o.templateId);
  if (!template || template.archived) throw invalid({ template: `no template ${o.templateId}` });
  const today = companyToday(o.now);
  const validUntil = new Date(Date.parse(`${today}T00:00:00Z`) + template.validityDays * 86_400_000).toISOString().slice(0, 10);
  const products = new Map(ws.listProducts({ includeArchived: true }).map((p) => [p.id, p]));
  try {
    fillFromTemplate(quote, {
      template, products, customerId: o.customer.id, today, createdAt: o.now.toISOString(), createdBy: o.by,
      newId: (prefix) => newId(prefix), render: renderer(ws, o.customer, { validUntil, title: template.title }),
      franchise: ws.readSettings().vatRegime === 'franchise', ...(o.currency ? { currency: o.currency } : {}),
    });
  } catch (e) {
    if (e instanceof AppError) throw e;
    const fields = fieldsOf(e);
    if (fields) throw invalid(Object.fromEntries(Object.entries(fields).map(([k, v]) => [`template.${k}`, v])));
    // fillFromTemplate names a product the template refers to that no longer exists.
    if (e instanceof Error) throw invalid({ template: e.message });
    throw e;
  }
}

/** Net amount invoiced to the customer over the last 12 months (issued invoices less credit notes), for pricing rules. */
async function revenueLast12Months(s: Services, companyId: string, customerId: string, today: string): Promise<string> {
  const since = new Date(Date.parse(`${today}T00:00:00Z`) - 365 * 86_400_000).toISOString().slice(0, 10);
  const rs = await s.db.execute({
    sql: `SELECT kind, total_excl FROM documents WHERE company_id = ? AND customer_id = ? AND status = 'issued' AND issue_date >= ?`,
    args: [companyId, customerId, since],
  });
  let sum = new Money(0);
  for (const r of rs.rows) sum = r.kind === 'credit_note' ? sum.minus(String(r.total_excl ?? '0')) : sum.plus(String(r.total_excl ?? '0'));
  return sum.toFixed(2); // number-ok: Decimal#toFixed
}

/** The pricing context of a quote for this customer at `now`. */
export async function pricingContextFor(s: Services, companyId: string, quote: QuoteDocument, customer: Customer | undefined): Promise<PricingContextInput> {
  const meta = quote.readMeta();
  const date = companyToday(s.now());
  const revenue = customer ? await revenueLast12Months(s, companyId, customer.id, date) : undefined;
  return {
    date, currency: meta.currency ?? 'EUR',
    ...(meta.commitmentMonths !== undefined ? { commitmentMonths: meta.commitmentMonths } : {}),
    ...(customer
      ? { customer: {
        segments: segmentsOf(customer),
        ...(customer.customerSince ? { since: customer.customerSince } : {}),
        ...(revenue ? { revenueLast12Months: revenue } : {}),
        ...(customer.country && /^[A-Z]{2}$/.test(customer.country) ? { country: customer.country } : {}),
        ...(customer.postcode ? { postcode: customer.postcode } : {}),
      } }
      : {}),
  };
}

/** Prices every catalog line by the company's active rules (a line with a person's override keeps it). */
export function priceLines(quote: QuoteDocument, ws: Workspace, context: PricingContextInput) {
  applyPricing(quote, new QuoteSettings(ws.doc).activePricingRules(), context);
}
