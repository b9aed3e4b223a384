import { checkInvoice, invoiceModel } from '@facturo/core/documents';
import type { FrozenDocument } from '@facturo/core';

/** Every rule the frozen invoice breaks, keyed by rule id (documents/rules.ts brokenRules, loaded eagerly for the rules worker). */
export function brokenRulesNow(frozen: FrozenDocument): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of checkInvoice(invoiceModel(frozen))) out[v.rule] = out[v.rule] ? `${out[v.rule]}; ${v.message}` : v.message;
  return out;
}
