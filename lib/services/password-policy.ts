/** The password rule for account forms (browser and server alike). */
export { newPasswordSchema as passwordPolicySchema } from "@/lib/auth/password-policy";
