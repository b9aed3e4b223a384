import { describe, expect, it } from 'vitest';
import { frozen, matrix, sepaMandate } from '../fixtures.testing';
import { invoiceModel } from './invoice-model';

const service = { description: 'Audit', quantity: '1', unitPrice: '100', vatRate: '20' };
const standard = () => invoiceModel(matrix['standard-rated invoice with several rates']!());

describe('invoiceModel', () => {
  it('gives the French cadre de facturation from the nature of the operation', () => {
    expect(invoiceModel(frozen({ meta: { operationCategory: 'services' }, lines: [service] })).businessProcess).toBe('S1');
    expect(invoiceModel(frozen({ meta: { operationCategory: 'goods' }, lines: [service] })).businessProcess).toBe('B1');
    expect(invoiceModel(frozen({ meta: { operationCategory: 'mixed' }, lines: [service] })).businessProcess).toBe('M1');
  });

  it('makes a final invoice after deposits a B4/S4/M4 that references every deposit invoice', () => {
    const deposits = [{ number: 'F-2026-00030', issueDate: '2026-10-01' }];
    const model = invoiceModel(frozen({ meta: { operationCategory: 'mixed' }, lines: [service] }), { precedingDeposits: deposits });
    expect(model.businessProcess).toBe('M4');
    expect(model.precedingInvoices).toEqual(deposits);
  });

  it('states the option for VAT on debits on services (BT-8 = 3), never on goods', () => {
    expect(standard().vatPointDateCode).toBe('3');
    expect(invoiceModel(frozen({ settings: { vatOnDebits: true }, meta: { operationCategory: 'goods' }, lines: [service] })).vatPointDateCode).toBeUndefined();
    expect(invoiceModel(frozen({ lines: [service] })).vatPointDateCode).toBeUndefined();
  });

  it('writes the late-payment penalties, the 40 € indemnity and the discount terms as PMD, PMT and AAB notes', () => {
    const notes = invoiceModel(frozen({ settings: { latePenaltyTerms: '3 fois le taux légal', earlyPaymentTerms: 'Escompte 1 % à 8 jours' }, lines: [service] })).notes;
    expect(notes).toEqual([
      { content: 'Pénalités de retard : 3 fois le taux légal', subjectCode: 'PMD' },
      { content: 'Indemnité forfaitaire pour frais de recouvrement : 40 €', subjectCode: 'PMT' },
      { content: 'Escompte 1 % à 8 jours', subjectCode: 'AAB' },
    ]);
  });

  it('gives an individual no recovery indemnity note, and an English customer English notes', () => {
    const model = invoiceModel(matrix['invoice to an individual']!());
    expect(model.notes.map((n) => n.subjectCode)).toEqual(['PMD', 'AAB']);
    expect(invoiceModel(matrix['intra-EU supply of goods (K)']!()).notes.map((n) => n.content)).toContain('Fixed compensation for recovery costs: €40');
  });

  it('references the corrected invoice on a credit note, which carries neither due date nor bank account', () => {
    const model = invoiceModel(matrix['credit note']!());
    expect(model).toMatchObject({ typeCode: '381', precedingInvoices: [{ number: 'F-2026-00041', issueDate: '2026-11-02' }], paymentTerms: expect.stringContaining('F-2026-00041') });
    expect(model.dueDate).toBeUndefined();
    expect(model.payment).toBeUndefined();
  });

  it('asks for a SEPA credit transfer to the seller’s IBAN with the invoice number as reference', () => {
    expect(standard().payment).toEqual({ meansCode: '58', remittanceInformation: 'F-2026-00042', account: { iban: 'FR7630006000011234567890189', name: 'Studio Boréal SAS', bic: 'BNPAFRPPXXX' } });
    expect(standard().paymentTerms).toBe('Paiement au plus tard le 13/01/2027 par virement');
    expect(invoiceModel(frozen({ settings: { iban: '', bic: '' }, lines: [service] })).payment).toBeUndefined();
  });

  it('states an invoice collected under a SEPA mandate as a SEPA direct debit (59) with its BG-19, and no account to pay to', () => {
    const model = invoiceModel(matrix['invoice collected by SEPA direct debit (BG-19)']!());
    expect(model.payment).toEqual({
      meansCode: '59',
      remittanceInformation: 'F-2026-00042',
      directDebit: { mandateReference: 'BOREAL-2026-0001', creditorId: 'FR72ZZZ123456', debitedAccount: 'FR7620041010050550000560143' },
    });
    expect(model.paymentTerms).toBe('Prélèvement SEPA à l’échéance du 13/01/2027');
  });

  it('tells an English buyer that the invoice is collected by SEPA direct debit on its due date', () => {
    const english = { name: 'Uhrwerk AG', email: 'billing@uhrwerk.example', language: 'en' as const, address: { line1: 'Bahnhofstrasse 1', postcode: '8001', city: 'Zürich', country: 'CH' } };
    expect(invoiceModel(frozen({ customer: english, lines: [service], directDebit: sepaMandate })).paymentTerms).toBe('Collected by SEPA direct debit on the due date, 2026-12-29');
  });

  it('identifies the seller by SIREN, SIRET and VAT number with its legal mentions (BT-33)', () => {
    expect(standard().seller).toMatchObject({
      legalId: { id: '912345675', scheme: '0002' },
      identifiers: [{ id: '91234567500017', scheme: '0009' }],
      vatId: 'FR65912345675',
      legalInfo: 'SAS au capital de 10\u202f000,00\u00a0€ — RCS Lyon 912345675',
      tradingName: 'Boréal',
    });
  });

  it('identifies a franchise seller without VAT number by its SIREN as tax registration (BT-32)', () => {
    const seller = invoiceModel(matrix['franchise invoice (art. 293 B, category E)']!()).seller;
    expect(seller.vatId).toBeUndefined();
    expect(seller.taxRegistrationId).toBe('912345675');
  });

  it('numbers the lines, names the item by the first line of its description and codes its unit', () => {
    const [first, second] = standard().lines;
    expect(first).toMatchObject({ id: '1', name: 'Site vitrine', description: 'Site vitrine\nConception, intégration & mise en ligne', unitCode: 'C62', sellerItemId: 'pr_site' });
    expect(second).toMatchObject({ id: '2', name: 'Maintenance', unitCode: 'HUR', allowances: [{ amount: '26.70', baseAmount: '267.00', percent: '10', reasonCode: '95' }] });
    expect(second?.description).toBeUndefined();
  });

  it('delivers to the customer’s delivery address, in the billing country when it names none', () => {
    const model = invoiceModel(matrix['discounts, a charge and a delivery address']!());
    expect(model.delivery).toEqual({
      partyName: 'Boulangerie Martin & Fils',
      date: '2026-11-27',
      address: { line1: 'Fournil, 4 chemin du Moulin', postcode: '69230', city: 'Saint-Genis-Laval', country: 'FR' },
    });
  });

  it('takes the electronic addresses the directory gives over the derived ones', () => {
    const buyer = { id: '532198769_53219876900011', scheme: '0225' };
    expect(invoiceModel(frozen({ lines: [service] }), { electronicAddresses: { buyer } }).buyer.electronicAddress).toEqual(buyer);
  });
});
