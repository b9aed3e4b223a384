import { expect, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { AccountPage, AppShell, CustomerEditorPage, CustomersPage, InvitePage, MembersPage, RolesPage, SignInPage } from '../pages';
import { addVirtualAuthenticator, type VirtualAuthenticator } from './authenticator';
import { DeviceNetwork } from './network';

const companyCustomers = /\/c\/(co_[A-Za-z0-9]+)\/customers$/;

/** One person at one device: a browser context of their own, with its own passkey authenticator. */
export class Person {
  readonly shell: AppShell;
  readonly signInPage: SignInPage;
  readonly invitePage: InvitePage;
  readonly account: AccountPage;
  readonly customers: CustomersPage;
  readonly editor: CustomerEditorPage;
  readonly members: MembersPage;
  readonly roles: RolesPage;

  private constructor(
    readonly name: string,
    readonly context: BrowserContext,
    readonly page: Page,
    public authenticator: VirtualAuthenticator,
    private readonly network: DeviceNetwork | null,
  ) {
    this.shell = new AppShell(page);
    this.signInPage = new SignInPage(page);
    this.invitePage = new InvitePage(page);
    this.account = new AccountPage(page);
    this.customers = new CustomersPage(page);
    this.editor = new CustomerEditorPage(page);
    this.members = new MembersPage(page);
    this.roles = new RolesPage(page);
  }

  /** `canGoOffline` routes the sync sockets so that setOffline really drops them (support/network.ts). */
  static async create(browser: Browser, baseURL: string, name: string, opts: { canGoOffline?: boolean } = {}): Promise<Person> {
    const context = await browser.newContext({ baseURL });
    const network = opts.canGoOffline ? await DeviceNetwork.install(context) : null;
    const page = await context.newPage();
    const authenticator = await addVirtualAuthenticator(page);
    return new Person(name, context, page, authenticator, network);
  }

  /**
   * Opens an invitation link, registers a passkey under this person's name and waits for the
   * company's customer list. Resolves with the company id. A refusal fails with the app's message.
   */
  async registerWith(link: string, passkeyName?: string): Promise<string> {
    await this.invitePage.goto(link);
    await expect(this.invitePage.summary).toBeVisible();
    await this.invitePage.register(this.name, passkeyName);
    await this.landOnCustomers(this.invitePage.actionError);
    return this.shell.companyId();
  }

  /** Signs in with a passkey from /signin and waits for the customer list. */
  async signIn(): Promise<string> {
    await this.signInPage.goto();
    await this.signInPage.signIn();
    await this.landOnCustomers(this.signInPage.error);
    return this.shell.companyId();
  }

  private async landOnCustomers(error: Locator) {
    // Whichever comes first; the loser keeps waiting until the test ends, and must not fail it then.
    const never = new Promise<never>(() => undefined);
    const landed = this.page.waitForURL(companyCustomers).then(() => 'landed' as const);
    const refused = error.waitFor({ state: 'visible' }).then(() => 'refused' as const, () => never);
    const outcome = await Promise.race([landed, refused]);
    if (outcome === 'refused') throw new Error(`${this.name}: the app refused: ${await error.innerText()}`);
    await expect(this.shell.meName).toHaveText(this.name);
  }

  /** Goes offline (or back) like a device losing its network; the service worker is offline too. */
  async setOffline(offline: boolean) {
    if (this.network) await this.network.setOffline(offline);
    else await this.context.setOffline(offline);
  }

  async close() {
    await this.context.close();
  }
}
