import type { Log } from '../log';
import { Room } from './room';

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

  all(): Room[] {
    return [...this.rooms.values()];
  }

  async close() {
    for (const t of this.timers.values()) clearTimeout(t);
    await Promise.all(this.all().map((r) => r.settled()));
  }
}
