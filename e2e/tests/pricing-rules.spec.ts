import { PricingRulesPage } from '../pages/PricingRulesPage';
import { expect, test } from '../support/fixtures';
import { shot } from '../support/shots';
import { companyToday } from '../support/dates';

/*
 * Issue 6: pricing rules as forms, without JSON. An owner makes a volume rule in the editor and checks it
 * in the simulator, which runs core's simulate on the device with the workspace's active rules.
 */

test('an owner creates a −8 % volume rule from 100 units and the simulator prices 120 at 46,00 € and 10 at 50,00 €', async ({ demoOwner, tag }) => {
  const { owner, companyId } = await demoOwner(`Paul Tarifs ${tag}`);
  const rules = new PricingRulesPage(owner.page, companyId);
  const product = `Licence annuelle ${tag}`;
  await rules.createProduct(product, '50');

  await rules.navigate();
  await rules.createVolumeRule(`Remise volume ${tag}`, '100', '8');
  await expect(rules.row(`Remise volume ${tag}`).getByTestId('rule-summary')).toHaveText('−8 % si quantité ≥ 100');
  await shot(owner.page, 'pricing-rules-list');

  await rules.simulate({ product, quantity: '120' });
  await expect(rules.finalPrice).toHaveText('46,00\u00a0€');
  await expect(rules.applied.filter({ hasText: `Remise volume ${tag}` })).toContainText('−8 % : volume ≥ 100');
  await shot(owner.page, 'pricing-simulator');

  await rules.simulate({ quantity: '10' });
  await expect(rules.finalPrice).toHaveText('50,00\u00a0€');
  await expect(owner.page.getByTestId('sim-none-applied')).toBeVisible();
  await expect(rules.skipped.filter({ hasText: `Remise volume ${tag}` })).toContainText('condition non remplie : volume ≥ 100');

  // The editor shows the rule as forms, and its own simulator beside them.
  await rules.row(`Remise volume ${tag}`).getByRole('link').click();
  await expect(owner.page.locator('#f-conditions_quantity_min')).toHaveValue('100');
  await shot(owner.page, 'pricing-rule-editor');
});

test('the simulator fills a customer from its record: a customer since 2021 gets the loyalty rule on a website, and the fields stay editable', async ({ demoOwner, tag }) => {
  const { owner, companyId } = await demoOwner(`Lou Fidèle ${tag}`);
  const rules = new PricingRulesPage(owner.page, companyId);
  await rules.navigate();
  await rules.simulate({ product: 'Création de site vitrine', quantity: '1' });
  await expect(rules.skipped.filter({ hasText: 'Clients fidèles' })).toHaveCount(1);

  // Boulangerie Martin (sync-server/src/demo.ts): "Commerce, TPE", client since 2021-03-01, 69002, FR.
  await rules.fillFromCustomer('Boulangerie Martin');
  await expect(rules.customerField('Segments du client')).toHaveValue('Commerce, TPE');
  await expect(rules.customerField('Client depuis le')).toHaveValue('2021-03-01');
  await expect(rules.customerField('Pays du client')).toHaveValue('FR');
  await expect(rules.customerField('Code postal')).toHaveValue('69002');
  await expect(rules.applied.filter({ hasText: 'Clients fidèles' })).toHaveCount(1);
  await shot(owner.page, 'pricing-simulator-customer');

  // A customer since today, typed over the record's date: the loyalty rule is skipped again.
  await rules.customerField('Client depuis le').fill(companyToday());
  await expect(rules.skipped.filter({ hasText: 'Clients fidèles' })).toHaveCount(1);
  await expect(rules.applied.filter({ hasText: 'Clients fidèles' })).toHaveCount(0);
  await expect(rules.customerField('Segments du client')).toHaveValue('Commerce, TPE');
});

test('a rule whose minimum exceeds its maximum is refused with the message under the minimum', async ({ demoOwner, tag }) => {
  const { owner, companyId } = await demoOwner(`Rita Bornes ${tag}`);
  const rules = new PricingRulesPage(owner.page, companyId);
  await owner.page.goto(`/c/${companyId}/pricing-rules/new`);
  await owner.page.locator('#f-name').fill(`Bornes ${tag}`);
  await owner.page.getByTestId('add-condition').selectOption('quantity');
  await owner.page.locator('#f-conditions_quantity_min').fill('200');
  await owner.page.locator('#f-conditions_quantity_max').fill('100');
  await owner.page.locator('#f-effect_percent').fill('5');
  await owner.page.getByTestId('save-rule').click();
  await expect(owner.page.locator('[data-field="conditions.quantity.min"] [data-testid="field-error"]')).toHaveText('Le minimum dépasse le maximum.');
  await rules.navigate();
  await expect(rules.list).toBeVisible();
  await expect(rules.row(`Bornes ${tag}`)).toHaveCount(0);
});

test('a template with a wrong quantity is refused on that line and a circuit without approvers is refused; both save once fixed', async ({ demoOwner, tag }) => {
  const { owner, companyId } = await demoOwner(`Tina Modèles ${tag}`);
  await owner.page.goto(`/c/${companyId}/quote-templates/new`);
  await owner.page.locator('#f-name').fill('Site vitrine');
  await owner.page.locator('#f-title').fill('Création de votre site vitrine');
  await owner.page.locator('#f-intro').fill('Bonjour ');
  await owner.page.locator('#f-intro').focus();
  await owner.page.getByTestId('variable-picker').getByRole('button', { name: '{{customer.name}}' }).click();
  await expect(owner.page.locator('#f-intro')).toHaveValue('Bonjour {{customer.name}}');
  const line = owner.page.getByTestId('template-line').first();
  await line.getByLabel('Désignation').fill('Maquettes');
  await line.getByLabel('Quantité').fill('deux');
  await owner.page.getByTestId('save-template').click();
  await expect(owner.page.locator('[data-field="sections[0].lines[0].quantity"]')).toHaveAttribute('aria-invalid', 'true');
  await line.getByLabel('Quantité').fill('2');
  await owner.page.getByTestId('save-template').click();
  await expect(owner.page.getByTestId('template-saved')).toBeVisible();
  await shot(owner.page, 'quote-template-editor');

  await owner.page.goto(`/c/${companyId}/settings/quotes`);
  await owner.page.getByTestId('add-circuit').click();
  const circuit = owner.page.getByTestId('circuit').last();
  await circuit.getByLabel('Nom du circuit').fill('Direction');
  await owner.page.getByTestId('save-approval').click();
  await expect(circuit.getByTestId('circuit-step').getByRole('alert')).toHaveText('Choisissez au moins un membre ou un rôle.');
  await circuit.getByLabel('Ou tout membre ayant le rôle').selectOption('owner');
  await owner.page.getByTestId('save-approval').click();
  await expect(owner.page.getByTestId('approval-section').getByText('Enregistré.')).toBeVisible();
  await shot(owner.page, 'quote-settings');
});
