import { parseDunningPolicy, type DunningPolicy } from './policy';

/*
 * The policy a company starts from (issue 8): a courtesy note three days before the due date, a reminder a week
 * after it, a firmer one at two weeks, a formal notice ("mise en demeure", C. civ. art. 1344) at a month stating
 * the penalties, then, at 45 days, a task for a person: call the customer, or send the notice again by registered
 * letter with acknowledgement of receipt, the proof a court asks for. Polite throughout: most late payers pay
 * after a reminder, and they stay customers. No text presumes an earlier one was sent: a step is skipped when
 * a later one is due (due.ts), e.g. on the first pass over old invoices.
 */

const signature = { fr: 'Bien cordialement,\n{{seller.name}}', en: 'Kind regards,\n{{seller.name}}' };

const courtesy = {
  fr: {
    subject: 'Facture {{invoice.number}} : échéance le {{invoice.dueDate}}',
    body: `Bonjour,

Nous nous permettons de vous rappeler que notre facture n° {{invoice.number}}, d’un montant de {{invoice.amountDue}}, arrive à échéance le {{invoice.dueDate}}.

{{dunning.payOnline}}

Si le règlement est déjà en cours, merci de ne pas tenir compte de ce message.

${signature.fr}`,
  },
  en: {
    subject: 'Invoice {{invoice.number}}: due on {{invoice.dueDate}}',
    body: `Hello,

This is a friendly reminder that our invoice {{invoice.number}} for {{invoice.amountDue}} is due on {{invoice.dueDate}}.

{{dunning.payOnline}}

If payment is already on its way, please disregard this message.

${signature.en}`,
  },
};

const reminder = {
  fr: {
    subject: 'Facture {{invoice.number}} : règlement en attente',
    body: `Bonjour,

Sauf erreur de notre part, notre facture n° {{invoice.number}}, échue le {{invoice.dueDate}}, n’a pas encore été réglée : il reste {{invoice.amountDue}} à payer.

Nous vous remercions de bien vouloir procéder à son règlement dans les meilleurs délais. {{dunning.payOnline}}

Si votre paiement a croisé ce message, nous vous prions de ne pas en tenir compte. Pour toute question sur cette facture, il vous suffit de répondre à ce message.

${signature.fr}`,
  },
  en: {
    subject: 'Invoice {{invoice.number}}: payment outstanding',
    body: `Hello,

Unless we are mistaken, our invoice {{invoice.number}}, due on {{invoice.dueDate}}, has not been paid yet: {{invoice.amountDue}} remains outstanding.

We would be grateful if you could settle it at your earliest convenience. {{dunning.payOnline}}

If your payment has crossed this message, please disregard it. If you have any question about this invoice, simply reply to this email.

${signature.en}`,
  },
};

const firm = {
  fr: {
    subject: 'Relance : facture {{invoice.number}} impayée',
    body: `Bonjour,

Notre facture n° {{invoice.number}}, échue le {{invoice.dueDate}}, reste impayée à ce jour, avec {{dunning.daysLate}} jours de retard. Le montant dû s’élève à {{invoice.amountDue}}.

Nous vous demandons de bien vouloir la régler sous huit jours. {{dunning.payOnline}}

Si une difficulté vous empêche de payer, contactez-nous dès maintenant : nous préférons convenir d’une solution avec vous.

Cordialement,
{{seller.name}}`,
  },
  en: {
    subject: 'Reminder: invoice {{invoice.number}} unpaid',
    body: `Hello,

Our invoice {{invoice.number}}, due on {{invoice.dueDate}}, is still unpaid, now {{dunning.daysLate}} days overdue. The amount due is {{invoice.amountDue}}.

Please settle it within eight days. {{dunning.payOnline}}

If something prevents you from paying, please get in touch now: we would rather agree on a solution with you.

Regards,
{{seller.name}}`,
  },
};

const formalNotice = {
  fr: {
    subject: 'Mise en demeure de payer : facture {{invoice.number}}',
    body: `Madame, Monsieur,

Notre facture n° {{invoice.number}}, échue le {{invoice.dueDate}}, demeure impayée à ce jour pour un montant de {{invoice.amountDue}}.

Par la présente, nous vous mettons en demeure de régler cette somme dans un délai de huit jours à compter de la réception de ce message. {{dunning.penaltyTerms}}

À défaut de règlement dans ce délai, nous nous réservons le droit d’engager une procédure de recouvrement, sans autre avis.

{{dunning.payOnline}}

Veuillez agréer, Madame, Monsieur, l’expression de nos salutations distinguées.

{{seller.name}}`,
  },
  en: {
    subject: 'Formal notice to pay: invoice {{invoice.number}}',
    body: `Dear Sir or Madam,

Our invoice {{invoice.number}}, due on {{invoice.dueDate}}, remains unpaid to date: {{invoice.amountDue}} is outstanding.

We hereby give you formal notice to pay this sum within eight days of receiving this message. {{dunning.penaltyTerms}}

Failing payment within this period, we reserve the right to start recovery proceedings without further notice.

{{dunning.payOnline}}

Yours faithfully,

{{seller.name}}`,
  },
};

const handOff = {
  fr: {
    subject: 'Appeler {{customer.name}} ou envoyer une lettre recommandée : facture {{invoice.number}}',
    body: `La facture n° {{invoice.number}} de {{customer.name}}, échue le {{invoice.dueDate}}, reste impayée ({{invoice.amountDue}}) après {{dunning.daysLate}} jours de retard. L’historique des relances de la facture montre ce qui a déjà été envoyé.

1. Appeler le client pour comprendre ce qui bloque et convenir d’une date de paiement (l’enregistrer comme promesse de paiement : les relances s’arrêtent jusqu’à cette date).
2. Faute d’accord, envoyer une mise en demeure par lettre recommandée avec accusé de réception.
3. Sans réponse, envisager une injonction de payer ou un recouvrement.`,
  },
  en: {
    subject: 'Call {{customer.name}} or send a registered letter: invoice {{invoice.number}}',
    body: `Invoice {{invoice.number}} to {{customer.name}}, due on {{invoice.dueDate}}, is still unpaid ({{invoice.amountDue}}) after {{dunning.daysLate}} days. The invoice’s reminder history shows what was already sent.

1. Call the customer to understand what is holding payment up and agree on a date (record it as a promise to pay: reminders stop until then).
2. Failing an agreement, send a formal notice by registered letter with acknowledgement of receipt.
3. Without an answer, consider an order for payment (injonction de payer) or a collection agency.`,
  },
};

export const defaultDunningPolicy: DunningPolicy = parseDunningPolicy({
  id: 'standard',
  name: 'Relances standard',
  isDefault: true,
  steps: [
    { id: 'courtesy', offsetDays: -3, channel: 'email', tone: 'courtesy', template: courtesy },
    { id: 'reminder', offsetDays: 7, channel: 'email', tone: 'reminder', template: reminder },
    { id: 'firm', offsetDays: 15, channel: 'email', tone: 'firm', template: firm },
    { id: 'formal-notice', offsetDays: 30, channel: 'email', tone: 'formal_notice', template: formalNotice, penalties: true },
    { id: 'call-or-registered-letter', offsetDays: 45, channel: 'task', tone: 'formal_notice', template: handOff, penalties: true },
  ],
});
