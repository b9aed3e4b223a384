import type { BrowserContext, WebSocketRoute } from '@playwright/test';

/*
 * A device's network that can really drop. Chromium's offline emulation (context.setOffline) blocks
 * new requests and new WebSockets but leaves an already open WebSocket alive, which no phone losing
 * its signal would do. So the /sync sockets of this context go through Playwright's WebSocket routing:
 * going offline closes them, like a network error, and refuses new ones until back online.
 */
const ABNORMAL_CLOSE = { code: 1006, reason: 'network offline (test)' };

export class DeviceNetwork {
  private offline = false;
  private readonly sockets = new Set<{ page: WebSocketRoute; server: WebSocketRoute }>();

  private constructor(private readonly context: BrowserContext) {}

  static async install(context: BrowserContext): Promise<DeviceNetwork> {
    const network = new DeviceNetwork(context);
    await context.routeWebSocket((url) => url.pathname.startsWith('/sync/'), (ws) => network.route(ws));
    return network;
  }

  private route(page: WebSocketRoute) {
    if (this.offline) {
      void page.close(ABNORMAL_CLOSE).catch(() => undefined);
      return;
    }
    const server = page.connectToServer();
    const pair = { page, server };
    this.sockets.add(pair);
    // With these handlers, closing is forwarded by hand (Playwright stops forwarding it then).
    page.onClose((code, reason) => {
      this.sockets.delete(pair);
      void server.close({ code, reason }).catch(() => undefined);
    });
    server.onClose((code, reason) => {
      this.sockets.delete(pair);
      void page.close({ code, reason }).catch(() => undefined);
    });
  }

  async setOffline(offline: boolean) {
    this.offline = offline;
    await this.context.setOffline(offline);
    if (!offline) return;
    const open = [...this.sockets];
    this.sockets.clear();
    await Promise.all(open.map(async ({ page, server }) => {
      await server.close({ code: 1001, reason: 'client went offline (test)' }).catch(() => undefined);
      await page.close(ABNORMAL_CLOSE).catch(() => undefined);
    }));
  }
}
