/**
 * Slowing online password guessing without letting a stranger lock the owner out (OWASP, "Slow
 * Down Online Guessing Attacks with Device Cookies"). Pure: the counts come from sign_in_attempts.
 *
 * - A browser the account knows (a valid device cookie from an earlier sign-in) is limited only by
 *   its own failures: nobody else's guesses can keep the owner out of their own browser.
 * - Any other client is limited per account and address, per account in all (guesses spread over
 *   many addresses), and per address over all accounts.
 * - A refusal during a throttle is recorded but never counted, so retrying does not prolong it.
 */

export const SIGN_IN_WINDOW_MINUTES = 15;

export const SIGN_IN_LIMITS = {
  /** Failures from one known browser of the account. */
  perDevice: 5,
  /** Failures for one account from one address (unknown browsers). */
  perAccountAndAddress: 5,
  /** Failures for one account from all unknown browsers, whatever their address. */
  perAccount: 20,
  /** Higher than per account: a whole office often shares one address. */
  perAddress: 30,
} as const;

export interface FailureCounts {
  byDevice: number;
  byAccountAndAddress: number;
  byAccount: number;
  byAddress: number;
}

export type ThrottleReason = "device" | "account_address" | "account" | "address";

/** Why this attempt is refused before its password is checked, or null when it may be tried. */
export function throttleReason(counts: FailureCounts, knownDevice: boolean): ThrottleReason | null {
  if (knownDevice) return counts.byDevice >= SIGN_IN_LIMITS.perDevice ? "device" : null;
  if (counts.byAccountAndAddress >= SIGN_IN_LIMITS.perAccountAndAddress) return "account_address";
  if (counts.byAccount >= SIGN_IN_LIMITS.perAccount) return "account";
  if (counts.byAddress >= SIGN_IN_LIMITS.perAddress) return "address";
  return null;
}

/** The name an attempt is counted under: what the user typed, without surrounding spaces. */
export function normalizeUsername(typed: string): string {
  return typed.trim();
}
