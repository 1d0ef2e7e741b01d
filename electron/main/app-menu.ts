/**
 * The application menu: 文件 (打开数据…, 导出报告…, 退出), 视图 (zoom and full screen; reload and
 * developer tools only in development), 帮助 (关于). Labels in Chinese, or English when the UI
 * language is English. Only the template is built here, so a test can read it.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { Lang } from '../../core/model/messages.js';
import { pick } from './ui-language.js';

export interface MenuActions {
  readonly openData: () => void;
  readonly exportReport: () => void;
  readonly about: () => void;
}

export function menuTemplate(lang: Lang, development: boolean, actions: MenuActions): MenuItemConstructorOptions[] {
  const text = (zh: string, en: string): string => pick(lang, zh, en);
  const developmentItems: MenuItemConstructorOptions[] = development
    ? [{ type: 'separator' }, { label: text('重新加载', 'Reload'), role: 'reload' }, { label: text('开发者工具', 'Developer tools'), role: 'toggleDevTools' }]
    : [];
  return [
    {
      label: text('文件', 'File'),
      submenu: [
        { label: text('打开数据…', 'Open data…'), accelerator: 'CmdOrCtrl+O', click: () => actions.openData() },
        { label: text('导出报告…', 'Export report…'), accelerator: 'CmdOrCtrl+E', click: () => actions.exportReport() },
        { type: 'separator' },
        { label: text('退出', 'Quit'), role: 'quit' },
      ],
    },
    {
      label: text('视图', 'View'),
      submenu: [
        { label: text('实际大小', 'Actual size'), role: 'resetZoom' },
        { label: text('放大', 'Zoom in'), role: 'zoomIn' },
        { label: text('缩小', 'Zoom out'), role: 'zoomOut' },
        { type: 'separator' },
        { label: text('全屏', 'Full screen'), role: 'togglefullscreen' },
        ...developmentItems,
      ],
    },
    {
      label: text('帮助', 'Help'),
      submenu: [{ label: text('关于', 'About'), click: () => actions.about() }],
    },
  ];
}
