/** Password hashing (argon2id, OWASP parameters) and the rules for a new password. */
import { hash, verify } from "@node-rs/argon2";

// OWASP Password Storage Cheat Sheet: argon2id, m=19 MiB, t=2, p=1.
const ARGON2 = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Compared against when the username does not exist, so timing does not reveal which usernames exist. */
export const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$76VzpQHRNLksFS7cd0Hhzg$wRD/bvj38Bxbp+K/GZ72vTFVKeFw+xnq4hp79GAfNdI";

export { newPasswordSchema } from "./password-policy";
