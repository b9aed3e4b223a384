import { checkBic, checkCreditorIdentifier, checkIban, toSepaText, type CompanySettings } from '@facturo/core';
import { workspaceOf } from '../commands/run';
import { AppError } from '../errors';
import type { Services } from '../services';

/*
 * The creditor of a company's direct debits, from its settings (workspace document): its name, its account (the
 * IBAN and BIC it is paid on) and its SEPA creditor identifier (ICS, sepaCreditorId). A pain.008 file needs them
 * all but the BIC (EPC guidelines: IBAN-only since 2016).
 */

export interface Creditor {
  name: string;
  iban: string;
  bic?: string;
  creditorId: string;
}

/** The name a customer knows the company by, on emails. */
export function sellerName(settings: CompanySettings): string {
  return settings.tradeName ?? settings.legalName ?? '';
}

/** What is missing or wrong in the settings for a pain.008 file, by settings field (empty when complete). */
export function creditorProblems(settings: CompanySettings): Record<string, string> {
  const problems: Record<string, string> = {};
  const name = settings.legalName ?? settings.tradeName ?? '';
  if (toSepaText(name) === '') problems.legalName = 'enter the company’s legal name: it is the creditor’s name in the direct debit file';
  if (!settings.sepaCreditorId) problems.sepaCreditorId = 'enter the SEPA creditor identifier (ICS) your bank gave you, e.g. FR72ZZZ123456';
  else {
    const ics = checkCreditorIdentifier(settings.sepaCreditorId);
    if (!ics.ok) problems.sepaCreditorId = ics.message;
  }
  const iban = settings.iban ? checkIban(settings.iban) : null;
  if (!iban) problems.iban = 'enter the IBAN of the account the direct debits are paid into';
  else if (!iban.ok) problems.iban = iban.message;
  const bic = settings.bic ? checkBic(settings.bic) : null;
  if (bic && !bic.ok) problems.bic = bic.message;
  return problems;
}

/** The company's creditor details, or a 422 naming each settings field to fill in or correct. */
export async function creditorOf(s: Services, companyId: string): Promise<Creditor> {
  const settings = (await workspaceOf(s, companyId)).ws.readSettings();
  const problems = creditorProblems(settings);
  if (Object.keys(problems).length > 0) {
    throw new AppError(422, 'creditor_incomplete', `direct debits need the company’s creditor details first (Settings): ${Object.keys(problems).join(', ')}`, problems);
  }
  return {
    name: (settings.legalName ?? settings.tradeName)!,
    iban: settings.iban!,
    ...(settings.bic ? { bic: settings.bic } : {}),
    creditorId: settings.sepaCreditorId!,
  };
}
