import { expect, type Locator, type Page } from '@playwright/test';

/** /c/:companyId/pricing-rules: the list, the rule editor made of forms, and the simulator. */
export class PricingRulesPage {
  readonly list: Locator;
  readonly simulator: Locator;
  readonly finalPrice: Locator;
  readonly applied: Locator;
  readonly skipped: Locator;

  constructor(readonly page: Page, readonly companyId: string) {
    this.list = page.getByTestId('pricing-rule-list');
    this.simulator = page.getByTestId('simulator');
    this.finalPrice = page.getByTestId('sim-final');
    this.applied = page.getByTestId('sim-applied-rule');
    this.skipped = page.getByTestId('sim-skipped-rule');
  }

  async navigate() {
    await this.page.goto(`/c/${this.companyId}/pricing-rules`);
    await expect(this.page.getByRole('heading', { level: 1 })).toBeVisible();
  }

  /** A catalog product through the products screen, so the simulator can pick it. */
  async createProduct(name: string, unitPrice: string) {
    await this.page.goto(`/c/${this.companyId}/products/new`);
    await this.page.locator('#field-name').fill(name);
    await this.page.locator('#field-unitPrice').fill(unitPrice);
    await this.page.getByTestId('create-record').click();
    await this.page.waitForURL(/\/products\/pr_/);
  }

  /** "−percent % from quantity min" made in the editor's forms; returns to the list once saved. */
  async createVolumeRule(name: string, minQuantity: string, percent: string) {
    await this.page.getByTestId('new-pricing-rule').click();
    await this.page.locator('#f-name').fill(name);
    await this.page.getByTestId('add-condition').selectOption('quantity');
    await this.page.locator('#f-conditions_quantity_min').fill(minQuantity);
    await this.page.getByTestId('effect-kind').selectOption('percentOff');
    await this.page.locator('#f-effect_percent').fill(percent);
    await this.page.getByTestId('save-rule').click();
    await expect(this.page.getByTestId('rule-saved')).toBeVisible();
    await this.page.getByRole('link', { name: /Règles de prix|Pricing rules/ }).first().click();
    await expect(this.list).toBeVisible();
  }

  row(name: string): Locator {
    return this.list.getByTestId('pricing-rule-row').filter({ hasText: name });
  }

  /** The simulator's customer fields, by their label ("Segments du client", "Client depuis le", ...). */
  customerField(label: string): Locator {
    return this.simulator.locator('.sim-customer').getByLabel(label, { exact: true });
  }

  /** "Remplir depuis un client": opens the simulator's customer part and picks the customer by its name. */
  async fillFromCustomer(name: string) {
    const details = this.simulator.locator('details.sim-customer');
    if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
    const select = this.simulator.getByTestId('sim-customer-pick');
    const value = await select.locator('option', { hasText: name }).first().getAttribute('value');
    await select.selectOption(value ?? '');
  }

  async simulate(opts: { product?: string; quantity: string }) {
    if (opts.product) await this.simulator.getByTestId('sim-product').selectOption({ label: opts.product });
    await this.simulator.locator('#f-sim_quantity').fill(opts.quantity);
  }
}
