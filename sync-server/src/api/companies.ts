import { createRoute, z } from '@hono/zod-openapi';
import { canManageMembers, createCompany, createInvitation, membersOf } from '../companies';
import { getSecret, putSecret } from '../companies/secrets';
import { forbidden } from '../errors';
import { recordEvent } from '../services';
import { errorResponses, requireMember, requireUser, router } from './context';
import { CompanyEntrySchema, InvitationSchema, json, MemberSchema, RoleSchema } from './schemas';

export function companyRoutes() {
  const app = router();

  app.openapi(
    createRoute({
      method: 'post', path: '/companies', tags: ['Companies'], summary: 'Create a company; you become its owner',
      request: { body: { content: { 'application/json': { schema: z.object({ name: z.string().trim().min(1, 'a company name is required').max(200) }) } } } },
      responses: { 201: json(CompanyEntrySchema, 'The new company'), 400: errorResponses[400], 401: errorResponses[401] },
    }),
    async (c) => {
      const userId = requireUser(c);
      const s = c.get('services');
      const company = await createCompany(s.db, c.req.valid('json'), userId, s.now());
      await recordEvent(s, company.id, userId, { type: 'company_created', name: company.name });
      return c.json(company, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/companies/{id}/members', tags: ['Companies'], summary: 'Members of a company',
      request: { params: z.object({ id: z.string() }) },
      responses: { 200: json(z.array(MemberSchema), 'Members'), 401: errorResponses[401], 404: errorResponses[404] },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await requireMember(c, id);
      return c.json(await membersOf(c.get('services').db, id), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/companies/{id}/invitations', tags: ['Companies'], summary: 'Create a one-time invitation link (owner or admin)',
      request: { params: z.object({ id: z.string() }), body: { content: { 'application/json': { schema: z.object({ role: RoleSchema }) } } } },
      responses: { 201: json(InvitationSchema, 'The invitation'), 400: errorResponses[400], 401: errorResponses[401], 403: errorResponses[400], 404: errorResponses[404] },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const member = await requireMember(c, id);
      const s = c.get('services');
      const by = member.userId ? { userId: member.userId, role: member.role } : { userId: 'token', role: member.role };
      const invitation = await createInvitation(s.db, id, c.req.valid('json').role, by, s.now());
      await recordEvent(s, id, member.userId, { type: 'invitation_created', role: invitation.role });
      return c.json(invitation, 201);
    },
  );

  const Smtp = z.object({
    host: z.string().min(1, 'the SMTP host is required'), port: z.number().int().min(1).max(65535), secure: z.boolean().default(false),
    user: z.string().optional(), password: z.string().optional(), from: z.string().min(3, 'the sender address is required'),
  }).openapi('SmtpSettings');

  app.openapi(
    createRoute({
      method: 'put', path: '/companies/{id}/smtp', tags: ['Companies'], summary: 'Set the SMTP server invoices are sent through (owner or admin; stored sealed, never synced to devices)',
      request: { params: z.object({ id: z.string() }), body: { content: { 'application/json': { schema: Smtp } } } },
      responses: { 200: json(Smtp.omit({ password: true }), 'Saved (without the password)'), 400: errorResponses[400], 401: errorResponses[401], 404: errorResponses[404] },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const member = await requireMember(c, id);
      if (!canManageMembers(member.role)) throw forbidden('only an owner or an admin can change the SMTP settings');
      const given = c.req.valid('json');
      // A form that leaves the password empty keeps the stored one (it is never shown back).
      const previous = given.password ? null : await getSecret<{ password?: string }>(c.get('services'), id, 'smtp');
      const settings = { ...given, ...(previous?.password ? { password: previous.password } : {}) };
      await putSecret(c.get('services'), id, 'smtp', settings);
      await recordEvent(c.get('services'), id, member.userId, { type: 'smtp_settings_changed', host: settings.host });
      const { password: _p, ...shown } = settings;
      return c.json(shown, 200);
    },
  );

  return app;
}
