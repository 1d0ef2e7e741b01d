/** The open and save dialogs, modal over the app window, with filters for the files the app reads and writes. */
import path from 'node:path';
import type { BaseWindow, Dialog, FileFilter } from 'electron';
import type { Lang } from '../../core/model/messages.js';
import type { NativeDialogs } from './file-bridge.js';
import type { SaveKind } from './save-file-names.js';
import { pick } from './ui-language.js';

export interface NativeDialogsOptions {
  readonly dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>;
  readonly window: () => BaseWindow | null;
  readonly lang: Lang;
  /** Where a save dialog starts (the user's Documents folder). */
  readonly startFolder: string;
}

export function createNativeDialogs(options: NativeDialogsOptions): NativeDialogs {
  const { dialog, lang } = options;
  const text = (zh: string, en: string): string => pick(lang, zh, en);
  const saveFilters: Readonly<Record<SaveKind, FileFilter>> = {
    xlsx: { name: text('Excel 工作簿', 'Excel workbook'), extensions: ['xlsx'] },
    csv: { name: text('CSV 文件', 'CSV file'), extensions: ['csv'] },
    // Filters match the last extension only; save-file-names.ts puts the .scenario back.
    scenario: { name: text('方案文件', 'Scenario file'), extensions: ['json'] },
  };

  return {
    async openInputFiles() {
      const window = options.window();
      if (window === null) return [];
      const result = await dialog.showOpenDialog(window, {
        title: text('打开数据', 'Open data'),
        properties: ['openFile', 'multiSelections'],
        filters: [
          { name: text('工作簿和 CSV 文件', 'Workbooks and CSV files'), extensions: ['xlsx', 'csv', 'txt'] },
          { name: text('所有文件', 'All files'), extensions: ['*'] },
        ],
      });
      return result.canceled ? [] : result.filePaths;
    },

    async openResultsFolder() {
      const window = options.window();
      if (window === null) return null;
      // One folder: the service reads customers.csv, scenario.json and the rest from it (or from part-file folders inside).
      const result = await dialog.showOpenDialog(window, {
        title: text('打开结果集文件夹', 'Open a results set folder'),
        properties: ['openDirectory'],
      });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },

    async saveFile(suggestedName, kind) {
      const window = options.window();
      if (window === null) return null;
      const result = await dialog.showSaveDialog(window, {
        title: kind === 'scenario' ? text('保存方案', 'Save scenario') : text('导出', 'Export'),
        defaultPath: path.join(options.startFolder, suggestedName),
        filters: [saveFilters[kind]],
        properties: ['showOverwriteConfirmation', 'createDirectory'],
      });
      return result.canceled || result.filePath === undefined || result.filePath === '' ? null : result.filePath;
    },
  };
}
