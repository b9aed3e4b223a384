// Who else is here, from the awareness states of a room: `{user: {id, name, color}, editing?}`.

export interface PresenceUser {
  id: string;
  name: string;
  color: string;
  /** The field being edited, e.g. "customer:cu_x:name". */
  editing: string | null;
}

const palette = ['#2563eb', '#db2777', '#059669', '#d97706', '#7c3aed', '#0891b2', '#dc2626', '#4d7c0f'];

/** A stable colour per user id, the same on every device. */
export function colorFor(userId: string): string {
  let h = 0;
  for (const ch of userId) h = (h * 31 + (ch.codePointAt(0) ?? 0)) >>> 0;
  return palette[h % palette.length] ?? '#2563eb';
}

export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : [name.trim()];
  return letters
    .map((w) => [...(w ?? '')].slice(0, words.length > 1 ? 1 : 2).join(''))
    .join('')
    .toUpperCase();
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/** Other people in the room, one entry per user (several tabs of one person count once), sorted by name. */
export function othersFrom(states: Map<number, unknown>, selfUserId: string): PresenceUser[] {
  const byUser = new Map<string, PresenceUser>();
  for (const state of states.values()) {
    if (!isRecord(state) || !isRecord(state.user)) continue;
    const { id, name, color } = state.user;
    if (typeof id !== 'string' || typeof name !== 'string' || id === selfUserId) continue;
    const editing = typeof state.editing === 'string' ? state.editing : null;
    const prev = byUser.get(id);
    if (!prev || (!prev.editing && editing)) byUser.set(id, { id, name, color: typeof color === 'string' ? color : colorFor(id), editing });
  }
  return [...byUser.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * y-websocket drops the others' awareness states on disconnect but keeps their clocks, so the same states
 * sent again by the server on reconnect would be ignored until each person's next renewal (15 s).
 * Forgetting the clocks of others lets them back in at once.
 */
export function forgetOthersClocks(awareness: { meta: Map<number, unknown> }, selfClientId: number): void {
  for (const id of [...awareness.meta.keys()]) if (id !== selfClientId) awareness.meta.delete(id);
}
