import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import { isoCBOR } from '@simplewebauthn/server/helpers';
import type { Services } from '../src/services';

/*
 * A software passkey (ES256) for server tests, as Chromium's virtual authenticator is for e2e: its public
 * key is stored as registered (registration itself is tested in e2e), and it signs sign-in assertions
 * the way an authenticator does, or with another key to make the failure of a forged assertion.
 */
export interface SoftPasskey {
  id: string;
  userId: string;
  privateKey: KeyObject;
  counter: number;
}

const b64url = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64url');
const newKey = () => generateKeyPairSync('ec', { namedCurve: 'P-256' });
/** Signs forged assertions. */
const forger = newKey().privateKey;

/** A passkey this server has never seen (its user id is made up). */
export function unknownPasskey(): SoftPasskey {
  return { id: b64url(randomBytes(16)), userId: 'us_unknown', privateKey: newKey().privateKey, counter: 0 };
}

/** COSE_Key of an EC public key: kty EC2 (2), alg ES256 (-7), crv P-256 (1), x, y. */
function coseKey(publicKey: KeyObject): Uint8Array {
  const jwk = publicKey.export({ format: 'jwk' });
  return isoCBOR.encode(new Map<number, number | Uint8Array>([
    [1, 2], [3, -7], [-1, 1], [-2, Buffer.from(jwk.x!, 'base64url')], [-3, Buffer.from(jwk.y!, 'base64url')],
  ]));
}

/**
 * A new passkey's answer to the challenge of /auth/register/options ('none' attestation, as passkeys
 * send): the passkey, to sign in with later, and the response for /auth/register/verify.
 */
export function registration(challenge: string, origin: string, userId: string): { passkey: SoftPasskey; response: RegistrationResponseJSON } {
  const { publicKey, privateKey } = newKey();
  const rawId = randomBytes(16);
  const idLength = Buffer.alloc(2);
  idLength.writeUInt16BE(rawId.length);
  // rpIdHash, flags (user present + user verified + attested credential data 0x40), counter 0, AAGUID (none), id, key.
  const authData = Buffer.concat([
    createHash('sha256').update(new URL(origin).hostname).digest(), Buffer.from([0x45]), Buffer.alloc(4), Buffer.alloc(16), idLength, rawId, coseKey(publicKey),
  ]);
  const attestationObject = isoCBOR.encode(new Map<string, string | Map<string, string> | Uint8Array>([['fmt', 'none'], ['attStmt', new Map<string, string>()], ['authData', authData]]));
  const clientDataJSON = Buffer.from(JSON.stringify({ type: 'webauthn.create', challenge, origin, crossOrigin: false }));
  const id = b64url(rawId);
  return {
    passkey: { id, userId, privateKey, counter: 0 },
    response: {
      id, rawId: id, type: 'public-key', clientExtensionResults: {},
      response: { clientDataJSON: b64url(clientDataJSON), attestationObject: b64url(attestationObject), transports: ['internal'] },
    },
  };
}

/** A passkey registered to the user (the row registration would write). */
export async function addSoftPasskey(s: Services, userId: string): Promise<SoftPasskey> {
  const { publicKey, privateKey } = newKey();
  const cose = coseKey(publicKey);
  const id = b64url(randomBytes(16));
  await s.db.execute({
    sql: `INSERT INTO passkeys (id, user_id, public_key, counter, transports, device_type, backed_up, name, created_at) VALUES (?, ?, ?, 0, '["internal"]', 'multiDevice', 1, 'Soft', ?)`,
    args: [id, userId, Buffer.from(cose), s.now().toISOString()],
  });
  return { id, userId, privateKey, counter: 0 };
}

/**
 * An assertion for the challenge of /auth/login/options; `forged` signs it with a key that is not the
 * passkey's; `userVerified: false` is a touch without PIN or biometrics (the UV flag unset).
 */
export function assertion(passkey: SoftPasskey, challenge: string, origin: string, opts: { forged?: boolean; userVerified?: boolean } = {}): AuthenticationResponseJSON {
  const rpId = new URL(origin).hostname;
  const clientDataJSON = Buffer.from(JSON.stringify({ type: 'webauthn.get', challenge, origin, crossOrigin: false }));
  const counter = Buffer.alloc(4);
  counter.writeUInt32BE(++passkey.counter);
  // rpIdHash, flags (user present 0x01 + user verified 0x04), signature counter.
  const flags = opts.userVerified === false ? 0x01 : 0x05;
  const authenticatorData = Buffer.concat([createHash('sha256').update(rpId).digest(), Buffer.from([flags]), counter]);
  const signed = Buffer.concat([authenticatorData, createHash('sha256').update(clientDataJSON).digest()]);
  const key = opts.forged ? forger : passkey.privateKey;
  return {
    id: passkey.id,
    rawId: passkey.id,
    type: 'public-key',
    clientExtensionResults: {},
    response: {
      clientDataJSON: b64url(clientDataJSON),
      authenticatorData: b64url(authenticatorData),
      signature: b64url(sign('sha256', signed, key)),
      userHandle: b64url(passkey.userId),
    },
  };
}
