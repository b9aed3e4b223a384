import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import type * as encoding from 'lib0/encoding';
import type { WebsocketProvider } from 'y-websocket';
import { stateVectorOfUpdate, type StateVector } from './syncState';

// The custom messages of docs/protocol.md: ack (100), read-only (101), frozen (102), write refused (105), editable again (106), and what the
// server's own sync messages (0) tell us it holds.

export const messageSync = 0;
export const messageAck = 100;
export const messageReadOnly = 101;
export const messageFrozen = 102;
export const messageWriteRefused = 105;
export const messageUnfrozen = 106;

const syncStep1 = 0;

export interface ServerListener {
  /** The server holds at least this state vector. */
  known(sv: StateVector): void;
  readOnly(): void;
  /** The document was issued with this number; later edits are refused. */
  frozen?(number: string): void;
  /** Editable again: a quote sent back to draft (rejected, withdrawn, revised). */
  unfrozen?(): void;
  /** An update of ours was refused: the role lacks these permissions where it landed. */
  refused?(missing: string[]): void;
}

type Handler = (encoder: encoding.Encoder, decoder: decoding.Decoder, provider: WebsocketProvider, emitSynced: boolean, messageType: number) => void;

/** What a sync message from the server proves it holds, read without consuming the decoder. */
export function knownFromSyncMessage(decoder: decoding.Decoder): StateVector | null {
  const peek = decoding.createDecoder(decoder.arr);
  peek.pos = decoder.pos;
  try {
    const sub = decoding.readVarUint(peek);
    const payload = decoding.readVarUint8Array(peek);
    return sub === syncStep1 ? Y.decodeStateVector(payload) : stateVectorOfUpdate(payload);
  } catch {
    return null;
  }
}

export function installServerMessages(provider: { messageHandlers: Handler[] }, listener: ServerListener): void {
  const sync = provider.messageHandlers[messageSync];
  provider.messageHandlers[messageSync] = (encoder, decoder, p, emitSynced, type) => {
    // emitSynced is false for messages from other tabs (BroadcastChannel): they prove nothing about the server.
    if (emitSynced) {
      const sv = knownFromSyncMessage(decoder);
      if (sv) listener.known(sv);
    }
    sync?.(encoder, decoder, p, emitSynced, type);
  };
  provider.messageHandlers[messageAck] = (_encoder, decoder) => {
    listener.known(Y.decodeStateVector(decoding.readVarUint8Array(decoder)));
  };
  provider.messageHandlers[messageReadOnly] = () => listener.readOnly();
  provider.messageHandlers[messageFrozen] = (_encoder, decoder) => {
    listener.frozen?.(decoding.readVarString(decoder));
  };
  provider.messageHandlers[messageUnfrozen] = () => listener.unfrozen?.();
  provider.messageHandlers[messageWriteRefused] = (_encoder, decoder) => {
    try {
      listener.refused?.((JSON.parse(decoding.readVarString(decoder)) as { missing?: string[] }).missing ?? []);
    } catch {
      listener.refused?.([]);
    }
  };
}
