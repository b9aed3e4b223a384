/*
 * Payment gateways (issue 8, docs/design/payments-api.md "Gateways"): Stripe Checkout and PayPal orders as payment
 * links for issued invoices, their webhooks verified and turned into payments through the payments module.
 */
export { gatewayNames, readCredentials, removeCredentials, saveCredentials, viewOf, type GatewayName, type GatewayView } from './credentials';
export { isGateway, paymentLink, returnUrls, type PaymentLink } from './links';
export { receivePaypalWebhook, receiveStripeWebhook, type WebhookResult } from './webhooks';
