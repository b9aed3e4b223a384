import { expect, type Locator, type Page } from '@playwright/test';

export type SyncState = 'saved' | 'pending' | 'offline' | 'readonly';

/** The frame around every signed-in page: sync status, presence, notices and navigation. */
export class AppShell {
  readonly syncStatus: Locator;
  readonly presence: Locator;
  readonly presenceUsers: Locator;
  readonly meName: Locator;
  readonly readOnlyNotice: Locator;
  readonly offlineBanner: Locator;
  /** The member's role, under the company's name in the sidebar. */
  readonly companyRole: Locator;

  constructor(readonly page: Page) {
    this.syncStatus = page.getByTestId('sync-status');
    this.presence = page.getByTestId('presence');
    this.presenceUsers = page.getByTestId('presence-user');
    this.meName = page.getByTestId('me-name');
    this.readOnlyNotice = page.getByTestId('readonly-notice');
    this.offlineBanner = page.getByTestId('offline-banner');
    this.companyRole = page.getByTestId('company-role');
  }

  async expectSyncState(state: SyncState, timeout?: number) {
    await expect(this.syncStatus).toHaveAttribute('data-state', state, timeout === undefined ? {} : { timeout });
  }

  /** Follows a link of the sidebar (client-side navigation: no page load). */
  async navigate(section: 'customers' | 'products' | 'settings' | 'members') {
    await this.page.locator(`nav a.nav-link[href$="/${section}"]`).click();
    await this.page.waitForURL(new RegExp(`/c/[^/]+/${section}$`));
  }

  /** Someone else shown as present, by display name (the avatar's title). */
  presenceOf(name: string): Locator {
    return this.presenceUsers.and(this.page.locator(`[title="${name.replace(/"/g, '\\"')}"]`));
  }

  /** The company id of the current /c/:companyId/... page. */
  companyId(): string {
    const m = /\/c\/([^/]+)/.exec(new URL(this.page.url()).pathname);
    if (!m?.[1]) throw new Error(`not on a company page: ${this.page.url()}`);
    return m[1];
  }
}
