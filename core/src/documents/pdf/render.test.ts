import { beforeAll, describe, expect, it } from 'vitest';
import type { FrozenDocument } from '../../issuing';
import { renderInvoicePdf } from '.';
import { fixtures, issue } from './fixtures.testing';
import { testFonts } from '../../../../testing/fonts';
import { testLogo } from '../../../../testing/png';
import { formatMoney, formatPercent, type Language } from './labels';
import { pagesOf, plain, textOf, type PageText } from './text.testing';

/* What a reader finds on the printed document: every fact French law asks for, read back with pdf.js. */

const fonts = testFonts();
const render = (doc: FrozenDocument) => renderInvoicePdf(doc, { fonts, logo: testLogo() });

function expectAll(text: string, expected: string[]) {
  for (const e of expected) expect(text).toContain(plain(e));
}

const money = (doc: FrozenDocument, v: string, lang: Language = 'fr') => formatMoney(v, doc.currency, lang);

describe('renderInvoicePdf: a French invoice', () => {
  const doc = fixtures.short();
  let text: string;
  beforeAll(async () => {
    text = await textOf(render(doc));
  });

  it('names the seller with its legal identity: form, capital, RCS, SIREN/SIRET, VAT number, address', () => {
    expectAll(text, ['Studio Boréal SAS', 'Boréal Design', '25 quai Saint-Antoine', 'Bâtiment B', '69002 Lyon', 'SAS au capital de 10 000,00 €', 'RCS Lyon 912 345 675', 'SIRET 912 345 675 00017', 'N° TVA FR65912345675']);
  });

  it('names the buyer with its billing address, SIREN and VAT number', () => {
    expectAll(text, ['FACTURÉ À', 'Boulangerie Martin & Fils', '12 rue de la République', '69001 Lyon', 'SIREN 532 198 769', 'N° TVA FR84532198769']);
  });

  it('gives the title, number, issue, delivery and due dates and the purchase order', () => {
    expectAll(text, ['FACTURE', 'N° F-2026-00042', 'Date d’émission 29/11/2026', 'Date de livraison 20/11/2026', 'Date d’échéance 13/01/2027', 'Bon de commande BC-2026/118']);
  });

  it('prints each line: description, quantity, unit, unit price, discount, VAT rate and net amount', () => {
    doc.lines.forEach((line, i) => {
      const amounts = doc.totals.lines[i]!;
      const row = [line.quantity, line.unit ?? '', money(doc, line.unitPrice), ...(line.discountPercent ? [formatPercent(line.discountPercent, 'fr')] : []), formatPercent(amounts.vatRate!, 'fr'), money(doc, amounts.netAmount)].join(' ');
      expect(text).toContain(plain(row));
      expect(text).toContain(plain(line.description.split(' ').slice(0, 4).join(' ')));
    });
    expect(text).toContain('Site vitrine — conception, intégration et mise en ligne de 6 pages, formulaire de contact et optimisation du référencement naturel');
  });

  it('breaks the VAT down per rate: rate, taxable amount, VAT', () => {
    expect(doc.totals.vatBreakdown).toHaveLength(2);
    for (const g of doc.totals.vatBreakdown) expect(text).toContain(plain(`${formatPercent(g.vatRate!, 'fr')} ${money(doc, g.taxableAmount)} ${money(doc, g.taxAmount)}`));
  });

  it('totals without VAT, VAT, with VAT and the amount due', () => {
    const t = doc.totals;
    expectAll(text, [`Total HT ${money(doc, t.totalWithoutVat)}`, `Total TVA ${money(doc, t.vatTotal)}`, `Total TTC ${money(doc, t.totalWithVat)}`, `Net à payer ${money(doc, t.amountDue)}`]);
    expect(plain(money(doc, t.amountDue))).toBe('3 220,90 €');
  });

  it('says how to pay: due date, IBAN and BIC, reference', () => {
    expectAll(text, ['À régler au plus tard le 13/01/2027', 'IBAN FR76 3000 6000 0112 3456 7890 189', 'BIC AGRIFRPP', 'F-2026-00042 avec votre paiement']);
  });

  it('prints every legal mention, among them the 40 € recovery indemnity, and the notes', () => {
    expect(doc.mentions.length).toBeGreaterThan(3);
    expectAll(text, doc.mentions);
    expectAll(text, ['Indemnité forfaitaire pour frais de recouvrement : 40 €', 'Pénalités de retard', 'Pas d’escompte pour paiement anticipé', 'Nature de l’opération : prestation de services', 'Merci pour votre confiance.', 'Page 1/1']);
  });
});

describe('renderInvoicePdf: a 40-line invoice', () => {
  const doc = fixtures.long();
  let pages: PageText[];
  beforeAll(async () => {
    pages = await pagesOf(render(doc));
  });

  it('runs over several pages numbered "Page i/n", each repeating the table header and naming the document', () => {
    expect(pages.length).toBeGreaterThanOrEqual(2);
    pages.forEach((p, i) => {
      expect(p.text).toContain(`Page ${i + 1}/${pages.length}`);
      expect(p.text).toContain('Désignation Qté Unité P.U. HT Remise TVA Montant HT');
      if (i > 0) expect(p.text).toContain('Facture N° F-2026-00042 (suite)');
    });
  });

  it('prints all 40 lines once, in order, and the totals after the last', () => {
    const all = pages.map((p) => p.text).join(' ');
    const positions = doc.lines.map((_, i) => all.indexOf(` — lot ${i + 1} `) >= 0 ? all.indexOf(` — lot ${i + 1} `) : all.indexOf(` — lot ${i + 1},`));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(pages.at(-1)!.text).toContain(plain(`Net à payer ${money(doc, doc.totals.amountDue)}`));
    expect(all.indexOf('Net à payer')).toBeGreaterThan(positions.at(-1)!);
  });

  it('prints the delivery address apart from the billing address', () => {
    expectAll(pages[0]!.text, ['ADRESSE DE LIVRAISON', 'Fournil, 4 chemin du Moulin', '69230 Saint-Genis-Laval']);
  });
});

describe('renderInvoicePdf: other documents', () => {
  it('titles a credit note "Avoir" and references the invoice it corrects', async () => {
    const doc = fixtures.creditNote();
    const text = await textOf(render(doc));
    expectAll(text, ['AVOIR', 'N° AV-2026-00007', 'Facture d’origine F-2026-00041 du 02/11/2026', `Total de l’avoir ${money(doc, doc.totals.amountDue)}`, 'Cet avoir vient en déduction de la facture F-2026-00041']);
    expect(text).not.toContain('Net à payer');
  });

  it('speaks English to an English-speaking customer, names foreign countries and keeps the exemption reason', async () => {
    const doc = fixtures.english();
    const text = await textOf(render(doc));
    expectAll(text, ['INVOICE', 'No. F-2026-00042', 'Issue date 29 November 2026', 'Due date 29 December 2026', 'Purchase order PO-7781', 'BILL TO', 'DELIVER TO', 'Germany', 'VAT no. DE100000008']);
    expectAll(text, ['SAS with a share capital of €10,000.00', `Amount due ${money(doc, doc.totals.amountDue, 'en')}`, 'Exonération de TVA, article 262 ter I du CGI', 'Fixed compensation for recovery costs: €40']);
    expectAll(text, doc.mentions);
    expect(text).not.toContain('Facture');
  });

  it('prints "TVA non applicable, art. 293 B du CGI" on a franchise invoice, without a seller VAT number', async () => {
    const doc = fixtures.franchise();
    const text = await textOf(renderInvoicePdf(doc, { fonts }));
    expect(text).toContain('TVA non applicable, art. 293 B du CGI');
    expectAll(text, doc.mentions);
    expect(text).not.toContain('N° TVA');
    expect(text).not.toContain('40 €'); // the recovery indemnity is owed by professionals only
  });

  it('prints "Autoliquidation" on a reverse-charge invoice', async () => {
    const doc = fixtures.reverseCharge();
    const text = await textOf(render(doc));
    expect(doc.mentions).toContain('Autoliquidation');
    expect(text.match(/Autoliquidation/g)?.length).toBeGreaterThanOrEqual(2); // the VAT breakdown and the mentions
  });
});

describe('a ten-line invoice with a logo', () => {
  it('stays on one page, the payment block beside the legal mentions, every mention and the bank details whole', async () => {
    const work = ['Atelier de cadrage', 'Maquettes', 'Développement', 'Intégration', 'Recette', 'Hébergement (mois)', 'Nom de domaine', 'Formation', 'Livre', 'Support'];
    const doc = issue({
      meta: { purchaseOrderRef: 'BC-2026/118', deliveryDate: '2026-11-20' },
      lines: work.map((description, i) => ({ description, quantity: String((i % 4) + 1), unit: 'h', unitPrice: `${85 + i * 15}.50`, vatRate: i === 8 ? '5.5' : '20' })),
    });
    expect(doc.seller.line2).toBeTruthy(); // the two-line address that used to push the mentions over
    const pages = await pagesOf(render(doc));
    expect(pages).toHaveLength(1);
    expectAll(pages[0]!.text, [...doc.mentions, 'IBAN FR76 3000 6000 0112 3456 7890 189', 'BIC AGRIFRPP', 'Page 1/1']);
    // In the narrow column, "40 €" stays whole: no line starts with a unit or a colon (French typography).
    expect(pages[0]!.items.filter((line) => /^(€|%|:|;|!|\?|»)/.test(line))).toEqual([]);
    expect(pages[0]!.items).toContain('40 €');
  });
});

describe('renderInvoicePdf: an invoice for a billing period (EN 16931 BG-14)', () => {
  const service = [{ description: 'Infogérance — forfait mensuel', quantity: '1', unit: 'mois', unitPrice: '450.00', vatRate: '20' }];
  const march = { invoicingPeriodStart: '2027-03-01', invoicingPeriodEnd: '2027-03-31' };

  it('prints the period, both days included, under the head and above the lines', async () => {
    const text = await textOf(render(issue({ meta: march, lines: service })));
    expect(text).toContain('Période de facturation : du 01/03/2027 au 31/03/2027');
    expect(text.indexOf('Période de facturation')).toBeGreaterThan(text.indexOf('FACTURÉ À'));
    expect(text.indexOf('Période de facturation')).toBeLessThan(text.indexOf('Désignation'));
  });

  it('prints it in English for an English-speaking customer', async () => {
    const customer = { name: 'Uhrwerk AG', language: 'en' as const, address: { line1: 'Bahnhofstrasse 1', postcode: '8001', city: 'Zürich', country: 'CH' } };
    const text = await textOf(render(issue({ meta: march, lines: service, customer })));
    expect(text).toContain('Billing period: 1 March 2027 – 31 March 2027');
  });

  it('prints no period on an invoice that states none', async () => {
    const text = await textOf(render(issue({ lines: service })));
    expect(text).not.toContain('Période de facturation');
  });
});
