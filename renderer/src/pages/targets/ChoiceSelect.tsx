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
    <label className="targets-field">
      <span>{label}</span>
      <select
        multiple
        size={Math.min(5, Math.max(2, choices.length))}
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
