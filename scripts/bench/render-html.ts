import { pathToFileURL } from 'node:url';
import { Money, type FrozenDocument } from '@facturo/core';
import { defaultLayout, layoutFontFiles } from '@facturo/core/documents';
import { addressLines, sellerIdentity } from '../../core/src/documents/pdf/header';
import { formatDate, formatDecimal, formatIban, formatMoney, formatPercent, formatSiren, labels } from '../../core/src/documents/pdf/labels';

/*
 * The invoice of the render benchmark as one self-contained HTML page, the way Odoo (wkhtmltopdf) and
 * Invoice Ninja (headless Chrome) print theirs: inline CSS, the logo as a data URL, DejaVu Sans through
 * @font-face from the same TrueType files our PDF embeds. The installed DejaVu (fonts-dejavu-core, the same
 * 2.37) comes first where there is one: wkhtmltopdf on an unpatched Qt draws a web font as Type 3 outlines
 * with no text to search or copy, which no one would send. The words, numbers and mentions come from the
 * functions our PDF prints with, so both say the same thing; the layout is tables only, which the old
 * QtWebKit of wkhtmltopdf renders as Chromium does. Not pixel-identical to our PDF, one A4 page like it.
 */

const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
const lines = (texts: string[]) => texts.map(esc).join('<br>');

export interface HtmlOptions {
  /** The folder of the dejavu-fonts-ttf files, loaded by file:// URL. */
  fontDir: string;
  logo?: string;
}

function css(fontDir: string): string {
  const files = layoutFontFiles(defaultLayout);
  const url = (file: string) => pathToFileURL(`${fontDir}/${file}`).href;
  // Chromium takes the first local() face it finds; QtWebKit matches local() by family only, hence the third one.
  const accent = defaultLayout.accentColor;
  return `
@font-face { font-family: 'DejaVu Sans Bench'; src: local('DejaVu Sans'), local('DejaVuSans'), url('${url(files.regular)}') format('truetype'); font-weight: normal; }
@font-face { font-family: 'DejaVu Sans Bench'; src: local('DejaVuSans-Bold'), local('DejaVu Sans Bold'), local('DejaVu Sans'), url('${url(files.bold)}') format('truetype'); font-weight: bold; }
@page { size: A4; margin: 16mm; }
* { box-sizing: border-box; }
body { margin: 0; font-family: 'DejaVu Sans Bench'; font-size: 9pt; color: #212529; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
table { border-collapse: collapse; width: 100%; }
td, th { vertical-align: top; padding: 0; }
.muted { color: #6c757d; }
.small { font-size: 7.5pt; }
.accent { color: ${accent}; }
.heading { font-size: 7.5pt; font-weight: bold; color: ${accent}; text-transform: uppercase; margin-bottom: 1mm; }
.head td { width: 50%; }
.logo { max-width: 55mm; max-height: 20mm; display: block; margin-bottom: 4mm; }
.seller-name { font-size: 12pt; font-weight: bold; }
.title { text-align: right; font-size: 22pt; font-weight: bold; color: ${accent}; }
.number { text-align: right; font-size: 11pt; font-weight: bold; }
.facts { background: #edf1f5; margin-top: 7mm; }
.facts td { padding: 0.7mm 3mm; }
.facts td + td { text-align: right; font-weight: bold; }
.buyer { padding-left: 12mm; padding-top: 7mm; }
.buyer-name { font-size: 10.5pt; font-weight: bold; }
.items { margin-top: 8mm; font-size: 8.5pt; }
.items th { background: ${accent}; color: #fff; font-size: 8pt; padding: 1.8mm 2mm; text-align: right; }
.items td { padding: 1.7mm 2mm; border-bottom: 0.2mm solid #dee2e6; text-align: right; white-space: nowrap; }
.items th.desc, .items td.desc { text-align: left; white-space: normal; }
.summary { margin-top: 6mm; }
.vat td, .vat th { font-size: 8.5pt; text-align: right; padding: 0.5mm 0; }
.vat th { font-size: 8pt; font-weight: normal; color: #6c757d; border-bottom: 0.2mm solid #dee2e6; }
.vat td:first-child, .vat th:first-child { text-align: left; }
.totals td { padding: 0.6mm 3mm; }
.totals td + td { text-align: right; }
.due td { background: ${accent}; color: #fff; font-weight: bold; font-size: 10pt; padding: 2mm 3mm; }
.due td + td { text-align: right; font-size: 11pt; }
.block { margin-top: 5mm; font-size: 8.5pt; }
.mentions { margin-top: 6mm; background: #f6f8fa; padding: 1.5mm 2mm; font-size: 7.5pt; color: #6c757d; }
.footer { margin-top: 6mm; border-top: 0.2mm solid #dee2e6; padding-top: 1.5mm; font-size: 7pt; color: #6c757d; }
`;
}

function head(doc: FrozenDocument, logo: string | undefined): string {
  const lang = doc.buyer.language === 'en' ? 'en' : 'fr';
  const words = labels[lang];
  const s = doc.seller;
  const b = doc.buyer;
  const facts: [string, string][] = [[words.issueDate, formatDate(doc.issueDate, lang)]];
  if (doc.meta.deliveryDate) facts.push([words.deliveryDate, formatDate(doc.meta.deliveryDate, lang)]);
  if (doc.kind !== 'credit_note') facts.push([words.dueDate, formatDate(doc.dueDate, lang)]);
  if (doc.meta.purchaseOrderRef) facts.push([words.purchaseOrder, doc.meta.purchaseOrderRef]);
  const buyerIds = [b.siren && `${words.siren} ${formatSiren(b.siren)}`, b.vatNumber && `${words.vatNumber} ${b.vatNumber}`].filter((l): l is string => !!l);
  const contact = [s.email, s.phone].filter(Boolean).join(' · ');
  return `<table class="head"><tr>
<td>${logo ? `<img class="logo" src="${esc(logo)}" alt="">` : ''}<div class="seller-name">${esc(s.legalName ?? '')}</div>
${s.tradeName && s.tradeName !== s.legalName ? `<div>${esc(s.tradeName)}</div>` : ''}
<div>${lines(addressLines(s, lang, s.country))}</div>
${contact ? `<div class="muted">${esc(contact)}</div>` : ''}
<div class="muted small" style="margin-top:1.5mm">${lines(sellerIdentity(doc, lang, words))}</div>
<table class="facts">${facts.map(([k, v]) => `<tr><td class="muted">${esc(k)}</td><td>${esc(v)}</td></tr>`).join('')}</table></td>
<td><div class="title">${esc((doc.kind === 'credit_note' ? words.creditNote : words.invoice).toUpperCase())}</div>
<div class="number">${esc(`${words.numberPrefix} ${doc.number}`)}</div>
<div class="buyer"><div class="heading">${esc(words.billTo)}</div><div class="buyer-name">${esc(b.name)}</div>
<div>${lines(addressLines(b, lang, s.country))}</div><div class="muted small">${lines(buyerIds)}</div></div></td>
</tr></table>`;
}

function items(doc: FrozenDocument): string {
  const lang = doc.buyer.language === 'en' ? 'en' : 'fr';
  const words = labels[lang];
  const anyUnit = doc.lines.some((l) => l.unit);
  const anyDiscount = doc.lines.some((l) => l.discountPercent && l.discountPercent !== '0');
  const heads = [words.quantity, ...(anyUnit ? [words.unit] : []), words.unitPrice, ...(anyDiscount ? [words.discount] : []), words.vatRate, words.net];
  const rows = doc.lines.map((line, i) => {
    const amounts = doc.totals.lines[i];
    const rate = amounts?.vatRate ?? line.vatRate;
    const discount = line.discountPercent && line.discountPercent !== '0' ? formatPercent(line.discountPercent, lang) : '';
    const cells = [
      formatDecimal(line.quantity, lang),
      ...(anyUnit ? [line.unit ?? ''] : []),
      formatMoney(line.unitPrice, doc.currency, lang),
      ...(anyDiscount ? [discount] : []),
      rate === undefined ? '—' : formatPercent(rate, lang),
      amounts ? formatMoney(amounts.netAmount, doc.currency, lang) : '',
    ];
    return `<tr><td class="desc">${lines(line.description.split('\n'))}</td>${cells.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`;
  });
  return `<table class="items"><tr><th class="desc">${esc(words.description)}</th>${heads.map((h) => `<th>${esc(h)}</th>`).join('')}</tr>\n${rows.join('\n')}</table>`;
}

function summary(doc: FrozenDocument): string {
  const lang = doc.buyer.language === 'en' ? 'en' : 'fr';
  const words = labels[lang];
  const t = doc.totals;
  const money = (v: string) => formatMoney(v, doc.currency, lang);
  const vat = t.vatBreakdown.map((g) => {
    const reason = g.exemptionReason ? `<tr><td colspan="3" class="muted small">${esc(g.exemptionReason)}</td></tr>` : '';
    return `<tr><td>${esc(g.vatRate === undefined ? words.notSubject : formatPercent(g.vatRate, lang))}</td><td>${esc(money(g.taxableAmount))}</td><td>${esc(money(g.taxAmount))}</td></tr>${reason}`;
  });
  const nonZero = (v: string) => !new Money(v).isZero();
  const totals: [string, string, boolean][] = [];
  if (nonZero(t.allowanceTotal) || nonZero(t.chargeTotal)) totals.push([words.net, money(t.lineNetTotal), false]);
  if (nonZero(t.allowanceTotal)) totals.push([words.allowances, `-${money(t.allowanceTotal)}`, false]);
  if (nonZero(t.chargeTotal)) totals.push([words.charges, money(t.chargeTotal), false]);
  totals.push([words.totalWithoutVat, money(t.totalWithoutVat), false], [words.totalVat, money(t.vatTotal), false], [words.totalWithVat, money(t.totalWithVat), true]);
  if (nonZero(t.paidAmount)) totals.push([words.paid, `-${money(t.paidAmount)}`, false]);
  const due = doc.kind === 'credit_note' ? words.creditTotal : words.amountDue;
  return `<table class="summary"><tr>
<td style="width:50%"><div class="heading">${esc(words.vatBreakdown)}</div><table class="vat"><tr><th>${esc(words.rate)}</th><th>${esc(words.base)}</th><th>${esc(words.vatAmount)}</th></tr>${vat.join('')}</table></td>
<td style="padding-left:14mm"><table class="totals">${totals.map(([k, v, strong]) => `<tr${strong ? ' style="font-weight:bold"' : ''}><td>${esc(k)}</td><td>${esc(v)}</td></tr>`).join('')}</table>
<table class="due"><tr><td>${esc(due)}</td><td>${esc(money(t.amountDue))}</td></tr></table></td>
</tr></table>`;
}

function foot(doc: FrozenDocument): string {
  const lang = doc.buyer.language === 'en' ? 'en' : 'fr';
  const words = labels[lang];
  const s = doc.seller;
  const payment: string[] = [];
  if (doc.kind === 'credit_note') {
    if (doc.meta.precedingNumber) payment.push(esc(words.creditSettlement(doc.meta.precedingNumber)));
  } else {
    payment.push(esc(words.payBefore(formatDate(doc.dueDate, lang))));
    const bank = [s.iban && `IBAN ${formatIban(s.iban)}`, s.bic && `BIC ${s.bic}`].filter(Boolean).join('   ');
    if (bank) payment.push(`<b>${esc(bank)}</b>`);
    payment.push(esc(words.payReference(doc.number)));
  }
  const notes = doc.meta.notes?.trim() ? `<div class="block"><div class="heading">${esc(words.notes)}</div>${lines(doc.meta.notes.split('\n'))}</div>` : '';
  // As our PDF's foot: the head already gives the SIRET, so the foot's one line leaves it out.
  const identity = [s.legalName, ...sellerIdentity(doc, lang, words).filter((l) => !l.startsWith(`${words.siret} `))].filter(Boolean).join(' · ');
  return `<div class="block"><div class="heading">${esc(words.payment)}</div>${payment.join('<br>')}</div>
${notes}
<div class="mentions">${lines(doc.mentions)}</div>
<div class="footer">${esc(identity)}<span style="float:right">${esc(words.page(1, 1))}</span></div>`;
}

/** The frozen document as a printable HTML page; every text from the document is escaped. */
export function invoiceHtml(doc: FrozenDocument, opts: HtmlOptions): string {
  const lang = doc.buyer.language === 'en' ? 'en' : 'fr';
  const title = `${doc.kind === 'credit_note' ? labels[lang].creditNote : labels[lang].invoice} ${doc.number}`;
  return `<!DOCTYPE html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${esc(title)}</title><style>${css(opts.fontDir)}</style></head>
<body>
${head(doc, opts.logo)}
${items(doc)}
${summary(doc)}
${foot(doc)}
</body></html>
`;
}
