/**
 * 结果集 (issue 7): results sets — the customers.csv and scenario of a run made elsewhere (the
 * warehouse running `cvalue sql`, `cvalue run --engine duckdb`, another PC's `--out-dir`) —
 * imported as a job, listed, viewed (figures, charts, aggregates, reconciliation, provenance),
 * deleted, and exported as a value workbook through the 导出 page's save-target/deliver flow.
 * The selected set's customers are in result-set-customers-store.ts.
 */
import { create } from 'zustand';
import type { Bilingual, Lang } from '../../../core/model/messages';
import type { ChannelOutput, ResultSetSummaryView, ResultSetView } from '../../../core/service/contract';
import { serviceClient } from '../app/service-client';
import { errorMessage } from '../components/error-message';
import { isCancellation } from './compare-store';
import type { ExportPreset, ExportStatus } from './export-store';
import { useJobsStore } from './jobs-store';

export type ResultImportOutcome = ChannelOutput<'results:import'>;

/** What the import step says besides its outcome. */
export type ImportNotice = 'cancelled' | 'nothingChosen';

interface ResultSetsState {
  /** Newest first. */
  readonly sets: readonly ResultSetSummaryView[];
  readonly loaded: boolean;
  readonly selectedId: number | null;
  /** The selected set's figures; null while it loads. */
  readonly view: ResultSetView | null;
  readonly viewError: Bilingual | null;
  readonly importing: boolean;
  /** The last import's answer: the new set, or the problems that refused it. */
  readonly outcome: ResultImportOutcome | null;
  readonly notice: ImportNotice | null;
  /** Chosen files that are no part of a results set, left out of the last import (web shell). */
  readonly skipped: readonly string[];
  readonly error: Bilingual | null;

  readonly preset: ExportPreset;
  /** The workbook's language as the user chose it; null follows the UI's. */
  readonly exportLang: Lang | null;
  /**
   * Each set's export by the set's id (read with exportOf): an export keeps running, shown and
   * cancellable on its own set while another set is viewed, and its end changes only its own set.
   */
  readonly exports: Readonly<Record<number, SetExport>>;

  /** Reloads the list; keeps the selection while its set exists, else selects the newest set. */
  refresh(): Promise<void>;
  select(id: number | null): Promise<void>;
  /**
   * Asks for a folder (desktop) or files (web shell) and imports them as one job; `month` (YYYY-MM)
   * is the evaluation month for a scenario that leaves it empty (as `cvalue sql --month` gives it).
   */
  importSet(name?: string, month?: string): Promise<void>;
  deleteSet(id: number): Promise<void>;
  clearOutcome(): void;
  setPreset(preset: ExportPreset): void;
  setExportLang(lang: Lang): void;
  /**
   * Writes the selected set's value workbook in `lang` where the user says (desktop: save dialog).
   * Refused while that set's export runs; another set's may run meanwhile.
   */
  exportSelected(lang: Lang): Promise<void>;
  /** Cancels the export of set `id` (default: the selected set's), if it runs. */
  cancelExport(id?: number): Promise<void>;
  /** Desktop: shows set `id`'s (default: the selected set's) workbook in its folder; web shell: downloads it. */
  revealExport(id?: number): Promise<void>;
  dismissExportError(id: number): void;
}

/** One set's export. */
export interface SetExport {
  readonly status: ExportStatus;
  /** The running export's job, once its call has started; null otherwise. */
  readonly jobId: string | null;
  readonly written: ChannelOutput<'results:export'> | null;
  readonly error: Bilingual | null;
}

export const EXPORT_IDLE: SetExport = Object.freeze({ status: 'idle', jobId: null, written: null, error: null });

/** Set `id`'s export (the same idle object for every set that has none, so selectors stay stable). */
export function exportOf(state: Pick<ResultSetsState, 'exports'>, id: number | null): SetExport {
  return (id === null ? undefined : state.exports[id]) ?? EXPORT_IDLE;
}

/** The workbook's suggested name: the set's name in it, so two sets' reports do not overwrite each other. */
export function resultReportName(set: Pick<ResultSetSummaryView, 'name'>, lang: Lang): string {
  return lang === 'en' ? `result-set ${set.name}.xlsx` : `结果集 ${set.name}.xlsx`;
}

export const useResultSetsStore = create<ResultSetsState>()((set, get) => {
  function putExport(id: number, entry: SetExport): void {
    set({ exports: { ...get().exports, [id]: entry } });
  }

  /** The exports of the listed sets only: a deleted set's id may come back for a new set. */
  function keepExports(ids: readonly number[]): void {
    const { exports } = get();
    const kept = Object.fromEntries(Object.entries(exports).filter(([id]) => ids.includes(Number(id))));
    if (Object.keys(kept).length !== Object.keys(exports).length) set({ exports: kept });
  }

  async function loadView(id: number): Promise<void> {
    try {
      const view = await serviceClient().invoke('results:view', { id });
      if (get().selectedId === id) set({ view });
    } catch (e) {
      if (get().selectedId === id) set({ viewError: errorMessage(e) });
    }
  }

  return {
    sets: [],
    loaded: false,
    selectedId: null,
    view: null,
    viewError: null,
    importing: false,
    outcome: null,
    notice: null,
    skipped: [],
    error: null,
    preset: 'summary',
    exportLang: null,
    exports: {},

    async refresh() {
      let sets: ResultSetSummaryView[];
      try {
        sets = [...(await serviceClient().invoke('results:list', {}))].sort((a, b) => b.id - a.id);
      } catch (e) {
        set({ error: errorMessage(e) });
        return;
      }
      set({ sets, loaded: true });
      keepExports(sets.map((s) => s.id));
      const { selectedId } = get();
      if (selectedId === null || !sets.some((s) => s.id === selectedId)) await get().select(sets[0]?.id ?? null);
    },

    async select(id) {
      if (id !== null && id === get().selectedId && get().view !== null) return;
      // Exports stay with their sets: one still running on the set left behind is shown again on return.
      set({ selectedId: id, view: null, viewError: null });
      if (id !== null) await loadView(id);
    },

    async importSet(name, month) {
      if (get().importing) return;
      set({ importing: true, outcome: null, notice: null, skipped: [], error: null });
      try {
        const client = serviceClient();
        const picked = await client.pickResultSet();
        set({ skipped: picked.skipped });
        if (picked.paths.length === 0) {
          // Cancelled, or nothing chosen was part of a results set (then `skipped` says what was).
          if (picked.skipped.length > 0) set({ notice: 'nothingChosen' });
          return;
        }
        const paths = [...picked.paths];
        const outcome = await useJobsStore.getState().track('results:import', (jobId) => client.invoke('results:import', { jobId, paths, ...(name === undefined ? {} : { name }), ...(month === undefined ? {} : { month }) }));
        set({ outcome });
        if (outcome.status === 'imported') {
          await get().refresh();
          await get().select(outcome.set.id);
        }
      } catch (e) {
        if (isCancellation(e)) set({ notice: 'cancelled' });
        else set({ error: errorMessage(e) });
      } finally {
        set({ importing: false });
      }
    },

    async deleteSet(id) {
      try {
        await serviceClient().invoke('results:delete', { id });
      } catch (e) {
        set({ error: errorMessage(e) });
        return;
      }
      const { outcome } = get();
      if (outcome?.status === 'imported' && outcome.set.id === id) set({ outcome: null });
      await get().refresh();
    },

    clearOutcome() {
      set({ outcome: null, notice: null, skipped: [], error: null });
    },

    setPreset: (preset) => set({ preset }),
    setExportLang: (exportLang) => set({ exportLang }),

    async exportSelected(lang) {
      const { selectedId: id, view, preset } = get();
      if (id === null || view === null || view.set.id !== id || exportOf(get(), id).status === 'running') return;
      const client = serviceClient();
      let target: string | null;
      try {
        target = await client.pickSaveTarget(resultReportName(view.set, lang), 'xlsx');
      } catch (e) {
        putExport(id, { ...EXPORT_IDLE, status: 'error', error: errorMessage(e) });
        return;
      }
      // Another click may have started this set's export while the dialog was open.
      if (target === null || exportOf(get(), id).status === 'running') return;
      putExport(id, { ...EXPORT_IDLE, status: 'running' });
      let jobId: string | null = null;
      // Whether set `id`'s export is still this one (the set was not deleted meanwhile).
      const mine = (): boolean => {
        const now = get().exports[id];
        return now !== undefined && now.status === 'running' && now.jobId === jobId;
      };
      try {
        const written = await useJobsStore.getState().track('results:export', (started) => {
          if (mine()) putExport(id, { ...EXPORT_IDLE, status: 'running', jobId: started });
          jobId = started;
          return client.invoke('results:export', { jobId: started, id, preset, lang, target });
        });
        if (mine()) putExport(id, { ...EXPORT_IDLE, status: 'done', written });
      } catch (e) {
        if (!mine()) return;
        if (isCancellation(e)) putExport(id, { ...EXPORT_IDLE, status: 'cancelled' });
        else putExport(id, { ...EXPORT_IDLE, status: 'error', error: errorMessage(e) });
      }
    },

    async cancelExport(id = get().selectedId ?? undefined) {
      if (id === undefined) return;
      const { jobId } = exportOf(get(), id);
      if (jobId !== null) await useJobsStore.getState().cancel(jobId);
    },

    async revealExport(id = get().selectedId ?? undefined) {
      if (id === undefined) return;
      const { written } = exportOf(get(), id);
      if (written === null) return;
      try {
        await serviceClient().deliver(written.path);
      } catch (e) {
        const now = exportOf(get(), id);
        if (now.written === written) putExport(id, { ...now, error: errorMessage(e) });
      }
    },

    dismissExportError(id) {
      const now = exportOf(get(), id);
      if (now.error !== null) putExport(id, { ...now, error: null });
    },
  };
});
