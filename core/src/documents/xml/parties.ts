import { displayAmount } from '../../money';
import type { Customer } from '../../schema/customers';
import type { CompanySettings } from '../../schema/workspace';
import { defined, type Delivery, type Identifier, type InvoiceParty, type PostalAddress } from './model';

/*
 * The seller (BG-4), the buyer (BG-7) and the delivery (BG-13) of an e-invoice, from the seller's
 * settings and the customer as frozen at issue.
 */

/** ISO 6523 ICD 0002: the SIREN (INSEE); 0009: the SIRET. */
const sirenScheme = '0002';
const siretScheme = '0009';

/** What decides where an e-invoice is delivered: a French company's SIREN, or an email address. */
export interface AddressedParty {
  kind?: 'company' | 'individual';
  siren?: string;
  email?: string;
  country?: string;
}

/**
 * BT-34 / BT-49, the party's electronic address. A French company is reached through the French
 * e-invoicing directory, whose addresses start with the SIREN (EAS 0225, BR-FR-21 and BR-FR-22);
 * we give the SIREN alone, which the directory always knows. Anyone else (an individual, a foreign
 * company) is reached by email (EAS EM). Without either there is no address, which BR-FR-12/13 name.
 * The PDF and the app show this same value.
 */
export function electronicAddressOf(party: AddressedParty): Identifier | undefined {
  if (party.kind !== 'individual' && party.siren && (party.country ?? 'FR') === 'FR') return { id: party.siren, scheme: '0225' };
  if (party.email) return { id: party.email, scheme: 'EM' };
  return undefined;
}

const compact = (s: string) => s.replace(/\s/g, '').toUpperCase();

function address(fields: PostalAddress): PostalAddress | undefined {
  const present = Object.entries(fields).filter(([, v]) => v !== undefined && v !== '');
  return present.length > 0 ? (Object.fromEntries(present) as PostalAddress) : undefined;
}

/** BT-33: the legal form, share capital and RCS registration French law requires on invoices (C. com. R123-237). */
function legalInfo(s: CompanySettings): string | undefined {
  if (!s.legalForm) return undefined;
  const capital = s.shareCapital ? ` au capital de ${displayAmount(s.shareCapital, 'EUR', 'fr')}` : '';
  const rcs = s.rcsCity && s.siren ? `RCS ${s.rcsCity} ${s.siren}` : undefined;
  return [`${s.legalForm}${capital}`, rcs].filter(Boolean).join(' — ');
}

export function sellerParty(s: CompanySettings, electronicAddress?: Identifier): InvoiceParty {
  const contact = s.phone || s.email ? defined({ phone: s.phone, email: s.email }) : undefined;
  return {
    name: s.legalName ?? '',
    identifiers: s.siret ? [{ id: s.siret, scheme: siretScheme }] : [],
    ...defined({
      tradingName: s.tradeName,
      legalId: s.siren ? { id: s.siren, scheme: sirenScheme } : undefined,
      legalInfo: legalInfo(s),
      vatId: s.vatNumber ? compact(s.vatNumber) : undefined,
      // Our choice: a seller without a VAT number (franchise, art. 293 B) is identified for tax by
      // its SIREN as BT-32, which EN 16931 BR-E-02 and BR-CO-26 accept in place of a VAT identifier.
      taxRegistrationId: s.vatNumber ? undefined : s.siren,
      electronicAddress: electronicAddress ?? electronicAddressOf({ siren: s.siren, email: s.email, country: s.country }),
      // A seller with a SIREN is French: the country defaults to FR when the settings leave it out.
      address: address({ line1: s.line1, line2: s.line2, city: s.city, postcode: s.postcode, country: s.country ?? 'FR' }),
      contact,
    }),
  };
}

export function buyerParty(c: Customer, electronicAddress?: Identifier): InvoiceParty {
  const frenchCompany = c.kind === 'company' && (c.country ?? 'FR') === 'FR';
  return {
    name: c.name,
    identifiers: [],
    ...defined({
      legalId: frenchCompany && c.siren ? { id: c.siren, scheme: sirenScheme } : undefined,
      vatId: c.vatNumber ? compact(c.vatNumber) : undefined,
      electronicAddress: electronicAddress ?? electronicAddressOf(c),
      address: address({ line1: c.line1, line2: c.line2, city: c.city, postcode: c.postcode, country: c.country }),
    }),
  };
}

/** BG-13: the delivery date and, when the customer has one, the delivery address (reform mention). */
export function delivery(c: Customer, date: string | undefined): Delivery | undefined {
  const where = address({ line1: c.deliveryLine1, line2: c.deliveryLine2, city: c.deliveryCity, postcode: c.deliveryPostcode });
  if (!where && !date) return undefined;
  // A delivery address without its own country is in the billing address's country (our reading).
  const full = where && { ...where, ...defined({ country: c.deliveryCountry ?? c.country }) };
  return defined({ partyName: full && c.name, address: full, date });
}
