/**
 * Remembers the last result of each engine stage with the dependencies it was computed from.
 * A stage recomputes only when a dependency changed: objects by identity (an upstream stage
 * that did not recompute hands back the same object), scenario slices by their JSON text.
 */
export class StageCache {
  private readonly entries = new Map<string, { deps: readonly unknown[]; value: unknown }>();
  /** Milliseconds each stage took when it last recomputed (with a clock, injected to keep the engine pure). */
  readonly timings = new Map<string, number>();

  constructor(
    private readonly options: { clock?: (() => number) | undefined; reuseBuffers?: boolean | undefined } = {},
  ) {}

  /**
   * The stage's value for these dependencies. `compute` receives the stage's previous value
   * when the cache recycles buffers (a what-if session), so it can overwrite its arrays
   * instead of allocating new ones.
   */
  get<T>(stage: string, deps: readonly unknown[], compute: (previous: T | undefined) => T): T {
    const hit = this.entries.get(stage);
    if (hit !== undefined && sameDeps(hit.deps, deps)) return hit.value as T;
    const clock = this.options.clock;
    const started = clock?.();
    const value = compute(this.options.reuseBuffers === true ? (hit?.value as T | undefined) : undefined);
    if (started !== undefined && clock !== undefined) this.timings.set(stage, clock() - started);
    this.entries.set(stage, { deps, value });
    return value;
  }

  /**
   * Forgets a stage's value once its dependencies have changed, for stages computed only when
   * asked for: otherwise the cache holds the stale value (and its memory) until the next ask.
   */
  forgetUnless(stage: string, deps: readonly unknown[]): void {
    const hit = this.entries.get(stage);
    if (hit !== undefined && !sameDeps(hit.deps, deps)) this.entries.delete(stage);
  }
}

function sameDeps(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

/** A scenario slice as a dependency: equal slices give equal strings. */
export function sliceKey(slice: unknown): string {
  return JSON.stringify(slice);
}
