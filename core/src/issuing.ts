import { ValidationError } from './schema/fields';
import { checkIban, checkSiren, checkVatNumber, type IdentifierCheck } from './identifiers';
import type { CompanySettings, Series } from './schema/workspace';
import type { Customer } from './schema/customers';
import { documentTaxInput, type DirectDebit, type DocumentContent, type DocumentKind, type DocumentLine, type DocumentMeta, type DraftDocument } from './schema/document';
import { computeInvoiceTotals, type InvoiceTotals } from './tax';
import { InvalidDateError, readDate } from './periods/dates';
import { checkCreditorIdentifier } from './sepa/creditor-identifier';
import { rum } from './sepa/mandate';

/*
 * What the law requires before a number is given (CGI art. 242 nonies A, Code de commerce L441-9,
 * the 2026 e-invoicing reform), checked identically on the device (to warn early) and by the
 * server's issue command (which decides). Problems are named by field, e.g. "seller.siren",
 * "customer.address.city", "lines[2].vatRate".
 */
const companyForms = /^(SARL|SAS|SASU|SA|EURL|SCA|SNC|SCS|SELARL|SELAS|SCOP|SCI)$/i;

export interface IssueContext {
  kind: DocumentKind;
  settings: CompanySettings;
  customer: Customer | undefined;
  series: Series;
  /** The issue date, from the server's clock in the company's zone. */
  issueDate: string;
}

export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function sellerProblems(s: CompanySettings, out: Record<string, string>) {
  if (!s.legalName) out['seller.legalName'] = 'the company’s legal name is required (settings)';
  if (!s.siren) out['seller.siren'] = 'the company’s SIREN is required (settings)';
  if (!s.line1 || !s.postcode || !s.city) out['seller.address'] = 'the company’s full address is required (settings)';
  if (!s.legalForm) out['seller.legalForm'] = 'the legal form (SARL, SAS, EI…) is required (settings)';
  if (s.legalForm && companyForms.test(s.legalForm.trim())) {
    if (!s.shareCapital) out['seller.shareCapital'] = `a ${s.legalForm} must state its share capital (settings)`;
    if (!s.rcsCity) out['seller.rcsCity'] = `a ${s.legalForm} must state its RCS registration city (settings)`;
  }
  if (s.vatRegime !== 'franchise' && !s.vatNumber) out['seller.vatNumber'] = 'the VAT number is required unless the company is under the franchise (art. 293 B)';
}

/** A wrong SIREN or VAT number on an invoice is a wrong legal mention: refused with the check's message. */
function identifierProblems(out: Record<string, string>, checks: [string, string | undefined, (v: string) => IdentifierCheck][]) {
  for (const [field, value, check] of checks) {
    if (!value || out[field]) continue;
    const r = check(value);
    if (!r.ok) out[field] = r.message;
  }
}

function customerProblems(c: Customer | undefined, out: Record<string, string>) {
  if (!c) {
    out.customerId = 'choose a customer';
    return;
  }
  if (!c.line1 || !c.postcode || !c.city || !c.country) out['customer.address'] = `the billing address of ${c.name} is incomplete`;
  // Since the 2026 reform, a French business buyer's SIREN is a mandatory mention.
  if (c.kind === 'company' && (c.country ?? 'FR') === 'FR' && !c.siren) out['customer.siren'] = `the SIREN of ${c.name} is required`;
}

function lineProblems(lines: DocumentLine[], franchise: boolean, out: Record<string, string>) {
  if (lines.length === 0) out.lines = 'add at least one line';
  lines.forEach((l, i) => {
    if (!(l.description ?? '').trim()) out[`lines[${i}].description`] = 'describe what is sold';
    if (franchise && l.vatCategory !== 'E') out[`lines[${i}].vatCategory`] = 'under the franchise (art. 293 B) no VAT is charged: use category E';
  });
}

/** Every problem that forbids issuing; empty when the document may be numbered. */
export function issueProblems(draft: DraftDocument, ctx: IssueContext): Record<string, string> {
  return draftChecks(draft, draft.content(), ctx).problems;
}

/** An issued draft cannot be issued again; then every problem of its content, in the same order as before. */
function draftChecks(draft: DraftDocument, content: DocumentContent, ctx: IssueContext): ContentChecks {
  const out: Record<string, string> = {};
  if (draft.isIssued()) out.status = `already issued as ${draft.readMeta().number ?? '…'}`;
  return contentChecks(content, ctx, out);
}

interface ContentChecks {
  problems: Record<string, string>;
  /** Undefined when the lines cannot be computed (their problems are in `problems`). */
  totals: InvoiceTotals | undefined;
}

/** The checks of issueProblems that need no draft: the header, the parties, the lines and their totals. */
function contentChecks({ meta, lines }: DocumentContent, ctx: IssueContext, out: Record<string, string> = {}): ContentChecks {
  if (meta.kind !== ctx.kind) out.kind = `this is a ${meta.kind}, not a ${ctx.kind}`;
  if (ctx.series.kind !== meta.kind) out.seriesId = `series ${ctx.series.id} numbers ${ctx.series.kind}s`;
  sellerProblems(ctx.settings, out);
  customerProblems(ctx.customer, out);
  identifierProblems(out, [
    ['seller.siren', ctx.settings.siren, checkSiren],
    ['seller.vatNumber', ctx.settings.vatNumber, checkVatNumber],
    ['seller.iban', ctx.settings.iban, checkIban],
    ['customer.siren', ctx.customer?.siren, checkSiren],
    ['customer.vatNumber', ctx.customer?.vatNumber, checkVatNumber],
  ]);
  lineProblems(lines, ctx.settings.vatRegime === 'franchise', out);
  if (!meta.operationCategory) out.operationCategory = 'say whether this sells goods, services or both';
  if (meta.kind === 'credit_note' && !meta.precedingNumber) out.precedingNumber = 'a credit note must reference the invoice it corrects';
  // BR-FR-CO-05: a credit note names the invoice it corrects by number and issue date (BT-25, BT-26).
  if (meta.kind === 'credit_note' && !meta.precedingIssueDate) out.precedingIssueDate = 'a credit note must state the issue date of the invoice it corrects (BR-FR-CO-05)';
  if (meta.dueDate && meta.dueDate < ctx.issueDate) out.dueDate = 'the due date is before the issue date';
  periodProblems(meta, out);
  directDebitProblems(meta, out);
  try {
    // The currency default is DraftDocument.toTaxInput's, so a draft's totals are the ones it showed.
    return { problems: out, totals: computeInvoiceTotals(documentTaxInput(meta.currency ?? 'EUR', lines)) };
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    Object.assign(out, e.fields);
    return { problems: out, totals: undefined };
  }
}

/** BG-14: the first and the last day invoiced, both included, as EN 16931 defines BT-73 and BT-74. */
export interface InvoicingPeriod {
  start: string;
  end: string;
}

/** The day is a calendar date, or a problem names it. */
function dateProblem(value: string, field: string, out: Record<string, string>): boolean {
  try {
    readDate(value, field);
    return false;
  } catch (e) {
    if (!(e instanceof InvalidDateError)) throw e;
    out[field] = 'not a date YYYY-MM-DD';
    return true;
  }
}

/**
 * A recurring invoice's half-open `period` bills at least one day; a draft's BT-73 and BT-74 come
 * together, in order (EN 16931 BR-29). Dates are checked here too: freezeContent takes plain data.
 */
function periodProblems(meta: DocumentContent['meta'], out: Record<string, string>) {
  const { period, invoicingPeriodStart: start, invoicingPeriodEnd: end } = meta;
  if (period) {
    if (!dateProblem(period.start, 'period.start', out) && !dateProblem(period.end, 'period.end', out) && period.end <= period.start) {
      out['period.end'] = `the period [${period.start}, ${period.end}) bills no day: its end must come after its start`;
    }
    if (start || end) out.invoicingPeriodStart = `a recurring invoice is for its subscription period ${period.start}…${period.end} alone`;
  } else if (!start !== !end) {
    out[start ? 'invoicingPeriodEnd' : 'invoicingPeriodStart'] = `give the ${start ? 'last' : 'first'} day of the invoicing period too (${start ? 'BT-74' : 'BT-73'})`;
  } else if (start && end && !dateProblem(start, 'invoicingPeriodStart', out) && !dateProblem(end, 'invoicingPeriodEnd', out) && end < start) {
    out.invoicingPeriodEnd = `the invoicing period ends before its first day ${start} (EN 16931 BR-29)`;
  }
}

/**
 * BG-19 as the SEPA Core rulebook needs it to collect (and EN 16931 to state it, BT-89 … BT-91): a RUM of the
 * SEPA character set, the seller's creditor identifier (ICS) and the debtor's IBAN, in euros, on an invoice.
 */
function directDebitProblems({ directDebit, kind, currency }: DocumentContent['meta'], out: Record<string, string>) {
  if (!directDebit) return;
  if (kind !== 'invoice') out.directDebit = 'only an invoice is collected by direct debit, not a credit note';
  if (currency !== 'EUR') out.directDebit = `a SEPA direct debit collects euros, not ${currency}`;
  const reference = rum.safeParse(directDebit.mandateReference);
  if (!reference.success) out['directDebit.mandateReference'] = reference.error.issues[0]?.message ?? 'not a mandate reference (RUM)';
  for (const [field, value, check] of [['creditorId', directDebit.creditorId, checkCreditorIdentifier], ['debitedIban', directDebit.debitedIban, checkIban]] as const) {
    const r = check(value);
    if (!r.ok) out[`directDebit.${field}`] = r.message;
  }
}

/** The mandate's terms as the bank and the buyer read them: RUM trimmed, ICS and IBAN upper case without spaces. */
function canonicalDirectDebit(d: DirectDebit): DirectDebit {
  const canonical = (check: (v: string) => IdentifierCheck, value: string) => {
    const r = check(value);
    return r.ok ? r.normalized : value;
  };
  return { mandateReference: d.mandateReference.trim(), creditorId: canonical(checkCreditorIdentifier, d.creditorId), debitedIban: canonical(checkIban, d.debitedIban) };
}

/**
 * The invoicing period a document states: a recurring invoice's half-open [start, end) subscription
 * period, whose last day invoiced is the day before `end`, or a draft's first and last days.
 */
export function invoicingPeriodOf(meta: Pick<DocumentMeta, 'period' | 'invoicingPeriodStart' | 'invoicingPeriodEnd'>): InvoicingPeriod | undefined {
  if (meta.period) return { start: meta.period.start, end: addDays(meta.period.end, -1) };
  const { invoicingPeriodStart: start, invoicingPeriodEnd: end } = meta;
  return start && end ? { start, end } : undefined;
}

export interface FrozenDocument {
  id: string;
  kind: DocumentKind;
  number: string;
  issueDate: string;
  dueDate: string;
  currency: string;
  /** The seller as at issue, with its logoId: the image stays in the workspace's logos map, never replaced. */
  seller: CompanySettings;
  buyer: Customer;
  meta: Omit<DocumentMeta, 'status' | 'number' | 'issueDate'>;
  lines: DocumentLine[];
  totals: InvoiceTotals;
  mentions: string[];
  /** BG-14 (BT-73, BT-74), days included; absent, not undefined, when the document states none. */
  invoicingPeriod?: InvoicingPeriod;
}

/**
 * The payment mentions of the Code de commerce, in the customer's language: late-payment penalties
 * (L441-10), the 40 € fixed recovery indemnity (L441-10 II, D441-5; between professionals only) and
 * the early-payment discount or its absence (L441-9). One wording for the mentions printed at the
 * foot (legalMentions) and the XML's PMD, PMT and AAB notes (documents/xml/notes.ts), so the PDF and
 * the e-invoice can never say two things.
 */
export function paymentMentions(
  settings: Pick<CompanySettings, 'latePenaltyTerms' | 'earlyPaymentTerms'>,
  customer: Pick<Customer, 'language' | 'kind'>,
): { latePenalties: string; recoveryIndemnity?: string; earlyPayment: string } {
  const fr = customer.language !== 'en';
  return {
    latePenalties: fr ? `Pénalités de retard : ${settings.latePenaltyTerms ?? 'taux BCE + 10 points'}` : `Late payment penalties: ${settings.latePenaltyTerms ?? 'ECB rate + 10 points'}`,
    ...(customer.kind === 'company' ? { recoveryIndemnity: fr ? 'Indemnité forfaitaire pour frais de recouvrement : 40 €' : 'Fixed compensation for recovery costs: €40' } : {}),
    earlyPayment: settings.earlyPaymentTerms ?? (fr ? 'Pas d’escompte pour paiement anticipé' : 'No discount for early payment'),
  };
}

/** The legal mentions printed at the foot, in the customer's language. */
export function legalMentions(settings: CompanySettings, customer: Customer, lines: DocumentLine[], meta: Pick<DocumentMeta, 'operationCategory'>): string[] {
  const fr = customer.language !== 'en';
  const m: string[] = [];
  const nature = { goods: fr ? 'livraison de biens' : 'supply of goods', services: fr ? 'prestation de services' : 'supply of services', mixed: fr ? 'opération mixte (biens et services)' : 'mixed supply (goods and services)' };
  if (meta.operationCategory) m.push(fr ? `Nature de l’opération : ${nature[meta.operationCategory]}` : `Nature of the operation: ${nature[meta.operationCategory]}`);
  if (settings.vatRegime === 'franchise') m.push('TVA non applicable, art. 293 B du CGI');
  if (lines.some((l) => l.vatCategory === 'AE')) m.push(fr ? 'Autoliquidation' : 'Reverse charge (Autoliquidation)');
  if (settings.vatOnDebits) m.push(fr ? 'Option pour le paiement de la taxe d’après les débits' : 'VAT paid on debits (option pour le paiement de la taxe d’après les débits)');
  const payment = paymentMentions(settings, customer);
  m.push(payment.earlyPayment, payment.latePenalties);
  if (payment.recoveryIndemnity) m.push(payment.recoveryIndemnity);
  return m;
}

type FreezeContext = IssueContext & { id: string; number: string };

/** The record frozen at issue: every fact printed on the invoice, as it was at that instant. */
export function freezeDocument(draft: DraftDocument, ctx: FreezeContext): FrozenDocument {
  const content = draft.content();
  return frozenOf(content, ctx, draftChecks(draft, content, ctx));
}

/**
 * The same record from plain data, with no draft: the same checks (mandatory mentions, parties,
 * lines), refused with the same ValidationError. Recurring invoices are frozen this way (issue 7).
 */
export function freezeContent(content: DocumentContent, ctx: FreezeContext): FrozenDocument {
  return frozenOf(content, ctx, contentChecks(content, ctx));
}

function frozenOf({ meta, lines }: DocumentContent, ctx: FreezeContext, { problems, totals }: ContentChecks): FrozenDocument {
  if (Object.keys(problems).length > 0 || !totals) throw new ValidationError(problems);
  const customer = ctx.customer!;
  const terms = meta.paymentTermsDays ?? customer.paymentTermsDays ?? ctx.settings.paymentTermsDays ?? 30;
  const invoicingPeriod = invoicingPeriodOf(meta);
  return {
    id: ctx.id,
    kind: meta.kind,
    number: ctx.number,
    issueDate: ctx.issueDate,
    dueDate: meta.dueDate ?? addDays(ctx.issueDate, terms),
    currency: meta.currency,
    seller: ctx.settings,
    buyer: customer,
    // Only a direct-debited invoice gains a key: every other record freezes to the JSON it froze to before.
    meta: meta.directDebit ? { ...meta, directDebit: canonicalDirectDebit(meta.directDebit) } : meta,
    lines,
    totals,
    mentions: legalMentions(ctx.settings, customer, lines, meta),
    // Spread, so that a document without a period freezes to the very JSON it froze to before BG-14.
    ...(invoicingPeriod ? { invoicingPeriod } : {}),
  };
}
