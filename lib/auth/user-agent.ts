/** A signed-in browser as a person recognises it: 「Chrome 120 · Windows」. Pure. */

const BROWSERS: [RegExp, string][] = [
  [/DingTalk\/([\d.]+)/, "钉钉"],
  [/wxwork\/([\d.]+)/i, "企业微信"],
  [/MicroMessenger\/([\d.]+)/, "微信"],
  [/QIHU 360(?:SE|EE)|360SE|360EE/, "360 浏览器"],
  [/Edg(?:e|A|iOS)?\/([\d.]+)/, "Edge"],
  [/Firefox\/([\d.]+)/, "Firefox"],
  [/(?:Chrome|CriOS)\/([\d.]+)/, "Chrome"],
  [/Version\/([\d.]+).*Safari\//, "Safari"],
];

const SYSTEMS: [RegExp, string][] = [
  [/UOS|uos/, "统信 UOS"],
  [/Kylin|kylin/, "麒麟"],
  [/HarmonyOS|OpenHarmony/, "鸿蒙"],
  [/Windows NT/, "Windows"],
  [/Android/, "Android"],
  [/iPhone|iPad|iPod/, "iOS"],
  [/Mac OS X|Macintosh/, "macOS"],
  [/Linux/, "Linux"],
];

export function describeUserAgent(userAgent: string | null | undefined): string {
  if (!userAgent) return "未知浏览器";
  let browser = "其他浏览器";
  for (const [pattern, name] of BROWSERS) {
    const match = pattern.exec(userAgent);
    if (match) {
      const major = match[1]?.split(".")[0];
      browser = major ? `${name} ${major}` : name;
      break;
    }
  }
  const system = SYSTEMS.find(([pattern]) => pattern.test(userAgent))?.[1];
  return system ? `${browser} · ${system}` : browser;
}
