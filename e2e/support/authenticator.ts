import type { BrowserContext, CDPSession, Page } from '@playwright/test';

/*
 * Chromium's virtual WebAuthn authenticator through the DevTools protocol: a platform authenticator
 * (internal transport) with resident keys and user verification that always says yes, so passkey
 * prompts complete without a human.
 */

export interface VirtualCredential {
  credentialId: string;
  isResidentCredential: boolean;
  rpId?: string;
  userHandle?: string;
  signCount: number;
  /** PKCS#8, base64: lets another authenticator hold the same passkey (as a synced passkey is). */
  privateKey: string;
}

export interface VirtualAuthenticator {
  id: string;
  credentials(): Promise<VirtualCredential[]>;
  /** Puts a copy of a passkey (e.g. another device's) on this authenticator. */
  addCredential(credential: VirtualCredential): Promise<void>;
  remove(): Promise<void>;
}

async function cdpFor(context: BrowserContext, page: Page, sessions: WeakMap<Page, CDPSession>): Promise<CDPSession> {
  let cdp = sessions.get(page);
  if (!cdp) {
    cdp = await context.newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    sessions.set(page, cdp);
  }
  return cdp;
}

const sessions = new WeakMap<Page, CDPSession>();

export async function addVirtualAuthenticator(page: Page): Promise<VirtualAuthenticator> {
  const cdp = await cdpFor(page.context(), page, sessions);
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return {
    id: authenticatorId,
    async credentials() {
      const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
      return credentials;
    },
    async addCredential(credential) {
      await cdp.send('WebAuthn.addCredential', { authenticatorId, credential });
    },
    async remove() {
      await cdp.send('WebAuthn.removeVirtualAuthenticator', { authenticatorId });
    },
  };
}
