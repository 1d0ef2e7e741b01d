import { useState } from 'react';

function toText(value: unknown): string {
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' ? value : '';
}

/** Text that is a finite number, as the number; otherwise the text itself. */
function parse(text: string): number | string {
  const trimmed = text.trim();
  const n = Number(trimmed);
  return trimmed !== '' && Number.isFinite(n) ? n : text;
}

/**
 * A number typed as text: while the text is not a number ("", "-", "1e") it is passed on as
 * text, so the scenario check flags the field instead of the input silently keeping an old
 * number. A value changed elsewhere (a slider) replaces the text.
 */
export function NumberInput({
  value,
  onChange,
  invalid,
  label,
  testId,
  className,
  disabled,
}: {
  value: unknown;
  onChange: (value: number | string) => void;
  invalid?: boolean;
  label: string;
  testId?: string;
  className?: string;
  disabled?: boolean;
}) {
  const [text, setText] = useState(() => toText(value));
  const [shown, setShown] = useState(value);
  if (!Object.is(value, shown)) {
    setShown(value);
    if (!Object.is(parse(text), value)) setText(toText(value));
  }
  return (
    <input
      type="text"
      inputMode="decimal"
      className={className === undefined ? 'input input--num' : `input input--num ${className}`}
      value={text}
      aria-label={label}
      aria-invalid={invalid === true ? true : undefined}
      disabled={disabled}
      onChange={(e) => {
        setText(e.target.value);
        onChange(parse(e.target.value));
      }}
      data-testid={testId}
    />
  );
}
