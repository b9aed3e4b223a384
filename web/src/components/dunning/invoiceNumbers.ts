import { createSignal, onCleanup, type Accessor } from 'solid-js';
import { liveQuery } from 'dexie';
import { db } from '../../stores/db';

/** The company's issued invoices' numbers and due dates as this device keeps them (Dexie), by id, live. */
export function createInvoiceNumbers(companyId: string): Accessor<ReadonlyMap<string, { number: string | null; dueDate: string | null }>> {
  const [rows, setRows] = createSignal<ReadonlyMap<string, { number: string | null; dueDate: string | null }>>(new Map());
  const sub = liveQuery(() => db.invoices.where('companyId').equals(companyId).toArray()).subscribe({
    next: (list) => setRows(new Map(list.map((r) => [r.id, { number: r.number, dueDate: r.dueDate }]))),
    error: () => undefined,
  });
  onCleanup(() => sub.unsubscribe());
  return rows;
}
