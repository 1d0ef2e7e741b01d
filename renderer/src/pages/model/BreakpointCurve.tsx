/** The manual breakpoints as a small line: profit across, score up, flat beyond both ends as the model is. */
const W = 260;
const H = 120;
const PAD = 18;

export function BreakpointCurve({ points, label }: { points: readonly (readonly [number, number])[]; label: string }) {
  const first = points[0];
  const last = points.at(-1);
  if (first === undefined || last === undefined || points.length < 2) return null;
  const minP = Math.min(...points.map((p) => p[0]));
  const maxP = Math.max(...points.map((p) => p[0]));
  const spanP = maxP - minP || 1;
  const margin = spanP * 0.12;
  const x = (p: number) => PAD + ((p - minP + margin) / (spanP + 2 * margin)) * (W - 2 * PAD);
  const y = (s: number) => H - PAD - (Math.min(Math.max(s, 0), 100) / 100) * (H - 2 * PAD);
  const line = [`${PAD},${y(first[1])}`, ...points.map(([p, s]) => `${x(p)},${y(s)}`), `${W - PAD},${y(last[1])}`].join(' ');
  return (
    <svg className="curve" viewBox={`0 0 ${W} ${H}`} width={W} height={H} role="img" aria-label={label} data-testid="breakpoint-curve">
      <line className="curve__axis" x1={PAD} y1={H - PAD} x2={W - PAD} y2={H - PAD} />
      <line className="curve__axis" x1={PAD} y1={PAD} x2={PAD} y2={H - PAD} />
      <text className="curve__tick" x={PAD - 4} y={y(100) + 4} textAnchor="end">
        100
      </text>
      <text className="curve__tick" x={PAD - 4} y={y(0) + 4} textAnchor="end">
        0
      </text>
      <polyline className="curve__line" points={line} />
      {points.map(([p, s], i) => (
        <circle key={i} className="curve__point" cx={x(p)} cy={y(s)} r={3} />
      ))}
      <text className="curve__tick" x={x(minP)} y={H - 4} textAnchor="middle">
        {minP}
      </text>
      <text className="curve__tick" x={x(maxP)} y={H - 4} textAnchor="middle">
        {maxP}
      </text>
    </svg>
  );
}
