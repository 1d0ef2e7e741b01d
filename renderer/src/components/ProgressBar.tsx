/** Determinate when the total is known, otherwise a moving stripe (the service has not counted yet). */
export function ProgressBar({ done, total }: { done: number; total: number }) {
  const known = total > 0;
  const percent = known ? Math.min(100, Math.round((done / total) * 100)) : undefined;
  return (
    <div className={known ? 'progress' : 'progress progress--indeterminate'} role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
      <div className="progress__bar" style={percent === undefined ? undefined : { width: `${percent}%` }} />
    </div>
  );
}
