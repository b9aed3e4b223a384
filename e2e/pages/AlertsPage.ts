import type { Locator, Page } from '@playwright/test';

/** /c/:companyId/alerts — the anomaly alerts, for members who manage the company; the menu shows how many are unread. */
export class AlertsPage {
  readonly alerts: Locator;
  readonly unread: Locator;
  readonly markAllButton: Locator;
  /** The count beside "Alertes" in the menu. */
  readonly navCount: Locator;

  constructor(readonly page: Page) {
    this.alerts = page.getByTestId('alert');
    this.unread = page.locator('[data-testid="alert"][data-read="no"]');
    this.markAllButton = page.getByTestId('alerts-mark-all');
    this.navCount = page.getByTestId('alerts-unread');
  }

  async goto(companyId: string) {
    await this.page.goto(`/c/${companyId}/alerts`);
  }

  /** The alert of a kind (e.g. bank_change_requested), newest first. */
  ofKind(kind: string): Locator {
    return this.alerts.and(this.page.locator(`[data-kind="${kind}"]`));
  }
}
