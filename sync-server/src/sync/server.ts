import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { docIds, mayWriteAny, type Permission } from '@facturo/core';
import type { Services } from '../services';
import { parseCookies, SESSION_COOKIE, sessionUser } from '../auth/sessions';
import { apiTokenPrincipal, roleOf, rolePermissions, tokenPermissions } from '../companies';
import { docKindOf, type Peer } from './room';
import { erasedAt } from '../customers/records';
import { issueDocument } from '../commands/issue';
import { AppError } from '../errors';
import { recordEvent } from '../services';
import { clientAddress } from '../security/client-ip';
import { backupFactorMissing } from '../security/policy';
import { DeletionWatch, noteHabits } from '../security/alerts';
import type { RoomRegistry } from './rooms';

export interface SyncServer {
  rooms: RoomRegistry;
  close(): Promise<void>;
}

/** Who may join: a session cookie (browsers) or a Bearer API token (integrations, headless clients). */
async function principal(s: Services, req: IncomingMessage, companyId: string): Promise<{ userId: string; role: string; permissions: ReadonlySet<Permission> } | 'unauthenticated' | 'forbidden' | 'backup_factor_required'> {
  const now = s.now();
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) {
    const p = await apiTokenPrincipal(s.db, auth.slice(7), now);
    if (!p) return 'unauthenticated';
    return p.companyId === companyId ? { userId: `token:${p.tokenId}`, role: p.role, permissions: await tokenPermissions(s.db, p) } : 'forbidden';
  }
  const userId = await sessionUser(s.db, parseCookies(req.headers.cookie)[SESSION_COOKIE], now);
  if (!userId) return 'unauthenticated';
  const role = await roleOf(s.db, companyId, userId);
  if (role && (await backupFactorMissing(s.db, companyId, userId))) return 'backup_factor_required';
  return role ? { userId, role, permissions: await rolePermissions(s.db, companyId, role) } : 'forbidden';
}

export function attachSync(s: Services, server: Server): SyncServer {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 16 * 1024 * 1024 });
  const rooms = s.rooms;

  /**
   * "From where" for the audit trail: the first time this process sees a member's device connect from an
   * address, an event records it (the updates that follow carry the member and the device).
   */
  const seen = new Set<string>();
  const deletions = new DeletionWatch(s);
  function noteConnection(companyId: string, userId: string, device: string | null, req: IncomingMessage) {
    const forwarded = req.headers['x-forwarded-for'];
    const ip = clientAddress(req.socket.remoteAddress, Array.isArray(forwarded) ? forwarded.join(',') : forwarded, s.config.trustProxy);
    // A device, a network or an hour unusual for this member alerts the owners (security/alerts.ts).
    void noteHabits(s, companyId, userId, device, ip, s.now()).catch((e: unknown) => console.error('habits:', e));
    const key = `${companyId}|${userId}|${device ?? ''}|${ip}`;
    if (seen.has(key)) return;
    if (seen.size > 50_000) seen.clear();
    seen.add(key);
    void recordEvent(s, companyId, userId, { type: 'connected', device, ip, userAgent: req.headers['user-agent'] ?? null }).catch(() => seen.delete(key));
  }

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const match = /^\/sync\/([^/]+)$/.exec(url.pathname);
    if (!match) return; // not ours (e.g. Vite's HMR in development)
    wss.handleUpgrade(req, socket, head, (ws) => void connect(ws, req, decodeURIComponent(match[1]!), url));
  });

  async function connect(ws: WebSocket, req: IncomingMessage, docId: string, url: URL) {
    // Close codes are read by the client: 4401 sign in, 4403 not allowed, 4404 no such document.
    const origin = req.headers.origin;
    if (origin && !s.config.origins.includes(origin)) return ws.close(4403, 'origin not allowed');
    const companyId = docIds.companyOf(docId);
    if (!companyId) return ws.close(4404, 'unknown document');
    ws.binaryType = 'nodebuffer';
    const early: Uint8Array[] = [];
    ws.on('message', (data: Buffer) => early.push(new Uint8Array(data)));
    const who = await principal(s, req, companyId).catch(() => 'unauthenticated' as const);
    if (who === 'unauthenticated') return ws.close(4401, 'sign in first');
    if (who === 'forbidden') return ws.close(4404, 'unknown document'); // another company's room looks absent
    if (who === 'backup_factor_required') return ws.close(4403, 'this company requires a second passkey or recovery codes');
    if (s.integrity.blockedBy(companyId)) return ws.close(4423, 'audit log broken: an owner must acknowledge it');
    // An erased customer's copy on a device must never come back: the device drops it on 4410.
    const customerId = docIds.customerOf(docId);
    if (customerId && (await erasedAt(s, companyId, customerId))) return ws.close(4410, 'this customer’s personal data was erased');
    const device = url.searchParams.get('device');
    // A recurring invoice is issued without a Yjs draft (billing/run.ts): its room holds nothing and stays read-only (invariant 4).
    const documentId = docIds.documentOf(docId);
    const issuedWithoutDraft = documentId !== null && documentId !== undefined && (await s.db.execute({
      sql: `SELECT 1 FROM subscription_billings WHERE company_id = ? AND invoice_id = ? AND status = 'issued'`, args: [companyId, documentId],
    })).rows.length > 0;
    const peer: Peer = {
      userId: who.userId,
      deviceId: device && /^[A-Za-z0-9_-]{1,64}$/.test(device) ? device : null,
      readOnly: issuedWithoutDraft || !mayWriteAny(docKindOf(companyId, docId), who.permissions),
      role: who.role,
      permissions: who.permissions,
      send: (m) => {
        if (ws.readyState === ws.OPEN) ws.send(m);
      },
      close: (code, reason) => ws.close(code, reason),
    };
    const room = await rooms.open(companyId, docId).catch(() => null);
    if (!room) return ws.close(1011, 'document could not be loaded');
    room.onCommand ??= (p, command) => runCommand(s, room.companyId, room.docId, p, command);
    room.onRecordsDeleted ??= (p, n) => void deletions.deleted(room.companyId, p.userId, n, room.docId).catch((e: unknown) => console.error('deletions:', e));
    room.join(peer);
    noteConnection(companyId, who.userId, peer.deviceId, req);
    ws.removeAllListeners('message');
    ws.on('message', (data: Buffer) => room.receive(peer, new Uint8Array(data)));
    for (const m of early) room.receive(peer, m);
    const leave = () => {
      room.leave(peer);
      // Everything acknowledged is already committed: an empty room is simply forgotten.
      rooms.release(docId, 0);
    };
    if (ws.readyState !== ws.OPEN) return leave();
    ws.on('close', leave);
  }

  return {
    rooms,
    async close() {
      for (const ws of wss.clients) ws.terminate();
      await rooms.close();
      await s.log.drain();
      wss.close();
    },
  };
}

/** Commands accepted on a document's socket: today `issue` (the same command as the REST route). */
async function runCommand(s: Services, companyId: string, docId: string, peer: Peer, command: { key: string; name: string } & Record<string, unknown>) {
  const documentId = docIds.documentOf(docId);
  if (command.name !== 'issue' || !documentId) throw new AppError(400, 'unknown_command', `unknown command "${command.name}" here`);
  if (!peer.permissions.has('invoices.issue')) throw new AppError(403, 'forbidden', 'your role does not allow issuing invoices (it needs the permission "invoices.issue")');
  return issueDocument(s, {
    companyId, documentId, by: peer.userId, device: peer.deviceId, idempotencyKey: command.key,
    draftHash: typeof command.draftHash === 'string' ? command.draftHash : undefined,
    seriesId: typeof command.seriesId === 'string' ? command.seriesId : undefined,
  });
}
