import {
  UnknownVariableError, addDays, render, textBlockData, type CompanySettings, type Customer, type InvoiceTotals, type TextBlock,
} from '@facturo/core';

// Text blocks rendered in the app: with sample data beside the editor, with a draft's own data when one is
// inserted into its notes (core's textBlockData: what a draft does not know yet reads as a placeholder).

export type Rendered = { ok: true; text: string } | { ok: false; variable: string };

/** The block's text with `data`, or the variable it names that `data` lacks (a custom value removed since). */
export function renderBlock(body: string, data: Record<string, unknown>): Rendered {
  try {
    return { ok: true, text: render(body, data) };
  } catch (e) {
    if (e instanceof UnknownVariableError) return { ok: false, variable: e.variable };
    throw e;
  }
}

/** Made-up data for the editor's preview, from the company's own settings and custom values. */
export function sampleBlockData(settings: CompanySettings, custom: Record<string, string>, language: 'fr' | 'en', today: string) {
  return textBlockData({
    language,
    seller: settings,
    customer: { name: 'Boulangerie Martin', email: 'compta@boulangerie-martin.fr', city: 'Lyon' },
    invoice: {
      number: 'F-2026-00042', issueDate: today, dueDate: addDays(today, 30), currency: 'EUR',
      totals: { totalWithoutVat: '1497.50', totalWithVat: '1797.00', amountDue: '1797.00' },
    },
    custom,
  });
}

/** A draft's data: its customer, due date and totals as they stand; its number reads "(à l’émission)". */
export function draftBlockData(d: {
  settings: CompanySettings;
  customer: Customer | undefined;
  dueDate: string | undefined;
  currency: string;
  totals: InvoiceTotals | null;
  custom: Record<string, string>;
}) {
  const c = d.customer;
  return textBlockData({
    language: c?.language === 'en' ? 'en' : 'fr',
    seller: d.settings,
    ...(c ? { customer: { name: c.name, ...(c.email ? { email: c.email } : {}), ...(c.city ? { city: c.city } : {}) } } : {}),
    invoice: { currency: d.currency, ...(d.dueDate ? { dueDate: d.dueDate } : {}), ...(d.totals ? { totals: d.totals } : {}) },
    custom: d.custom,
  });
}

/** The blocks offered in an invoice's notes. */
export function documentBlocks(blocks: TextBlock[]): TextBlock[] {
  return blocks.filter((b) => b.usage === 'document' || b.usage === 'any');
}

/** The notes with a block's text added after what is already there, a blank line between. */
export function appendToNotes(notes: string | undefined, text: string): string {
  const current = (notes ?? '').replace(/\s+$/, '');
  return current ? `${current}\n\n${text}` : text;
}

/** Whether a rendered block quotes what a draft does not know yet (core's textBlockData placeholder), which a note would keep. */
export function quotesPending(text: string): boolean {
  return /\((à l’émission|on issue)\)/.test(text);
}
