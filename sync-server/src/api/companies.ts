import { z } from '@hono/zod-openapi';
import { builtInPermissions, builtInRoles, permissions } from '@facturo/core';
import { createApiToken, createCompany, createCustomRole, createInvitation, customRolesOf, deleteCustomRole, MAX_TOKEN_DAYS, membersOf, removeMember, revokeApiToken, setMemberRole, tokensOf, updateCustomRole } from '../companies';
import { getSecret, putSecret } from '../companies/secrets';
import { recordEvent } from '../services';
import { requireFreshAuth } from '../security/policy';
import { errorResponses, memberOf, requireUser, router, secureRoute } from './context';
import { CompanyEntrySchema, InvitationSchema, json, MemberSchema, PermissionSchema, RoleInfoSchema, RoleSchema } from './schemas';

const companyParam = z.object({ id: z.string() });
const RoleBody = z.object({ name: z.string(), permissions: z.array(z.string()) }).openapi('CustomRoleInput', {
  description: `A name and permissions (${permissions.join(', ')}); company.read is always granted`,
});

export function companyRoutes() {
  const app = router();

  app.openapi(
    secureRoute('signed-in', {
      method: 'post', path: '/companies', tags: ['Companies'], summary: 'Create a company; you become its owner',
      request: { body: { content: { 'application/json': { schema: z.object({ name: z.string().trim().min(1, 'a company name is required').max(200) }) } } } },
      responses: { 201: json(CompanyEntrySchema, 'The new company'), 400: errorResponses[400] },
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
    secureRoute('company.read', {
      method: 'get', path: '/companies/{id}/members', tags: ['Members and roles'], summary: 'Members of a company',
      request: { params: companyParam },
      responses: { 200: json(z.array(MemberSchema), 'Members') },
    }),
    async (c) => c.json(await membersOf(c.get('services').db, memberOf(c).companyId), 200),
  );

  app.openapi(
    secureRoute('members.manage', {
      method: 'patch', path: '/companies/{id}/members/{userId}', tags: ['Members and roles'],
      summary: 'Give a member another role (only an owner makes or changes an owner; a company keeps one owner at least)',
      request: { params: companyParam.extend({ userId: z.string() }), body: { content: { 'application/json': { schema: z.object({ role: RoleSchema }) } } } },
      responses: { 200: json(z.array(MemberSchema), 'Members'), 400: errorResponses[400], 409: errorResponses[400] },
    }),
    async (c) => {
      await requireFreshAuth(c);
      const m = memberOf(c);
      const s = c.get('services');
      const { userId } = c.req.valid('param');
      const change = await setMemberRole(s.db, m.companyId, userId, c.req.valid('json').role, m);
      await recordEvent(s, m.companyId, m.userId, { type: 'member_role_changed', member: userId, before: change.before, after: change.after });
      s.rooms.disconnectUser(m.companyId, userId, 'role changed');
      return c.json(await membersOf(s.db, m.companyId), 200);
    },
  );

  app.openapi(
    secureRoute('members.manage', {
      method: 'delete', path: '/companies/{id}/members/{userId}', tags: ['Members and roles'], summary: 'Remove a member from the company',
      request: { params: companyParam.extend({ userId: z.string() }) },
      responses: { 200: json(z.array(MemberSchema), 'Members'), 409: errorResponses[400] },
    }),
    async (c) => {
      await requireFreshAuth(c);
      const m = memberOf(c);
      const s = c.get('services');
      const { userId } = c.req.valid('param');
      const removed = await removeMember(s.db, m.companyId, userId, m);
      await recordEvent(s, m.companyId, m.userId, { type: 'member_removed', member: userId, role: removed.role });
      s.rooms.disconnectUser(m.companyId, userId, 'removed from the company');
      return c.json(await membersOf(s.db, m.companyId), 200);
    },
  );

  app.openapi(
    secureRoute('members.manage', {
      method: 'post', path: '/companies/{id}/invitations', tags: ['Members and roles'], summary: 'Create a one-time invitation link',
      request: { params: companyParam, body: { content: { 'application/json': { schema: z.object({ role: RoleSchema }) } } } },
      responses: { 201: json(InvitationSchema, 'The invitation'), 400: errorResponses[400] },
    }),
    async (c) => {
      const m = memberOf(c);
      const s = c.get('services');
      const invitation = await createInvitation(s.db, m.companyId, c.req.valid('json').role, m, s.now());
      await recordEvent(s, m.companyId, m.userId, { type: 'invitation_created', role: invitation.role });
      return c.json(invitation, 201);
    },
  );

  app.openapi(
    secureRoute('company.read', {
      method: 'get', path: '/companies/{id}/roles', tags: ['Members and roles'], summary: 'The roles that can be given here: the built-in ones and the company’s own, with their permissions',
      request: { params: companyParam },
      responses: { 200: json(z.object({ permissions: z.array(PermissionSchema), roles: z.array(RoleInfoSchema) }), 'Roles') },
    }),
    async (c) => {
      const custom = await customRolesOf(c.get('services').db, memberOf(c).companyId);
      return c.json({
        permissions: [...permissions],
        roles: [
          ...builtInRoles.map((id) => ({ id, name: null, builtIn: true, permissions: [...builtInPermissions[id]] })),
          ...custom.map((r) => ({ id: r.id, name: r.name, builtIn: false, permissions: r.permissions })),
        ],
      }, 200);
    },
  );

  app.openapi(
    secureRoute('members.manage', {
      method: 'post', path: '/companies/{id}/roles', tags: ['Members and roles'], summary: 'Create a custom role from permissions',
      request: { params: companyParam, body: { content: { 'application/json': { schema: RoleBody } } } },
      responses: { 201: json(RoleInfoSchema, 'The role'), 400: errorResponses[400] },
    }),
    async (c) => {
      await requireFreshAuth(c);
      const m = memberOf(c);
      const s = c.get('services');
      const role = await createCustomRole(s.db, m.companyId, c.req.valid('json'), s.now());
      await recordEvent(s, m.companyId, m.userId, { type: 'role_created', role: role.id, name: role.name, permissions: role.permissions });
      return c.json({ ...role, builtIn: false }, 201);
    },
  );

  app.openapi(
    secureRoute('members.manage', {
      method: 'put', path: '/companies/{id}/roles/{roleId}', tags: ['Members and roles'], summary: 'Rename a custom role or change its permissions (members holding it get them at once)',
      request: { params: companyParam.extend({ roleId: z.string() }), body: { content: { 'application/json': { schema: RoleBody } } } },
      responses: { 200: json(RoleInfoSchema, 'The role'), 400: errorResponses[400] },
    }),
    async (c) => {
      await requireFreshAuth(c);
      const m = memberOf(c);
      const s = c.get('services');
      const role = await updateCustomRole(s.db, m.companyId, c.req.valid('param').roleId, c.req.valid('json'), s.now());
      await recordEvent(s, m.companyId, m.userId, { type: 'role_changed', role: role.id, name: role.name, permissions: role.permissions });
      s.rooms.disconnectRole(m.companyId, role.id, 'role changed');
      return c.json({ ...role, builtIn: false }, 200);
    },
  );

  app.openapi(
    secureRoute('members.manage', {
      method: 'delete', path: '/companies/{id}/roles/{roleId}', tags: ['Members and roles'], summary: 'Delete a custom role nobody holds',
      request: { params: companyParam.extend({ roleId: z.string() }) },
      responses: { 200: json(z.object({ id: z.string(), deleted: z.boolean() }), 'Deleted'), 409: errorResponses[400] },
    }),
    async (c) => {
      const m = memberOf(c);
      const s = c.get('services');
      const { roleId } = c.req.valid('param');
      const name = (await customRolesOf(s.db, m.companyId)).find((r) => r.id === roleId)?.name ?? null;
      await deleteCustomRole(s.db, m.companyId, roleId);
      await recordEvent(s, m.companyId, m.userId, { type: 'role_deleted', role: roleId, name });
      return c.json({ id: roleId, deleted: true }, 200);
    },
  );

  const TokenSchema = z.object({
    id: z.string(), name: z.string(), role: RoleSchema, scopes: z.array(PermissionSchema).nullable(), createdAt: z.string(), createdBy: z.string().nullable(),
    expiresAt: z.string().nullable(), lastUsedAt: z.string().nullable(), revokedAt: z.string().nullable(),
  }).openapi('ApiToken');
  const TokenBody = z.object({
    name: z.string(), role: RoleSchema.optional(), scopes: z.array(z.string()).optional(), expiresInDays: z.number().optional(),
  }).openapi('ApiTokenInput', { description: `role: the token's role (default: yours); scopes: permissions it keeps of that role (default: all); expiresInDays: 1 to ${MAX_TOKEN_DAYS} (default: never)` });

  app.openapi(
    secureRoute('tokens.manage', {
      method: 'get', path: '/companies/{id}/tokens', tags: ['API tokens'], summary: 'The company’s API tokens (never their secrets), with when each was last used',
      request: { params: companyParam },
      responses: { 200: json(z.array(TokenSchema), 'Tokens') },
    }),
    async (c) => c.json(await tokensOf(c.get('services').db, memberOf(c).companyId), 200),
  );

  app.openapi(
    secureRoute('tokens.manage', {
      method: 'post', path: '/companies/{id}/tokens', tags: ['API tokens'], summary: 'Create an API token; its secret is in this answer only',
      request: { params: companyParam, body: { content: { 'application/json': { schema: TokenBody } } } },
      responses: { 201: json(TokenSchema.extend({ token: z.string() }), 'The token, with its secret (shown once)'), 400: errorResponses[400] },
    }),
    async (c) => {
      await requireFreshAuth(c);
      const m = memberOf(c);
      const s = c.get('services');
      const body = c.req.valid('json');
      const created = await createApiToken(s.db, m.companyId, body.role ?? m.role, body.name, s.now(), {
        scopes: body.scopes, expiresInDays: body.expiresInDays, createdBy: m.userId ?? `token:${c.get('principal').token?.tokenId}`, limit: m.permissions,
      });
      await recordEvent(s, m.companyId, m.userId, { type: 'token_created', token: created.id, name: body.name.trim(), role: created.role, scopes: created.scopes, expiresAt: created.expiresAt });
      const listed = (await tokensOf(s.db, m.companyId)).find((t) => t.id === created.id)!;
      return c.json({ ...listed, token: created.token }, 201);
    },
  );

  app.openapi(
    secureRoute('tokens.manage', {
      method: 'delete', path: '/companies/{id}/tokens/{tokenId}', tags: ['API tokens'], summary: 'Revoke an API token at once',
      request: { params: companyParam.extend({ tokenId: z.string() }) },
      responses: { 200: json(TokenSchema, 'The revoked token') },
    }),
    async (c) => {
      const m = memberOf(c);
      const s = c.get('services');
      const revoked = await revokeApiToken(s.db, m.companyId, c.req.valid('param').tokenId, s.now());
      await recordEvent(s, m.companyId, m.userId, { type: 'token_revoked', token: revoked.id, name: revoked.name });
      return c.json(revoked, 200);
    },
  );

  const BreakSchema = z.object({
    companySeq: z.number(), seq: z.number(), reason: z.string(), detectedAt: z.string(),
    acknowledgedBy: z.string().nullable(), acknowledgedAt: z.string().nullable(), note: z.string().nullable(),
  }).openapi('ChainBreak');
  const IntegritySchema = z.object({
    status: z.enum(['unchecked', 'ok', 'broken']), checkedAt: z.string().nullable(), broken: BreakSchema.nullable(), acknowledged: z.array(BreakSchema),
  }).openapi('Integrity');

  app.openapi(
    secureRoute('company.read', {
      method: 'get', path: '/companies/{id}/integrity', tags: ['Audit'], summary: 'Whether the company’s audit log (hash chain) is intact, and where it broke',
      request: { params: companyParam },
      responses: { 200: json(IntegritySchema, 'The last check') },
    }),
    async (c) => c.json(await c.get('services').integrity.state(memberOf(c).companyId), 200),
  );

  app.openapi(
    secureRoute('audit.read', {
      method: 'post', path: '/companies/{id}/integrity/check', tags: ['Audit'], summary: 'Verify the company’s audit log now (every link of its hash chain)',
      request: { params: companyParam },
      responses: { 200: json(IntegritySchema, 'The check') },
    }),
    async (c) => {
      const m = memberOf(c);
      const s = c.get('services');
      await s.integrity.check(m.companyId);
      return c.json(await s.integrity.state(m.companyId), 200);
    },
  );

  app.openapi(
    secureRoute('owner', {
      method: 'post', path: '/companies/{id}/integrity/acknowledge', tags: ['Audit'],
      summary: 'An owner acknowledges a broken audit log after reviewing it: the company is served again (the break stays on record)',
      request: { params: companyParam, body: { content: { 'application/json': { schema: z.object({ note: z.string().trim().min(3, 'say what you found (at least 3 characters)').max(2000) }) } } } },
      responses: { 200: json(IntegritySchema, 'The state after acknowledgement'), 400: errorResponses[400] },
    }),
    async (c) => {
      const m = memberOf(c);
      const s = c.get('services');
      const before = await s.integrity.state(m.companyId);
      const after = await s.integrity.acknowledge(m.companyId, m.userId!, c.req.valid('json').note);
      if (before.broken) await recordEvent(s, m.companyId, m.userId, { type: 'integrity_acknowledged', companySeq: before.broken.companySeq, seq: before.broken.seq, reason: before.broken.reason, note: c.req.valid('json').note });
      return c.json(after, 200);
    },
  );

  const Smtp = z.object({
    host: z.string().min(1, 'the SMTP host is required'), port: z.number().int().min(1).max(65535), secure: z.boolean().default(false),
    user: z.string().optional(), password: z.string().optional(), from: z.string().min(3, 'the sender address is required'),
  }).openapi('SmtpSettings');

  app.openapi(
    secureRoute('settings.edit', {
      method: 'put', path: '/companies/{id}/smtp', tags: ['Companies'], summary: 'Set the SMTP server invoices are sent through (stored sealed, never synced to devices)',
      request: { params: companyParam, body: { content: { 'application/json': { schema: Smtp } } } },
      responses: { 200: json(Smtp.omit({ password: true }), 'Saved (without the password)'), 400: errorResponses[400] },
    }),
    async (c) => {
      const m = memberOf(c);
      const s = c.get('services');
      const given = c.req.valid('json');
      // A form that leaves the password empty keeps the stored one (it is never shown back).
      const previous = given.password ? null : await getSecret<{ password?: string }>(s, m.companyId, 'smtp');
      const settings = { ...given, ...(previous?.password ? { password: previous.password } : {}) };
      await putSecret(s, m.companyId, 'smtp', settings);
      await recordEvent(s, m.companyId, m.userId, { type: 'smtp_settings_changed', host: settings.host });
      const { password: _p, ...shown } = settings;
      return c.json(shown, 200);
    },
  );

  return app;
}
