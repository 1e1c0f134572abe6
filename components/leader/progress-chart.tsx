/**
 * 进度走势: per period, the average percent of the reports submitted (bars, each a link to that
 * period's digest) and the average 序时进度 (dashed line). Drawn with visx (scales, shapes, axes) in
 * a SERVER component: the browser gets plain SVG and no chart script. A fixed viewBox keeps the
 * aspect ratio, so nothing shifts when the page appears; it scales down to a phone's width.
 */
import { AxisBottom, AxisLeft } from "@visx/axis";
import { Group } from "@visx/group";
import { scaleBand, scaleLinear } from "@visx/scale";
import { Bar, LinePath } from "@visx/shape";
import type { SeriesPoint } from "@/lib/leader/board";

const WIDTH = 640;
const HEIGHT = 240;
const MARGIN = { top: 14, right: 12, bottom: 30, left: 44 };
const INNER_W = WIDTH - MARGIN.left - MARGIN.right;
const INNER_H = HEIGHT - MARGIN.top - MARGIN.bottom;

const tickLabel = (p: SeriesPoint) => p.label.replace("上半月", "上").replace("下半月", "下");

export function ProgressChart({
  series,
  hrefFor,
  title = "进度走势",
}: {
  series: readonly SeriesPoint[];
  hrefFor: (periodIndex: number) => string;
  title?: string;
}) {
  const x = scaleBand<number>({ domain: series.map((p) => p.periodIndex), range: [0, INNER_W], padding: 0.3 });
  const y = scaleLinear<number>({ domain: [0, 100], range: [INNER_H, 0] });
  const byIndex = new Map(series.map((p) => [p.periodIndex, p]));
  const every = series.length > 12 ? 3 : series.length > 6 ? 2 : 1;
  const last = series.at(-1);
  const label = last ? `${title}：${last.label}报送进度平均 ${last.reported ?? "—"}%，序时进度平均 ${last.expected}%` : `${title}：暂无期次`;
  return (
    <figure className="rounded border border-stone-200 bg-white p-3" data-testid="progress-chart">
      <figcaption className="mb-1 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
        <span className="font-medium text-stone-900">{title}</span>
        <span className="flex items-center gap-1 text-xs text-stone-600">
          <span aria-hidden className="inline-block h-2.5 w-3 bg-sky-600" />
          当期报送进度平均值
        </span>
        <span className="flex items-center gap-1 text-xs text-stone-600">
          <span aria-hidden className="inline-block w-4 border-t-2 border-dashed border-stone-500" />
          序时进度平均值
        </span>
      </figcaption>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        role="img"
        aria-label={label}
        className="block h-auto w-full"
        style={{ aspectRatio: `${WIDTH} / ${HEIGHT}` }}
      >
        <title>{label}</title>
        <Group left={MARGIN.left} top={MARGIN.top}>
          {[25, 50, 75, 100].map((v) => (
            <line key={v} x1={0} x2={INNER_W} y1={y(v)} y2={y(v)} stroke="#e7e5e4" />
          ))}
          {series.map((p) =>
            p.reported === null ? null : (
              <a key={p.periodIndex} href={hrefFor(p.periodIndex)} data-testid="chart-bar" data-period={p.periodIndex}>
                <title>{`${p.label}：${p.reports} 份报告，平均进度 ${p.reported}%，序时进度 ${p.expected}%`}</title>
                <Bar
                  x={x(p.periodIndex)}
                  y={y(p.reported)}
                  width={x.bandwidth()}
                  height={INNER_H - y(p.reported)}
                  className="fill-sky-600 hover:fill-sky-800"
                />
              </a>
            ),
          )}
          <LinePath<SeriesPoint>
            data={[...series]}
            x={(p) => (x(p.periodIndex) ?? 0) + x.bandwidth() / 2}
            y={(p) => y(p.expected)}
            stroke="#78716c"
            strokeWidth={2}
            strokeDasharray="5 4"
            fill="none"
          />
          <AxisLeft
            scale={y}
            tickValues={[0, 50, 100]}
            tickFormat={(v) => `${String(v)}%`}
            stroke="#a8a29e"
            tickStroke="#a8a29e"
            tickLabelProps={{ fontSize: 11, fill: "#57534e" }}
          />
          <AxisBottom
            top={INNER_H}
            scale={x}
            tickValues={series.map((p) => p.periodIndex).filter((_, i) => (series.length - 1 - i) % every === 0)}
            tickFormat={(i) => {
              const p = byIndex.get(Number(i));
              return p ? tickLabel(p) : "";
            }}
            stroke="#a8a29e"
            tickStroke="#a8a29e"
            tickLabelProps={{ fontSize: 11, fill: "#57534e" }}
          />
        </Group>
      </svg>
      <table className="sr-only">
        <caption>{title}数据</caption>
        <thead>
          <tr>
            <th scope="col">期次</th>
            <th scope="col">报送份数</th>
            <th scope="col">报送进度平均值</th>
            <th scope="col">序时进度平均值</th>
          </tr>
        </thead>
        <tbody>
          {series.map((p) => (
            <tr key={p.periodIndex}>
              <th scope="row">{p.label}</th>
              <td>{p.reports}</td>
              <td>{p.reported === null ? "—" : `${p.reported}%`}</td>
              <td>{p.expected}%</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
