/**
 * 趋势 and 预警: the current draft's trend and a page of its early warnings. The service caches
 * the trend for its session, so opening either screen again answers at once.
 */
import { create } from 'zustand';
import type { Bilingual } from '../../../core/model/messages';
import type { Scenario, ScenarioIssue } from '../../../core/model/scenario';
import type { TrendView, WarningPage, WarningRuleName, WarningView } from '../../../core/service/contract';
import { serviceClient } from '../app/service-client';
import { errorMessage } from '../components/error-message';
import { useJobsStore } from './jobs-store';
import { useScenarioStore } from './scenario-store';

export const WARNINGS_PAGE_SIZE = 100;
/** The largest page the service gives; the CSV export fetches this many at a time. */
const EXPORT_PAGE_SIZE = 10_000;

export interface WarningFilter {
  readonly rule: WarningRuleName | null;
  readonly branch: string | null;
}

interface TrendState {
  readonly trend: TrendView | null;
  readonly trendLoading: boolean;
  readonly warnings: WarningPage | null;
  readonly warningsLoading: boolean;
  readonly filter: WarningFilter;
  readonly offset: number;
  readonly issues: readonly ScenarioIssue[];
  readonly error: Bilingual | null;

  loadTrend(): Promise<void>;
  loadWarnings(): Promise<void>;
  setFilter(filter: Partial<WarningFilter>): Promise<void>;
  setOffset(offset: number): Promise<void>;
  /** Every warning matching the filter, page by page (for the CSV export). */
  allWarnings(): Promise<WarningView[]>;
}

/** The draft's check: when it is invalid its issues are shown instead of calling the service. */
function draftScenario(): { readonly ok: true; readonly scenario: Scenario } | { readonly ok: false; readonly issues: readonly ScenarioIssue[] } {
  return useScenarioStore.getState().check;
}

function filterArgument(filter: WarningFilter): { rule?: WarningRuleName; branch?: string } {
  return { ...(filter.rule === null ? {} : { rule: filter.rule }), ...(filter.branch === null ? {} : { branch: filter.branch }) };
}

export const useTrendStore = create<TrendState>()((set, get) => ({
  trend: null,
  trendLoading: false,
  warnings: null,
  warningsLoading: false,
  filter: { rule: null, branch: null },
  offset: 0,
  issues: [],
  error: null,

  async loadTrend() {
    const check = draftScenario();
    if (!check.ok) return set({ issues: check.issues });
    const scenario = check.scenario;
    set({ trendLoading: true, error: null, issues: [] });
    try {
      const answer = await useJobsStore.getState().track('trend:get', (jobId) => serviceClient().invoke('trend:get', { jobId, scenario }));
      if (answer.ok) set({ trend: answer.trend });
      else set({ issues: answer.issues });
    } catch (e) {
      set({ error: errorMessage(e) });
    } finally {
      set({ trendLoading: false });
    }
  },

  async loadWarnings() {
    const check = draftScenario();
    if (!check.ok) return set({ issues: check.issues });
    const scenario = check.scenario;
    const { filter, offset } = get();
    set({ warningsLoading: true, error: null, issues: [] });
    try {
      const answer = await useJobsStore
        .getState()
        .track('warnings:list', (jobId) => serviceClient().invoke('warnings:list', { jobId, scenario, ...filterArgument(filter), offset, limit: WARNINGS_PAGE_SIZE }));
      // A later filter change may have answered first: keep only the answer for the filter shown.
      if (get().filter !== filter || get().offset !== offset) return;
      if (answer.ok) set({ warnings: answer.page });
      else set({ issues: answer.issues });
    } catch (e) {
      set({ error: errorMessage(e) });
    } finally {
      set({ warningsLoading: false });
    }
  },

  async setFilter(change) {
    set({ filter: { ...get().filter, ...change }, offset: 0 });
    await get().loadWarnings();
  },

  async setOffset(offset) {
    set({ offset });
    await get().loadWarnings();
  },

  async allWarnings() {
    const check = draftScenario();
    if (!check.ok) return [];
    const scenario = check.scenario;
    const rows: WarningView[] = [];
    for (let offset = 0; ; offset += EXPORT_PAGE_SIZE) {
      const answer = await serviceClient().invoke('warnings:list', { jobId: `warnings:list-export-${crypto.randomUUID()}`, scenario, ...filterArgument(get().filter), offset, limit: EXPORT_PAGE_SIZE });
      if (!answer.ok) return rows;
      rows.push(...answer.page.rows);
      if (offset + EXPORT_PAGE_SIZE >= answer.page.total) return rows;
    }
  },
}));
