import type { Page } from '@playwright/test';
import { InvoiceEditorPage } from '../pages/InvoiceEditorPage';
import { InvoicesPage } from '../pages/InvoicesPage';
import { companyToday } from '../support/dates';
import { expect, test } from '../support/fixtures';
import { shot } from '../support/shots';

/*
 * Issue 8, dunning in the app: the owner installs the default reminder policy (offline-capable workspace data),
 * changes a step's text (an unknown variable is refused beside the field), looks at what the next pass would send,
 * then suspends an issued invoice's reminders with a promise to pay and sees the hold listed, then lifts it.
 */

async function top(page: Page) {
  await page.evaluate(() => window.scrollTo(0, 0));
}

test('the default reminder policy installed and edited, the preview opened, and an invoice’s reminders suspended by a promise to pay', async ({ demoOwner, tag }) => {
  test.setTimeout(120_000);
  const { owner, companyId } = await demoOwner(`Rémi Relances ${tag}`);
  const page = owner.page;

  // No policy yet: the empty list offers the default one.
  await page.getByTestId('nav-dunning').click();
  await expect(page.getByTestId('dunning-schedule')).toContainText('toutes les 15 minutes');
  await expect(page.getByTestId('dunning-no-policy')).toBeVisible();
  await page.getByTestId('tab-dunning-policies').click();
  await page.getByTestId('install-default-policy').click();
  const rows = page.getByTestId('policy-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.getByTestId('policy-steps')).toHaveText('J−3 E-mail · J+7 E-mail · J+15 E-mail · J+30 E-mail · J+45 Tâche (appel)');
  await shot(page, 'dunning-policies');

  // The first step's French text with a variable core does not know: refused beside that field, nothing written.
  await rows.first().getByRole('link').click();
  await expect(page.getByTestId('policy-step')).toHaveCount(5);
  const first = page.getByTestId('policy-step').first();
  const body = first.getByTestId('step-body-fr');
  await body.fill('Bonjour {{client.nom}},\n\nNotre facture {{invoice.number}} arrive à échéance le {{invoice.dueDate}}.');
  await page.getByTestId('save-policy').click();
  await expect(page.getByTestId('policy-invalid')).toBeVisible();
  const field = first.locator('.field[data-field="steps[0].template.fr.body"]');
  await expect(field.getByTestId('field-error')).toHaveText('Variable inconnue : {{client.nom}}');
  await expect(body).toHaveAttribute('aria-invalid', 'true');
  await shot(page, 'dunning-policy-error');

  // Corrected with a known variable: saved, and the list of variables names it.
  await body.fill('Bonjour {{customer.name}},\n\nNotre facture {{invoice.number}} arrive à échéance le {{invoice.dueDate}}.');
  await expect(field.getByTestId('field-error')).toHaveCount(0);
  await page.getByTestId('save-policy').click();
  await expect(page.getByTestId('policy-saved')).toBeVisible();
  await page.getByTestId('dunning-variables').locator('summary').click();
  await expect(page.getByTestId('dunning-variables')).toContainText('{{dunning.payOnline}}');
  await page.reload();
  await expect(page.getByTestId('policy-step').first().getByTestId('step-body-fr')).toHaveValue(/^Bonjour \{\{customer\.name\}\},/);

  // The preview: what the next pass would send now (the schedule explained; nothing is late yet).
  await page.getByTestId('nav-dunning').click();
  await expect(page.getByTestId('dunning-schedule')).toBeVisible();
  await expect(page.getByTestId('dunning-no-policy')).toHaveCount(0);
  await expect(page.getByTestId('preview-list').or(page.getByText('Rien à envoyer maintenant'))).toBeVisible();
  await shot(page, 'dunning-preview');

  // An issued invoice: its print view suspends its reminders until the day the customer promised to pay.
  await page.goto(`/c/${companyId}/customers/new`);
  const customerId = await owner.editor.create({ name: `Menuiserie Vosgienne ${tag}`, siren: '552100554', email: 'compta@example.fr', line1: '3 rue des Sapins', postcode: '88000', city: 'Épinal', country: 'FR' });
  const list = new InvoicesPage(page);
  const editor = new InvoiceEditorPage(page);
  await list.navigate();
  const invoiceId = await list.create();
  await editor.chooseCustomer(customerId);
  await editor.addLine({ description: 'Pose d’un escalier', quantity: '1', unitPrice: '2400' });
  await expect(editor.checklistOk).toBeVisible();
  await editor.issue();
  await expect(editor.status).toHaveAttribute('data-status', 'issued');
  await page.goto(`/c/${companyId}/invoices/${invoiceId}/print`);
  const holds = page.getByTestId('dunning-holds');
  await expect(holds.getByTestId('holds-none')).toBeVisible();
  await expect(page.getByTestId('dunning-history').getByTestId('history-none')).toHaveText('Aucune relance pour l’instant.');
  await holds.getByTestId('suspend-reminders').click();
  await holds.getByTestId('hold-kind').selectOption('promise');
  await holds.getByTestId('hold-submit').click();
  await expect(holds.locator('.field[data-field="until"]').getByTestId('field-error')).toHaveText('Une promesse ou une pause dure jusqu’à une date.');
  await holds.getByTestId('hold-until').fill('2030-06-15');
  await holds.getByTestId('hold-note').fill('Virement promis par téléphone');
  await holds.getByTestId('hold-submit').click();
  const hold = holds.getByTestId('hold-row');
  await expect(hold).toHaveCount(1);
  await expect(hold.getByTestId('hold-line')).toHaveText('Promesse de paiement jusqu’au 15 juin 2030');
  await expect(hold).toContainText('Virement promis par téléphone');
  await top(page);
  await shot(page, 'dunning-invoice-hold');

  // Lifted: the reminders follow their course again, after a reload too.
  await hold.getByTestId('release-hold').click();
  await expect(holds.getByTestId('hold-row')).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('dunning-holds').getByTestId('holds-none')).toBeVisible();

  // The invoice's reminder history keeps the promise, placed and lifted today (the company's day, in Paris).
  const today = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${companyToday()}T00:00:00Z`));
  const history = page.getByTestId('dunning-history');
  await expect(history.getByTestId('history-row')).toHaveCount(1);
  await expect(history.getByTestId('history-row')).toHaveAttribute('data-kind', 'hold');
  await expect(history.getByTestId('history-row')).toContainText('Promesse de paiement jusqu’au 15 juin 2030');
  await expect(history.getByTestId('history-row')).toContainText(`Levée le ${today}`);

  // Steps need weeks of lateness on the server's clock (sync-server/test/dunning-history.test.ts runs them): their
  // layout from a stubbed answer of the same shape.
  const at = (on: string) => ({ at: `${on}T07:00:00.000Z`, on });
  const sent = (stepId: string, tone: string, offsetDays: number, on: string) => ({
    kind: 'step', ...at(on), stepKey: `dun:${invoiceId}:standard:${stepId}`, policyId: 'standard', stepId, policyName: 'Relances standard', tone, offsetDays,
    channel: 'email', plannedOn: on, outcome: 'sent', detail: null,
  });
  await page.route(`**/api/v1/invoices/${invoiceId}/dunning-history`, (route) => route.fulfill({ json: [
    sent('courtesy', 'courtesy', -3, '2027-03-30'), sent('reminder', 'reminder', 7, '2027-04-07'),
    { kind: 'hold', ...at('2027-04-09'), holdId: 'dh_1', holdKind: 'promise', until: '2027-04-30', note: 'Virement promis', createdBy: 'u1', createdByName: 'Rémi', releasedAt: null, releasedOn: null },
    { ...sent('call-or-registered-letter', 'formal_notice', 45, '2027-05-18'), channel: 'task', outcome: 'queued' },
    { kind: 'task', ...at('2027-05-18'), taskId: 'tk_1', stepKey: `dun:${invoiceId}:standard:call-or-registered-letter`, action: 'call', dueOn: '2027-05-18', status: 'done',
      assigneeId: 'u2', assigneeName: 'Claire Martin', doneAt: '2027-05-21T14:30:00.000Z', doneOn: '2027-05-21', doneBy: 'u2', doneByName: 'Claire Martin' },
  ] }));
  await page.reload();
  const steps = page.getByTestId('dunning-history').getByTestId('history-row');
  await expect(steps).toHaveCount(5);
  await expect(steps.first()).toContainText('30 mars 2027');
  await expect(steps.first().getByTestId('history-step')).toHaveText('Courtois');
  await expect(steps.first()).toContainText('3 j avant l’échéance');
  await expect(steps.first().getByTestId('history-outcome')).toHaveText('Envoyée');
  await expect(steps.nth(2)).toContainText('Virement promis · saisie par Rémi');
  await expect(steps.nth(3).getByTestId('history-outcome')).toHaveText('Confiée à l’équipe');
  await expect(steps.nth(4)).toContainText('Confiée à Claire Martin, pour le 18 mai 2027');
  await expect(steps.nth(4)).toContainText('Fait le 21 mai 2027 par Claire Martin');
  await page.getByTestId('dunning-history').scrollIntoViewIfNeeded();
  await shot(page, 'dunning-invoice-history');
  await page.unroute(`**/api/v1/invoices/${invoiceId}/dunning-history`);

  // The team's task queue (nothing late enough yet) and the online payment settings: not set up, the webhook URL shown.
  await page.getByTestId('nav-dunning').click();
  await page.getByTestId('tab-dunning-tasks').click();
  await expect(page.getByText('Aucune tâche de relance')).toBeVisible();
  await page.getByTestId('nav-payment-settings').click();
  const stripe = page.getByTestId('gateway-stripe');
  await expect(stripe.getByTestId('gateway-status')).toHaveText('Non configuré');
  await expect(stripe.getByTestId('gateway-webhook-url')).toHaveText(new RegExp(`/api/v1/webhooks/stripe\\?company=${companyId}$`));
  await expect(stripe.getByTestId('gateway-secretKey')).toHaveAttribute('type', 'password');
  await expect(page.getByTestId('gateway-paypal').getByTestId('gateway-environment')).toHaveValue('sandbox');
  await shot(page, 'payment-settings');
});

test('the preview and the task queue lay out what the server answers: steps with their text, tasks open first with their script, marked done', async ({ demoOwner, tag }) => {
  // The server's answers are stubbed here (a step due and tasks need weeks of lateness on the injected clock, which
  // sync-server/test/dunning.test.ts covers): this test is about the screens.
  const { owner, companyId } = await demoOwner(`Tania Tâches ${tag}`);
  const page = owner.page;
  const step = {
    key: 'dun:dc_x1:default:reminder', invoiceId: 'dc_x1', customerId: 'cu_x1', policyId: 'default', stepId: 'reminder', plannedOn: '2027-03-08', channel: 'email',
    tone: 'reminder', penalties: false, language: 'fr', subject: 'Facture F-2027-00012 : règlement en attente', body: 'Bonjour,\n\nSauf erreur de notre part, notre facture n° F-2027-00012 n’a pas encore été réglée.', skipped: [],
  };
  await page.route('**/api/v1/dunning/preview', (route) => route.fulfill({ json: { due: [step], problems: [{ invoiceId: 'dc_x2', message: 'steps[0]: no customer "cu_gone"' }] } }));
  const tasks = [
    { id: 'tk_1', invoiceId: 'dc_x3', number: 'F-2027-00003', customerId: null, assigneeId: null, action: 'call', dueOn: '2027-03-15', status: 'open', note: 'Appeler le client.\nRappeler le montant dû.', createdAt: '2027-03-15T08:00:00Z', doneAt: null, doneBy: null },
    { id: 'tk_2', invoiceId: 'dc_x4', number: 'F-2027-00001', customerId: null, assigneeId: null, action: 'registered_letter', dueOn: '2027-03-01', status: 'done', note: 'Madame, Monsieur,', createdAt: '2027-03-01T08:00:00Z', doneAt: '2027-03-02T10:00:00Z', doneBy: 'u1' },
  ];
  await page.route('**/api/v1/dunning/tasks**', (route) => {
    const url = new URL(route.request().url());
    if (route.request().method() === 'POST') {
      tasks[0] = { ...tasks[0]!, status: 'done', doneAt: '2027-03-15T09:00:00Z', doneBy: 'me' };
      return route.fulfill({ json: { id: 'tk_1', status: 'done' } });
    }
    const status = url.searchParams.get('status');
    return route.fulfill({ json: tasks.filter((t) => !status || t.status === status) });
  });
  await page.goto(`/c/${companyId}/dunning`);
  await expect(page.getByTestId('dunning-tasks-open')).toContainText('1 tâche(s) de relance à faire');
  const row = page.getByTestId('preview-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Rappel');
  await expect(row).toContainText('E-mail');
  await expect(row).toContainText('8 mars 2027');
  await expect(row.getByTestId('preview-subject')).toHaveText(step.subject);
  await row.getByTestId('preview-subject').click();
  await expect(row.getByTestId('preview-body')).toHaveText(step.body);
  await expect(page.getByTestId('preview-problems')).toContainText('no customer "cu_gone"');
  await shot(page, 'dunning-preview-rows');

  await page.getByTestId('tab-dunning-tasks').click();
  const taskRows = page.getByTestId('task-row');
  await expect(taskRows).toHaveCount(2);
  await expect(taskRows.first()).toHaveAttribute('data-status', 'open');
  await expect(taskRows.first()).toContainText('Appeler');
  await expect(taskRows.first()).toContainText('F-2027-00003');
  await expect(taskRows.nth(1)).toContainText('Lettre recommandée');
  await expect(taskRows.nth(1)).toContainText('Fait le 2 mars 2027');
  await shot(page, 'dunning-tasks');
  await taskRows.first().getByTestId('task-done').click();
  await expect(taskRows.first()).toHaveAttribute('data-status', 'done');
  await expect(taskRows.first().getByTestId('task-done')).toHaveCount(0);
  await expect(page.getByTestId('dunning-tasks-open')).toHaveCount(0);
});
