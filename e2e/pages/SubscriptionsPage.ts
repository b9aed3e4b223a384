import { expect, type Locator, type Page } from '@playwright/test';

/** Picks the option whose text starts with `text` (a select's labels carry more, e.g. "Name — City"). */
async function pick(select: Locator, text: string): Promise<void> {
  await expect(select.locator('option', { hasText: text }).first()).toBeAttached();
  const value = await select.locator('option', { hasText: text }).first().getAttribute('value');
  await select.selectOption(value ?? '');
}

export interface PlanInput {
  name: string;
  description: string;
  unitPrice: string;
  commitmentMonths?: string;
}

/** /c/:companyId/plans, /subscriptions and /sepa-mandates: the screens of issue 7. */
export class SubscriptionsPage {
  readonly planList: Locator;
  readonly list: Locator;
  readonly form: Locator;
  readonly preview: Locator;
  readonly upcoming: Locator;
  readonly state: Locator;
  readonly changePanel: Locator;
  readonly proration: Locator;
  readonly lifecycle: Locator;
  readonly mandates: Locator;

  constructor(readonly page: Page) {
    this.planList = page.getByTestId('plan-list');
    this.list = page.getByTestId('subscription-list');
    this.form = page.getByTestId('subscription-form');
    this.preview = page.getByTestId('subscription-preview');
    this.upcoming = page.getByTestId('upcoming-invoice');
    this.state = page.locator('.page-head').getByTestId('subscription-state');
    this.changePanel = page.getByTestId('change-panel');
    this.proration = page.getByTestId('proration-row');
    this.lifecycle = page.getByTestId('lifecycle-panel');
    this.mandates = page.getByTestId('mandate-row');
  }

  /** Follows a sidebar link (client-side navigation, which works offline). */
  async navigate(section: 'plans' | 'subscriptions' | 'sepa') {
    await this.page.getByTestId(`nav-${section}`).click();
    await this.page.waitForURL(new RegExp(`/c/[^/]+/${section === 'sepa' ? 'sepa-mandates' : section}(\\?.*)?$`));
  }

  /** A monthly plan billed in advance on the calendar, through the editor's forms; waits for "saved". */
  async createPlan(p: PlanInput) {
    await this.page.getByTestId('new-plan').click();
    await this.page.locator('#s-name').fill(p.name);
    await this.page.locator('#s-description').fill(p.description);
    await this.page.locator('#s-unitPrice').fill(p.unitPrice);
    await this.page.getByTestId('plan-cadence').selectOption('monthly');
    await this.page.getByTestId('timing-advance').check();
    await this.page.getByTestId('alignment-calendar').check();
    if (p.commitmentMonths) await this.page.locator('#s-commitmentMonths').fill(p.commitmentMonths);
    await this.page.getByTestId('save-plan').click();
    await expect(this.page.getByTestId('plan-saved')).toBeVisible();
    await this.page.waitForURL(/\/plans\/pl_[A-Za-z0-9]+$/);
  }

  planRow(name: string): Locator {
    return this.planList.getByTestId('plan-row').filter({ hasText: name });
  }

  /** Fills the new subscription form (one item); the preview follows by itself. */
  async fillSubscription(o: { customer: string; start: string; plan: string; quantity: string; mandate?: string }) {
    await this.page.getByTestId('new-subscription').click();
    await expect(this.form).toBeVisible();
    await pick(this.page.getByTestId('subscription-customer'), o.customer);
    await this.page.getByTestId('subscription-start').fill(o.start);
    await pick(this.page.getByTestId('item-plan').first(), o.plan);
    await this.page.getByTestId('item-quantity').first().fill(o.quantity);
    if (o.mandate) await pick(this.page.getByTestId('subscription-mandate'), o.mandate);
  }

  /** Creates the filled subscription; resolves with its id once its page shows. */
  async createSubscription(): Promise<string> {
    await this.page.getByTestId('create-subscription').click();
    await this.page.waitForURL(/\/subscriptions\/(?!new)[^/]+$/);
    await expect(this.page.getByTestId('subscription-created')).toBeVisible();
    return new URL(this.page.url()).pathname.split('/').pop() ?? '';
  }

  /** "Modifier une ligne": a new quantity from a date. */
  async changeQuantity(quantity: string, at: string) {
    await this.changePanel.getByTestId('change-kind').selectOption('quantity');
    await this.changePanel.getByTestId('change-value').fill(quantity);
    await this.changePanel.getByTestId('change-at').fill(at);
    await this.changePanel.getByTestId('apply-change').click();
    await expect(this.changePanel.getByTestId('change-done')).toBeVisible();
  }

  /** "Résilier" at the end of the running period, confirmed. */
  async cancelAtPeriodEnd() {
    await this.lifecycle.getByTestId('cancel-periodEnd').check();
    await this.lifecycle.getByTestId('cancel-subscription').click();
    await this.lifecycle.getByTestId('confirm-cancel').click();
  }

  /** Records a mandate for the customer chosen on the SEPA screen. */
  async recordMandate(m: { rum?: string; iban: string; signedOn?: string }) {
    const form = this.page.getByTestId('mandate-form');
    if (m.rum) await form.getByTestId('mandate-rum').fill(m.rum);
    if (m.signedOn) await form.getByTestId('mandate-signed-on').fill(m.signedOn);
    await form.getByTestId('mandate-iban').fill(m.iban);
    await form.getByTestId('create-mandate').click();
  }

  async chooseMandateCustomer(name: string) {
    await pick(this.page.getByTestId('mandate-customer'), name);
  }
}
