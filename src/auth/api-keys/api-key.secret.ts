import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Keys read `hub_<prefix>_<secret>`: a recognisable tag for secret scanners, a lookup id, the secret. */
const KEY_PATTERN = /^hub_([0-9a-f]{12})_([A-Za-z0-9_-]{43,128})$/;

export interface ParsedApiKey {
  readonly prefix: string;
  readonly secret: string;
}

export function parseApiKey(key: string): ParsedApiKey | null {
  const match = KEY_PATTERN.exec(key.trim());
  return match ? { prefix: match[1]!, secret: match[2]! } : null;
}

/** A new key; 32 random bytes of secret make guessing pointless, so a fast hash is enough. */
export function generateApiKey(): ParsedApiKey & { readonly key: string; readonly secretHash: string } {
  const prefix = randomBytes(6).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { prefix, secret, key: `hub_${prefix}_${secret}`, secretHash: hashSecret(secret) };
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Compares in constant time so response timing says nothing about how much of a secret matched. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const given = Buffer.from(hashSecret(secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}
