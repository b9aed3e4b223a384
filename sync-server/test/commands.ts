import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import type { Client } from './helpers';

/** Sends a command on the document's socket and resolves with the issued number (rejects with the server's message). */
export function sendCommand(c: Client, command: Record<string, unknown>): Promise<string> {
  return new Promise((resolve, reject) => {
    c.provider.messageHandlers[104] = (_e: encoding.Encoder, d: decoding.Decoder) => {
      const answer = JSON.parse(decoding.readVarString(d)) as { ok: boolean; result?: { number: string }; error?: { message: string } };
      if (answer.ok) resolve(answer.result!.number);
      else reject(new Error(answer.error?.message));
    };
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 103);
    encoding.writeVarString(e, JSON.stringify(command));
    c.provider.ws!.send(encoding.toUint8Array(e));
  });
}
