import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/login-form";
import { homePathOf } from "@/lib/auth/permissions";
import { getActor } from "@/lib/auth/session";

export const metadata: Metadata = { title: "登录" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const actor = await getActor();
  if (actor) redirect(homePathOf(actor));
  const { callbackUrl } = await searchParams;
  // Only same-site paths: never redirect to another host after signing in.
  const next = callbackUrl && callbackUrl.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : "/";
  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-b from-brand-800 to-brand-600 px-4">
      <div className="w-full max-w-sm rounded-lg bg-white p-8 shadow-xl">
        <h1 className="text-center text-2xl font-bold tracking-widest text-brand-700">落 实</h1>
        <p className="mt-1 text-center text-sm text-stone-500">政府工作报告目标任务督查督办</p>
        <LoginForm callbackUrl={next} />
      </div>
    </main>
  );
}
