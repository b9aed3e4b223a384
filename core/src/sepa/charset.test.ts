import { describe, expect, it } from 'vitest';
import { toSepaIdentifier, toSepaText } from './charset';

describe('SEPA character set', () => {
  it('drops accents from French names', () => {
    expect(toSepaText('Société Générale à Besançon, Noël Müller')).toBe('Societe Generale a Besancon, Noel Muller');
  });

  it('spells out letters without a base form and the ampersand', () => {
    expect(toSepaText('Œuvre & Cœur, Straße, Søren')).toBe('OEuvre + Coeur, Strasse, Soren');
  });

  it('turns markup and other characters into single spaces', () => {
    expect(toSepaText('<b>Facture</b>\tn°\n42 € "payée"')).toBe("b Facture /b n 42 'payee'");
  });

  it("keeps identifiers free of leading, trailing and doubled '/'", () => {
    expect(toSepaIdentifier('/F//2026/', 35)).toBe('F/2026');
  });
});
