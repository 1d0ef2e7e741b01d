/**
 * The knowledge base's data as the engine sees it, and the runs the screens may still ask about.
 *
 * Lifetime of a run: `runs:start` runs on ONE long-lived what-if session whose stages are reused
 * and whose arrays are overwritten (`reuseBuffers`), so a slider drag re-runs in milliseconds.
 * The price is that only the latest what-if run is valid: each run gets a new runId and older
 * ones answer `run.superseded`. A comparison runs its two scenarios on fresh sessions of their
 * own, so both results stay intact until the next comparison. An export pins the run it writes:
 * a what-if re-run while a pinned run is being written starts a new session instead of
 * overwriting the arrays the export is reading. An import or a delete drops everything.
 */
import { randomUUID } from 'node:crypto';
import { ModelSession, type ModelResult } from '../engine/run-model.js';
import type { ModelInput } from '../model/dataset.js';
import { monthKey } from '../model/month.js';
import type { Scenario } from '../model/scenario.js';
import { loadModelInput } from '../store/load-model-input.js';
import type { Store } from '../store/open-store.js';
import { ServiceFailure, serviceIssues } from './service-errors.js';

export interface LiveRun {
  readonly runId: string;
  readonly result: ModelResult;
  /** Milliseconds the engine took for this run. */
  readonly engineMs: number;
  /** customers:query's sorted orders and other per-run caches, dropped with the run. */
  readonly cache: Map<string, unknown>;
}

export class ModelState {
  private loaded: ModelInput | null = null;
  private whatIf: { session: ModelSession; latest: LiveRun | null } | null = null;
  private comparison: readonly LiveRun[] = [];
  /** Results being read by an export, with how many exports read each. */
  private readonly pins = new Map<ModelResult, number>();
  /** Run ids of this service instance start with it, so an id from before a restart is told apart. */
  private readonly instance = randomUUID().slice(0, 8);
  private runCount = 0;

  constructor(
    private readonly store: Store,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  /** The knowledge base's data, read once and kept until invalidate(). */
  input(): ModelInput {
    this.loaded ??= loadModelInput(this.store);
    return this.loaded;
  }

  get isLoaded(): boolean {
    return this.loaded !== null;
  }

  /** The data changed (import, delete): the next run reads it again and every run so far is superseded. */
  invalidate(): void {
    this.loaded = null;
    this.whatIf = null;
    this.comparison = [];
  }

  /** Runs `scenario` on the what-if session; the previous what-if run is superseded. */
  runWhatIf(scenario: Scenario): LiveRun {
    const input = this.runnableInput(scenario);
    const previous = this.whatIf?.latest ?? null;
    if (this.whatIf === null || (previous !== null && this.pins.has(previous.result))) {
      this.whatIf = { session: new ModelSession(input, { reuseBuffers: true }), latest: null };
    }
    const whatIf = this.whatIf;
    whatIf.latest = null;
    let result: ModelResult;
    const started = this.clock();
    try {
      result = whatIf.session.run(scenario);
    } catch (e) {
      // A run that failed half way may have overwritten some arrays: start the next one afresh.
      this.whatIf = null;
      throw e;
    }
    const run = this.register(result, this.clock() - started);
    whatIf.latest = run;
    return run;
  }

  /** Runs the scenarios of a comparison on fresh sessions; the previous comparison is superseded. */
  runComparison(scenarios: readonly Scenario[], between: () => void): LiveRun[] {
    const inputs = scenarios.map((s) => this.runnableInput(s));
    this.comparison = [];
    const runs = inputs.map((input, i) => {
      if (i > 0) between();
      const started = this.clock();
      const result = new ModelSession(input).run(scenarios[i] as Scenario);
      return this.register(result, this.clock() - started);
    });
    this.comparison = runs;
    return runs;
  }

  /** A live run, or the failure that says why it is gone. */
  run(runId: string): LiveRun {
    const live = [this.whatIf?.latest, ...this.comparison].find((r) => r?.runId === runId);
    if (live !== undefined && live !== null) return live;
    throw new ServiceFailure(runId.startsWith(`${this.instance}-`) ? serviceIssues.runSuperseded(runId) : serviceIssues.runNotFound(runId));
  }

  /** Keeps the run's arrays from being overwritten until the returned function is called. */
  pin(run: LiveRun): () => void {
    const { result } = run;
    this.pins.set(result, (this.pins.get(result) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.pins.get(result) ?? 1) - 1;
      if (left > 0) this.pins.set(result, left);
      else this.pins.delete(result);
    };
  }

  private register(result: ModelResult, engineMs: number): LiveRun {
    this.runCount++;
    return { runId: `${this.instance}-${this.runCount}`, result, engineMs, cache: new Map() };
  }

  /** The data, after checking that the scenario can be run on it. */
  private runnableInput(scenario: Scenario): ModelInput {
    const input = this.input();
    const months = Array.from(input.facts.months, monthKey);
    if (input.facts.customer.length === 0) throw new ServiceFailure(serviceIssues.noUsage);
    if (scenario.month !== null && !months.includes(scenario.month)) throw new ServiceFailure(serviceIssues.monthNotLoaded(scenario.month, months));
    return input;
  }
}
