import { beforeAll, describe, expect, it } from 'vitest';
import { ValidationError } from '../../schema/fields';
import { renderQuotePdf, type QuotePdfModel } from '.';
import { testFonts } from '../../../../testing/fonts';
import { testLogo } from '../../../../testing/png';
import { formatMoney, formatPercent, type Language } from './labels';
import { latin1 } from './pdf-objects.testing';
import { quotes } from './quote-fixtures.testing';
import { pagesOf, plain, textOf, type PageText } from './text.testing';

/* The quote as the customer reads it: every mention a devis must carry, the options, the consent, read back with pdf.js. */

const fonts = testFonts();
const render = (model: QuotePdfModel) => renderQuotePdf(model, { fonts, logo: testLogo() });
const money = (v: string, lang: Language = 'fr') => plain(formatMoney(v, 'EUR', lang));
const accepted = { signerName: 'Jeanne Martin', signedAt: '2026-12-02T14:03:27Z', ip: '203.0.113.7' } as const;

function expectAll(text: string, expected: string[]) {
  for (const e of expected) expect(text).toContain(plain(e));
}

const lines = (m: QuotePdfModel) => m.sections.flatMap((s) => s.lines);

describe.each([
  ['fr', ['DEVIS', 'N° D-2026-00012', 'version 2', 'Date du devis 01/12/2026', 'Valable jusqu’au 31/12/2026', 'Durée de validité 30 jours', 'CLIENT', 'Objet : Refonte du site', 'CONDITIONS DE PAIEMENT', 'Devis gratuit', 'Total HT', 'Total TVA', 'Total TTC', 'DÉTAIL DE LA TVA', 'Désignation Qté Unité P.U. HT Remise TVA Montant HT']],
  ['en', ['QUOTE', 'No. D-2026-00012', 'version 2', 'Quote date 1 December 2026', 'Valid until 31 December 2026', 'Validity 30 days', 'CUSTOMER', 'Subject: Refonte du site', 'PAYMENT TERMS', 'Free quote', 'Total excl. VAT', 'Total VAT', 'Total incl. VAT', 'VAT BREAKDOWN', 'Description Qty Unit Unit price Discount VAT Net amount']],
] as const)('renderQuotePdf in %s', (lang, words) => {
  const model = quotes.short({ language: lang });
  let text: string;
  beforeAll(async () => {
    text = await textOf(render(model));
  });

  it('prints the date, the validity period, the subject, the payment terms, "free quote" and the totals’ labels', () => {
    expectAll(text, [...words, model.paymentTerms!, model.intro!, model.closing!]);
  });

  it('names the seller with its legal identity: name, address, legal form and capital, RCS, SIRET, VAT number', () => {
    const capital = lang === 'fr' ? 'SAS au capital de 10 000,00 €' : 'SAS with a share capital of €10,000.00';
    expectAll(text, ['Studio Boréal SAS', '25 quai Saint-Antoine', '69002 Lyon', capital, 'RCS Lyon 912 345 675', 'SIRET 912 345 675 00017', 'FR65912345675']);
  });

  it('names the buyer with its address, SIREN and VAT number', () => {
    expectAll(text, ['Boulangerie Martin & Fils', '12 rue de la République', '69001 Lyon', '532 198 769', 'FR84532198769']);
  });

  it('details each line: description, quantity, unit, unit price, VAT rate and amount', () => {
    for (const l of lines(model)) {
      expect(text).toContain(l.description);
      const discount = l.discountPercent ? ` ${formatPercent(l.discountPercent, lang)}` : '';
      expect(text).toContain(plain(`${l.quantity} ${l.unit} ${formatMoney(l.unitPrice, 'EUR', lang)}${discount} ${formatPercent(l.vatRate!, lang)} ${formatMoney(l.lineTotal, 'EUR', lang)}`));
    }
  });

  it('breaks the VAT down per rate and prints the totals HT, VAT and TTC', () => {
    const t = model.totals;
    expect(t.vatBreakdown).toHaveLength(2);
    for (const g of t.vatBreakdown) expect(text).toContain(plain(`${formatPercent(g.vatRate!, lang)} ${formatMoney(g.taxableAmount, 'EUR', lang)} ${formatMoney(g.taxAmount, 'EUR', lang)}`));
    expectAll(text, [`${words[10]} ${money(t.totalWithoutVat, lang)}`, `${words[11]} ${money(t.vatTotal, lang)}`, `${words[12]} ${money(t.totalWithVat, lang)}`]);
  });

  it('numbers the pages', () => {
    expect(text).toContain('Page 1/');
  });
});

describe('options', () => {
  const model = quotes.short();
  let text: string;
  beforeAll(async () => {
    text = await textOf(render(model));
  });

  it('marks each option taken or not, explains them in a legend, and shows the amount of the one left out', () => {
    const left = lines(model).find((l) => l.optional && !l.selected)!;
    expectAll(text, [`${left.description} Option non retenue, hors total`, 'Formation des équipes Option retenue', 'Seules les options retenues sont comprises dans les totaux', money(left.lineTotal)]);
  });

  it('prints the totals without the option left out: the sum of the other lines', () => {
    const sum = (ls: ReturnType<typeof lines>) => ls.reduce((a, l) => a + Math.round(Number(l.lineTotal) * 100), 0); // number-ok: cents in a test
    const taken = lines(model).filter((l) => !l.optional || l.selected);
    const cents = (n: number) => `${Math.floor(n / 100)}.${String(n % 100).padStart(2, '0')}`;
    expect(text).toContain(`Total HT ${money(cents(sum(taken)))}`);
    expect(text).not.toContain(`Total HT ${money(cents(sum(lines(model))))}`);
  });
});

describe('consent', () => {
  it('offers a "Bon pour accord" box to sign, and no acceptance, before the quote is accepted', async () => {
    const text = await textOf(render(quotes.short()));
    expectAll(text, ['BON POUR ACCORD', 'Date :', 'Nom :', 'Signature :']);
    expect(text).not.toContain('Accepté électroniquement');
  });

  it('prints the evidence of an electronic acceptance, in UTC, and no box to sign', async () => {
    const text = await textOf(render(quotes.short({ acceptance: { ...accepted, signedAt: '2026-12-02T15:03:27+01:00' } })));
    expectAll(text, ['ACCEPTATION ÉLECTRONIQUE', 'Accepté électroniquement par Jeanne Martin le 02/12/2026 à 14:03:27 (horodatage UTC)', 'Horodatage : 2026-12-02T14:03:27Z', 'Adresse IP : 203.0.113.7']);
    expect(text).not.toContain('BON POUR ACCORD');
  });

  it('says so in English too', async () => {
    const text = await textOf(render(quotes.short({ language: 'en', acceptance: accepted })));
    expect(text).toContain('Accepted electronically by Jeanne Martin on 2 December 2026 at 14:03:27 (UTC timestamp)');
  });
});

describe('a draft and a paid quote', () => {
  it('marks a quote without a number as a draft that cannot be accepted', async () => {
    const text = await textOf(render(quotes.short({ number: null })));
    expectAll(text, ['BROUILLON', 'ce devis n’a pas encore été émis']);
    expect(text).not.toContain('D-2026-00012');
  });

  it('prints the price of a paid quote instead of "Devis gratuit"', async () => {
    const text = await textOf(render(quotes.short({ quoteFee: '60.00' })));
    expect(text).toContain(plain('Devis payant : 60,00 €'));
    expect(text).not.toContain('Devis gratuit');
  });
});

describe('a 120-line quote in 6 sections', () => {
  const model = quotes.long();
  let pages: PageText[];
  beforeAll(async () => {
    pages = await pagesOf(render(model));
  });

  it('runs over several pages numbered "Page i/n", each repeating the table header and naming the quote', () => {
    expect(pages.length).toBeGreaterThanOrEqual(3);
    pages.forEach((p, i) => {
      expect(p.text).toContain(`Page ${i + 1}/${pages.length}`);
      if (i < pages.length - 1 || p.text.includes('Prestation 120')) expect(p.text).toContain('Désignation Qté Unité P.U. HT TVA Montant HT');
      if (i > 0) expect(p.text).toContain('Devis D-2026-00012 (version 2) (suite)');
    });
  });

  it('prints all 120 lines once, in order, every section title, and the totals after the last line', () => {
    const all = pages.map((p) => p.text).join(' ');
    const positions = Array.from({ length: 120 }, (_, i) => all.search(new RegExp(`Prestation ${i + 1}(?!\\d)`)));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    for (const s of model.sections) expect(all).toContain(s.title);
    expect(all.indexOf(`Total TTC ${money(model.totals.totalWithVat)}`)).toBeGreaterThan(positions.at(-1)!);
  });
});

describe('determinism and bad input', () => {
  it('gives the same bytes for the same quote, whatever was rendered before', () => {
    const first = render(quotes.short({ acceptance: accepted }));
    render(quotes.long());
    renderQuotePdf(quotes.short({ language: 'en', number: null }), { fonts });
    expect(render(quotes.short({ acceptance: accepted }))).toEqual(first);
  });

  it('dates the file from the quote’s date, never from the clock', () => {
    expect(latin1(render(quotes.short()))).toContain("/CreationDate (D:20261201000000+00'00')");
  });

  it('refuses a broken model, naming each field', () => {
    const model = quotes.short({ validUntil: '2026-11-01' });
    model.sections[1]!.lines[2]!.unitPrice = '12,50';
    try {
      render({ ...model, acceptance: { signerName: 'X', signedAt: 'yesterday' } });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect(Object.keys((e as ValidationError).fields).sort()).toEqual(['acceptance.signedAt', 'sections[1].lines[2].unitPrice', 'validUntil']);
    }
  });
});
