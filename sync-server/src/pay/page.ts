import { escapeHtml } from '@facturo/core';
import type { GatewayName } from '../gateways';

/*
 * The pay page's HTML (issue 8), rendered on the server: no script at all, so the strict CSP (security/headers.ts)
 * holds without exception; the one style sheet is served at a fixed path with its hash. Every value is escaped.
 * It shows what the customer already has on his invoice (number, seller, due date) and what is still due:
 * nothing internal (no customer record, no payments, no notes).
 */

export type PayLanguage = 'fr' | 'en';

export interface PayView {
  lang: PayLanguage;
  number: string;
  seller: string;
  /** Still due, formatted for display (standings' open amount). */
  due: string;
  dueDate: string;
  paid: boolean;
  /** `/pay/{token}`: each button is `${path}/${gateway}`. */
  path: string;
  gateways: GatewayName[];
}

const words = {
  fr: {
    title: (n: string) => `Payer la facture ${n}`,
    seller: 'Émise par', due: 'Reste à payer', dueDate: 'Échéance',
    paid: 'Cette facture est réglée : merci, il n’y a plus rien à payer.',
    offline: 'Cette facture ne se règle pas en ligne : voyez les modalités de règlement sur la facture.',
    button: { stripe: 'Payer par carte', paypal: 'Payer avec PayPal' },
    secure: 'Vous serez redirigé vers la page de paiement sécurisée du prestataire.',
    notFound: 'Lien de paiement introuvable', notFoundText: 'Ce lien n’est pas valable. Vérifiez l’adresse sur votre facture ou contactez votre fournisseur.',
    thanks: 'Merci, votre paiement est en cours de confirmation.', thanksText: 'Vous recevrez la confirmation de votre fournisseur. Vous pouvez fermer cette page.',
    cancelled: 'Paiement annulé', cancelledText: 'Aucun montant n’a été prélevé. Vous pouvez revenir au lien de votre facture pour payer plus tard.',
  },
  en: {
    title: (n: string) => `Pay invoice ${n}`,
    seller: 'Issued by', due: 'Amount due', dueDate: 'Due date',
    paid: 'This invoice is paid: thank you, nothing is left to pay.',
    offline: 'This invoice is not paid online: see the payment terms on the invoice.',
    button: { stripe: 'Pay by card', paypal: 'Pay with PayPal' },
    secure: 'You will be taken to the payment provider’s secure page.',
    notFound: 'Payment link not found', notFoundText: 'This link is not valid. Check the address on your invoice or contact your supplier.',
    thanks: 'Thank you, your payment is being confirmed.', thanksText: 'Your supplier will confirm it. You may close this page.',
    cancelled: 'Payment cancelled', cancelledText: 'Nothing was charged. You can come back to your invoice’s link to pay later.',
  },
} as const;

function shell(lang: PayLanguage, style: string, title: string, body: string): string {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${escapeHtml(style)}">
</head>
<body>
<main class="pay">
${body}
</main>
</body>
</html>
`;
}

export function payPageHtml(v: PayView, style: string): string {
  const w = words[v.lang];
  const facts = `<dl>
<dt>${w.seller}</dt><dd>${escapeHtml(v.seller)}</dd>
<dt>${w.dueDate}</dt><dd>${escapeHtml(v.dueDate)}</dd>
<dt>${w.due}</dt><dd class="amount">${escapeHtml(v.due)}</dd>
</dl>`;
  const action = v.paid ? `<p class="paid">${w.paid}</p>`
    : v.gateways.length === 0 ? `<p class="note">${w.offline}</p>`
    : `<p class="buttons">${v.gateways.map((g) => `<a class="button ${g}" rel="nofollow" href="${escapeHtml(`${v.path}/${g}`)}">${w.button[g]}</a>`).join('\n')}</p>
<p class="note">${w.secure}</p>`;
  return shell(v.lang, style, w.title(v.number), `<h1>${escapeHtml(w.title(v.number))}</h1>\n${facts}\n${action}`);
}

export function notFoundHtml(lang: PayLanguage, style: string): string {
  const w = words[lang];
  return shell(lang, style, w.notFound, `<h1>${w.notFound}</h1>\n<p>${w.notFoundText}</p>`);
}

/** The page a gateway sends the payer back to: the webhook, not this visit, records the payment. */
export function returnHtml(lang: PayLanguage, style: string, outcome: 'paid' | 'cancelled'): string {
  const w = words[lang];
  const [title, text] = outcome === 'paid' ? [w.thanks, w.thanksText] : [w.cancelled, w.cancelledText];
  return shell(lang, style, title, `<h1>${title}</h1>\n<p>${text}</p>`);
}
