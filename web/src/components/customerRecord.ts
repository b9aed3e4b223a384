import { createEffect, createMemo, createSignal, on, onCleanup, type Accessor } from 'solid-js';
import type { Customer, Workspace } from '@facturo/core';
import { openCustomer, type CustomerReplica } from '../sync/customerReplica';

/**
 * The record of the customer `customerId()` names, read from its own document on this device (offline too): the
 * document is opened while it is named and released after; undefined while none is named or it is still loading.
 * An erased customer is never opened (its copy is gone, and opening would fetch nothing).
 */
export function createCustomerRecord(companyId: string, ws: Workspace, customerId: Accessor<string | undefined>): Accessor<Customer | undefined> {
  const [held, setHeld] = createSignal<CustomerReplica | null>(null);
  createEffect(
    on(customerId, (id) => {
      if (!id || ws.customerEntry(id)?.erasedAt) return setHeld(null);
      const { replica, release } = openCustomer(companyId, id);
      setHeld(replica);
      onCleanup(release);
    }),
  );
  return createMemo(() => {
    const c = held();
    return c ? (c.room.version(), c.book.getCustomer(c.customerId)) : undefined;
  });
}
