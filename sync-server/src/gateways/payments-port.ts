import { companyToday } from '../commands/issue';
import type { Actor } from '../commands/run';
import { invoiceStandings, recordPayment } from '../payments';
import type { Services } from '../services';
import type { GatewayName } from './credentials';

/*
 * What the gateways need of the payments module (docs/design/payments-api.md "Server"), through its public surface
 * (STYLE 7e): record a payment a gateway took, once per gateway reference, and an invoice's open amount. The
 * gateways never write payments or allocations themselves.
 */

export interface GatewayPaymentInput {
  customerId: string;
  amount: string;
  currency: string;
  receivedOn: string;
  reference: string;
  gateway: GatewayName;
  /** Unique per gateway (payments' UNIQUE (company_id, gateway, gateway_ref)): the same reference records once. */
  gatewayRef: string;
  fee: string | null;
  allocations: { invoiceId: string; amount: string }[];
}

export interface PaymentsPort {
  /** Records the payment, or finds the one recorded under the same (gateway, gatewayRef): never two. */
  recordPayment(s: Services, actor: Actor, input: GatewayPaymentInput): Promise<{ paymentId: string; created: boolean }>;
  /** What is still due on an issued invoice (total − allocations − credit notes), as a decimal string. */
  openAmount(s: Services, companyId: string, invoice: { id: string; total: string }): Promise<string>;
}

const paymentsModule: PaymentsPort = {
  async recordPayment(s, actor, input) {
    const { status, result } = await recordPayment(s, actor, {
      customerId: input.customerId, method: input.gateway, amount: input.amount, currency: input.currency, receivedOn: input.receivedOn,
      reference: input.reference, ...(input.fee ? { fee: input.fee } : {}), gateway: input.gateway, gatewayRef: input.gatewayRef, allocations: input.allocations,
    });
    // 200: the payment recorded before under this reference (recordPayment answers it again).
    return { paymentId: result.id, created: status === 201 };
  },
  async openAmount(s, companyId, invoice) {
    const standing = (await invoiceStandings(s.db, companyId, companyToday(s.now()), { ids: [invoice.id] })).get(invoice.id);
    return standing?.open ?? invoice.total;
  },
};

export const paymentsOf = (_s: Services): PaymentsPort => paymentsModule;
