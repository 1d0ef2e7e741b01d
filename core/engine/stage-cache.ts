/**
 * Remembers the last result of each engine stage with the dependencies it was computed from.
 * A stage recomputes only when a dependency changed: objects by identity (an upstream stage
 * that did not recompute hands back the same object), scenario slices by their JSON text.
 */
export class StageCache {
  private readonly entries = new Map<string, { deps: readonly unknown[]; value: unknown }>();
  /** Milliseconds each stage took when it last recomputed, for benchmarks; the clock is injected to keep the engine pure. */
  readonly timings = new Map<string, number>();

  constructor(private readonly clock?: () => number) {}

  get<T>(stage: string, deps: readonly unknown[], compute: () => T): T {
    const hit = this.entries.get(stage);
    if (hit !== undefined && hit.deps.length === deps.length && hit.deps.every((d, i) => d === deps[i])) return hit.value as T;
    const started = this.clock?.();
    const value = compute();
    if (started !== undefined && this.clock !== undefined) this.timings.set(stage, this.clock() - started);
    this.entries.set(stage, { deps, value });
    return value;
  }
}

/** A scenario slice as a dependency: equal slices give equal strings. */
export function sliceKey(slice: unknown): string {
  return JSON.stringify(slice);
}
