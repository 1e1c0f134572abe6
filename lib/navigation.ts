/** Each role's navigation. Showing a link is not permission: every page checks again. */
import type { UserRole } from "@/db/schema";

export interface NavItem {
  href: string;
  label: string;
}

/** A disclosure menu in the header: a label that opens its links. */
export interface NavGroup {
  label: string;
  items: NavItem[];
}

/** One place in the header: a link, or a group of links. */
export type NavEntry = NavItem | NavGroup;

export const isNavGroup = (entry: NavEntry): entry is NavGroup => "items" in entry;

/** The links more than one role's menu shows, each defined once. */
const LINKS = {
  dashboard: { href: "/dashboard", label: "全局视图" },
  tasks: { href: "/tasks", label: "任务总表" },
  plans: { href: "/plans", label: "分解表" },
  items: { href: "/items", label: "督办事项" },
  indicators: { href: "/indicators", label: "目标跟踪" },
  coordination: { href: "/leader/coordination", label: "需协调事项" },
  dispatches: { href: "/leader/dispatches", label: "调度记录" },
  notices: { href: "/notices", label: "通报" },
  feedbackReceived: { href: "/feedback/received", label: "收到的意见建议" },
  burden: { href: "/supervision/burden", label: "负担监测" },
} satisfies Record<string, NavItem>;

const NAV: Record<UserRole, NavEntry[]> = {
  admin: [
    { href: "/admin", label: "管理首页" },
    {
      label: "任务",
      items: [LINKS.dashboard, LINKS.tasks, LINKS.indicators, LINKS.plans, { href: "/admin/import", label: "导入分解表" }, LINKS.items, LINKS.burden],
    },
    {
      label: "设置",
      items: [
        { href: "/admin/schedule", label: "报送设置" },
        { href: "/admin/units", label: "单位" },
        { href: "/admin/groups", label: "集合单位" },
        { href: "/admin/leaders", label: "责任领导" },
        { href: "/admin/leaders/assign", label: "指定责任领导" },
        { href: "/admin/users", label: "账号" },
        { href: "/admin/security", label: "安全设置" },
        { href: "/admin/channels", label: "消息渠道" },
        { href: "/admin/deliveries", label: "发送记录" },
        { href: "/admin/audit", label: "操作日志" },
      ],
    },
    { label: "领导与通报", items: [LINKS.coordination, LINKS.dispatches, LINKS.notices, LINKS.feedbackReceived] },
  ],
  supervisor: [
    { href: "/supervision", label: "督查首页" },
    {
      label: "督查",
      items: [
        { href: "/supervision/overview", label: "进展总览" },
        { href: "/supervision/matrix", label: "报送矩阵" },
        LINKS.burden,
        LINKS.tasks,
        LINKS.plans,
        LINKS.items,
        LINKS.indicators,
      ],
    },
    {
      label: "通报与问责",
      items: [
        { href: "/supervision/reminders", label: "催办" },
        { href: "/supervision/findings", label: "督查发现" },
        { href: "/supervision/notices", label: "通报" },
        { href: "/supervision/escalations", label: "问责台账" },
        { href: "/supervision/requests", label: "延期与销号" },
        { href: "/supervision/public", label: "政务公开" },
        { href: "/supervision/assessments", label: "考核" },
      ],
    },
    { label: "统计与领导", items: [LINKS.dashboard, LINKS.coordination, LINKS.dispatches, LINKS.feedbackReceived] },
  ],
  leader: [
    { href: "/leader", label: "我的任务" },
    LINKS.coordination,
    LINKS.dispatches,
    { ...LINKS.tasks, label: "任务表" },
    LINKS.items,
    LINKS.indicators,
    LINKS.notices,
  ],
  unit: [
    { href: "/unit", label: "本单位工作台" },
    { href: "/unit/follow-ups", label: "调度事项" },
    { ...LINKS.tasks, label: "任务清单" },
    LINKS.items,
    LINKS.indicators,
    { href: "/requests", label: "延期与销号" },
    LINKS.notices,
    { href: "/rectifications", label: "整改" },
    { href: "/escalations", label: "督办记录" },
    { href: "/assessments", label: "考核得分" },
  ],
};

/** The header's entries for a role, links and groups in order. */
export function navEntriesFor(role: UserRole): NavEntry[] {
  return NAV[role];
}

/** Every link of a role, groups flattened, in order. */
export function navItemsFor(role: UserRole): NavItem[] {
  return NAV[role].flatMap((entry) => (isNavGroup(entry) ? entry.items : [entry]));
}

/**
 * Which link is the current page: the longest href that is the path or one of its parents
 * (/admin/leaders/assign is 指定责任领导, not 责任领导; /tasks/46 is the task list). Null when none.
 */
export function currentNavHref(hrefs: readonly string[], pathname: string): string | null {
  let best: string | null = null;
  for (const href of hrefs) {
    const matches = pathname === href || pathname.startsWith(href.endsWith("/") ? href : `${href}/`);
    if (matches && (best === null || href.length > best.length)) best = href;
  }
  return best;
}
