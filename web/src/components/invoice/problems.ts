import { matchCoreSentence } from '../../coreSentences';
import { t, type MessageKey, type Vars } from '../../i18n';

// core/issuing and core/tax name each problem by field ("seller.siren", "lines[2].vatRate") with an
// English sentence for developers. The user reads a sentence of the dictionary for that field, and a
// link to the place where it is fixed.

const documentKeys: Record<string, MessageKey> = {
  'seller.legalName': 'problem.seller.legalName',
  'seller.siren': 'problem.seller.siren',
  'seller.address': 'problem.seller.address',
  'seller.legalForm': 'problem.seller.legalForm',
  'seller.shareCapital': 'problem.seller.shareCapital',
  'seller.rcsCity': 'problem.seller.rcsCity',
  'seller.vatNumber': 'problem.seller.vatNumber',
  customerId: 'problem.customerId',
  'customer.address': 'problem.customer.address',
  'customer.siren': 'problem.customer.siren',
  lines: 'problem.lines',
  operationCategory: 'problem.operationCategory',
  precedingNumber: 'problem.precedingNumber',
  precedingIssueDate: 'problem.precedingIssueDate',
  dueDate: 'problem.dueDate',
  status: 'problem.status',
  seriesId: 'problem.seriesId',
  currency: 'problem.currency',
};

function lineKey(field: string, message: string): MessageKey {
  if (field === 'description') return 'problem.line.description';
  if (field === 'quantity') return 'problem.line.quantity';
  if (field === 'unitPrice') return 'problem.line.unitPrice';
  if (field === 'vatRate') return 'problem.line.vatRate';
  if (field === 'vatCategory') return /franchise/.test(message) ? 'problem.line.franchise' : /not subject to VAT/.test(message) ? 'problem.line.notSubjectAlone' : 'problem.line.vatCategory';
  if (field === 'exemptionReason') {
    if (/takes no exemption reason/.test(message)) return 'problem.line.noExemptionReason';
    return /^differs from/.test(message) ? 'problem.line.exemptionDiffers' : 'problem.line.exemptionReason';
  }
  if (field === 'exemptionCode') return 'problem.line.exemptionCode';
  if (field.startsWith('discount')) return 'problem.line.discount';
  return 'problem.line.other';
}

/**
 * The e-invoicing rules (EN 16931, French rules) the server checks at issue and that the checks above do
 * not already cover; any other rule is named with the server's (English) explanation.
 */
const ruleKeys: Record<string, MessageKey> = {
  'BR-IC-11': 'problem.rule.intraEuDeliveryDate',
  'BR-IC-12': 'problem.rule.intraEuDeliveryCountry',
  'BR-IC-02': 'problem.rule.sellerVatNumber',
  'BR-G-02': 'problem.rule.sellerVatNumber',
  'BR-FR-12': 'problem.rule.buyerElectronicAddress',
  'BR-FR-CO-12': 'problem.rule.currency',
};

/** A problem named by core, in the user's words. `vars` fills names (e.g. the customer's). */
export function problemText(key: string, message: string, vars: Vars = {}): string {
  if (/^BR-/.test(key)) return ruleKeys[key] ? t(ruleKeys[key], vars) : t('problem.rule', { rule: key, message });
  const line = /^lines\[(\d+)\]\.(.+)$/.exec(key);
  if (line) return t(lineKey(line[2] ?? '', message));
  // A SIREN, VAT number or IBAN that fails its check (core/identifiers): its own explanation, and whose it is.
  const sentence = /^(seller|customer)\./.test(key) ? matchCoreSentence(message) : null;
  if (sentence) {
    const problem = t(sentence.key, sentence.vars);
    return key.startsWith('seller.') ? t('problem.sellerIdentifier', { problem }) : t('problem.customerIdentifier', { ...vars, problem });
  }
  const known = documentKeys[key];
  return known ? t(known, vars) : t('problem.other', { field: key });
}

/** The line number (from 1) a problem is about, or null. */
export function problemLine(key: string): number | null {
  const m = /^lines\[(\d+)\]/.exec(key);
  return m ? Number(m[1]) + 1 : null; // number-ok: a line position
}

export interface ProblemTarget {
  /** Another page (settings, the customer) where it is fixed. */
  href?: string;
  /** An input of this page to focus. */
  focusId?: string;
}

const sellerFields: Record<string, string> = { address: 'line1' };

/** Where a problem is fixed. */
export function problemTarget(key: string, ctx: { base: string; customerId?: string; lineIds: string[] }): ProblemTarget {
  const seller = /^seller\.(\w+)$/.exec(key);
  if (seller) return { href: `${ctx.base}/settings#field-${sellerFields[seller[1] ?? ''] ?? seller[1]}` };
  const customer = /^customer\.(\w+)/.exec(key);
  if (customer && ctx.customerId) return { href: `${ctx.base}/customers/${ctx.customerId}#field-${customer[1] === 'address' ? 'line1' : customer[1]}` };
  const line = /^lines\[(\d+)\]\.(\w+)/.exec(key);
  if (line) {
    const id = ctx.lineIds[Number(line[1])]; // number-ok: an array index
    const field = line[2] === 'vatCategory' || line[2] === 'vatRate' ? 'vatRate' : line[2] === 'discount' ? 'discountPercent' : line[2];
    return id ? { focusId: `line-${id}-${field}` } : {};
  }
  if (key === 'lines') return { focusId: 'add-line' };
  if (key === 'customerId' || key === 'operationCategory' || key === 'dueDate') return { focusId: `field-${key}` };
  return {};
}
