/**
 * The 数据 page's flow: pick files → preview each sheet with the field every column is read
 * as (the user may fix a column by hand) → validate → import as one job. Also the sample data
 * a new user can load in one step, and the knowledge base's imports, for the list and the
 * header's data summary.
 */
import { create } from 'zustand';
import type { Bilingual, Lang } from '../../../core/model/messages';
import type { ChannelArgument, ChannelOutput, ImportView, SheetPreview, ValidationView } from '../../../core/service/contract';
import { serviceClient } from '../app/service-client';
import { errorMessage } from '../components/error-message';
import { useJobsStore } from './jobs-store';

/** The contract's column mapping: header texts and the field each one is read as (null: ignored). */
export type ColumnMappingArg = ChannelArgument<'mappings:save'>['mapping'];

export type ImportOutcome = ChannelOutput<'datasets:import'>;
type Busy = 'preview' | 'validate' | 'import' | 'sample' | 'export' | 'delete';

interface DatasetsState {
  readonly imports: readonly ImportView[];
  readonly importsLoaded: boolean;
  readonly paths: readonly string[];
  readonly previews: readonly SheetPreview[];
  /** Columns fixed by hand: sheet key → header → field (null: ignore). */
  readonly fixes: Readonly<Record<string, Readonly<Record<string, string | null>>>>;
  readonly sumDuplicates: boolean;
  readonly replace: boolean;
  /** The validation report of the current files and mapping; null until validated or after a change. */
  readonly report: ValidationView | null;
  readonly outcome: ImportOutcome | null;
  /** What the last sample load did; apart from `outcome`, which belongs to the files being imported. */
  readonly sampleOutcome: ImportOutcome | null;
  readonly busy: Busy | null;
  readonly error: Bilingual | null;

  refresh(): Promise<void>;
  addPaths(paths: readonly string[]): Promise<void>;
  removePath(path: string): Promise<void>;
  clearFiles(): void;
  setColumnField(sheet: SheetPreview, header: string, field: string | null): Promise<void>;
  setSumDuplicates(on: boolean): void;
  setReplace(on: boolean): void;
  validate(): Promise<void>;
  importFiles(): Promise<void>;
  importSample(customers: number, months: number): Promise<void>;
  clearSampleOutcome(): void;
  exportReport(lang: Lang): Promise<void>;
  deleteImport(importId: number): Promise<void>;
  clearError(): void;
}

export function sheetKey(sheet: Pick<SheetPreview, 'file' | 'sheet'>): string {
  return `${sheet.file}\u0000${sheet.sheet ?? ''}`;
}

/** The mappings to send: every sheet with a column fixed by hand, with all its columns. */
export function mappingsOf(state: Pick<DatasetsState, 'previews' | 'fixes'>): ColumnMappingArg[] {
  return state.previews.flatMap((p) => {
    const fixed = state.fixes[sheetKey(p)];
    if (fixed === undefined) return [];
    return [{ headers: [...p.header], fields: { ...p.fields, ...fixed } }];
  });
}

const EMPTY_FILES = { paths: [], previews: [], fixes: {}, report: null } as const;

export const useDatasetsStore = create<DatasetsState>()((set, get) => {
  async function call(busy: Busy, run: () => Promise<void>): Promise<void> {
    set({ busy, error: null });
    try {
      await run();
    } catch (e) {
      set({ error: errorMessage(e) });
    } finally {
      set({ busy: null });
    }
  }

  function preview(): Promise<void> {
    const { paths } = get();
    if (paths.length === 0) {
      set({ previews: [] });
      return Promise.resolve();
    }
    return call('preview', async () => {
      const previews = await serviceClient().invoke('datasets:preview', { paths: [...paths], mappings: mappingsOf(get()) });
      // A slower earlier preview must not overwrite the answer for a newer set of files.
      if (get().paths === paths) set({ previews });
    });
  }

  return {
    imports: [],
    importsLoaded: false,
    ...EMPTY_FILES,
    sumDuplicates: false,
    replace: false,
    outcome: null,
    sampleOutcome: null,
    busy: null,
    error: null,

    async refresh() {
      try {
        set({ imports: await serviceClient().invoke('datasets:list', {}), importsLoaded: true });
      } catch (e) {
        set({ error: errorMessage(e) });
      }
    },

    addPaths(paths) {
      const known = new Set(get().paths);
      const added = paths.filter((p) => !known.has(p));
      if (added.length === 0) return Promise.resolve();
      set({ paths: [...get().paths, ...added], report: null, outcome: null });
      return preview();
    },

    removePath(path) {
      set({ paths: get().paths.filter((p) => p !== path), report: null, outcome: null });
      return preview();
    },

    clearFiles() {
      set({ ...EMPTY_FILES, outcome: null, error: null });
    },

    setColumnField(sheet, header, field) {
      const key = sheetKey(sheet);
      const fixes = { ...get().fixes, [key]: { ...get().fixes[key], [header]: field } };
      set({ fixes, report: null, outcome: null });
      // The service re-reads the sheet with the mapping: its kind may change (e.g. once customer_id is known).
      return preview();
    },

    setSumDuplicates(on) {
      set({ sumDuplicates: on, report: null });
    },

    setReplace(on) {
      set({ replace: on });
    },

    validate() {
      return call('validate', async () => {
        const { paths, sumDuplicates } = get();
        const report = await serviceClient().invoke('datasets:validate', { paths: [...paths], mappings: mappingsOf(get()), sumDuplicates });
        set({ report });
      });
    },

    importFiles() {
      return call('import', async () => {
        const { paths, sumDuplicates, replace } = get();
        const mappings = mappingsOf(get());
        const client = serviceClient();
        const outcome = await useJobsStore.getState().track('datasets:import', (jobId) =>
          client.invoke('datasets:import', { jobId, paths: [...paths], mappings, sumDuplicates, replace }),
        );
        if (outcome.status === 'invalid') {
          set({ outcome, report: outcome.report });
          return;
        }
        // Keep hand-fixed mappings as templates, so next month's files with these headers map alone.
        for (const mapping of mappings) await client.invoke('mappings:save', { mapping });
        set({ ...EMPTY_FILES, outcome, report: outcome.status === 'imported' ? outcome.report : null });
        await get().refresh();
      });
    },

    importSample(customers, months) {
      return call('sample', async () => {
        set({ sampleOutcome: null });
        const client = serviceClient();
        const sampleOutcome = await useJobsStore.getState().track('datasets:importSample', (jobId) => client.invoke('datasets:importSample', { jobId, customers, months }));
        set({ sampleOutcome });
        await get().refresh();
      });
    },

    clearSampleOutcome() {
      set({ sampleOutcome: null });
    },

    exportReport(lang) {
      return call('export', async () => {
        const client = serviceClient();
        const target = await client.pickSaveTarget(lang === 'en' ? 'validation-report.xlsx' : '数据问题.xlsx', 'xlsx');
        if (target === null) return;
        const { path } = await client.invoke('datasets:exportReport', { paths: [...get().paths], target, lang, mappings: mappingsOf(get()) });
        await client.deliver(path);
      });
    },

    deleteImport(importId) {
      return call('delete', async () => {
        await serviceClient().invoke('datasets:delete', { importId });
        await get().refresh();
      });
    },

    clearError() {
      set({ error: null });
    },
  };
});

/** Every loaded month, ascending, and the most customers in one import (distinct customers across imports are not known here). */
export function dataSummary(imports: readonly ImportView[]): { months: string[]; customers: number } {
  const months = [...new Set(imports.flatMap((i) => i.months))].sort();
  const customers = imports.reduce((max, i) => Math.max(max, i.customers), 0);
  return { months, customers };
}
