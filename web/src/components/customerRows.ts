import { createSignal, onCleanup, type Accessor } from 'solid-js';
import { liveQuery } from 'dexie';
import { db, type CustomerRow } from '../stores/db';
import { customerRows } from '../stores/customerIndex';

/**
 * The company's customers as this device last saw them (Dexie rows, by id), for the names and emails
 * shown outside a customer's page without opening each customer's document. Live for the component's life.
 */
export function createCustomerRows(companyId: string): Accessor<ReadonlyMap<string, CustomerRow>> {
  const [rows, setRows] = createSignal<ReadonlyMap<string, CustomerRow>>(new Map());
  const sub = liveQuery(() => customerRows(db, companyId)).subscribe({ next: (list) => setRows(new Map(list.map((r) => [r.id, r]))), error: () => undefined });
  onCleanup(() => sub.unsubscribe());
  return rows;
}
