/*
 * Paying an invoice online (issue 8): the invoice's stable pay URL (token.ts), where it shows (online.ts: email,
 * reminders, the PDF's QR code) and the public page behind it (routes.ts).
 */
export { payToken, payUrl, payUrlsOf } from './token';
export { companyPayUrls, configuredGateways, invoicePayUrl, payOnlineFor } from './online';
export { payPages, PAY_REQUESTS_PER_MINUTE_PER_ADDRESS } from './routes';
