/** The parts the administration's record pages (a leader, a unit, an account) share. */
import Link from "next/link";
import type { ComponentProps, ReactNode } from "react";
import { InactiveMark } from "@/components/ui/page-header";
import { AccountList } from "./account-list";
import { Section } from "./section";

/** The record's name as the page's title, what follows it (`children`), and 已停用 when it is no longer in use. */
export function RecordTitle({ name, inactive, children }: { name: string; inactive: boolean; children?: ReactNode }) {
  return (
    <>
      {name}
      {children}
      {inactive && <InactiveMark />}
    </>
  );
}

/** 账号: the accounts linked to the record, and the link that creates one linked to it. */
export function RecordAccounts({
  id,
  accounts,
  create,
}: {
  id: string;
  accounts: ComponentProps<typeof AccountList>["accounts"];
  create: { href: string; label: string };
}) {
  return (
    <Section id={id} title="账号">
      <AccountList accounts={accounts} />
      <Link href={create.href} className="inline-block text-sm text-brand-700 hover:underline">
        {create.label}
      </Link>
    </Section>
  );
}

/** 状态: what switching the record off does while it is in use, or that it is off; then the switch (`children`). */
export function RecordStatus({
  id,
  active,
  activeNote,
  inactiveNote,
  children,
}: {
  id: string;
  active: boolean;
  activeNote: string;
  inactiveNote: string;
  children: ReactNode;
}) {
  return (
    <Section id={id} title="状态">
      <p className="text-sm text-stone-500">{active ? activeNote : inactiveNote}</p>
      {children}
    </Section>
  );
}
