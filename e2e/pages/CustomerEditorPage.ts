import { expect, type Locator, type Page } from '@playwright/test';
import type { SyncState } from './AppShell';

export type CustomerField = 'kind' | 'name' | 'siren' | 'vatNumber' | 'email' | 'phone' | 'line1' | 'line2' | 'postcode' | 'city' | 'country' | 'paymentTermsDays' | 'language' | 'notes';

/**
 * /c/:companyId/customers/:id (every field edits the document live) and /customers/new (a draft
 * created in one go). Inputs are found by their generated id; each has a <label for> that names it.
 */
export class CustomerEditorPage {
  readonly title: Locator;
  readonly createButton: Locator;
  readonly formError: Locator;
  readonly notFound: Locator;
  /** The sync chip of the customer's own document (the shell's speaks for the workspace). */
  readonly syncStatus: Locator;

  constructor(readonly page: Page) {
    this.title = page.getByTestId('record-title');
    this.createButton = page.getByTestId('create-record');
    this.formError = page.getByTestId('form-error');
    this.notFound = page.getByTestId('record-not-found');
    this.syncStatus = page.getByTestId('doc-sync-status');
  }

  async expectSyncState(state: SyncState, timeout?: number) {
    await expect(this.syncStatus).toHaveAttribute('data-state', state, timeout === undefined ? {} : { timeout });
  }

  async goto(companyId: string, customerId: string) {
    await this.page.goto(`/c/${companyId}/customers/${customerId}`);
  }

  field(name: CustomerField): Locator {
    return this.page.locator(`#field-${name}`);
  }

  /** The "X is editing…" badge of a field. */
  editorBadge(name: CustomerField): Locator {
    return this.page.locator(`[data-field="${name}"]`).getByTestId('field-editor');
  }

  /** Replaces the value at once. */
  async set(name: CustomerField, value: string) {
    await this.field(name).fill(value);
  }

  /** Types key by key, as a person does: every keystroke is a live edit. */
  async type(name: CustomerField, text: string) {
    await this.field(name).click();
    await this.field(name).pressSequentially(text, { delay: 20 });
  }

  /** On /customers/new: fills the draft and creates it; resolves with the new customer's id. */
  async create(values: Partial<Record<CustomerField, string>>): Promise<string> {
    for (const [name, value] of Object.entries(values)) await this.field(name as CustomerField).fill(value);
    await this.createButton.click();
    await this.page.waitForURL(/\/customers\/cu_[A-Za-z0-9]+$/);
    const id = /\/customers\/(cu_[A-Za-z0-9]+)$/.exec(new URL(this.page.url()).pathname)?.[1];
    if (!id) throw new Error(`no customer id in ${this.page.url()}`);
    return id;
  }

  customerId(): string {
    const id = /\/customers\/(cu_[A-Za-z0-9]+)/.exec(new URL(this.page.url()).pathname)?.[1];
    if (!id) throw new Error(`not on a customer page: ${this.page.url()}`);
    return id;
  }
}
