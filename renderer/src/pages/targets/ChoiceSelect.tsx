/** A multi-select over a run's groups; nothing selected means "any" (as TargetFilter reads it). */
export function ChoiceSelect({
  label,
  choices,
  selected,
  onChange,
  testId,
}: {
  readonly label: string;
  readonly choices: readonly string[];
  readonly selected: readonly string[];
  readonly onChange: (selected: string[]) => void;
  readonly testId: string;
}) {
  return (
    <label className="field targets-field">
      <span className="field__label">
        {label}
        {selected.length > 0 && <span className="targets-field__count"> ({selected.length})</span>}
      </span>
      <select
        multiple
        className="select targets-multi"
        size={Math.min(6, Math.max(3, choices.length))}
        value={[...selected]}
        data-testid={testId}
        onChange={(e) => onChange(Array.from(e.currentTarget.selectedOptions, (o) => o.value))}
      >
        {choices.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
    </label>
  );
}
