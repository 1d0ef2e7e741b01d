/**
 * 目标名单: the filter being edited, the latest build of it on the current run, the saved
 * definitions, and the export of the list (CSV or xlsx) with its hand-over to the user.
 */
import { create } from 'zustand';
import type { Bilingual } from '../../../core/model/messages';
import { targetFilterSchema, type TargetFilter } from '../../../core/engine/targets/target-filter';
import type { ChannelOutput, SavedTargetView, TargetBuildView } from '../../../core/service/contract';
import { serviceClient } from '../app/service-client';
import { errorMessage } from '../components/error-message';
import { isCancellation } from './compare-store';
import { useJobsStore } from './jobs-store';

export type TargetFormat = 'csv' | 'xlsx';
export type TargetExportStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

export const EMPTY_FILTER: TargetFilter = targetFilterSchema.parse({});
export const DEFAULT_TARGET_NAME: Readonly<Record<TargetFormat, string>> = { csv: '营销目标名单.csv', xlsx: '营销目标名单.xlsx' };

interface TargetsState {
  readonly filter: TargetFilter;
  readonly built: TargetBuildView | null;
  readonly building: boolean;
  readonly saved: readonly SavedTargetView[];
  readonly exportStatus: TargetExportStatus;
  readonly written: ChannelOutput<'targets:export'> | null;
  readonly error: Bilingual | null;

  setFilter(patch: Partial<TargetFilter>): void;
  /** Builds the current filter on the run; an answer overtaken by a newer build is dropped. */
  build(runId: string): Promise<void>;
  loadSaved(): Promise<void>;
  save(name: string): Promise<boolean>;
  apply(definition: SavedTargetView): void;
  exportList(runId: string, format: TargetFormat): Promise<void>;
  reveal(): Promise<void>;
  reset(): void;
}

let buildSeq = 0;

const INITIAL = { filter: EMPTY_FILTER, built: null, building: false, saved: [], exportStatus: 'idle', written: null, error: null } as const;

export const useTargetsStore = create<TargetsState>()((set, get) => ({
  ...INITIAL,

  setFilter: (patch) => set((s) => ({ filter: { ...s.filter, ...patch } })),

  async build(runId) {
    const seq = ++buildSeq;
    set({ building: true });
    try {
      const built = await serviceClient().invoke('targets:build', { runId, filter: get().filter });
      if (seq === buildSeq) set({ built, building: false, error: null });
    } catch (e) {
      if (seq === buildSeq) set({ building: false, error: errorMessage(e) });
    }
  },

  async loadSaved() {
    try {
      set({ saved: await serviceClient().invoke('targets:list', {}) });
    } catch (e) {
      set({ error: errorMessage(e) });
    }
  },

  async save(name) {
    try {
      await serviceClient().invoke('targets:save', { name, filter: get().filter });
      await get().loadSaved();
      return true;
    } catch (e) {
      set({ error: errorMessage(e) });
      return false;
    }
  },

  // Parsed again: a definition saved by an older version gets today's defaults.
  apply: (definition) => set({ filter: targetFilterSchema.parse(definition.filter) }),

  async exportList(runId, format) {
    if (get().exportStatus === 'running') return;
    set({ exportStatus: 'idle', written: null, error: null });
    let target: string | null;
    try {
      // As 导出: the desktop asks where to save; the web shell answers with the plain file name.
      target = await serviceClient().pickSaveTarget(DEFAULT_TARGET_NAME[format], format);
    } catch (e) {
      set({ error: errorMessage(e) });
      return;
    }
    if (target === null) return;
    set({ exportStatus: 'running' });
    try {
      const written = await useJobsStore.getState().track('targets:export', (jobId) =>
        serviceClient().invoke('targets:export', { jobId, runId, filter: get().filter, format, target }),
      );
      set({ exportStatus: 'done', written });
    } catch (e) {
      if (isCancellation(e)) set({ exportStatus: 'cancelled' });
      else set({ exportStatus: 'error', error: errorMessage(e) });
    }
  },

  async reveal() {
    const { written } = get();
    if (written === null) return;
    try {
      await serviceClient().deliver(written.path);
    } catch (e) {
      set({ error: errorMessage(e) });
    }
  },

  reset: () => set(INITIAL),
}));
