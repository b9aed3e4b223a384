import type { Customer, SmtpSettings } from '@facturo/core';
import { getSecret } from '../companies/secrets';
import type { Services } from '../services';

// Every email to a quote's client (the quote sent, a follow-up, the copy of what they signed) goes to the same place.

/** Where an email to the customer goes: its address and the company's SMTP server, or what is missing. */
export async function customerMailbox(s: Services, companyId: string, customer: Customer | undefined):
  Promise<{ to: string; smtp: SmtpSettings; lang: 'fr' | 'en' } | { missing: 'no_email' | 'no_smtp' }> {
  if (!customer?.email) return { missing: 'no_email' };
  const smtp = await getSecret<SmtpSettings>(s, companyId, 'smtp');
  if (!smtp) return { missing: 'no_smtp' };
  return { to: customer.email, smtp, lang: customer.language === 'en' ? 'en' : 'fr' };
}
