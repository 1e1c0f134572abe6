/**
 * 政务公开, the pure parts: the projection keeps only the public fields (whatever else the facts carry),
 * the progress state, the search filters, the rate limit's fixed windows, the env settings and the HTML
 * (every value escaped, no script).
 */
import { describe, expect, it } from "vitest";
import { planName, projectPublicContent, type PublicTaskFacts, readPublicContent, shanghaiDay } from "@/lib/public-view/content";
import { filterPublicRows, leadUnitChoices, parsePublicFilter } from "@/lib/public-view/filter";
import { escapeHtml, html } from "@/lib/public-view/html";
import { publicIndexPage, publicPlanPage } from "@/lib/public-view/page";
import { decide, publicBucket, retryAfterSeconds, staleBefore, tooManyMessage, windowStartOf } from "@/lib/public-view/rate-limit";
import { parsePublicViewSettings } from "@/lib/public-view/settings";
import { publicStateOf } from "@/lib/public-view/state";
import { summaryVersion } from "@/lib/public-view/summary-version";

const AT = new Date("2022-06-20T02:00:00Z");

/** Facts as a careless loader might pass them: everything internal riding along with the public fields. */
function leakyTask(overrides: Partial<PublicTaskFacts> = {}): PublicTaskFacts {
  const internal = {
    filerName: "张秘密填报人",
    reportProgress: "内部报告正文：已完成征地80%",
    problems: "存在问题：资金拨付卡壳",
    returnReason: "退回理由：数据不实",
    criticism: "通报批评：工作不力",
    instruction: "领导批示：抓紧推进",
    score: 87.5,
    attachments: [{ name: "现场照片.jpg" }],
    draft: "尚未审核的草稿摘要",
  };
  return {
    ...internal,
    seq: 2,
    seqLabel: null,
    content: "新建城区停车场3处",
    overall: false,
    archived: false,
    closed: false,
    latest: { progressState: "lagging", percent: 40 },
    leadUnits: ["交通局"],
    summary: { text: "已开工2处，第3处完成选址。", approvedAt: new Date("2022-06-18T03:00:00Z") },
    ...overrides,
  } as PublicTaskFacts;
}

describe("the public projection", () => {
  it("keeps exactly the public fields of each row", () => {
    const content = projectPublicContent({ title: "2022年政府工作报告目标任务分解表", year: 2022 }, [leakyTask()], AT);
    expect(content).toEqual({
      plan: { title: "2022年政府工作报告目标任务分解表", year: 2022 },
      rows: [
        {
          number: "2",
          seq: 2,
          content: "新建城区停车场3处",
          leadUnits: ["交通局"],
          state: "lagging",
          summary: "已开工2处，第3处完成选址。",
          summaryDate: "2022-06-18",
        },
      ],
      computedAt: AT.toISOString(),
    });
  });

  it("lets no internal fact through, whatever the facts carry", () => {
    const plan = { title: "分解表", year: 2022, secretNote: "内部：督查意见" } as { title: string; year: number };
    const text = JSON.stringify(projectPublicContent(plan, [leakyTask(), leakyTask({ seq: 3, summary: null })], AT));
    for (const word of [
      "张秘密填报人",
      "内部报告正文",
      "资金拨付卡壳",
      "数据不实",
      "通报批评",
      "领导批示",
      "87.5",
      "现场照片",
      "尚未审核的草稿摘要",
      "督查意见",
    ]) {
      expect(text).not.toContain(word);
    }
  });

  it("leaves out the 全面负责 row and archived tasks, and orders by 序号", () => {
    const content = projectPublicContent(
      { title: "t", year: 2022 },
      [leakyTask({ seq: 5 }), leakyTask({ seq: 1, overall: true }), leakyTask({ seq: 4, archived: true }), leakyTask({ seq: 3, seqLabel: "（三）" })],
      AT,
    );
    expect(content.rows.map((r) => r.number)).toEqual(["（三）", "5"]);
  });

  it("reads stored content back, and refuses what is not content", () => {
    const content = projectPublicContent({ title: "t", year: 2022 }, [leakyTask()], AT);
    expect(readPublicContent(JSON.parse(JSON.stringify(content)))).toEqual(content);
    expect(readPublicContent(null)).toBeNull();
    expect(readPublicContent({ rows: "x" })).toBeNull();
  });

  it("dates a summary by the day in Asia/Shanghai", () => {
    expect(shanghaiDay(new Date("2022-06-30T17:00:00Z"))).toBe("2022-07-01");
  });
});

describe("the public progress state", () => {
  it("follows the latest report, 已完成 when closed or complete, 暂无报告 before any", () => {
    expect(publicStateOf({ closed: false, latest: null })).toBe("unreported");
    expect(publicStateOf({ closed: true, latest: null })).toBe("completed");
    expect(publicStateOf({ closed: false, latest: { progressState: "on_track", percent: 100 } })).toBe("completed");
    expect(publicStateOf({ closed: false, latest: { progressState: "completed", percent: 80 } })).toBe("completed");
    expect(publicStateOf({ closed: false, latest: { progressState: "blocked", percent: 20 } })).toBe("blocked");
    expect(publicStateOf({ closed: false, latest: { progressState: "lagging", percent: 20 } })).toBe("lagging");
    expect(publicStateOf({ closed: false, latest: { progressState: null, percent: 20 } })).toBe("on_track");
  });
});

describe("the public page's search", () => {
  const rows = projectPublicContent(
    { title: "t", year: 2022 },
    [
      leakyTask({ seq: 1, content: "停车场建设", leadUnits: ["交通局"] }),
      leakyTask({ seq: 2, content: "养老服务", leadUnits: ["民政局"], latest: null, summary: null }),
      leakyTask({ seq: 3, content: "道路养护", leadUnits: ["交通局", "住建局"], closed: true }),
    ],
    AT,
  ).rows;

  it("reads q, state and unit from the query, ignoring unknown states and cutting long words", () => {
    expect(parsePublicFilter(new URLSearchParams("q=%20停车%20&state=lagging&unit=交通局&x=1"))).toEqual({ q: "停车", state: "lagging", unit: "交通局" });
    expect(parsePublicFilter(new URLSearchParams("state=drop"))).toEqual({ q: "", state: null, unit: null });
    expect(parsePublicFilter({ q: "字".repeat(80) }).q).toHaveLength(50);
  });

  it("filters by word, state and lead unit", () => {
    expect(filterPublicRows(rows, { q: "停车", state: null, unit: null }).map((r) => r.seq)).toEqual([1]);
    expect(filterPublicRows(rows, { q: "", state: "unreported", unit: null }).map((r) => r.seq)).toEqual([2]);
    expect(filterPublicRows(rows, { q: "", state: null, unit: "交通局" }).map((r) => r.seq)).toEqual([1, 3]);
    expect(filterPublicRows(rows, { q: "", state: "completed", unit: "住建局" }).map((r) => r.seq)).toEqual([3]);
    expect(filterPublicRows(rows, { q: "选址", state: null, unit: null }).map((r) => r.seq)).toEqual([1, 3]);
  });

  it("offers each lead unit once", () => {
    expect(leadUnitChoices(rows).sort()).toEqual(["交通局", "民政局", "住建局"].sort());
  });
});

describe("the rate limit's fixed windows", () => {
  it("puts a moment in its window and says how long until it ends", () => {
    const at = new Date("2026-12-03T17:40:42.300Z");
    expect(windowStartOf(at, 60).toISOString()).toBe("2026-12-03T17:40:00.000Z");
    expect(retryAfterSeconds(at, 60)).toBe(18);
    expect(windowStartOf(at, 3600).toISOString()).toBe("2026-12-03T17:00:00.000Z");
    expect(retryAfterSeconds(new Date("2026-12-03T17:40:59.999Z"), 60)).toBe(1);
    expect(retryAfterSeconds(new Date("2026-12-03T17:41:00.000Z"), 60)).toBe(60);
    expect(staleBefore(at, 60).toISOString()).toBe("2026-12-03T17:39:00.000Z");
  });

  it("serves the limit-th request and refuses the next, with Retry-After", () => {
    const at = new Date("2026-12-03T17:40:30Z");
    expect(decide(60, 60, at, 60)).toEqual({ allowed: true, hits: 60, retryAfter: null });
    expect(decide(61, 60, at, 60)).toEqual({ allowed: false, hits: 61, retryAfter: 30 });
    expect(tooManyMessage(30)).toBe("访问过于频繁，请在 30 秒后再试。");
  });

  it("counts per page and per client address", () => {
    expect(publicBucket(7, "10.0.0.1")).toBe("public:7:10.0.0.1");
    expect(publicBucket(8, "10.0.0.1")).not.toBe(publicBucket(7, "10.0.0.1"));
    expect(publicBucket("index", null)).toBe("public:index:unknown");
  });
});

describe("the public pages' settings", () => {
  it("has sensible defaults", () => {
    expect(parsePublicViewSettings({})).toEqual({ rateLimit: 60, windowSeconds: 60, cacheSeconds: 60, refreshSeconds: 300 });
  });

  it("reads whole numbers in range", () => {
    expect(
      parsePublicViewSettings({ PUBLIC_RATE_LIMIT: " 5 ", PUBLIC_RATE_WINDOW_SECONDS: "10", PUBLIC_CACHE_SECONDS: "0", PUBLIC_REFRESH_SECONDS: "" }),
    ).toEqual({ rateLimit: 5, windowSeconds: 10, cacheSeconds: 0, refreshSeconds: 300 });
  });

  it("refuses anything else in Chinese, naming the variable", () => {
    expect(() => parsePublicViewSettings({ PUBLIC_RATE_LIMIT: "0" })).toThrow("环境变量 PUBLIC_RATE_LIMIT 须为 1–100000 之间的整数，现为「0」");
    expect(() => parsePublicViewSettings({ PUBLIC_RATE_LIMIT: "1.5" })).toThrow("PUBLIC_RATE_LIMIT");
    expect(() => parsePublicViewSettings({ PUBLIC_RATE_WINDOW_SECONDS: "-1" })).toThrow("PUBLIC_RATE_WINDOW_SECONDS");
    expect(() => parsePublicViewSettings({ PUBLIC_CACHE_SECONDS: "abc" })).toThrow("PUBLIC_CACHE_SECONDS");
  });
});

describe("the public pages' HTML", () => {
  it("escapes every value and keeps its own markup", () => {
    expect(escapeHtml(`<img src=x onerror="a('b')">&`)).toBe("&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt;&amp;");
    expect(html`<p>${"<b>"}${html`<i>${"&"}</i>`}${null}${["a", "<"]}</p>`.toString()).toBe("<p>&lt;b&gt;<i>&amp;</i>a&lt;</p>");
  });

  it("shows a plan's rows as text, with its search form, and no script", () => {
    const content = projectPublicContent({ title: "2022年<分解表>", year: 2022 }, [leakyTask({ content: "<script>alert(1)</script>停车场" })], AT);
    const page = publicPlanPage(content, parsePublicFilter(new URLSearchParams("q=停车&unit=交通局")), AT);
    expect(page).toContain('<html lang="zh-CN">');
    expect(page).toContain("<h1>2022年&lt;分解表&gt;</h1>");
    expect(page).toContain("&lt;script&gt;alert(1)&lt;/script&gt;停车场");
    expect(page).not.toMatch(/<script/i);
    expect(page).toContain('<form class="search" method="get" role="search"');
    expect(page).toContain('<option value="交通局" selected>交通局</option>');
    expect(page).toContain('<th scope="col">进展状态</th>');
    expect(page).toContain("已开工2处，第3处完成选址。");
    expect(page).toContain("2022-06-18 审核公开");
    expect(page).toContain("最近更新：<time");
    expect(page).toContain("共 1 项任务，符合条件的 1 项");
    for (const word of ["张秘密填报人", "资金拨付卡壳", "数据不实", "通报批评：", "领导批示"]) expect(page).not.toContain(word);
  });

  it("lists the published plans, or says there are none", () => {
    expect(publicIndexPage([])).toContain("目前没有公开的任务落实进展");
    expect(publicIndexPage([{ planId: 3, title: "民生实事", year: 2022, publishedAt: AT }])).toContain('<a href="/open/3">民生实事</a>');
  });
});

describe("the version of a submitted summary", () => {
  it("changes with the time and with the text, even within one millisecond", () => {
    const at = new Date("2022-06-20T02:00:00Z");
    expect(summaryVersion(at, "第一稿")).toBe(summaryVersion(new Date(at), "第一稿"));
    expect(summaryVersion(at, "第一稿")).not.toBe(summaryVersion(at, "第二稿"));
    expect(summaryVersion(at, "第一稿")).not.toBe(summaryVersion(new Date(at.getTime() + 1), "第一稿"));
    expect(summaryVersion(null, "")).toMatch(/^0-/);
  });
});

describe("a plan's name", () => {
  it("puts the year in front only when the title does not say it", () => {
    expect(planName({ year: 2022, title: "2022年政府工作报告目标任务分解表" })).toBe("2022年政府工作报告目标任务分解表");
    expect(planName({ year: 2022, title: "民生实事项目" })).toBe("2022年 民生实事项目");
  });
});
