import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Services } from '../services';

/*
 * The invoice's own pay URL, https://<origin>/pay/{invoiceId}.{mac} (issue 8): printed on the PDF, written in the
 * email and every reminder, so it must outlive any gateway link (a Stripe Checkout session dies after 24 h).
 *
 * No table: the mac is HMAC-SHA256 of `pay:{companyId}:{invoiceId}` under a key derived from the company's FIRST
 * data key, recomputed on each visit and compared in constant time. The first key, not the current one: a key
 * rotation must not break the URL on PDFs archived for ten years (C. com. L123-22). The archived PDF is produced
 * once from the frozen record, so the URL must also be a pure function of (company, invoice): a random token would
 * need storing before the archive job could print it. The cost: one invoice's URL cannot be revoked alone —
 * the page only ever offers to pay what is still due, to the company's own gateway account.
 */

const macKeys = new Map<string, Buffer>();

/** The company's oldest data key (created on first use, as every other sealing does), as a pay-URL MAC key. */
async function macKey(s: Services, companyId: string): Promise<Buffer> {
  const known = macKeys.get(companyId);
  if (known) return known;
  const first = (await s.db.execute({
    sql: 'SELECT key_id FROM company_keys WHERE company_id = ? AND scope IS NULL ORDER BY created_at, key_id LIMIT 1',
    args: [companyId],
  })).rows[0];
  const data = first ? await s.keys.byId(companyId, String(first.key_id)) : (await s.keys.current(companyId)).key;
  // A key of its own (domain separation): the data key itself only ever seals.
  const key = createHmac('sha256', data).update('facturo pay-url v1').digest();
  if (macKeys.size >= 1000) macKeys.delete(macKeys.keys().next().value!);
  macKeys.set(companyId, key);
  return key;
}

const macOf = (key: Buffer, companyId: string, invoiceId: string) => createHmac('sha256', key).update(`pay:${companyId}:${invoiceId}`).digest();
const tokenOf = (key: Buffer, companyId: string, invoiceId: string) => `${invoiceId}.${macOf(key, companyId, invoiceId).toString('base64url')}`;

/** `{invoiceId}.{mac}`: the path segment after /pay/. */
export async function payToken(s: Services, companyId: string, invoiceId: string): Promise<string> {
  return tokenOf(await macKey(s, companyId), companyId, invoiceId);
}

/** A company's pay URLs, the key read once: for a pass that needs one for each of 100,000 invoices. */
export async function payUrlsOf(s: Services, companyId: string): Promise<(invoiceId: string) => string> {
  const key = await macKey(s, companyId);
  const origin = s.config.origins[0]!;
  return (invoiceId) => `${origin}/pay/${tokenOf(key, companyId, invoiceId)}`;
}

/** The invoice's stable pay URL on the app's public origin. */
export async function payUrl(s: Services, companyId: string, invoiceId: string): Promise<string> {
  return (await payUrlsOf(s, companyId))(invoiceId);
}

const idShape = /^[A-Za-z0-9_-]{1,64}$/;

/** The invoice a token names when its mac is right (constant-time compare), else null; `companyOf` finds the owner. */
export async function openPayToken(
  s: Services, token: string, companyOf: (invoiceId: string) => Promise<string | null>,
): Promise<{ companyId: string; invoiceId: string } | null> {
  const dot = token.indexOf('.');
  if (dot < 0) return null;
  const invoiceId = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1), 'base64url');
  if (!idShape.test(invoiceId) || given.length !== 32) return null;
  const companyId = await companyOf(invoiceId);
  // An unknown invoice still costs one MAC, under a throwaway key: its answer takes as long as a wrong mac's.
  const expected = macOf(companyId ? await macKey(s, companyId) : Buffer.alloc(32), companyId ?? '', invoiceId);
  return timingSafeEqual(given, expected) && companyId ? { companyId, invoiceId } : null;
}
