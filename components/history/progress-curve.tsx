/**
 * The progress curve of a task: the percent of each period's latest submitted report, on a fixed
 * 24-period axis. Plain SVG rendered on the server (no client script), with a fixed size so the
 * page does not shift when it appears.
 */
const WIDTH = 480;
const HEIGHT = 180;
const PAD = { left: 34, right: 12, top: 12, bottom: 26 };
const PLOT_W = WIDTH - PAD.left - PAD.right;
const PLOT_H = HEIGHT - PAD.top - PAD.bottom;

const x = (period: number) => PAD.left + ((period - 1) / 23) * PLOT_W;
const y = (percent: number) => PAD.top + ((100 - percent) / 100) * PLOT_H;

export function ProgressCurve({ points, currentPeriod }: { points: { index: number; percent: number; late: boolean }[]; currentPeriod: number | null }) {
  const latest = points.at(-1);
  const label = latest ? `完成进度曲线：最近一期 ${latest.percent}%，共 ${points.length} 期已报送` : "完成进度曲线：尚无已报送的进度";
  return (
    <svg
      width={WIDTH}
      height={HEIGHT}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={label}
      data-testid="progress-curve"
      data-points={points.length}
      className="h-auto max-w-full rounded border border-stone-200 bg-white"
    >
      <title>{label}</title>
      {[0, 25, 50, 75, 100].map((p) => (
        <g key={p}>
          <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(p)} y2={y(p)} stroke={p === 0 ? "#a8a29e" : "#e7e5e4"} strokeWidth={1} />
          <text x={PAD.left - 6} y={y(p) + 3} textAnchor="end" fontSize={10} fill="#78716c">
            {p}%
          </text>
        </g>
      ))}
      {Array.from({ length: 12 }, (_, i) => (
        <text key={i} x={x(i * 2 + 1.5)} y={HEIGHT - 8} textAnchor="middle" fontSize={10} fill="#78716c">
          {i + 1}月
        </text>
      ))}
      {currentPeriod !== null && currentPeriod >= 1 && currentPeriod <= 24 && (
        <line x1={x(currentPeriod)} x2={x(currentPeriod)} y1={PAD.top} y2={PAD.top + PLOT_H} stroke="#d6d3d1" strokeDasharray="3 3" />
      )}
      {points.length > 1 && (
        <polyline points={points.map((p) => `${x(p.index)},${y(p.percent)}`).join(" ")} fill="none" stroke="#991b1b" strokeWidth={2} strokeLinejoin="round" />
      )}
      {points.map((p) => (
        <circle key={p.index} cx={x(p.index)} cy={y(p.percent)} r={3.5} fill={p.late ? "#ea580c" : "#991b1b"} stroke="#fff" strokeWidth={1}>
          <title>{`第 ${p.index} 期：${p.percent}%${p.late ? "（逾期报送）" : ""}`}</title>
        </circle>
      ))}
      {points.length === 0 && (
        <text x={PAD.left + PLOT_W / 2} y={PAD.top + PLOT_H / 2} textAnchor="middle" fontSize={12} fill="#a8a29e">
          尚无已报送的进度
        </text>
      )}
    </svg>
  );
}
