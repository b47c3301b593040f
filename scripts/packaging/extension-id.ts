/**
 * The id Chromium gives an extension: the first 128 bits of the SHA-256 of its public key
 * (DER SubjectPublicKeyInfo), each hex digit written as a letter a–p. The same key gives the same
 * id in the manifest's `key`, in a CRX signed with it, and in the browser.
 */
import { createHash, createPublicKey, type KeyObject } from 'node:crypto';

/** The id for a public key given as DER SubjectPublicKeyInfo bytes. */
export function extensionIdFromPublicKey(spki: Uint8Array): string {
  const hex = createHash('sha256').update(spki).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode('a'.charCodeAt(0) + Number.parseInt(digit, 16))).join('');
}

/** The id for a manifest's `key` (base64 of the DER public key). */
export function extensionIdFromKey(manifestKey: string): string {
  return extensionIdFromPublicKey(Buffer.from(manifestKey, 'base64'));
}

/** The id for a private key (a KeyObject, or PEM text): the id of its public half. */
export function extensionIdFromPrivateKey(key: KeyObject | string): string {
  return extensionIdFromPublicKey(createPublicKey(key).export({ type: 'spki', format: 'der' }));
}
