import { companyToday } from '../commands/issue';
import type { Actor } from '../commands/run';
import { invoiceStandings, readPayment, recordPayment, refundPayment } from '../payments';
import type { Services } from '../services';
import type { GatewayName } from './credentials';

/*
 * What the gateways need of the payments module (docs/design/payments-api.md "Server"), through its public surface
 * (STYLE 7e): record a payment a gateway took, once per gateway reference, and an invoice's open amount; give money
 * back on it (a refund, a lost dispute), once per key. The gateways never write payments or allocations themselves.
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

/** Money given back on a gateway payment, once per `key` (the gateway's refund or dispute id). */
export interface GatewayRefundInput {
  /** Unique per company: the same key refunds once (an idempotency key of the payments module's refund command). */
  key: string;
  amount: string;
  refundedOn: string;
  reference: string;
  /** From what this invoice was paid (it reopens); without it, from the customer's credit. */
  invoiceId?: string;
}

export interface PaymentsPort {
  /** Records the payment, or finds the one recorded under the same (gateway, gatewayRef): never two. */
  recordPayment(s: Services, actor: Actor, input: GatewayPaymentInput): Promise<{ paymentId: string; created: boolean }>;
  /** What is still due on an issued invoice (total − allocations − credit notes), as a decimal string. */
  openAmount(s: Services, companyId: string, invoice: { id: string; total: string }): Promise<string>;
  /** What a recorded payment was allocated to, by invoice; null when there is no such payment. */
  allocationsOf(s: Services, companyId: string, paymentId: string): Promise<{ currency: string; allocations: { invoiceId: string; amount: string }[] } | null>;
  /** Records the refund (or answers the one recorded under the same key). */
  refundPayment(s: Services, actor: Actor, paymentId: string, input: GatewayRefundInput): Promise<{ refundId: string }>;
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
  async allocationsOf(s, companyId, paymentId) {
    const payment = await readPayment(s.db, companyId, paymentId);
    return payment ? { currency: payment.currency, allocations: payment.allocations } : null;
  },
  async refundPayment(s, actor, paymentId, input) {
    const { result } = await refundPayment(s, { ...actor, idempotencyKey: input.key }, paymentId, {
      amount: input.amount, refundedOn: input.refundedOn, reference: input.reference, ...(input.invoiceId ? { invoiceId: input.invoiceId } : {}),
    });
    return { refundId: result.id };
  },
};

export const paymentsOf = (_s: Services): PaymentsPort => paymentsModule;
