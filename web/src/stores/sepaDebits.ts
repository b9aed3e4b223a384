import { formatAmount, Money } from '@facturo/core';
import type { DirectDebitState } from '../api/invoices';
import type { BankRejection, CollectionView } from '../api/sepa';

// What the "Prélèvements SEPA" screen and the invoice list show of direct debits, derived from the server's
// collections and batches (STYLE 5). Money is summed with decimal.js, never with JS numbers.

/**
 * The R-transaction reasons a bank most often returns for a SEPA Core debit (EPC SDD Core rulebook, reason codes;
 * ISO 20022 ExternalStatusReason1Code): the one most likely first. The code is what the server keeps.
 */
export const rejectReasons = ['AM04', 'MS02', 'MD01', 'AC04', 'AC01', 'AC06', 'AG01', 'MD06', 'MS03'] as const;
export type RejectReason = (typeof rejectReasons)[number];

/** The dictionary key of a known reason code ("AM04" → sepaReject.AM04); null for a reason typed otherwise. */
export function rejectReasonKey(reason: string | null | undefined): `sepaReject.${RejectReason}` | null {
  const code = (reason ?? '').trim().toUpperCase();
  return (rejectReasons as readonly string[]).includes(code) ? (`sepaReject.${code}` as `sepaReject.${RejectReason}`) : null;
}

/** The bank's answer to send: the ticked lines with their reason, in the batch's order; the others are settled. */
export function bankAnswer(lines: readonly Pick<CollectionView, 'invoiceId'>[], rejected: ReadonlyMap<string, string>): { rejected: BankRejection[] } {
  return { rejected: lines.flatMap((l) => (rejected.has(l.invoiceId) ? [{ invoiceId: l.invoiceId, reason: rejected.get(l.invoiceId) ?? '' }] : [])) };
}

export interface DueTotal {
  count: number;
  /** Wire form ("1234.50"), in the collections' currency (SEPA debits are in euros). */
  total: string;
  currency: string;
}

/** The pending collections a batch cut off at `until` would take ('' = all of them), counted and summed. */
export function dueBy(pending: readonly Pick<CollectionView, 'amount' | 'currency' | 'collectionDate'>[], until: string): DueTotal {
  const taken = until === '' ? pending : pending.filter((c) => c.collectionDate <= until);
  const currency = taken[0]?.currency ?? 'EUR';
  const total = taken.reduce((sum, c) => sum.plus(c.amount), new Money(0));
  return { count: taken.length, total: formatAmount(total, currency), currency };
}

/**
 * The file name a Content-Disposition header gives (RFC 6266: `filename*=UTF-8''…` wins over `filename="…"`),
 * kept to letters, digits, dots, dashes and underscores (no path); `fallback` when the header names none.
 */
export function fileNameOf(disposition: string | null | undefined, fallback: string): string {
  const header = disposition ?? '';
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header)?.[1];
  const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;\s]+)/.exec(header);
  let name = plain?.[1] ?? plain?.[2] ?? '';
  if (extended) {
    try {
      name = decodeURIComponent(extended.trim());
    } catch {
      // a malformed escape: the plain name, if any
    }
  }
  const safe = name.replace(/[/\\]/g, '-').replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^[-.]+/, '');
  return safe || fallback;
}

/** Where each setting a `creditor_incomplete` refusal names is filled in: the element id on the settings page. */
const settingAnchors: Record<string, string> = {
  legalName: 'field-legalName',
  sepaCreditorId: 'field-sepaCreditorId',
  // The IBAN and BIC change through the bank details section, asked by one member and approved by another.
  iban: 'field-iban',
  bic: 'field-iban',
};
const settingOrder = ['legalName', 'sepaCreditorId', 'iban', 'bic'];

/** The settings to complete before a pain.008 file can be written, in the settings page's order, each with its anchor. */
export function creditorFixes(fields: Readonly<Record<string, string>>): { field: string; anchor: string; message: string }[] {
  const rank = (f: string) => (settingOrder.includes(f) ? settingOrder.indexOf(f) : settingOrder.length);
  return Object.keys(fields)
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    .map((field) => ({ field, anchor: settingAnchors[field] ?? `field-${field}`, message: fields[field] ?? '' }));
}

export type DebitTone = 'waiting' | 'info' | 'success' | 'danger' | 'neutral';

/** An invoice's direct debit as the list says it: "Prélèvement prévu le 15/03", sent to the bank, paid, rejected. */
export function debitChip(d: DirectDebitState | null | undefined): { key: `debit.${DirectDebitState['status']}`; tone: DebitTone; date: string } | null {
  if (!d) return null;
  const tones: Record<DirectDebitState['status'], DebitTone> = { pending: 'waiting', batched: 'info', confirmed: 'success', rejected: 'danger', cancelled: 'neutral' };
  return { key: `debit.${d.status}`, tone: tones[d.status], date: d.collectionDate };
}

/** A day as "15/03" (day and month, the year being obvious in a list of due debits). */
export function shortDay(day: string | null | undefined): string {
  const m = /^\d{4}-(\d{2})-(\d{2})$/.exec(day ?? '');
  return m ? `${m[2]}/${m[1]}` : (day ?? '');
}
