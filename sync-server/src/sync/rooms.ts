import type { Log } from '../log';
import { Room, type Peer } from './room';

/** Close code of a connection whose access changed: the client reconnects (4400–4499 would be final). */
export const ACCESS_CHANGED = 4001;

/** A room with no peer is dropped after this long (its state is in the log; reopening replays it). */
const IDLE_EVICT_MS = 5_000;

/**
 * The documents held in memory, shared by WebSocket peers, server commands and the API, so that a
 * command always sees (and writes through) the same document the peers edit.
 */
export class RoomRegistry {
  private rooms = new Map<string, Room>();
  private timers = new Map<string, NodeJS.Timeout>();
  /** Called when a room is created (projections subscribe here). */
  onOpen: ((room: Room) => void) | null = null;

  constructor(private readonly log: Log) {}

  get(docId: string): Room | undefined {
    return this.rooms.get(docId);
  }

  has(docId: string): boolean {
    return this.rooms.has(docId);
  }

  /** The loaded room of a document, loading it from the log if needed. */
  async open(companyId: string, docId: string): Promise<Room> {
    let room = this.rooms.get(docId);
    if (!room) {
      room = new Room(companyId, docId, this.log);
      this.rooms.set(docId, room);
      this.onOpen?.(room);
    }
    if (room.companyId !== companyId) throw new Error('document belongs to another company');
    this.keep(docId);
    await room.ready;
    this.release(docId);
    return room;
  }

  private keep(docId: string) {
    clearTimeout(this.timers.get(docId));
    this.timers.delete(docId);
  }

  /** Forgets a room nobody uses any more, after a grace period (everything in it is committed). */
  release(docId: string, delayMs = IDLE_EVICT_MS) {
    const room = this.rooms.get(docId);
    if (!room || room.peers.size > 0) return;
    this.keep(docId);
    const timer = setTimeout(() => {
      this.timers.delete(docId);
      void room.settled().then(() => {
        if (room.peers.size === 0 && this.rooms.get(docId) === room) {
          this.rooms.delete(docId);
          room.destroy();
        }
      });
    }, delayMs);
    timer.unref();
    this.timers.set(docId, timer);
  }

  /**
   * Closes the connections of a member whose access changed (role changed or removed): their devices
   * reconnect at once (4001 is not a final close code) and join with what they may do now.
   */
  disconnectUser(companyId: string, userId: string, reason: string) {
    this.disconnect(companyId, (p) => p.userId === userId, reason);
  }

  /** The same for everyone holding a role whose permissions changed. */
  disconnectRole(companyId: string, role: string, reason: string) {
    this.disconnect(companyId, (p) => p.role === role, reason);
  }

  private disconnect(companyId: string, which: (p: Peer) => boolean, reason: string) {
    for (const room of this.rooms.values()) {
      if (room.companyId !== companyId) continue;
      for (const peer of [...room.peers.keys()]) if (which(peer)) peer.close(ACCESS_CHANGED, reason);
    }
  }

  /** Closes a room for good (its document was erased): its peers are told with `code`, the room is forgotten. */
  async shut(docId: string, code: number, reason: string) {
    const room = this.rooms.get(docId);
    if (!room) return;
    this.keep(docId);
    this.rooms.delete(docId);
    for (const peer of [...room.peers.keys()]) peer.close(code, reason);
    await room.settled();
    room.destroy();
  }

  all(): Room[] {
    return [...this.rooms.values()];
  }

  async close() {
    for (const t of this.timers.values()) clearTimeout(t);
    await Promise.all(this.all().map((r) => r.settled()));
  }
}
