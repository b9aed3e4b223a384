import { z } from '@hono/zod-openapi';
import { fieldPath } from '@facturo/core';
import { invalid, notFound } from '../errors';
import { customerCredits, listPayments, paymentMethods, PAYMENTS_PAGE_MAX, readPayment, recordPayment, refundPayment } from '../payments';
import { readCustomer } from '../customers/records';
import { penaltyDraft } from '../payments/penalties';
import { actorFor, errorResponses, memberOf, router, secureRoute, type Ctx } from './context';
import { json } from './schemas';

/*
 * /api/v1/payments (issue 8, docs/design/payments-api.md): money received (transfer, cheque, cash, card, or a
 * gateway's) split over the customer's open invoices, and refunds. Recording is a server command with an
 * Idempotency-Key, so a device's outbox may send it again after a lost answer and it is recorded once.
 */

const tags = ['Payments'];
const Allocation = z.object({ invoiceId: z.string(), amount: z.string() });
const PaymentOut = z.looseObject({ id: z.string(), kind: z.enum(['payment', 'refund']), amount: z.string(), currency: z.string(), allocations: z.array(Allocation), unallocated: z.string() }).openapi('Payment');
const RecordIn = z.object({
  customerId: z.string(), method: z.enum(paymentMethods), amount: z.string().openapi({ example: '1200.00' }), currency: z.string().optional(),
  receivedOn: z.string().openapi({ example: '2027-03-15' }), reference: z.string().optional(), fee: z.string().optional(),
  allocations: z.array(Allocation).optional().openapi({ description: 'How to split it; without, oldest due first; what is left is the customer’s credit' }),
}).openapi('PaymentRecord');
const RefundIn = z.object({ amount: z.string(), refundedOn: z.string(), invoiceId: z.string().optional(), method: z.enum(paymentMethods).optional(), reference: z.string().optional() }).openapi('PaymentRefund');
const idParam = { params: z.object({ id: z.string() }) };

/** Another company's (or no) payment is absent (404) whatever the body, so ids cannot be probed with a bad request. */
const paymentFirst = (result: { success: boolean; error?: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } }, c: Pick<Ctx, 'get'> & { req: { param: (name: 'id') => string } }): Promise<never> | undefined => {
  if (result.success) return undefined;
  const fields: Record<string, string> = {};
  for (const issue of result.error?.issues ?? []) fields[fieldPath(issue.path) || '(body)'] ??= issue.message;
  return readPayment(c.get('services').db, c.get('member').companyId, c.req.param('id')).then((found) => {
    throw found ? invalid(fields) : notFound(`payment ${c.req.param('id')}`);
  });
};
const body = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });

export function paymentRoutes() {
  const app = router();

  app.openapi(secureRoute('company.read', { method: 'get', path: '/payments', tags, summary: 'Payments and refunds, newest first, a page at a time (older ones with ?before=the page’s next)',
    request: { query: z.object({
      customerId: z.string().optional(),
      invoiceId: z.string().optional().openapi({ description: 'Only the payments and refunds allocated to this invoice' }),
      before: z.string().optional().openapi({ description: 'The `next` of the previous page' }),
      limit: z.coerce.number().int().min(1).max(PAYMENTS_PAGE_MAX).optional().openapi({ description: `At most ${PAYMENTS_PAGE_MAX}; 200 by default` }),
    }) },
    responses: { 200: json(z.object({ items: z.array(PaymentOut), next: z.string().nullable() }).openapi('PaymentPage'), 'A page of payments') } }),
  async (c) => c.json(await listPayments(c.get('services'), memberOf(c).companyId, c.req.valid('query')), 200));

  app.openapi(secureRoute('company.read', { method: 'get', path: '/customers/{id}/credit', tags, summary: 'A customer’s credit: what they paid beyond their invoices, less what was refunded from it, per currency',
    request: idParam, responses: { 200: json(z.object({ customerId: z.string(), credits: z.array(z.object({ currency: z.string(), amount: z.string() })) }).openapi('CustomerCredit'), 'The credit') } }),
  async (c) => {
    const s = c.get('services');
    const { companyId } = memberOf(c);
    const { id } = c.req.valid('param');
    if (!(await readCustomer(s, companyId, id))) throw notFound(`customer ${id}`);
    return c.json({ customerId: id, credits: await customerCredits(s, companyId, id) }, 200);
  });

  app.openapi(secureRoute('payments.record', { method: 'post', path: '/payments', tags, summary: 'Record a payment and split it over the customer’s open invoices (honours Idempotency-Key)',
    request: body(RecordIn), responses: { 201: json(PaymentOut, 'The payment'), 200: json(PaymentOut, 'The same gateway payment, already recorded') } }),
  async (c) => {
    const outcome = await recordPayment(c.get('services'), actorFor(c), c.req.valid('json'));
    return c.json(outcome.result, outcome.status === 201 ? 201 : 200);
  });

  app.openapi(secureRoute('company.read', { method: 'get', path: '/payments/{id}', tags, summary: 'One payment with its allocations',
    request: idParam, responses: { 200: json(PaymentOut, 'The payment') } }),
  async (c) => {
    const found = await readPayment(c.get('services').db, memberOf(c).companyId, c.req.valid('param').id);
    if (!found) throw notFound(`payment ${c.req.valid('param').id}`);
    return c.json(found, 200);
  });

  app.openapi(secureRoute('payments.record', { method: 'post', path: '/payments/{id}/refund', tags, summary: 'Refund from the customer’s credit, or from what one invoice was paid (it reopens)',
    request: { ...idParam, ...body(RefundIn) }, responses: { 201: json(PaymentOut, 'The refund'), 409: errorResponses[400] } }),
  async (c) => c.json((await refundPayment(c.get('services'), actorFor(c), c.req.valid('param').id, c.req.valid('json'))).result, 201), paymentFirst);

  app.openapi(secureRoute('payments.record', { method: 'post', path: '/invoices/{id}/penalty-invoice', tags, summary: 'Prepare a draft invoice of the late-payment penalties (ECB rate + 10 points, by day) and the 40 € recovery indemnity owed on a late invoice',
    request: idParam, responses: { 201: json(z.looseObject({ id: z.string(), total: z.string() }), 'The draft invoice'), 409: errorResponses[400] } }),
  async (c) => c.json(await penaltyDraft(c.get('services'), actorFor(c), c.req.valid('param').id), 201));

  return app;
}
