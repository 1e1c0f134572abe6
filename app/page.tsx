import { redirect } from "next/navigation";
import { homePathOf } from "@/lib/policies";
import { getActor } from "@/lib/auth/session";

export default async function Home() {
  const actor = await getActor();
  redirect(actor ? homePathOf(actor) : "/login");
}
