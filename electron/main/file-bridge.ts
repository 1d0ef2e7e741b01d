/**
 * The dialog and file calls of the window API (DesktopBridge): open and save dialogs, writing a
 * scenario file, showing a file in its folder. The page never names a path the user did not
 * choose: a scenario is written, and a report exported, only to a path picked in this session's
 * save dialog, and only files picked or saved in this session can be shown in their folder.
 */
import type { BridgeReply } from '../shared/ipc.js';
import { ipcErrors } from './ipc-errors.js';
import { SAVE_EXTENSIONS, suggestedFileName, withSaveExtension, type SaveKind } from './save-file-names.js';

/** The native dialogs, opened over the app window (native-dialogs.ts). */
export interface NativeDialogs {
  /** Paths of the chosen workbooks and CSV files; [] when cancelled. */
  openInputFiles(): Promise<readonly string[]>;
  /** The chosen results set folder; null when cancelled. */
  openResultsFolder(): Promise<string | null>;
  /** The chosen path; null when cancelled. */
  saveFile(suggestedName: string, kind: SaveKind): Promise<string | null>;
}

export interface FileBridgeDeps {
  readonly dialogs: NativeDialogs;
  readonly writeTextFile: (path: string, text: string) => Promise<void>;
  readonly showItemInFolder: (path: string) => void;
}

export interface FileBridge {
  pickInputFiles(): Promise<BridgeReply<readonly string[]>>;
  pickResultsFolder(): Promise<BridgeReply<string | null>>;
  pickSaveTarget(defaultName: string, kind: SaveKind): Promise<BridgeReply<string | null>>;
  writeScenarioFile(target: string, text: string): Promise<BridgeReply<null>>;
  showInFolder(path: string): BridgeReply<null>;
  /** Whether the user chose `path` for this kind of file in a save dialog of this session. */
  isSaveTarget(path: string, kind: SaveKind): boolean;
}

function ok<T>(value: T): BridgeReply<T> {
  return { ok: true, value };
}

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' ? code : error instanceof Error ? error.message : String(error);
}

export function createFileBridge(deps: FileBridgeDeps): FileBridge {
  // Paths compare as the dialog returned them: the page gets exactly these strings back.
  const saveTargets = new Map<string, SaveKind>();
  const pickedInputs = new Set<string>();

  return {
    async pickInputFiles() {
      const paths = await deps.dialogs.openInputFiles();
      for (const path of paths) pickedInputs.add(path);
      return ok(paths);
    },

    async pickResultsFolder() {
      const folder = await deps.dialogs.openResultsFolder();
      if (folder !== null) pickedInputs.add(folder);
      return ok(folder);
    },

    async pickSaveTarget(defaultName, kind) {
      const chosen = await deps.dialogs.saveFile(suggestedFileName(defaultName, kind), kind);
      if (chosen === null) return ok(null);
      const target = withSaveExtension(chosen, kind);
      saveTargets.set(target, kind);
      return ok(target);
    },

    async writeScenarioFile(target, text) {
      if (!target.toLowerCase().endsWith(SAVE_EXTENSIONS.scenario)) return { ok: false, error: ipcErrors.notScenarioFile(target) };
      if (saveTargets.get(target) !== 'scenario') return { ok: false, error: ipcErrors.targetNotChosen(target) };
      try {
        await deps.writeTextFile(target, text);
      } catch (error) {
        return { ok: false, error: ipcErrors.writeFailed(target, reasonOf(error)) };
      }
      return ok(null);
    },

    showInFolder(path) {
      if (!saveTargets.has(path) && !pickedInputs.has(path)) return { ok: false, error: ipcErrors.pathNotKnown(path) };
      deps.showItemInFolder(path);
      return ok(null);
    },

    isSaveTarget(path, kind) {
      return saveTargets.get(path) === kind;
    },
  };
}
