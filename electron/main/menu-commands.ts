/**
 * What the menu's commands do. They run in the main process against the same service host as
 * the page, with the page told through the same event stream: 打开数据… imports the chosen files
 * into the knowledge base (the page's lists reload on the data:changed it is sent), 导出报告… writes the report
 * of the latest run and shows it in its folder, 关于 names the versions and the data file.
 */
import type { MessageBoxOptions } from 'electron';
import type { Lang } from '../../core/model/messages.js';
import type { CallResult, Channel, ChannelOutput, ProblemView, ServiceEventMessage, ServiceHost } from '../../core/service/contract.js';
import type { MenuActions } from './app-menu.js';
import type { FileBridge } from './file-bridge.js';
import { pick } from './ui-language.js';

export interface AboutFacts {
  readonly version: string;
  readonly electron: string;
  readonly chrome: string;
  readonly node: string;
  readonly databasePath: string;
}

export interface MenuCommandDeps {
  readonly host: ServiceHost;
  readonly files: FileBridge;
  readonly lang: Lang;
  /** Sends an event to the app window's page; nothing when the window is gone. */
  readonly sendToPage: (message: ServiceEventMessage) => void;
  /** A message box over the app window; resolves to the index of the button pressed. */
  readonly showMessage: (options: MessageBoxOptions) => Promise<number>;
  readonly showItemInFolder: (path: string) => void;
  readonly newJobId: () => string;
  readonly about: AboutFacts;
}

export interface MenuCommands extends MenuActions {
  /** The registrar reports each answered call; a finished run becomes the one 导出报告… exports. */
  noteResult(channel: Channel, result: CallResult<Channel>): void;
}

/** At most this many problems in the message box; the 数据 page shows the full report. */
const PROBLEMS_SHOWN = 5;

function problemLine(problem: ProblemView, lang: Lang): string {
  const place = [problem.file, problem.sheet, problem.row === undefined ? undefined : pick(lang, `第 ${problem.row} 行`, `row ${problem.row}`), problem.column].filter((part) => part !== undefined).join(' · ');
  const message = pick(lang, problem.zh, problem.en);
  return place === '' ? message : `${place}: ${message}`;
}

export function createMenuCommands(deps: MenuCommandDeps): MenuCommands {
  const { lang } = deps;
  const text = (zh: string, en: string): string => pick(lang, zh, en);
  let latestRunId: string | null = null;

  async function tell(type: MessageBoxOptions['type'], message: string, detail?: string): Promise<void> {
    await deps.showMessage({ type, title: text('客户价值评估', 'Customer Value Studio'), message, ...(detail === undefined ? {} : { detail }), buttons: [text('确定', 'OK')] });
  }

  function importMessage(outcome: ChannelOutput<'datasets:import'>): Promise<void> {
    switch (outcome.status) {
      case 'imported': {
        const { imported } = outcome;
        return tell(
          'info',
          text(`已导入 ${imported.factRows} 行（${imported.customers} 个客户，${imported.months.join('、')}）。`, `Imported ${imported.factRows} rows (${imported.customers} customers, ${imported.months.join(', ')}).`),
          outcome.skipped.length === 0 ? undefined : text(`已导入过、跳过的文件：${outcome.skipped.join('、')}`, `Already imported, skipped: ${outcome.skipped.join(', ')}`),
        );
      }
      case 'unchanged':
        return tell('info', text('这些文件此前已导入，知识库没有变化。', 'These files were imported before; the knowledge base is unchanged.'));
      case 'invalid': {
        const { report } = outcome;
        const lines = report.problems.filter((p) => p.severity === 'error').slice(0, PROBLEMS_SHOWN).map((p) => problemLine(p, lang));
        return tell(
          'warning',
          text(`数据有 ${report.errorCount} 个错误，没有导入。`, `The data has ${report.errorCount} errors and was not imported.`),
          [...lines, text('完整的检查报告和列映射在「数据」页。', 'The full report and the column mapping are on the Data page.')].join('\n'),
        );
      }
    }
  }

  async function openData(): Promise<void> {
    const picked = await deps.files.pickInputFiles();
    if (!picked.ok || picked.value.length === 0) return;
    // The service sends data:changed after an import; relayed, it makes the page reload its lists.
    const result = await deps.host.call('datasets:import', { jobId: deps.newJobId(), paths: picked.value }, deps.sendToPage);
    if (!result.ok) return tell('error', text(result.error.zh, result.error.en));
    return importMessage(result.value);
  }

  async function exportReport(): Promise<void> {
    const runId = latestRunId;
    if (runId === null) return tell('info', text('还没有评估结果：请先在「模型」页运行方案。', 'There are no results yet: run a scenario on the Model page first.'));
    const choice = await deps.showMessage({
      type: 'question',
      title: text('导出报告', 'Export report'),
      message: text('导出哪种报告？', 'Which report?'),
      detail: text('摘要版列出负价值客户及价值最高、最低的客户；完整版列出每个客户。', 'The summary lists the negative-value customers and the highest and lowest values; the full report lists every customer.'),
      buttons: [text('摘要版', 'Summary'), text('完整版', 'Full'), text('取消', 'Cancel')],
      defaultId: 1,
      cancelId: 2,
    });
    if (choice !== 0 && choice !== 1) return;
    const target = await deps.files.pickSaveTarget(text('客户价值报告', 'customer-value-report'), 'xlsx');
    if (!target.ok || target.value === null) return;
    const result = await deps.host.call('export:report', { jobId: deps.newJobId(), runId, preset: choice === 0 ? 'summary' : 'full', lang, target: target.value }, deps.sendToPage);
    if (!result.ok) return tell('error', text(result.error.zh, result.error.en));
    deps.showItemInFolder(result.value.path);
  }

  function about(): Promise<void> {
    const { about: facts } = deps;
    return tell(
      'info',
      `客户价值评估 · Customer Value Studio ${facts.version}`,
      [`Electron ${facts.electron} · Chromium ${facts.chrome} · Node.js ${facts.node}`, `${text('知识库', 'Knowledge base')}: ${facts.databasePath}`].join('\n'),
    );
  }

  /** Menu clicks cannot await: a failure (a bug of ours) is logged, not left as an unhandled rejection. */
  function run(command: () => Promise<void>): () => void {
    return () => {
      command().catch((error: unknown) => console.error('菜单命令失败 / menu command failed:', error));
    };
  }

  return {
    openData: run(openData),
    exportReport: run(exportReport),
    about: run(about),
    noteResult(channel, result) {
      if (channel !== 'runs:start' || !result.ok) return;
      // The channel says which answer this is; CallResult<Channel> cannot narrow on it.
      const value = result.value as ChannelOutput<'runs:start'>;
      if (value.ok) latestRunId = value.run.runId;
    },
  };
}
