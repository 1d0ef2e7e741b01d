/**
 * 对比: two scenarios (saved ones or the current draft) run over the same data as one job,
 * with progress on the global bar and a cancel button.
 */
import { create } from 'zustand';
import type { Bilingual } from '../../../core/model/messages';
import type { Scenario, ScenarioIssue } from '../../../core/model/scenario';
import type { ComparisonView } from '../../../core/service/contract';
import { ServiceCallError } from '../api/service-client';
import { serviceClient } from '../app/service-client';
import { errorMessage } from '../components/error-message';
import { useJobsStore } from './jobs-store';
import { useScenarioStore } from './scenario-store';

/** The current draft, or a saved scenario by name. */
export type ScenarioChoice = { readonly kind: 'draft' } | { readonly kind: 'saved'; readonly name: string };

export const DRAFT_CHOICE: ScenarioChoice = { kind: 'draft' };

export type Side = 'a' | 'b';

interface CompareState {
  readonly a: ScenarioChoice;
  readonly b: ScenarioChoice | null;
  readonly running: boolean;
  /** The running comparison's job, for cancelling. */
  readonly jobId: string | null;
  readonly comparison: ComparisonView | null;
  /** Problems of a chosen scenario (the draft may be invalid), by side; null when the service refused one. */
  readonly issues: readonly { readonly side: Side | null; readonly issue: ScenarioIssue }[];
  readonly error: Bilingual | null;
  readonly cancelled: boolean;

  choose(side: Side, choice: ScenarioChoice): void;
  run(): Promise<void>;
  cancel(): Promise<void>;
}

/** The service's answer to a call whose job was cancelled (jobs:cancel). */
export function isCancellation(error: unknown): boolean {
  return error instanceof ServiceCallError && error.error.code === 'job.cancelled';
}

type Resolved = { readonly ok: true; readonly scenario: Scenario } | { readonly ok: false; readonly issues: readonly ScenarioIssue[] };

/** The scenario a choice stands for, as the scenario store holds it now. */
function resolve(choice: ScenarioChoice): Resolved {
  const scenarios = useScenarioStore.getState();
  if (choice.kind === 'draft') return scenarios.check;
  const saved = scenarios.saved.find((s) => s.name === choice.name);
  if (saved === undefined) return { ok: false, issues: [{ path: '', code: 'compare.scenario_missing', zh: `找不到已保存的方案“${choice.name}”`, en: `The saved scenario "${choice.name}" no longer exists` }] };
  return { ok: true, scenario: saved.scenario };
}

export const useCompareStore = create<CompareState>()((set, get) => ({
  a: DRAFT_CHOICE,
  b: null,
  running: false,
  jobId: null,
  comparison: null,
  issues: [],
  error: null,
  cancelled: false,

  choose(side, choice) {
    set(side === 'a' ? { a: choice } : { b: choice });
  },

  async run() {
    const { a, b } = get();
    if (b === null || get().running) return;
    const ra = resolve(a);
    const rb = resolve(b);
    const issues = [...(ra.ok ? [] : ra.issues.map((issue) => ({ side: 'a' as const, issue }))), ...(rb.ok ? [] : rb.issues.map((issue) => ({ side: 'b' as const, issue })))];
    if (!ra.ok || !rb.ok) {
      set({ issues, error: null, cancelled: false });
      return;
    }
    set({ running: true, issues: [], error: null, cancelled: false });
    try {
      const answer = await useJobsStore.getState().track('compare:run', (jobId) => {
        set({ jobId });
        return serviceClient().invoke('compare:run', { jobId, a: ra.scenario, b: rb.scenario });
      });
      if (answer.ok) set({ comparison: answer.comparison });
      else set({ issues: answer.issues.map((issue) => ({ side: null, issue })) });
    } catch (e) {
      if (isCancellation(e)) set({ cancelled: true });
      else set({ error: errorMessage(e) });
    } finally {
      set({ running: false, jobId: null });
    }
  },

  async cancel() {
    const { jobId } = get();
    if (jobId !== null) await useJobsStore.getState().cancel(jobId);
  },
}));
