import type { Locator, Page } from '@playwright/test';

/** /c/:companyId/audit — the log's integrity, then its events in words, newest first. */
export class AuditPage {
  readonly integrityState: Locator;
  readonly checkButton: Locator;
  readonly checked: Locator;
  readonly events: Locator;
  readonly olderButton: Locator;

  constructor(readonly page: Page) {
    this.integrityState = page.getByTestId('integrity-state');
    this.checkButton = page.getByTestId('integrity-check');
    this.checked = page.getByTestId('integrity-checked');
    this.events = page.getByTestId('event');
    this.olderButton = page.getByTestId('audit-older');
  }

  async goto(companyId: string) {
    await this.page.goto(`/c/${companyId}/audit`);
  }

  /** Events of a type (the server's, e.g. `alert`, `token_created`). */
  ofType(type: string): Locator {
    return this.events.and(this.page.locator(`[data-type="${type}"]`));
  }
}
