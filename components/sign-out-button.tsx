import { signOutAction } from "@/app/(app)/account/sessions/actions";

/** A form, not a script: signing out works without JavaScript and ends the session on the server. */
export function SignOutButton() {
  return (
    <form action={signOutAction}>
      <button type="submit" className="text-sm text-white/90 hover:text-white hover:underline">
        退出登录
      </button>
    </form>
  );
}
