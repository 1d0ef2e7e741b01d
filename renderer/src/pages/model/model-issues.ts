/** The scenario check's issues for one place in the form, by the dotted path parseScenario reports. */
import { useMemo } from 'react';
import type { ScenarioIssue } from '../../../../core/model/scenario';
import { type DraftPath, getIn, useScenarioStore } from '../../stores/scenario-store';

export function pathKey(path: DraftPath): string {
  return path.map(String).join('.');
}

/** Issues at exactly `path`, or (`within`) at it and anywhere below it. */
export function useIssues(path: DraftPath, within = false): readonly ScenarioIssue[] {
  const check = useScenarioStore((s) => s.check);
  const key = pathKey(path);
  return useMemo(() => {
    if (check.ok) return [];
    return check.issues.filter((i) => i.path === key || (within && i.path.startsWith(`${key}.`)));
  }, [check, key, within]);
}

/** One value of the draft; re-renders only when that value changes. */
export function useDraft(path: DraftPath): unknown {
  return useScenarioStore((s) => getIn(s.draft, path));
}

export function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

/** Σ of the numeric values of a weight map (anything else counts 0, as the schema's sum check sees it). */
export function weightSum(weights: unknown): number {
  if (weights === null || typeof weights !== 'object') return 0;
  return Object.values(weights).reduce<number>((acc, w) => acc + (typeof w === 'number' ? w : 0), 0);
}

/** The schema's own tolerance, so the form's flag and the save button agree. */
export function sumsToOne(sum: number): boolean {
  return Math.abs(sum - 1) <= 1e-9;
}

export function percentText(share: number): string {
  return `${(Math.round(share * 10000) / 100).toString()}%`;
}
