/** The native dialogs with a fake Electron dialog: what each asks the operating system for. */
import type { BaseWindow, Dialog, OpenDialogOptions, OpenDialogReturnValue } from 'electron';
import { describe, expect, it } from 'vitest';
import { createNativeDialogs } from '../../electron/main/native-dialogs.js';

const WINDOW = {} as BaseWindow;

function fakeDialog(answer: OpenDialogReturnValue): { dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>; asked: OpenDialogOptions[] } {
  const asked: OpenDialogOptions[] = [];
  const showOpenDialog = (_window: BaseWindow, options: OpenDialogOptions): Promise<OpenDialogReturnValue> => {
    asked.push(options);
    return Promise.resolve(answer);
  };
  const dialog = { showOpenDialog, showSaveDialog: () => Promise.reject(new Error('not asked')) } as unknown as Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>;
  return { dialog, asked };
}

describe('the results folder dialog', () => {
  it('asks for one folder, in the UI language, and answers its path', async () => {
    const { dialog, asked } = fakeDialog({ canceled: false, filePaths: ['D:\\数仓\\2026-09'] });
    const dialogs = createNativeDialogs({ dialog, window: () => WINDOW, lang: 'zh', startFolder: '/home/a' });
    expect(await dialogs.openResultsFolder()).toBe('D:\\数仓\\2026-09');
    expect(asked).toEqual([{ title: '打开结果集文件夹', properties: ['openDirectory'] }]);
  });

  it('answers null when cancelled or when there is no window', async () => {
    const { dialog, asked } = fakeDialog({ canceled: true, filePaths: [] });
    expect(await createNativeDialogs({ dialog, window: () => WINDOW, lang: 'en', startFolder: '/home/a' }).openResultsFolder()).toBeNull();
    expect(asked[0]?.title).toBe('Open a results set folder');
    expect(await createNativeDialogs({ dialog, window: () => null, lang: 'en', startFolder: '/home/a' }).openResultsFolder()).toBeNull();
    expect(asked).toHaveLength(1);
  });
});
