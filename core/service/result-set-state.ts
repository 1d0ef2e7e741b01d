/**
 * The results set the screens are looking at, kept in memory with its per-set caches (sort
 * orders, filter choices, the view): reading ten million customers' columns back from the
 * knowledge base takes seconds, paging through them must not. One set at a time — a second
 * set of that size would double the memory for no screen that shows two.
 */
import type { AggregateRow, Grouping } from '../engine/aggregates.js';
import { resultAggregates } from '../engine/results/result-aggregates.js';
import type { ResultSet, ResultSetRecord } from '../model/result-set.js';
import type { Store } from '../store/open-store.js';
import { loadResultSet } from '../store/result-sets.js';

export interface LoadedResultSet {
  readonly record: ResultSetRecord;
  readonly set: ResultSet;
  readonly aggregates: Readonly<Record<Grouping, readonly AggregateRow[]>>;
  /** Sort orders, filter choices and other per-set values, dropped with the set. */
  readonly cache: Map<string, unknown>;
}

export class ResultSetState {
  private loaded: LoadedResultSet | null = null;

  constructor(private readonly store: Store) {}

  get(id: number): LoadedResultSet {
    if (this.loaded?.record.id !== id) {
      this.loaded = null;
      const { record, set } = loadResultSet(this.store, id);
      this.loaded = { record, set, aggregates: resultAggregates(set.customers, set.scenario), cache: new Map() };
    }
    return this.loaded;
  }

  /** A set was deleted (or the knowledge base replaced): forget it. */
  forget(id?: number): void {
    if (id === undefined || this.loaded?.record.id === id) this.loaded = null;
  }
}

/** A per-set value computed once. */
export function cachedFor<T>(loaded: LoadedResultSet, key: string, compute: () => T): T {
  if (!loaded.cache.has(key)) loaded.cache.set(key, compute());
  return loaded.cache.get(key) as T;
}
