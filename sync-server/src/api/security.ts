import { z } from '@hono/zod-openapi';
import { alertsOf, markAlertRead } from '../security/alerts';
import { approveBankChange, bankChangesOf, closeBankChange, requestBankChange } from '../security/bank';
import { notFound } from '../errors';
import { requireFreshAuth } from '../security/policy';
import { actorFor, errorResponses, memberOf, router, secureRoute } from './context';
import { json } from './schemas';

/*
 * Changes of bank details (asked by one person, approved by another) and the anomaly alerts owners
 * and admins see.
 */

const BankChangeSchema = z.object({
  id: z.string(), target: z.literal('company'), iban: z.string(), bic: z.string().nullable(),
  current: z.object({ iban: z.string().nullable(), bic: z.string().nullable() }),
  requestedBy: z.string(), requestedAt: z.string(), status: z.enum(['pending', 'approved', 'rejected', 'withdrawn']),
  decidedBy: z.string().nullable(), decidedAt: z.string().nullable(), reason: z.string().nullable(),
}).openapi('BankChange');

const AlertSchema = z.object({
  id: z.string(),
  kind: z.enum(['bank_change_requested', 'bank_change_approved', 'sign_in_locked', 'new_device', 'unusual_place', 'unusual_hour', 'mass_deletions', 'full_export']),
  actor: z.string().nullable(), details: z.record(z.string(), z.unknown()), createdAt: z.string(), readBy: z.string().nullable(), readAt: z.string().nullable(),
}).openapi('Alert');

export function securityRoutes() {
  const app = router();
  const companyParam = z.object({ id: z.string() });
  const changeParam = companyParam.extend({ changeId: z.string() });
  const who = (c: Parameters<typeof actorFor>[0]) => actorFor(c).by;

  app.openapi(
    secureRoute('company.read', {
      method: 'get', path: '/companies/{id}/bank-changes', tags: ['Bank details'], summary: 'Changes of the company’s bank details: the one waiting for approval, and the recent ones',
      request: { params: companyParam },
      responses: { 200: json(z.array(BankChangeSchema), 'Changes, newest first') },
    }),
    async (c) => c.json(await bankChangesOf(c.get('services'), memberOf(c).companyId), 200),
  );

  app.openapi(
    secureRoute('bank.edit', {
      method: 'post', path: '/companies/{id}/bank-changes', tags: ['Bank details'],
      summary: 'Ask to change the company’s IBAN (and BIC): nothing changes until another member allowed to change bank details approves',
      request: { params: companyParam, body: { content: { 'application/json': { schema: z.object({ iban: z.string(), bic: z.string().optional() }) } } } },
      responses: { 201: json(BankChangeSchema, 'The request, pending'), 400: errorResponses[400], 409: errorResponses[400] },
    }),
    async (c) => {
      await requireFreshAuth(c);
      const s = c.get('services');
      const change = await requestBankChange(s, memberOf(c).companyId, who(c), c.req.valid('json'));
      return c.json(change, 201);
    },
  );

  app.openapi(
    secureRoute('bank.edit', {
      method: 'post', path: '/companies/{id}/bank-changes/{changeId}/approve', tags: ['Bank details'],
      summary: 'Approve a pending change (not your own): the new bank details take effect now',
      request: { params: changeParam },
      responses: { 200: json(BankChangeSchema, 'Approved'), 409: errorResponses[400] },
    }),
    async (c) => {
      await requireFreshAuth(c);
      return c.json(await approveBankChange(c.get('services'), memberOf(c).companyId, c.req.valid('param').changeId, actorFor(c)), 200);
    },
  );

  app.openapi(
    secureRoute('bank.edit', {
      method: 'post', path: '/companies/{id}/bank-changes/{changeId}/reject', tags: ['Bank details'], summary: 'Reject a pending change, saying why',
      request: { params: changeParam, body: { content: { 'application/json': { schema: z.object({ reason: z.string().trim().min(3, 'say why (at least 3 characters)').max(500) }) } } } },
      responses: { 200: json(BankChangeSchema, 'Rejected'), 400: errorResponses[400], 409: errorResponses[400] },
    }),
    async (c) => c.json(await closeBankChange(c.get('services'), memberOf(c).companyId, c.req.valid('param').changeId, who(c), 'rejected', c.req.valid('json').reason), 200),
  );

  app.openapi(
    secureRoute('bank.edit', {
      method: 'post', path: '/companies/{id}/bank-changes/{changeId}/withdraw', tags: ['Bank details'], summary: 'Withdraw your own pending change',
      request: { params: changeParam },
      responses: { 200: json(BankChangeSchema, 'Withdrawn'), 409: errorResponses[400] },
    }),
    async (c) => c.json(await closeBankChange(c.get('services'), memberOf(c).companyId, c.req.valid('param').changeId, who(c), 'withdrawn', null), 200),
  );

  app.openapi(
    secureRoute('members.manage', {
      method: 'get', path: '/companies/{id}/alerts', tags: ['Alerts'],
      summary: 'Anomaly alerts: bank details changes, new devices, unusual places or hours, mass deletions, exports, locked sign-ins',
      request: { params: companyParam },
      responses: { 200: json(z.array(AlertSchema), 'Alerts, newest first') },
    }),
    async (c) => c.json(await alertsOf(c.get('services'), memberOf(c).companyId), 200),
  );

  app.openapi(
    secureRoute('members.manage', {
      method: 'post', path: '/companies/{id}/alerts/{alertId}/read', tags: ['Alerts'], summary: 'Mark an alert as seen (who and when is kept)',
      request: { params: companyParam.extend({ alertId: z.string() }) },
      responses: { 200: json(z.object({ id: z.string(), read: z.boolean() }), 'Marked') },
    }),
    async (c) => {
      const { alertId } = c.req.valid('param');
      if (!(await markAlertRead(c.get('services'), memberOf(c).companyId, alertId, who(c)))) throw notFound('alert');
      return c.json({ id: alertId, read: true }, 200);
    },
  );

  return app;
}
