import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { AppHeader } from "@/components/app-header";
import { requirePageActor } from "@/lib/auth/session";
import { getUnreadCount } from "@/lib/services/inbox";

const PASSWORD_PAGE = "/account/password";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const actor = await requirePageActor();
  // An account given a password by the administrator changes it before anything else.
  if (actor.mustChangePassword && (await headers()).get("x-pathname") !== PASSWORD_PAGE) redirect(PASSWORD_PAGE);
  return (
    <>
      <AppHeader actor={actor} unread={await getUnreadCount(actor)} />
      <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
    </>
  );
}
