import { ApiError } from '../../api/http';
import { invoicesApi } from '../../api/invoices';
import { newIdempotencyKey } from '../../stores/ids';

// The key outlives a lost answer (a retry returns the credit note already made), not a definitive one.
const keys = new Map<string, string>();

/** Starts a credit note for an issued invoice (server command); resolves with the new draft's id. */
export async function createCreditNote(companyId: string, invoiceId: string): Promise<string> {
  const key = keys.get(invoiceId) ?? newIdempotencyKey();
  keys.set(invoiceId, key);
  try {
    const created = await invoicesApi.creditNote(companyId, invoiceId, key);
    keys.delete(invoiceId);
    return created.id;
  } catch (e) {
    if (e instanceof ApiError && e.status < 500) keys.delete(invoiceId);
    throw e;
  }
}
