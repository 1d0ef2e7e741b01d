/**
 * The scenario being edited (模型 page) and the saved scenarios. The draft is plain JSON as a
 * form or a file holds it, possibly invalid; `check` is parseScenario's verdict on it,
 * recomputed on every change, so every field can show its issue as the user types and the
 * results page can run `check.scenario` when it is valid.
 */
import { create } from 'zustand';
import { defaultScenario, parseScenario, type ScenarioIssue } from '../../../core/model/scenario';
import type { ScenarioCheck, SavedScenarioView } from '../../../core/service/contract';
import type { Bilingual } from '../../../core/model/messages';
import { serviceClient } from '../app/service-client';
import { errorMessage } from '../components/error-message';

export type DraftPath = readonly (string | number)[];
export type ScenarioDraft = Readonly<Record<string, unknown>>;

interface ScenarioState {
  readonly draft: ScenarioDraft;
  readonly check: ScenarioCheck;
  readonly saved: readonly SavedScenarioView[];
  /** The saved list has been fetched once. */
  readonly savedLoaded: boolean;
  /** The saved scenario the draft was loaded from or last saved as; null for a new or imported one. */
  readonly loadedName: string | null;
  /** The draft as last loaded or saved ('' when it is saved nowhere), to tell unsaved changes. */
  readonly baseline: string;
  /** Problems of the last imported file (the draft is left as it was). */
  readonly importIssues: readonly ScenarioIssue[];
  readonly busy: boolean;
  readonly error: Bilingual | null;

  setField(path: DraftPath, value: unknown): void;
  replaceDraft(data: ScenarioDraft): void;
  loadSaved(name: string): void;
  save(): Promise<boolean>;
  copy(newName: string): Promise<boolean>;
  remove(name: string): Promise<boolean>;
  importText(text: string): Promise<ScenarioCheck>;
  exportText(): string;
  refresh(): Promise<void>;
  clearError(): void;
}

/** The value at `path`, or undefined where the draft has no such place. */
export function getIn(data: unknown, path: DraftPath): unknown {
  let here: unknown = data;
  for (const key of path) {
    if (here === null || typeof here !== 'object' || !Object.hasOwn(here, key)) return undefined;
    here = (here as Record<string | number, unknown>)[key];
  }
  return here;
}

/** A copy of `data` with `value` at `path` (undefined removes the key), sharing untouched branches. */
function setIn(data: unknown, path: DraftPath, value: unknown): unknown {
  const [key, ...rest] = path;
  if (key === undefined) return value;
  if (Array.isArray(data) && typeof key === 'number') {
    const copy = [...(data as unknown[])];
    if (value === undefined && rest.length === 0) copy.splice(key, 1);
    else copy[key] = setIn(copy[key], rest, value);
    return copy;
  }
  const base = data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  const name = String(key);
  if (value === undefined && rest.length === 0) return Object.fromEntries(Object.entries(base).filter(([k]) => k !== name));
  return { ...base, [name]: setIn(Object.hasOwn(base, name) ? base[name] : undefined, rest, value) };
}

function asDraft(data: unknown): ScenarioDraft {
  return data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as ScenarioDraft) : {};
}

/** A scenario as plain JSON (the form edits a copy, never the object the service sent). */
function plain(data: unknown): ScenarioDraft {
  return asDraft(JSON.parse(JSON.stringify(data)));
}

function withDraft(draft: ScenarioDraft): Pick<ScenarioState, 'draft' | 'check'> {
  return { draft, check: parseScenario(draft) };
}

const initialDraft = plain(defaultScenario());
const INITIAL_JSON = JSON.stringify(initialDraft);

export const useScenarioStore = create<ScenarioState>()((set, get) => {
  /** Runs a service call with the busy flag; a failure becomes `error` and `fallback` is returned. */
  async function call<T>(run: () => Promise<T>, fallback: T): Promise<T> {
    set({ busy: true, error: null });
    try {
      return await run();
    } catch (e) {
      set({ error: errorMessage(e) });
      return fallback;
    } finally {
      set({ busy: false });
    }
  }

  return {
    ...withDraft(initialDraft),
    saved: [],
    savedLoaded: false,
    loadedName: null,
    baseline: INITIAL_JSON,
    importIssues: [],
    busy: false,
    error: null,

    setField(path, value) {
      set(withDraft(asDraft(setIn(get().draft, path, value))));
    },

    replaceDraft(data) {
      // A draft from elsewhere (a file, the results page) is saved nowhere yet.
      set({ ...withDraft(plain(data)), loadedName: null, baseline: '', importIssues: [] });
    },

    loadSaved(name) {
      const view = get().saved.find((s) => s.name === name);
      if (view === undefined) return;
      const draft = plain(view.scenario);
      set({ ...withDraft(draft), loadedName: view.name, baseline: JSON.stringify(draft), importIssues: [] });
    },

    save() {
      return call(async () => {
        const answer = await serviceClient().invoke('scenarios:save', { scenario: get().draft });
        if (!answer.ok) {
          set({ check: { ok: false, issues: answer.issues } });
          return false;
        }
        const draft = plain(answer.saved.scenario);
        set({ ...withDraft(draft), loadedName: answer.saved.name, baseline: JSON.stringify(draft) });
        await get().refresh();
        return true;
      }, false);
    },

    copy(newName) {
      const from = get().loadedName;
      if (from === null) return Promise.resolve(false);
      return call(async () => {
        const copied = await serviceClient().invoke('scenarios:copy', { name: from, newName });
        await get().refresh();
        get().loadSaved(copied.name);
        return true;
      }, false);
    },

    remove(name) {
      return call(async () => {
        await serviceClient().invoke('scenarios:delete', { name });
        // The draft stays on screen, now as an unsaved scenario.
        if (get().loadedName === name) set({ loadedName: null, baseline: '' });
        await get().refresh();
        return true;
      }, false);
    },

    importText(text) {
      const refused: ScenarioCheck = { ok: false, issues: [] };
      return call(async () => {
        const parsed = await serviceClient().invoke('scenarios:parse', { text });
        if (parsed.ok) get().replaceDraft(parsed.scenario);
        else set({ importIssues: parsed.issues });
        return parsed;
      }, refused);
    },

    exportText() {
      const { check, draft } = get();
      return `${JSON.stringify(check.ok ? check.scenario : draft, null, 2)}\n`;
    },

    async refresh() {
      try {
        const saved = await serviceClient().invoke('scenarios:list', {});
        set({ saved });
        // On opening the app the form shows the scenario last worked on, unless the user has begun editing.
        if (!get().savedLoaded) {
          set({ savedLoaded: true });
          const newest = saved.reduce<SavedScenarioView | undefined>((a, b) => (a === undefined || b.updatedAt > a.updatedAt ? b : a), undefined);
          if (newest !== undefined && get().loadedName === null && JSON.stringify(get().draft) === INITIAL_JSON) get().loadSaved(newest.name);
        }
      } catch (e) {
        set({ error: errorMessage(e) });
      }
    },

    clearError() {
      set({ error: null, importIssues: [] });
    },
  };
});

/** The draft differs from what was last loaded or saved. */
export function isDirty(state: Pick<ScenarioState, 'draft' | 'baseline'>): boolean {
  return JSON.stringify(state.draft) !== state.baseline;
}
