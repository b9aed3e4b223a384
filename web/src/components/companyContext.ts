import { createContext, useContext } from 'solid-js';
import type { Permission } from '@facturo/core';
import type { CompanyEntry } from '../api/types';
import type { CompanyReplica } from '../sync/companyReplica';

export interface CompanyContextValue {
  company: CompanyEntry;
  replica: CompanyReplica;
  /** Whether the member's role grants this permission here (the server checks it again). */
  can: (permission: Permission) => boolean;
  /** The role grants it and the workspace takes this member's writes now (not refused by the server). */
  canWrite: (permission: Permission) => boolean;
}

export const CompanyContext = createContext<CompanyContextValue>();

export function useCompany(): CompanyContextValue {
  const value = useContext(CompanyContext);
  if (!value) throw new Error('useCompany outside a company route');
  return value;
}
