/**
 * The current run and the what-if loop. While the analyst drags a weight slider the draft
 * changes many times a second; each change asks for a run, but only one run is in flight at a
 * time and only the latest waiting draft is kept, so the screen never falls behind a queue of
 * stale drafts and the last result shown is always the last draft's.
 */
import { create } from 'zustand';
import type { Bilingual } from '../../../core/model/messages';
import type { Scenario, ScenarioIssue } from '../../../core/model/scenario';
import type { ChannelOutput, RunView } from '../../../core/service/contract';
import { serviceClient } from '../app/service-client';
import { errorMessage } from '../components/error-message';
import { useJobsStore } from './jobs-store';
import { useScenarioStore } from './scenario-store';

interface RunState {
  readonly run: RunView | null;
  /** A run is in flight. */
  readonly running: boolean;
  /** The service refused the scenario (the form's check should have caught it). */
  readonly issues: readonly ScenarioIssue[];
  readonly error: Bilingual | null;
  /** Request to answer of the last run, ms: what the analyst waits for after moving a slider. */
  readonly roundTripMs: number | null;
  /** Runs answered since the store was created or reset. */
  readonly completed: number;
  /** The latest draft that arrived while a run was in flight. */
  readonly waiting: Scenario | null;
  /**
   * Runs `scenario` now, or after the run in flight (replacing any draft already waiting).
   * `showProgress` puts the run on the global progress bar: wanted for the first run, but a
   * bar flashing at every slider step would only distract.
   */
  requestRun(scenario: Scenario, options?: { showProgress?: boolean }): Promise<void>;
  reset(): void;
}

const initial = { run: null, running: false, issues: [], error: null, roundTripMs: null, completed: 0, waiting: null } as const;

let whatIfJobs = 0;

function startRun(scenario: Scenario, showProgress: boolean): Promise<ChannelOutput<'runs:start'>> {
  const invoke = (jobId: string) => serviceClient().invoke('runs:start', { jobId, scenario });
  if (showProgress) return useJobsStore.getState().track('runs:start', invoke);
  whatIfJobs += 1;
  return invoke(`runs:start-what-if-${whatIfJobs}`);
}

export const useRunStore = create<RunState>()((set, get) => {
  async function runOnce(scenario: Scenario, showProgress: boolean): Promise<void> {
    const started = performance.now();
    try {
      const answer = await startRun(scenario, showProgress);
      const roundTripMs = Math.round(performance.now() - started);
      if (answer.ok) set((s) => ({ run: answer.run, issues: [], error: null, roundTripMs, completed: s.completed + 1 }));
      else set((s) => ({ issues: answer.issues, error: null, roundTripMs, completed: s.completed + 1 }));
    } catch (caught) {
      set((s) => ({ error: errorMessage(caught), completed: s.completed + 1 }));
    }
  }

  return {
    ...initial,

    async requestRun(scenario, options = {}) {
      if (get().running) {
        set({ waiting: scenario });
        return;
      }
      set({ running: true });
      let next: Scenario | null = scenario;
      let showProgress = options.showProgress ?? false;
      while (next !== null) {
        await runOnce(next, showProgress);
        showProgress = false;
        next = get().waiting;
        set({ waiting: null });
      }
      set({ running: false });
    },

    reset: () => set(initial),
  };
});

function sameScenario(a: Scenario, b: Scenario): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * What-if: once a run exists, every valid draft is run (latest wins). The results page follows
 * the draft while it is shown; on arrival it catches up with edits made on the 模型 page.
 * Returns the unsubscribe function.
 */
export function followDraft(): () => void {
  const catchUp = useScenarioStore.getState().check;
  const { run } = useRunStore.getState();
  if (run !== null && catchUp.ok && !sameScenario(catchUp.scenario, run.scenario)) void useRunStore.getState().requestRun(catchUp.scenario);
  return useScenarioStore.subscribe((state, previous) => {
    if (state.check === previous.check || !state.check.ok) return;
    const runs = useRunStore.getState();
    if (runs.run === null && !runs.running) return;
    void runs.requestRun(state.check.scenario);
  });
}
