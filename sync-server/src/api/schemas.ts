import { z } from '@hono/zod-openapi';
import { permissions } from '@facturo/core';

export const RoleSchema = z.string().openapi('Role', { description: 'owner, admin, accountant, sales, approver, viewer, or the id (cr_…) of one of the company’s custom roles', example: 'accountant' });

export const PermissionSchema = z.enum(permissions).openapi('Permission');

export const RoleInfoSchema = z
  .object({ id: z.string(), name: z.string().nullable(), builtIn: z.boolean(), permissions: z.array(PermissionSchema) })
  .openapi('RoleInfo', { description: 'A role and what it grants; built-in roles have no name here (the app names them in the reader’s language)' });

export const CompanyEntrySchema = z
  .object({ id: z.string(), slug: z.string(), name: z.string(), role: RoleSchema, permissions: z.array(PermissionSchema), workspaceDocId: z.string() })
  .openapi('CompanyEntry');

export const PasskeySchema = z
  .object({ id: z.string(), name: z.string(), createdAt: z.string(), lastUsedAt: z.string().nullable() })
  .openapi('Passkey');

export const MeSecuritySchema = z
  .object({
    recoveryCodesLeft: z.number(),
    totp: z.enum(['off', 'pending', 'on']),
    backupFactorRequiredIn: z.array(z.string()).openapi({ description: 'Ids of your companies that require a second passkey or recovery codes, which you lack' }),
  })
  .openapi('MeSecurity');

export const MeSchema = z
  .object({
    user: z.object({ id: z.string(), displayName: z.string(), email: z.string().nullable().openapi({ description: 'where security alerts are emailed (optional)' }) }),
    companies: z.array(CompanyEntrySchema),
    passkeys: z.array(PasskeySchema),
    security: MeSecuritySchema,
  })
  .openapi('Me');

export const MemberSchema = z
  .object({ userId: z.string(), displayName: z.string(), role: RoleSchema, joinedAt: z.string() })
  .openapi('Member');

export const InvitationSchema = z
  .object({ token: z.string(), url: z.string(), role: RoleSchema, expiresAt: z.string() })
  .openapi('Invitation');

export const InvitationInfoSchema = z
  .object({
    company: z.object({ id: z.string(), name: z.string() }), role: RoleSchema,
    roleName: z.string().nullable().openapi({ description: 'a custom role’s name (null for a built-in role, which the app names)' }),
    permissions: z.array(PermissionSchema), expiresAt: z.string(),
  })
  .openapi('InvitationInfo');

/** A person to talk to at a customer; `id` is kept across PATCHes to update rather than replace them. */
export const ContactSchema = z
  .object({ id: z.string(), name: z.string(), email: z.string().optional(), phone: z.string().optional(), role: z.string().optional() })
  .openapi('Contact');

/** WebAuthn options and responses are defined by the WebAuthn spec; we pass them through as JSON. */
export const WebAuthnJson = z.record(z.string(), z.unknown()).openapi('WebAuthnJSON');

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
