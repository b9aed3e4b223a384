import type { FieldSpec } from '../components/Field';
import type { MessageKey } from '../i18n';

// What each form shows: labels, hints and input conventions. The rules live in core's schema.

const countries = ['FR', 'BE', 'CH', 'LU', 'MC', 'DE', 'ES', 'IT', 'NL', 'PT', 'GB', 'IE', 'US', 'CA'];
const currencies = ['EUR', 'CHF', 'GBP', 'USD', 'CAD'];
const legalForms = ['EI', 'EURL', 'SARL', 'SAS', 'SASU', 'SA', 'SCI', 'SNC', 'SELARL', 'Association'];

const language = (withEmpty: boolean): FieldSpec => ({
  name: 'language',
  label: 'field.language',
  hint: 'hint.language',
  kind: 'text',
  control: 'select',
  options: [...(withEmpty ? [{ value: '', label: 'common.notSet' as MessageKey }] : []), { value: 'fr', label: 'language.fr' }, { value: 'en', label: 'language.en' }],
});

export const addressSpecs: FieldSpec[] = [
  { name: 'line1', label: 'field.line1', kind: 'text', autocomplete: 'off', wide: true },
  { name: 'line2', label: 'field.line2', kind: 'text', wide: true },
  { name: 'postcode', label: 'field.postcode', kind: 'text', inputmode: 'numeric', maxlength: 20 },
  { name: 'city', label: 'field.city', kind: 'text' },
  { name: 'country', label: 'field.country', hint: 'hint.country', kind: 'code', suggestions: countries, maxlength: 2 },
];

/** The customer's delivery address (2026 reform mention): the same fields, stored as deliveryLine1, deliveryCity… */
export const deliveryAddressSpecs: FieldSpec[] = addressSpecs.map((spec) => ({
  ...spec,
  name: `delivery${spec.name[0]?.toUpperCase() ?? ''}${spec.name.slice(1)}`,
}));

// The bank details are not edited live: devices may not write them, see components/security/BankSection.
export const settingsSections: { title: MessageKey; specs: FieldSpec[] }[] = [
  {
    title: 'settings.identity',
    specs: [
      { name: 'legalName', label: 'field.legalName', hint: 'hint.legalName', kind: 'text', wide: true },
      { name: 'tradeName', label: 'field.tradeName', hint: 'hint.tradeName', kind: 'text', wide: true },
      { name: 'legalForm', label: 'field.legalForm', hint: 'hint.legalForm', kind: 'text', suggestions: legalForms },
      { name: 'shareCapital', label: 'field.shareCapital', hint: 'hint.shareCapital', kind: 'decimal', inputmode: 'decimal' },
    ],
  },
  {
    title: 'settings.registration',
    specs: [
      { name: 'siren', label: 'field.siren', hint: 'hint.siren', kind: 'compact', inputmode: 'numeric' },
      { name: 'siret', label: 'field.siret', hint: 'hint.siret', kind: 'compact', inputmode: 'numeric' },
      { name: 'vatNumber', label: 'field.vatNumber', hint: 'hint.vatNumber', kind: 'compact' },
      { name: 'rcsCity', label: 'field.rcsCity', hint: 'hint.rcsCity', kind: 'text' },
    ],
  },
  { title: 'settings.address', specs: addressSpecs },
  {
    title: 'settings.contact',
    specs: [
      { name: 'email', label: 'field.email', hint: 'hint.companyEmail', kind: 'text', type: 'email', inputmode: 'email' },
      { name: 'phone', label: 'field.phone', kind: 'text', type: 'tel', inputmode: 'tel' },
    ],
  },
  {
    title: 'settings.vat',
    specs: [
      {
        name: 'vatRegime',
        label: 'field.vatRegime',
        hint: 'hint.vatRegime',
        kind: 'text',
        control: 'select',
        wide: true,
        options: [{ value: 'normal', label: 'vatRegime.normal' }, { value: 'franchise', label: 'vatRegime.franchise' }],
      },
      { name: 'vatOnDebits', label: 'field.vatOnDebits', hint: 'hint.vatOnDebits', kind: 'boolean', control: 'checkbox', wide: true },
    ],
  },
  {
    title: 'settings.billing',
    specs: [
      { name: 'currency', label: 'field.currency', hint: 'hint.currency', kind: 'code', suggestions: currencies, maxlength: 3 },
      { name: 'paymentTermsDays', label: 'field.paymentTermsDays', hint: 'hint.paymentTermsDays', kind: 'integer', inputmode: 'numeric' },
      language(true),
      { name: 'latePenaltyTerms', label: 'field.latePenaltyTerms', hint: 'hint.latePenaltyTerms', placeholderKey: 'placeholder.latePenaltyTerms', kind: 'text', control: 'textarea', rows: 2, wide: true },
      { name: 'earlyPaymentTerms', label: 'field.earlyPaymentTerms', hint: 'hint.earlyPaymentTerms', placeholderKey: 'placeholder.earlyPaymentTerms', kind: 'text', control: 'textarea', rows: 2, wide: true },
    ],
  },
  {
    // The creditor identifier the bank gives for SEPA direct debits (EPC262-08); core checks and normalises it.
    title: 'settings.sepa',
    specs: [{ name: 'sepaCreditorId', label: 'field.sepaCreditorId', hint: 'hint.sepaCreditorId', kind: 'compact', autocomplete: 'off', maxlength: 35 }],
  },
];

export const customerSections: { title: MessageKey; hint?: MessageKey; specs: FieldSpec[] }[] = [
  {
    title: 'customer.identity',
    specs: [
      { name: 'kind', label: 'field.kind', kind: 'text', control: 'select', options: [{ value: 'company', label: 'kind.company' }, { value: 'individual', label: 'kind.individual' }] },
      { name: 'name', label: 'field.customerName', hint: 'hint.customerName', kind: 'text', required: true, wide: true },
      { name: 'siren', label: 'field.siren', hint: 'hint.customerSiren', kind: 'compact', inputmode: 'numeric' },
      { name: 'vatNumber', label: 'field.vatNumber', hint: 'hint.vatNumber', kind: 'compact' },
    ],
  },
  {
    title: 'customer.contact',
    specs: [
      { name: 'email', label: 'field.email', hint: 'hint.customerEmail', kind: 'text', type: 'email', inputmode: 'email' },
      { name: 'phone', label: 'field.phone', kind: 'text', type: 'tel', inputmode: 'tel' },
    ],
  },
  { title: 'customer.address', specs: addressSpecs },
  { title: 'customer.deliveryAddress', hint: 'customer.deliveryAddressHint', specs: deliveryAddressSpecs },
  {
    title: 'customer.billing',
    specs: [
      { name: 'paymentTermsDays', label: 'field.paymentTermsDays', hint: 'hint.customerPaymentTerms', kind: 'integer', inputmode: 'numeric' },
      language(false),
      { name: 'segments', label: 'field.segments', hint: 'hint.segments', kind: 'text' },
      { name: 'customerSince', label: 'field.customerSince', hint: 'hint.customerSince', kind: 'text', type: 'date' },
      { name: 'notes', label: 'field.notes', hint: 'hint.notes', kind: 'text', control: 'textarea', wide: true },
    ],
  },
];

const vatRates = ['20', '10', '5.5', '2.1', '0'] as const;

export const productSections: { title: MessageKey; specs: FieldSpec[] }[] = [
  {
    title: 'product.description',
    specs: [
      { name: 'name', label: 'field.productName', hint: 'hint.productName', kind: 'text', required: true, wide: true },
      { name: 'description', label: 'field.description', hint: 'hint.description', kind: 'text', control: 'textarea', wide: true },
      { name: 'category', label: 'field.category', hint: 'hint.category', kind: 'text' },
    ],
  },
  {
    title: 'product.pricing',
    specs: [
      { name: 'unitPrice', label: 'field.unitPrice', hint: 'hint.unitPrice', kind: 'decimal', inputmode: 'decimal', required: true },
      { name: 'unit', label: 'field.unit', hint: 'hint.unit', kind: 'text', suggestionsKey: 'unit.suggestions', maxlength: 20 },
      { name: 'vatRate', label: 'field.vatRate', hint: 'hint.vatRate', kind: 'text', control: 'select', options: vatRates.map((r) => ({ value: r, label: `vat.${r}` as const })) },
      { name: 'costPrice', label: 'field.costPrice', hint: 'hint.costPrice', kind: 'decimal', inputmode: 'decimal' },
    ],
  },
];
