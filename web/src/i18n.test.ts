import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CustomerBook, ValidationError, Workspace, checkBic, checkCreditorIdentifier, checkIban, checkSeriesFormat, checkSiren, checkSiret, checkVatNumber, checkFrenchVatNumber } from '@facturo/core';
import { fieldErrorText, translate } from './i18n';
import { fr } from './locales/fr';
import { en } from './locales/en';
import { auditFr } from './locales/audit.fr';
import { customersFr } from './locales/customers.fr';
import { documentsFr } from './locales/documents.fr';
import { invoicesFr } from './locales/invoices.fr';
import { legalFr } from './locales/legal.fr';
import { oversightFr } from './locales/oversight.fr';
import { quotesSettingsFr } from './locales/quotes-settings.fr';
import { quotesFr } from './locales/quotes.fr';
import { rolesFr } from './locales/roles.fr';
import { securityFr } from './locales/security.fr';
import { subscriptionsFr } from './locales/subscriptions.fr';
import { sepaDebitsFr } from './locales/sepa-debits.fr';
import { paymentsFr } from './locales/payments.fr';
import { dunningFr } from './locales/dunning.fr';
import { auditEn } from './locales/audit.en';
import { customersEn } from './locales/customers.en';
import { documentsEn } from './locales/documents.en';
import { invoicesEn } from './locales/invoices.en';
import { legalEn } from './locales/legal.en';
import { oversightEn } from './locales/oversight.en';
import { quotesSettingsEn } from './locales/quotes-settings.en';
import { quotesEn } from './locales/quotes.en';
import { rolesEn } from './locales/roles.en';
import { securityEn } from './locales/security.en';
import { subscriptionsEn } from './locales/subscriptions.en';
import { sepaDebitsEn } from './locales/sepa-debits.en';
import { paymentsEn } from './locales/payments.en';
import { dunningEn } from './locales/dunning.en';

function errorsOf(write: (ws: Workspace) => void): Record<string, string> {
  try {
    write(new Workspace(new Y.Doc()));
  } catch (e) {
    if (e instanceof ValidationError) return e.fields;
  }
  throw new Error('expected a ValidationError');
}

describe('i18n', () => {
  it('never lets one part of a dictionary silently redefine a key of another (a label would change elsewhere)', () => {
    for (const [whole, parts] of [[fr, [auditFr, customersFr, documentsFr, invoicesFr, legalFr, oversightFr, quotesSettingsFr, quotesFr, rolesFr, securityFr, subscriptionsFr, sepaDebitsFr, paymentsFr, dunningFr]], [en, [auditEn, customersEn, documentsEn, invoicesEn, legalEn, oversightEn, quotesSettingsEn, quotesEn, rolesEn, securityEn, subscriptionsEn, sepaDebitsEn, paymentsEn, dunningEn]]] as const) {
      for (const part of parts) for (const [key, text] of Object.entries(part)) expect(whole[key as keyof typeof whole], key).toBe(text);
    }
  });

  it('fills placeholders', () => {
    expect(translate('fr', 'invite.accept', { company: 'ACME' })).toBe('Rejoindre ACME');
    expect(translate('en', 'invite.accept', { company: 'ACME' })).toBe('Join ACME');
  });

  it("shows each of core's validation messages in the user's language, none as a generic fallback", () => {
    const fields = {
      ...errorsOf((ws) => ws.updateSettings({ siren: '1', siret: '2', vatNumber: 'x', email: 'y', currency: 'euro', country: 'France', shareCapital: '1,5' })),
      ...errorsOf((ws) => new CustomerBook(ws.doc).createCustomer('cu', { name: '' }, '2026-01-01')),
      ...errorsOf((ws) => ws.updateSettings({ paymentTermsDays: 1.5 })),
    };
    expect(Object.keys(fields).sort()).toEqual(['country', 'currency', 'email', 'name', 'paymentTermsDays', 'shareCapital', 'siren', 'siret', 'vatNumber']);
    const invalid = translate('fr', 'err.invalid');
    for (const [field, message] of Object.entries(fields)) {
      const fr = fieldErrorText(message, 'fr');
      expect(fr, `${field}: ${message}`).not.toBe(invalid);
      expect(fieldErrorText(message, 'en')).not.toBe(fr);
    }
    expect(fieldErrorText(fields.siren ?? '', 'fr')).toBe('Le SIREN compte exactement 9 chiffres.');
  });

  it("shows every refusal of a logo in the user's language, with the file's size or type", () => {
    const svg = errorsOf((ws) => ws.setLogo('lg_1', 'data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=')).logo ?? '';
    const notPng = errorsOf((ws) => ws.setLogo('lg_1', 'data:image/png;base64,/9j/4AAQ')).logo ?? '';
    const big = errorsOf((ws) => ws.setLogo('lg_1', `data:image/jpeg;base64,/9j/${'A'.repeat(200_000)}`)).logo ?? '';
    expect(fieldErrorText(svg, 'fr')).toBe('Le logo doit être une image PNG ou JPEG.');
    expect(fieldErrorText(svg, 'en')).toBe('The logo must be a PNG or JPEG image.');
    expect(fieldErrorText(notPng, 'fr')).toBe('Ce fichier n’est pas une image PNG.');
    expect(fieldErrorText(big, 'fr')).toBe('Le logo fait au plus 100 Ko ; celui-ci fait 147 Ko.');
    expect(fieldErrorText(big, 'en')).toBe('A logo is 100 KB at most; this one is 147 KB.');
  });

  it("shows each refusal of the documents' layout, text blocks and custom values in the user's language", () => {
    const fields = {
      ...errorsOf((ws) => ws.updateLayout({ accentColor: 'bleu', font: 'comic' })),
      ...errorsOf((ws) => ws.setTextBlock('tb_1', { name: 'Merci', body: '' })),
      ...errorsOf((ws) => ws.setCustomValue('site web', 'x')),
    };
    expect(Object.keys(fields).sort()).toEqual(['accentColor', 'body', 'font', 'name']);
    const invalid = translate('fr', 'err.invalid');
    for (const [field, message] of Object.entries(fields)) {
      expect(fieldErrorText(message, 'fr'), `${field}: ${message}`).not.toBe(invalid);
      expect(fieldErrorText(message, 'en')).not.toBe(fieldErrorText(message, 'fr'));
    }
    expect(fieldErrorText(fields.accentColor ?? '', 'fr')).toBe('Une couleur au format #RRGGBB, par ex. #1f4e79.');
  });

  it("shows every refusal of the SEPA creditor identifier (ICS) in the user's language, with its lengths", () => {
    const refusals = [
      checkCreditorIdentifier(''), checkCreditorIdentifier('ICS 12'), checkCreditorIdentifier('FR72ZZZ1234567'), checkCreditorIdentifier('FR71ZZZ123456'),
      errorsOf((ws) => ws.updateSettings({ sepaCreditorId: 'FR71ZZZ123456' })).sepaCreditorId,
    ].map((r) => (typeof r === 'string' ? r : r?.ok === false ? r.message : ''));
    const invalid = translate('fr', 'err.invalid');
    for (const message of refusals) {
      expect(message).not.toBe('');
      const fr = fieldErrorText(message, 'fr');
      expect(fr, message).not.toBe(invalid);
      expect(fr, message).not.toMatch(/\{\w+\}/);
      expect(fieldErrorText(message, 'en'), message).not.toBe(fr);
    }
    expect(fieldErrorText(refusals[2] ?? '', 'fr')).toBe('Un ICS commençant par FR compte 13 caractères ; celui-ci en a 14.');
  });

  it('explains length and range limits with their bound', () => {
    const long = errorsOf((ws) => ws.updateSettings({ bic: 'X'.repeat(12), paymentTermsDays: 400 }));
    expect(fieldErrorText(long.bic ?? '', 'fr')).toBe('11 caractères au maximum.');
    expect(fieldErrorText(long.paymentTermsDays ?? '', 'en')).toBe('At most 365.');
  });

  it("shows every message of core/identifiers and core/numbering in French, with its values", () => {
    const failures = [
      checkSiren(''), checkSiren('12A'), checkSiren('73282932000074'), checkSiren('1234'), checkSiren('123456789'),
      checkSiret(''), checkSiret('12A'), checkSiret('732829320'), checkSiret('1234'), checkSiret('12345678900001'), checkSiret('73282932000075'),
      checkVatNumber(''), checkVatNumber('12345'), checkVatNumber('GR123456789'), checkVatNumber('CH123456789'), checkVatNumber('DE12'), checkVatNumber('DE136695970'),
      checkVatNumber('FR4473282932'), checkVatNumber('FRIO732829320'), checkVatNumber('FR44123456789'), checkVatNumber('FR00732829320'), checkFrenchVatNumber('DE136695976'),
      checkIban(''), checkIban('XX76300060000112345678901'), checkIban('FR763000600001123456789018'), checkIban('FR7630006000011234567890188'), checkIban('FR7730006000011234567890189'),
      checkBic(''), checkBic('BNPAXXPP'), checkBic('BNP'),
      ...['', 'F-{YYYY}', 'F-{SEQ}{SEQ}', 'F-{MM}-{SEQ}', 'F-{X}-{SEQ}', 'F-{SEQ:0}', 'F-{YYYY-{SEQ}', 'F-}{SEQ}', 'F {SEQ}', `${'X'.repeat(34)}{SEQ:5}`].map(checkSeriesFormat),
    ];
    const invalid = translate('fr', 'err.invalid');
    for (const f of failures) {
      expect(f.ok).toBe(false);
      if (f.ok) continue;
      const fr = fieldErrorText(f.message, 'fr');
      expect(fr, f.message).not.toBe(invalid);
      expect(fr, f.message).not.toMatch(/\{(n|siren|vat|country|chars|code|prefix|pos|char|token|max)\}/);
      expect(fieldErrorText(f.message, 'en'), f.message).not.toBe(fr);
    }
    expect(fieldErrorText('A SIREN has 9 digits; this one has 4.', 'fr')).toBe('Un SIREN compte 9 chiffres ; celui-ci en a 4.');
  });
});
