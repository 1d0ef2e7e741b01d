/** An inclusive min..max range; an empty box leaves that end open, both empty drop the range. */
import type { TargetRange } from '../../../../core/engine/targets/target-filter';

function endOf(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

export function RangeInputs({
  label,
  minLabel,
  maxLabel,
  range,
  onChange,
  testId,
}: {
  readonly label: string;
  readonly minLabel: string;
  readonly maxLabel: string;
  readonly range: TargetRange | undefined;
  readonly onChange: (range: TargetRange | undefined) => void;
  readonly testId: string;
}) {
  const set = (end: 'min' | 'max', text: string) => {
    const next: TargetRange = { ...range, [end]: endOf(text) };
    if (next.min === undefined) delete next.min;
    if (next.max === undefined) delete next.max;
    onChange(next.min === undefined && next.max === undefined ? undefined : next);
  };
  return (
    <fieldset className="field targets-field targets-range">
      <legend className="field__label">{label}</legend>
      <div className="targets-range__inputs">
        <input type="number" className="input input--num" aria-label={`${label} ${minLabel}`} placeholder={minLabel} data-testid={`${testId}-min`} value={range?.min ?? ''} onChange={(e) => set('min', e.currentTarget.value)} />
        <span aria-hidden="true">–</span>
        <input type="number" className="input input--num" aria-label={`${label} ${maxLabel}`} placeholder={maxLabel} data-testid={`${testId}-max`} value={range?.max ?? ''} onChange={(e) => set('max', e.currentTarget.value)} />
      </div>
    </fieldset>
  );
}
