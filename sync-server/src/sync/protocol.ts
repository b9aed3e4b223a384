import * as encoding from 'lib0/encoding';

// Message types on /sync: y-protocols' sync (0) and awareness (1), y-websocket's queryAwareness (3),
// and ours: ack (100) after an update is committed, read-only (101) for viewers, frozen (102) once
// issued, commands (103/104), a refused write (105), editable again (106). See docs/protocol.md.
export const MSG_SYNC = 0;
export const MSG_AWARENESS = 1;
export const MSG_AUTH = 2;
export const MSG_QUERY_AWARENESS = 3;
export const MSG_ACK = 100;
export const MSG_READ_ONLY = 101;
/** `[102][varString number]`: the document is issued; later edits are refused. */
export const MSG_FROZEN = 102;
/** `[103][varString json {key, name, ...args}]`: a command sent over the document's own socket, after
 * the edits it depends on (the socket keeps their order). Answered by
 * `[104][varString json {key, ok, result | error}]`. */
export const MSG_COMMAND = 103;
export const MSG_COMMAND_RESULT = 104;
/** `[105][varString json {missing: string[]}]`: an update of this connection was refused (its role does not
 * allow where it lands: the permissions it lacks are named); it is not applied and not acknowledged. */
export const MSG_WRITE_REFUSED = 105;
/** `[106]`: the document is editable again (a quote sent back to draft: rejected, withdrawn or revised). */
export const MSG_UNFROZEN = 106;

export function frame(type: number, write?: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, type);
  write?.(e);
  return encoding.toUint8Array(e);
}

/** An update that carries nothing: no structs and an empty delete set. */
export function isEmptyUpdate(update: Uint8Array): boolean {
  return update.length === 2 && update[0] === 0 && update[1] === 0;
}
