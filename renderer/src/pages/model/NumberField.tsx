import type { ReactNode } from 'react';
import { NumberInput } from '../../components/NumberInput';
import type { DraftPath } from '../../stores/scenario-store';
import { useScenarioStore } from '../../stores/scenario-store';
import { Issues } from './Issues';
import { pathKey, useDraft, useIssues } from './model-issues';

/** A labelled number of the draft with its issues under it. */
export function NumberField({ path, label, hint, testId }: { path: DraftPath; label: string; hint?: ReactNode; testId?: string }) {
  const value = useDraft(path);
  const issues = useIssues(path);
  const setField = useScenarioStore((s) => s.setField);
  const id = testId ?? `field-${pathKey(path)}`;
  return (
    <label className="field">
      <span className="field__label">{label}</span>
      <NumberInput value={value} label={label} invalid={issues.length > 0} onChange={(v) => setField(path, v)} testId={id} />
      {hint === undefined ? null : <span className="field__hint">{hint}</span>}
      <Issues issues={issues} testId={`${id}-issues`} />
    </label>
  );
}
