import { createSignal, onCleanup, onMount, type Accessor } from 'solid-js';
import { liveQuery } from 'dexie';
import { db, type InvoiceRow } from '../../stores/db';
import { refreshInvoiceSummary } from '../../stores/frozenCache';
import { session } from '../../auth/session';

/**
 * The server's summary of one issued document as this device keeps it (its payment status and open amount), live:
 * asked again on opening when the server is reachable, and updated when a queued payment is acknowledged.
 */
export function createInvoiceSummary(companyId: string, id: string): Accessor<InvoiceRow | undefined> {
  const [row, setRow] = createSignal<InvoiceRow | undefined>(undefined);
  const sub = liveQuery(() => db.invoices.get([companyId, id])).subscribe({ next: setRow, error: () => undefined });
  onCleanup(() => sub.unsubscribe());
  onMount(() => {
    if (session.reachable()) void refreshInvoiceSummary(db, companyId, id).catch(() => undefined);
  });
  return row;
}
