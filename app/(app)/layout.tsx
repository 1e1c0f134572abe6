import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { AppHeader } from "@/components/app-header";
import { requirePageActor } from "@/lib/auth/session";
import { getUnreadCount } from "@/lib/services/inbox";

const PASSWORD_PAGE = "/account/password";
const TWO_FACTOR_PAGE = "/account/two-factor";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const actor = await requirePageActor();
  // An account given a password by the administrator changes it before anything else.
  // Then, when the setting requires a second factor for this role, it is set up before anything else.
  const pathname = (await headers()).get("x-pathname");
  if (actor.mustChangePassword) {
    if (pathname !== PASSWORD_PAGE) redirect(PASSWORD_PAGE);
  } else if (actor.mustEnrolSecondFactor && pathname !== TWO_FACTOR_PAGE) redirect(TWO_FACTOR_PAGE);
  return (
    <>
      <AppHeader actor={actor} unread={await getUnreadCount(actor)} />
      <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
    </>
  );
}
