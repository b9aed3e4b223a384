import type { Locator, Page } from '@playwright/test';

/** /c/:companyId/customers — the list, read from the device's replica. */
export class CustomersPage {
  readonly rows: Locator;
  readonly newButton: Locator;
  readonly search: Locator;

  constructor(readonly page: Page) {
    this.rows = page.getByTestId('customer-row');
    this.newButton = page.getByTestId('new-customer');
    this.search = page.locator('#customer-search');
  }

  async goto(companyId: string) {
    await this.page.goto(`/c/${companyId}/customers`);
  }

  /** Rows whose name is exactly `name`. */
  rowsNamed(name: string): Locator {
    return this.rows.filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  async open(name: string) {
    await this.rowsNamed(name).getByRole('link', { name, exact: true }).click();
  }
}
