import type { FrozenDocument } from '@facturo/core';

/*
 * The EN 16931 and French business rules, asked by the issue command before a number is given. Core's
 * documents module (jsPDF, pdf-lib, the XML) is loaded on first use, not when the server or the CLI starts.
 */

let documents: Promise<typeof import('@facturo/core/documents')> | undefined;
const documentsModule = () => (documents ??= import('@facturo/core/documents'));

/** Loads it in the background (a server starting), so the first issue does not wait for it. */
export function preloadDocuments(): void {
  documentsModule().catch((e: unknown) => {
    documents = undefined; // the first issue tries again, and names the error
    console.error('loading core documents failed:', e);
  });
}

/** Every rule the document breaks once frozen, keyed by the rule's id ("BR-FR-CO-05"): empty when it keeps them all. */
export async function brokenRules(frozen: FrozenDocument): Promise<Record<string, string>> {
  const { checkInvoice, invoiceModel } = await documentsModule();
  const out: Record<string, string> = {};
  for (const v of checkInvoice(invoiceModel(frozen))) out[v.rule] = out[v.rule] ? `${out[v.rule]}; ${v.message}` : v.message;
  return out;
}
