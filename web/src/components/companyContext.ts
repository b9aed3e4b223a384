import { createContext, useContext } from 'solid-js';
import type { CompanyEntry } from '../api/types';
import type { CompanyReplica } from '../sync/companyReplica';

export interface CompanyContextValue {
  company: CompanyEntry;
  replica: CompanyReplica;
}

export const CompanyContext = createContext<CompanyContextValue>();

export function useCompany(): CompanyContextValue {
  const value = useContext(CompanyContext);
  if (!value) throw new Error('useCompany outside a company route');
  return value;
}
