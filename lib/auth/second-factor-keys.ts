/** The keys of the second factor, each derived from the app's session secret for one purpose. */
import "server-only";
import { authSecret } from "@/lib/env";
import { deriveKey } from "./secret-box";

export const totpSecretKey = () => deriveKey(authSecret(), "totp-secret:v1");
export const totpEnrolmentKey = () => deriveKey(authSecret(), "totp-enrolment:v1");
export const recoveryCodeKey = () => deriveKey(authSecret(), "recovery-codes:v1");

/** What a sealed TOTP secret is bound to: the account it belongs to. */
export const totpSecretContext = (userId: number) => `user:${userId}`;
