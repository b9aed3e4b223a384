import type { ApiToken, Permission } from '@facturo/core';
import { request } from './http';
import type { Role } from './types';

// docs/protocol.md "API tokens": keys for connected software, bound to the company and a role, narrowed
// by scopes, with an optional expiry. The secret is in the answer that creates it, and nowhere else.

export type { ApiToken } from '@facturo/core';

export interface TokenInput {
  name: string;
  role?: Role;
  scopes?: Permission[];
  /** 1 to 730; left out: never expires. */
  expiresInDays?: number;
}

const path = (companyId: string, rest = '') => `/api/v1/companies/${encodeURIComponent(companyId)}/tokens${rest}`;

export const tokensApi = {
  list: (companyId: string) => request<ApiToken[]>('GET', path(companyId)),
  /** The token with its secret, shown once. 400 names the wrong field (name, role, scopes[i], expiresInDays). */
  create: (companyId: string, body: TokenInput) => request<ApiToken & { token: string }>('POST', path(companyId), { body }),
  revoke: (companyId: string, tokenId: string) => request<ApiToken>('DELETE', path(companyId, `/${encodeURIComponent(tokenId)}`)),
};
