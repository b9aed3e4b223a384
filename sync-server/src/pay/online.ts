import type { FrozenDocument } from '@facturo/core';
import type { PayOnline } from '@facturo/core/documents';
import { gatewayNames, readCredentials, type GatewayName } from '../gateways';
import type { Services } from '../services';
import { qrMatrix } from './qr';
import { payUrl, payUrlsOf } from './token';

/*
 * Where the pay URL shows (issue 8): only when the company has a gateway to take the money, and only on an invoice
 * the customer pays himself: a credit note asks for nothing, and a direct-debited invoice is collected under its
 * mandate (a second way to pay it would make the customer pay twice).
 */

/** The gateways the company has set up, in a fixed order (the pay page's buttons). */
export async function configuredGateways(s: Services, companyId: string): Promise<GatewayName[]> {
  const configured: GatewayName[] = [];
  for (const g of gatewayNames) if (await readCredentials(s, companyId, g)) configured.push(g);
  return configured;
}

/** The company's pay-URL builder (its key read once) when it takes payments online, else null: for many invoices at once. */
export async function companyPayUrls(s: Services, companyId: string): Promise<((invoiceId: string) => string) | null> {
  return (await configuredGateways(s, companyId)).length > 0 ? payUrlsOf(s, companyId) : null;
}

/** What decides whether an invoice is paid online: its kind and whether a mandate collects it. */
export type PayWay = { kind: FrozenDocument['kind']; meta: Pick<FrozenDocument['meta'], 'directDebit'> };

const paidByCustomer = (doc: PayWay) => doc.kind === 'invoice' && !doc.meta.directDebit;

/** The invoice's pay URL for its email, or null when it is not paid online (see above). */
export async function invoicePayUrl(s: Services, companyId: string, invoiceId: string, doc: PayWay): Promise<string | null> {
  if (!paidByCustomer(doc) || (await configuredGateways(s, companyId)).length === 0) return null;
  return payUrl(s, companyId, invoiceId);
}

/** What the archived PDF prints under "Payer en ligne" (the URL and its QR code), or null. */
export async function payOnlineFor(s: Services, companyId: string, invoiceId: string, doc: PayWay): Promise<PayOnline | null> {
  const url = await invoicePayUrl(s, companyId, invoiceId, doc);
  return url === null ? null : { url, qr: qrMatrix(url) };
}
