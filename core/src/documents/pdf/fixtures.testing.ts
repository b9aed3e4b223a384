// eslint-disable-next-line no-restricted-imports -- tests read the font files and make PNGs with Node; core itself never does
import { readFileSync } from 'node:fs';
// eslint-disable-next-line no-restricted-imports -- see above
import { createRequire } from 'node:module';
// eslint-disable-next-line no-restricted-imports -- see above
import { deflateSync } from 'node:zlib';
import type { FrozenDocument } from '../../issuing';
import type { CustomerInput } from '../../schema/customers';
import type { CompanySettings } from '../../schema/workspace';
import { frozen } from '../fixtures.testing';
import { layoutFontFiles, type PdfFontId } from './layout';

/* Frozen documents for the PDF tests, issued through freezeDocument as the server does. */

const fontDir = createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json').replace(/package\.json$/, 'ttf/');

/** The font bytes a caller passes to renderInvoicePdf, read as the server reads them. */
export function testFonts(font: PdfFontId = 'dejavu-sans') {
  const files = layoutFontFiles({ font });
  return { regular: new Uint8Array(readFileSync(fontDir + files.regular)), bold: new Uint8Array(readFileSync(fontDir + files.bold)) };
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes: Buffer) => (bytes.reduce((c, b) => (crcTable[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8), 0xffffffff) ^ 0xffffffff) >>> 0;

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), 8 + data.length);
  return out;
}

/** An RGBA PNG drawn by `pixel(x, y)`, as a data URL. */
export function pngDataUrl(width: number, height: number, pixel: (x: number, y: number) => [number, number, number, number]): string {
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) raw.set(pixel(x, y), y * (width * 4 + 1) + 1 + x * 4);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
  return `data:image/png;base64,${png.toString('base64')}`;
}

/** A small logo with a transparent background: a teal disc and three bars. */
export function testLogo(): string {
  return pngDataUrl(240, 80, (x, y) => {
    const inDisc = (x - 40) ** 2 + (y - 40) ** 2 < 34 ** 2;
    const inBar = x > 90 && x < 230 && [18, 36, 54].some((top, i) => y >= top && y < top + 10 && x < 230 - i * 35);
    return inDisc ? [18, 110, 130, 255] : inBar ? [40, 50, 60, 255] : [255, 255, 255, 0];
  });
}

/** The PDF tests' seller: the shared one, with a trade name and a phone written as French people write it. */
const seller: Partial<CompanySettings> = { tradeName: 'Boréal Design', phone: '04 72 00 00 00', bic: 'AGRIFRPP' };

const buyer: CustomerInput = {
  name: 'Boulangerie Martin & Fils', siren: '532198769', vatNumber: 'FR84532198769',
  address: { line1: '12 rue de la République', postcode: '69001', city: 'Lyon', country: 'FR' }, paymentTermsDays: 45,
};

type Case = Parameters<typeof frozen>[0] & { number?: string };

/** A frozen document as the server's issue command makes it (the e-invoice tests' builder, shared). */
export function issue(c: Case): FrozenDocument {
  const number = c.number ?? (c.kind === 'credit_note' ? 'AV-2026-00007' : 'F-2026-00042');
  return frozen({ ...c, settings: { ...seller, ...c.settings }, customer: c.customer ?? buyer }, number);
}

const services = ['Atelier de cadrage', 'Maquettes haute fidélité', 'Développement front-end', 'Intégration du back-office', 'Recette et corrections', 'Hébergement (mois)', 'Nom de domaine', 'Formation des équipes'];

export const fixtures = {
  short: () =>
    issue({
      meta: { purchaseOrderRef: 'BC-2026/118', deliveryDate: '2026-11-20', notes: 'Merci pour votre confiance.' },
      lines: [
        { description: 'Site vitrine — conception, intégration et mise en ligne de 6 pages, formulaire de contact et optimisation du référencement naturel', quantity: '1', unit: 'forfait', unitPrice: '2400.00', vatRate: '20' },
        { description: 'Maintenance', quantity: '3', unit: 'h', unitPrice: '89.00', vatRate: '20', discountPercent: '10' },
        { description: 'Livre « Le Web en pratique »', quantity: '2', unit: 'pièce', unitPrice: '24.90', vatRate: '5.5' },
      ],
    }),
  long: () =>
    issue({
      customer: { ...buyer, deliveryAddress: { line1: 'Fournil, 4 chemin du Moulin', postcode: '69230', city: 'Saint-Genis-Laval', country: 'FR' } },
      meta: { operationCategory: 'mixed' },
      lines: Array.from({ length: 40 }, (_, i) => ({
        description: `${services[i % services.length]} — lot ${i + 1}${i % 7 === 3 ? ', avec une description assez longue pour tenir sur plusieurs lignes du tableau sans déborder sur les colonnes voisines' : ''}`,
        quantity: String((i % 5) + 1),
        unit: i % 2 ? 'h' : 'jour',
        unitPrice: (120 + i * 7.5).toFixed(2), // number-ok: test data
        vatRate: i % 6 === 5 ? '10' : '20',
        ...(i % 4 === 1 ? { discountPercent: '5' } : {}),
      })),
    }),
  creditNote: () =>
    issue({
      kind: 'credit_note',
      meta: { precedingNumber: 'F-2026-00041', precedingIssueDate: '2026-11-02' },
      lines: [{ description: 'Maintenance non effectuée en novembre', quantity: '2', unit: 'h', unitPrice: '89.00', vatRate: '20' }],
    }),
  english: () =>
    issue({
      customer: {
        name: 'Bäckerei Müller GmbH', vatNumber: 'DE100000008', language: 'en',
        address: { line1: 'Hauptstraße 5', postcode: '10115', city: 'Berlin', country: 'DE' },
        deliveryAddress: { line1: 'Lager 3, Industriestraße 9', postcode: '12099', city: 'Berlin', country: 'DE' },
      },
      meta: { operationCategory: 'goods', deliveryDate: '2026-11-25', purchaseOrderRef: 'PO-7781' },
      lines: [{ description: 'Deck oven, 3 decks', quantity: '1', unitPrice: '12000', vatCategory: 'K', vatRate: '0', exemptionReason: 'Exonération de TVA, article 262 ter I du CGI', exemptionCode: 'VATEX-EU-IC' }],
    }),
  franchise: () =>
    issue({
      settings: { vatRegime: 'franchise', vatNumber: '', legalName: 'Claire Petit', tradeName: 'Atelier Piano', legalForm: 'EI', shareCapital: '', rcsCity: '' },
      customer: { kind: 'individual', name: 'Camille Durand', address: { line1: '3 impasse des Lilas', postcode: '69100', city: 'Villeurbanne', country: 'FR' } },
      lines: [{ description: 'Cours de piano', quantity: '4', unit: 'h', unitPrice: '40', vatCategory: 'E', vatRate: '0', exemptionReason: 'TVA non applicable, art. 293 B du CGI', exemptionCode: 'VATEX-FR-FRANCHISE' }],
    }),
  reverseCharge: () =>
    issue({
      lines: [{ description: 'Travaux de plâtrerie (sous-traitance)', quantity: '1', unitPrice: '5000', vatCategory: 'AE', vatRate: '0', exemptionReason: 'Autoliquidation', exemptionCode: 'VATEX-EU-AE' }],
    }),
};
