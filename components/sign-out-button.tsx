"use client";

import { signOut } from "next-auth/react";

export function SignOutButton() {
  return (
    <button type="button" onClick={() => signOut({ callbackUrl: "/login" })} className="text-sm text-white/90 hover:text-white hover:underline">
      退出登录
    </button>
  );
}
