import { ValidationError } from './schema/fields';

/*
 * What a member of a company may do. A role is a set of permissions: six built-in roles, and custom
 * roles a company builds from the same permissions. The server checks them on every route, command
 * and room; the web app reads the same table to hide what a role may not do.
 */

export const permissions = [
  /** See the company: customers, catalog, documents, settings (every member has it). */
  'company.read',
  /** Create and change customers and their contacts. */
  'customers.edit',
  /** Create and change products and services. */
  'catalog.edit',
  /** Create, change and delete draft quotes, invoices and credit notes. */
  'documents.edit',
  /** Issue invoices and credit notes (numbers them; they can never change again). */
  'invoices.issue',
  /** Email issued documents to customers. */
  'invoices.send',
  /** Approve quotes submitted for approval. */
  'quotes.approve',
  /** Record payments and reconcile the bank. */
  'payments.record',
  /** Change the company's identity, numbering, logo and mail server. */
  'settings.edit',
  /** Change the company's or a customer's bank details (IBAN, BIC). */
  'bank.edit',
  /** Invite members, change their roles, define custom roles. */
  'members.manage',
  /** Create and revoke API tokens. */
  'tokens.manage',
  /** Export all the company's data (FEC, archives, GDPR exports). */
  'data.export',
  /** Read the audit trail and security events. */
  'audit.read',
] as const;

export type Permission = (typeof permissions)[number];

export const builtInRoles = ['owner', 'admin', 'accountant', 'sales', 'approver', 'viewer'] as const;
export type BuiltInRole = (typeof builtInRoles)[number];

const everything: readonly Permission[] = permissions;

/**
 * The built-in roles. Owner and admin hold every permission; what only an owner may do (make someone an
 * owner, change an owner's role) is checked on top of them.
 */
export const builtInPermissions: Record<BuiltInRole, readonly Permission[]> = {
  owner: everything,
  admin: everything,
  accountant: ['company.read', 'customers.edit', 'documents.edit', 'invoices.issue', 'invoices.send', 'payments.record', 'data.export', 'audit.read'],
  sales: ['company.read', 'customers.edit', 'catalog.edit', 'documents.edit', 'invoices.issue', 'invoices.send'],
  approver: ['company.read', 'quotes.approve'],
  viewer: ['company.read'],
};

export function isPermission(value: unknown): value is Permission {
  return typeof value === 'string' && (permissions as readonly string[]).includes(value);
}

export function isBuiltInRole(value: unknown): value is BuiltInRole {
  return typeof value === 'string' && (builtInRoles as readonly string[]).includes(value);
}

/** A custom role: a name and the permissions it grants (company.read always among them). */
export interface CustomRole {
  id: string;
  name: string;
  permissions: Permission[];
}

/** Custom role ids look like `cr_…`: never the name of a built-in role. */
export const isCustomRoleId = (value: unknown): value is string => typeof value === 'string' && /^cr_[A-Za-z0-9_-]{4,64}$/.test(value);

/**
 * Reads a custom role's name and permissions from untrusted input; errors name the field
 * (`permissions[2]`). `company.read` is added: a member who cannot see the company cannot do anything.
 */
export function customRoleInput(raw: unknown): { name: string; permissions: Permission[] } {
  const problems: Record<string, string> = {};
  const o = (raw ?? {}) as { name?: unknown; permissions?: unknown };
  const name = typeof o.name === 'string' ? o.name.trim() : '';
  if (!name) problems.name = 'a role name is required';
  else if (name.length > 60) problems.name = 'at most 60 characters';
  else if (isBuiltInRole(name.toLowerCase())) problems.name = `"${name}" is the name of a built-in role`;
  const chosen: Permission[] = ['company.read'];
  if (!Array.isArray(o.permissions)) problems.permissions = 'a list of permissions';
  else {
    o.permissions.forEach((p, i) => {
      if (!isPermission(p)) problems[`permissions[${i}]`] = `unknown permission ${JSON.stringify(p)} (one of ${permissions.join(', ')})`;
      else if (!chosen.includes(p)) chosen.push(p);
    });
  }
  if (Object.keys(problems).length > 0) throw new ValidationError(problems);
  return { name, permissions: permissions.filter((p) => chosen.includes(p)) };
}

/** The permissions of a role: a built-in role's, or the custom role's (none when it is unknown). */
export function permissionsOf(role: string, custom: readonly CustomRole[] = []): ReadonlySet<Permission> {
  if (isBuiltInRole(role)) return new Set(builtInPermissions[role]);
  const found = custom.find((r) => r.id === role);
  return new Set(found ? found.permissions : []);
}

/** Who may give which role: only an owner makes owners or changes an owner. */
export function mayAssign(byRole: string, byPermissions: ReadonlySet<Permission>, role: string): boolean {
  if (!byPermissions.has('members.manage')) return false;
  return role !== 'owner' || byRole === 'owner';
}

/**
 * The permission a change to a shared document needs, by where it lands: the root type of the Yjs
 * document and, for a change directly in a root map, its key. The company's bank details need
 * `bank.edit` on top of nothing else: a member who may edit the company's identity may not redirect
 * its payments.
 */
/** The three kinds of Yjs documents: a company's workspace, a draft document, a customer's own document. */
export type DocKind = 'workspace' | 'document' | 'customer';

export function writePermission(doc: DocKind, root: string, key: string | null): Permission {
  if (doc === 'document') return 'documents.edit';
  if (doc === 'customer') return 'customers.edit';
  switch (root) {
    case 'settings':
      return key === 'iban' || key === 'bic' ? 'bank.edit' : 'settings.edit';
    case 'customerIndex':
    case 'customers':
    case 'contacts':
      return 'customers.edit';
    case 'products':
      return 'catalog.edit';
    case 'documents':
      return 'documents.edit';
    // Quote templates are sales material; pricing rules and approval circuits are the company's policy: a
    // salesperson must not be able to widen their own discounts or skip their approver (issue 6).
    case 'quoteTemplates':
      return 'catalog.edit';
    case 'pricingRules':
    case 'quoteSettings':
      return 'settings.edit';
    case 'series':
    case 'logos':
    case 'layout':
    case 'textBlocks':
    case 'customValues':
      return 'settings.edit';
    default:
      // A part of the document this server does not know: only who may change the settings.
      return 'settings.edit';
  }
}

/** Whether a role may change anything at all in a document of this kind (else it joins read-only). */
export function mayWriteAny(doc: DocKind, granted: ReadonlySet<Permission>): boolean {
  if (doc === 'document') return granted.has('documents.edit');
  if (doc === 'customer') return granted.has('customers.edit');
  return (['settings.edit', 'bank.edit', 'customers.edit', 'catalog.edit', 'documents.edit'] as const).some((p) => granted.has(p));
}
