import type { FrozenDocument } from './issuing';
import { displayAmount } from './money';

/*
 * A safe template engine for text blocks and emails: `{{customer.name}}`-style variables looked up in
 * plain data, HTML-escaped where asked. No code runs; an unknown variable is an error that names it.
 * Shared by the browser (live preview) and the server (documents and emails), hence in core.
 */
export class UnknownVariableError extends Error {
  constructor(readonly variable: string) {
    super(`unknown variable {{${variable}}}`);
    this.name = 'UnknownVariableError';
  }
}

type Data = { [key: string]: unknown };

function lookup(data: Data, path: string): unknown {
  let cur: unknown = data;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object' || !Object.prototype.hasOwnProperty.call(cur, part)) throw new UnknownVariableError(path);
    cur = (cur as Data)[part];
  }
  return cur;
}

export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const variable = () => /\{\{\s*([A-Za-z_][\w]*(?:\.[A-Za-z_]\w*)*)\s*\}\}/g;

export function render(template: string, data: Data, opts: { html?: boolean } = {}): string {
  return template.replace(variable(), (_m, path: string) => {
    const v = lookup(data, path);
    const text = v === undefined || v === null ? '' : String(v);
    return opts.html ? escapeHtml(text) : text;
  });
}

/**
 * The variables a text block may use, with what they stand for (shown beside the editor). `custom.NAME`
 * are the company's own values (Workspace.customValues).
 */
export const textBlockVariables = {
  'customer.name': { fr: 'Nom du client', en: 'Customer name' },
  'customer.email': { fr: 'E-mail du client', en: 'Customer email' },
  'customer.city': { fr: 'Ville du client', en: 'Customer city' },
  'invoice.number': { fr: 'Numéro de la facture', en: 'Invoice number' },
  'invoice.issueDate': { fr: 'Date d’émission', en: 'Issue date' },
  'invoice.dueDate': { fr: 'Date d’échéance', en: 'Due date' },
  'invoice.total': { fr: 'Total TTC', en: 'Total incl. VAT' },
  'invoice.totalExclVat': { fr: 'Total HT', en: 'Total excl. VAT' },
  'invoice.amountDue': { fr: 'Montant à payer', en: 'Amount due' },
  'seller.name': { fr: 'Nom de votre entreprise', en: 'Your company’s name' },
  'seller.email': { fr: 'Votre e-mail', en: 'Your email' },
  'seller.phone': { fr: 'Votre téléphone', en: 'Your phone' },
  'seller.iban': { fr: 'Votre IBAN', en: 'Your IBAN' },
  'seller.bic': { fr: 'Votre BIC', en: 'Your BIC' },
} as const;
export type TextBlockVariable = keyof typeof textBlockVariables;

/** The variables a template uses, in order of first use. */
export function templateVariables(template: string): string[] {
  return [...new Set([...template.matchAll(variable())].map((m) => m[1]!))];
}

/** The variables of a template that are neither known nor one of the company's custom values (custom.NAME). */
export function unknownVariables(template: string, customNames: readonly string[]): string[] {
  return templateVariables(template).filter((v) => !Object.hasOwn(textBlockVariables, v) && !(v.startsWith('custom.') && customNames.includes(v.slice(7))));
}

/** What a document is known by when a text block is rendered: an issued one, or a draft without number yet. */
export interface TextBlockContext {
  language: 'fr' | 'en';
  seller: { legalName?: string; tradeName?: string; email?: string; phone?: string; iban?: string; bic?: string };
  customer?: { name: string; email?: string; city?: string };
  invoice?: Partial<Pick<FrozenDocument, 'number' | 'issueDate' | 'dueDate' | 'currency'>> & { totals?: Pick<FrozenDocument['totals'], 'totalWithVat' | 'totalWithoutVat' | 'amountDue'> };
  custom: Readonly<Record<string, string>>;
}

/** The data every known variable reads; what is not known yet (a draft's number) reads as a placeholder. */
export function textBlockData(ctx: TextBlockContext): Data {
  const fr = ctx.language === 'fr';
  const pending = fr ? '(à l’émission)' : '(on issue)';
  const date = (d: string | undefined) => (d ? (fr ? d.split('-').reverse().join('/') : d) : pending);
  const inv = ctx.invoice ?? {};
  const currency = inv.currency ?? 'EUR';
  const amount = (a: string | undefined) => (a ? displayAmount(a, currency, ctx.language) : pending);
  return {
    customer: { name: ctx.customer?.name ?? '', email: ctx.customer?.email ?? '', city: ctx.customer?.city ?? '' },
    invoice: {
      number: inv.number ?? pending, issueDate: date(inv.issueDate), dueDate: date(inv.dueDate),
      total: amount(inv.totals?.totalWithVat), totalExclVat: amount(inv.totals?.totalWithoutVat), amountDue: amount(inv.totals?.amountDue),
    },
    seller: { name: ctx.seller.tradeName ?? ctx.seller.legalName ?? '', email: ctx.seller.email ?? '', phone: ctx.seller.phone ?? '', iban: ctx.seller.iban ?? '', bic: ctx.seller.bic ?? '' },
    custom: { ...ctx.custom },
  };
}
