import type { Permission } from '@facturo/core';
import { request } from './http';
import type { CompanyRoles, CreatedInvitation, Member, Role, RoleInfo } from './types';

// docs/protocol.md "Members and roles": who is in a company, what their roles allow, invitations.
// Reading needs company.read; every change needs members.manage (and only an owner touches owners).

const company = (id: string, rest = '') => `/api/v1/companies/${encodeURIComponent(id)}${rest}`;

export interface RoleInput {
  name: string;
  permissions: Permission[];
}

export const membersApi = {
  list: (companyId: string) => request<Member[]>('GET', company(companyId, '/members')),
  /** Answers with the members after the change. 409 `last_owner` when it would leave no owner. */
  setRole: (companyId: string, userId: string, role: Role) =>
    request<Member[]>('PATCH', company(companyId, `/members/${encodeURIComponent(userId)}`), { body: { role } }),
  /** Answers with the members after the removal. 409 `last_owner` for the only owner. */
  remove: (companyId: string, userId: string) => request<Member[]>('DELETE', company(companyId, `/members/${encodeURIComponent(userId)}`)),
  invite: (companyId: string, role: Role) => request<CreatedInvitation>('POST', company(companyId, '/invitations'), { body: { role } }),
};

export const rolesApi = {
  list: (companyId: string) => request<CompanyRoles>('GET', company(companyId, '/roles')),
  create: (companyId: string, body: RoleInput) => request<RoleInfo>('POST', company(companyId, '/roles'), { body }),
  update: (companyId: string, roleId: string, body: RoleInput) => request<RoleInfo>('PUT', company(companyId, `/roles/${encodeURIComponent(roleId)}`), { body }),
  /** 409 `role_in_use` while a member, an API token or a pending invitation holds it. */
  remove: (companyId: string, roleId: string) => request<{ id: string; deleted: boolean }>('DELETE', company(companyId, `/roles/${encodeURIComponent(roleId)}`)),
};
