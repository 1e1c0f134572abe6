/**
 * The one clock the app reads for every deadline. APP_NOW (e.g. `2022-06-20T10:00+08:00`) pins it,
 * so tests and the demo can show a 2022 plan as it looked mid-year. Never the browser's clock.
 */
export function now(): Date {
  const pinned = process.env.APP_NOW?.trim();
  if (pinned) {
    const date = new Date(pinned);
    if (!Number.isNaN(date.getTime())) return date;
  }
  return new Date();
}
