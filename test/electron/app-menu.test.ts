/** The menu's template, its language, and what its commands do against a fake service. */
import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions, MessageBoxOptions } from 'electron';
import type { CallResult, Channel, ServiceEventMessage } from '../../core/service/contract.js';
import { menuTemplate, type MenuActions } from '../../electron/main/app-menu.js';
import { createFileBridge } from '../../electron/main/file-bridge.js';
import { createMenuCommands } from '../../electron/main/menu-commands.js';
import { uiLanguage } from '../../electron/main/ui-language.js';
import { FakeHost, fileDeps } from './fakes.js';

function labels(items: readonly MenuItemConstructorOptions[]): unknown[] {
  return items.filter((item) => item.type !== 'separator').map((item) => (Array.isArray(item.submenu) ? { [item.label ?? '']: labels(item.submenu) } : item.label));
}

const noActions: MenuActions = { openData: () => undefined, exportReport: () => undefined, about: () => undefined };

describe('menuTemplate', () => {
  it('is Chinese, with reload and developer tools only in development', () => {
    expect(labels(menuTemplate('zh', false, noActions))).toEqual([{ 文件: ['打开数据…', '导出报告…', '退出'] }, { 视图: ['实际大小', '放大', '缩小', '全屏'] }, { 帮助: ['关于'] }]);
    expect(labels(menuTemplate('zh', true, noActions))[1]).toEqual({ 视图: ['实际大小', '放大', '缩小', '全屏', '重新加载', '开发者工具'] });
  });

  it('is English when the UI language is', () => {
    expect(labels(menuTemplate('en', true, noActions))).toEqual([
      { File: ['Open data…', 'Export report…', 'Quit'] },
      { View: ['Actual size', 'Zoom in', 'Zoom out', 'Full screen', 'Reload', 'Developer tools'] },
      { Help: ['About'] },
    ]);
  });

  it('calls the actions and uses Electron’s roles for the rest', () => {
    const called: string[] = [];
    const template = menuTemplate('zh', false, { openData: () => called.push('open'), exportReport: () => called.push('export'), about: () => called.push('about') });
    const items = template.flatMap((menu) => (Array.isArray(menu.submenu) ? menu.submenu : []));
    for (const item of items) (item.click as (() => void) | undefined)?.();
    expect(called).toEqual(['open', 'export', 'about']);
    expect(items.map((item) => item.role).filter((role) => role !== undefined)).toEqual(['quit', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
  });
});

describe('uiLanguage', () => {
  it('is English only for an English system', () => {
    expect(uiLanguage(['en-US', 'zh-CN'])).toBe('en');
    expect(uiLanguage(['en'])).toBe('en');
    expect(uiLanguage(['zh-CN', 'en-US'])).toBe('zh');
    expect(uiLanguage(['de-DE'])).toBe('zh');
    expect(uiLanguage([])).toBe('zh');
  });
});

describe('the menu commands', () => {
  const RUN: CallResult<Channel> = { ok: true, value: { ok: true, run: { runId: 'run-7' } } } as unknown as CallResult<Channel>;

  function setup(buttons: number[] = []) {
    const host = new FakeHost();
    const deps = fileDeps();
    const messages: MessageBoxOptions[] = [];
    const page: ServiceEventMessage[] = [];
    const shown: string[] = [];
    const commands = createMenuCommands({
      host,
      files: createFileBridge(deps),
      lang: 'zh',
      sendToPage: (m) => page.push(m),
      showMessage: (options) => {
        messages.push(options);
        return Promise.resolve(buttons.shift() ?? 0);
      },
      showItemInFolder: (p) => shown.push(p),
      newJobId: () => 'job-1',
      about: { version: '0.1.0', electron: '45.4.1', chrome: '140', node: '22', databasePath: '/u/knowledge.db' },
    });
    // Menu clicks do not wait; the tests wait for the command's promise chain to settle.
    const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
    return { host, deps, messages, page, shown, commands, settle };
  }

  it('imports the chosen files, relays the service’s events and reports the outcome', async () => {
    const { host, deps, messages, page, commands, settle } = setup();
    deps.dialogs.inputFiles = ['/d/usage.xlsx', '/d/costs.csv'];
    host.events = [{ event: 'data:changed', payload: { what: 'datasets' } }];
    host.answer = () => ({ ok: true, value: { status: 'invalid', report: { errorCount: 2, warningCount: 0, problemsOmitted: 0, files: [], problems: [
      { severity: 'error', code: 'cell.expected_number', zh: '应为数字', en: 'expected a number', file: 'usage.xlsx', sheet: '用量', row: 5, column: '应收费用' },
      { severity: 'warning', code: 'w', zh: '警告', en: 'warning' },
    ] } } });
    commands.openData();
    await settle();
    expect(host.calls).toEqual([{ channel: 'datasets:import', argument: { jobId: 'job-1', paths: ['/d/usage.xlsx', '/d/costs.csv'] } }]);
    expect(page).toEqual([{ event: 'data:changed', payload: { what: 'datasets' } }]);
    expect(messages[0]).toMatchObject({ type: 'warning', message: '数据有 2 个错误，没有导入。' });
    expect(messages[0]?.detail).toContain('usage.xlsx · 用量 · 第 5 行 · 应收费用: 应为数字');
    expect(messages[0]?.detail).not.toContain('警告');
  });

  it('does nothing when the open dialog is cancelled', async () => {
    const { host, messages, commands, settle } = setup();
    commands.openData();
    await settle();
    expect(host.calls).toEqual([]);
    expect(messages).toEqual([]);
  });

  it('exports only after a run, to the chosen file, and shows it in its folder', async () => {
    const { host, deps, messages, shown, commands, settle } = setup([0, 1]); // OK, then 完整版
    commands.exportReport();
    await settle();
    expect(messages[0]?.message).toContain('还没有评估结果');
    expect(host.calls).toEqual([]);

    commands.noteResult('runs:start', RUN);
    deps.dialogs.saveAnswer = '/docs/报告';
    host.answer = () => ({ ok: true, value: { path: '/docs/报告.xlsx', sheets: ['说明'], bytes: 10 } });
    commands.exportReport();
    await settle();
    expect(messages[1]).toMatchObject({ type: 'question', buttons: ['摘要版', '完整版', '取消'] });
    expect(host.calls).toEqual([{ channel: 'export:report', argument: { jobId: 'job-1', runId: 'run-7', preset: 'full', lang: 'zh', target: '/docs/报告.xlsx' } }]);
    expect(shown).toEqual(['/docs/报告.xlsx']);
  });

  it('stops when the report kind is cancelled', async () => {
    const { host, deps, commands, settle } = setup([2]);
    commands.noteResult('runs:start', RUN);
    commands.exportReport();
    await settle();
    expect(deps.dialogs.saveRequests).toEqual([]);
    expect(host.calls).toEqual([]);
  });

  it('names the versions and the knowledge base in 关于', async () => {
    const { messages, commands, settle } = setup();
    commands.about();
    await settle();
    expect(messages[0]?.message).toContain('0.1.0');
    expect(messages[0]?.detail).toContain('Electron 45.4.1');
    expect(messages[0]?.detail).toContain('/u/knowledge.db');
  });
});
