/**
 * A service in memory for working on the screens without a shell (`/?fake` on the dev
 * server only; main.tsx loads it behind import.meta.env.DEV, so builds leave it out). It
 * answers the data and scenario channels with plausible sample answers; the others report
 * that they need the real service.
 */
import { parseScenario } from '../../../../core/model/scenario';
import type { Channel, ChannelArgument, ChannelOutput, ImportView, ProblemView, SavedScenarioView, ServiceEventMessage, SheetPreview, ValidationView } from '../../../../core/service/contract';
import type { ServiceClient } from '../../api/service-client';

type Handler<C extends Channel> = (arg: ChannelArgument<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>>;
type Handlers = { [C in Channel]?: Handler<C> };

class FakeCallError extends Error {
  constructor(readonly error: { code: string; zh: string; en: string }) {
    super(error.en);
  }
}

const USAGE_HEADER = ['用户编号', '账期', '应收费用', '分公司', '渠道', '品牌', '资费套餐', '客户细分群', '入网日期', '通话分钟', '流量MB', '短信条数'];
const POOL_HEADER = ['成本池', '账期', '金额', '分摊范围'];
const CRM_HEADER = ['Cust No', 'Bill Month', 'Commission Paid', 'Notes'];

function sampleRows(header: readonly string[], n: number, row: (i: number) => string[]): string[][] {
  return Array.from({ length: n }, (_, i) => row(i).slice(0, header.length));
}

const BRANCHES = ['郑州', '洛阳', '开封', '新乡', '南阳'];
const PLANS = ['畅享128', '5G智享199', '校园卡39', '神州行18', '商务套餐288'];
const SEGMENTS = ['商务精英', '校园青年', '家庭用户', '普通大众'];

function previewOf(path: string, mapped: Readonly<Record<string, string | null>> | undefined): SheetPreview[] {
  const file = path;
  if (path.includes('用量')) {
    return [
      {
        file,
        sheet: '2026-09',
        kind: 'usage',
        headerRow: 1,
        header: USAGE_HEADER,
        fields: Object.fromEntries(USAGE_HEADER.map((h, i) => [h, ['customer_id', 'month', 'billed_revenue', 'branch', 'channel', 'brand', 'plan', 'segment', 'join_date', 'minutes', 'data_mb', 'sms'][i] ?? null])),
        rows: sampleRows(USAGE_HEADER, 8, (i) => [
          `1380371${String(1000 + i * 37)}`,
          '2026-09',
          (58 + ((i * 47) % 180) + 0.5).toFixed(2),
          BRANCHES[i % 5] ?? '',
          i % 3 === 0 ? '自有营业厅' : '社会渠道',
          i % 2 === 0 ? '全球通' : '动感地带',
          PLANS[i % 5] ?? '',
          SEGMENTS[i % 4] ?? '',
          `20${String(10 + (i % 14))}-0${String(1 + (i % 9))}-15`,
          String(120 + i * 33),
          String(2048 + i * 517),
          String(i * 7),
        ]),
      },
      { file, sheet: '说明', kind: 'unknown', headerRow: null, header: [], fields: {}, rows: [] },
    ];
  }
  if (path.includes('成本')) {
    return [
      {
        file,
        kind: 'pools',
        headerRow: 1,
        header: POOL_HEADER,
        fields: { 成本池: 'pool', 账期: 'month', 金额: 'amount', 分摊范围: 'scope' },
        rows: [
          ['网络运维', '2026-09', '1850000.00', ''],
          ['营业厅租金', '2026-09', '420000.00', 'branch=郑州'],
          ['客服中心', '2026-09', '310000.00', ''],
          ['IT 支撑', '2026-09', '260000.00', ''],
        ],
      },
    ];
  }
  const fields: Record<string, string | null> = { 'Cust No': null, 'Bill Month': null, 'Commission Paid': null, Notes: null, ...mapped };
  const known = new Set(Object.values(fields));
  return [
    {
      file,
      kind: known.has('customer_id') && known.has('month') ? 'individual_costs' : 'unknown',
      headerRow: 1,
      header: CRM_HEADER,
      fields,
      rows: sampleRows(CRM_HEADER, 5, (i) => [`1380371${String(1000 + i * 37)}`, '2026-09', (12 + i * 3.5).toFixed(2), i === 2 ? '补录' : '']),
    },
  ];
}

function problemsFor(paths: readonly string[], mapped: boolean): ProblemView[] {
  const problems: ProblemView[] = [];
  const usage = paths.find((p) => p.includes('用量'));
  if (usage !== undefined) {
    problems.push(
      { severity: 'warning', code: 'input.formula_like_text', file: usage, sheet: '2026-09', row: 4182, column: '资费套餐', value: '=畅享128', zh: '单元格内容像公式，已按文本读取', en: 'The cell looks like a formula; it was read as text' },
      { severity: 'warning', code: 'input.sheet_ignored', file: usage, sheet: '说明', zh: '工作表“说明”没有可识别的表头，已忽略', en: 'Sheet "说明" has no recognised header and was ignored' },
    );
  }
  const crm = paths.find((p) => p.includes('crm'));
  if (crm !== undefined && !mapped) {
    problems.push({ severity: 'error', code: 'table.kind_unknown', file: crm, zh: '无法识别此表的类型：没有已知的列（Cust No, Bill Month, Commission Paid, Notes）', en: 'Cannot tell what this table holds: no known columns (Cust No, Bill Month, Commission Paid, Notes)' });
  }
  if (crm !== undefined && mapped) {
    problems.push({ severity: 'error', code: 'cell.not_a_number', file: crm, row: 3, column: 'Commission Paid', value: '12,5', zh: '不是数字：12,5', en: 'Not a number: 12,5' });
  }
  return problems;
}

function validation(paths: readonly string[], mapped: boolean): ValidationView {
  const problems = problemsFor(paths, mapped);
  return {
    errorCount: problems.filter((p) => p.severity === 'error').length,
    warningCount: problems.filter((p) => p.severity === 'warning').length,
    problems,
    problemsOmitted: 0,
    files: paths.map((file) => ({ file, kind: file.includes('成本') ? 'pools' : 'usage', rows: 20000, sha256: 'ab'.repeat(32) })),
  };
}

function sha(seed: number): string {
  return Array.from({ length: 64 }, (_, i) => '0123456789abcdef'[(seed * 7 + i * 13) % 16]).join('');
}

export function createFakeClient(): ServiceClient {
  const listeners = new Set<(m: ServiceEventMessage) => void>();
  const emit = (m: ServiceEventMessage) => listeners.forEach((l) => l(m));
  const imports: ImportView[] = [
    {
      id: 1,
      importedAt: '2026-10-08T09:12:00Z',
      appVersion: '0.1.0',
      months: ['2026-07', '2026-08'],
      factRows: 39_876,
      customers: 20_000,
      pools: 8,
      participants: 1_240,
      warnings: [],
      datasets: [
        { id: 1, file: 'D:/财务/2026-07/用量_2026-07.xlsx', sheet: '2026-07', kind: 'usage', rows: 19_912, sha256: sha(1) },
        { id: 2, file: 'D:/财务/2026-08/用量_2026-08.xlsx', sheet: '2026-08', kind: 'usage', rows: 19_964, sha256: sha(2) },
        { id: 3, file: 'D:/财务/成本报表_Q3.csv', sheet: null, kind: 'pools', rows: 8, sha256: sha(3) },
      ],
    },
  ];
  let scenarios: SavedScenarioView[] = [];
  let nextId = 1;
  const cancelled = new Set<string>();

  function saveScenario(data: unknown): ChannelOutput<'scenarios:save'> {
    const parsed = parseScenario(data);
    if (!parsed.ok) return { ok: false, issues: parsed.issues };
    const saved: SavedScenarioView = { id: nextId++, name: parsed.scenario.name, scenario: parsed.scenario, updatedAt: new Date().toISOString() };
    scenarios = [...scenarios.filter((s) => s.name !== saved.name), saved];
    return { ok: true, saved };
  }
  saveScenario({ name: '默认方案' });
  saveScenario({ name: '重利润方案', value_weights: { profit: 0.85, loyalty: 0.05, credit: 0.05, behaviour: 0.05 } });

  const handlers: Handlers = {
    'app:info': () => ({ version: '0.1.0-dev', shell: 'web', database: ':memory:', dataLoaded: imports.length > 0 }),
    'datasets:list': () => [...imports],
    'datasets:preview': ({ paths, mappings = [] }) => paths.flatMap((p) => previewOf(p, mappings.find((m) => m.headers.includes('Cust No'))?.fields)),
    'datasets:validate': ({ paths, mappings = [] }) => validation(paths, mappings.length > 0),
    'datasets:import': async ({ jobId, paths, mappings = [] }) => {
      const report = validation(paths, mappings.length > 0);
      if (report.errorCount > 0) return { status: 'invalid', report };
      for (const stage of ['check', 'facts', 'facts', 'facts', 'pools', 'commit']) {
        if (cancelled.has(jobId)) throw new FakeCallError({ code: 'job.cancelled', zh: '已取消导入，未写入任何数据', en: 'Import cancelled; nothing was written' });
        emit({ event: 'jobs:progress', payload: { jobId, channel: 'datasets:import', stage, done: stage === 'facts' ? 6000 : 0, total: stage === 'facts' ? 20000 : 0 } });
        await new Promise((r) => setTimeout(r, 400));
      }
      const imported: ImportView = {
        id: imports.length + 1,
        importedAt: new Date().toISOString(),
        appVersion: '0.1.0',
        months: ['2026-09'],
        factRows: 19_988,
        customers: 19_988,
        pools: 4,
        participants: 0,
        warnings: [{ code: 'input.rows_without_usage', zh: '12 行结算数据没有对应的用量行，已忽略', en: '12 settlement rows have no usage row and were ignored' }],
        datasets: paths.map((file, i) => ({ id: 100 + i, file, sheet: null, kind: file.includes('成本') ? 'pools' : 'usage', rows: 19_988, sha256: sha(10 + i) })),
      };
      imports.push(imported);
      return { status: 'imported', imported, report, skipped: [] };
    },
    'datasets:delete': ({ importId }) => {
      const index = imports.findIndex((i) => i.id === importId);
      const [removed] = imports.splice(index, 1);
      if (removed === undefined) throw new FakeCallError({ code: 'datasets.not_found', zh: '没有这次导入', en: 'No such import' });
      return removed;
    },
    'datasets:exportReport': ({ target }) => ({ path: target }),
    'mappings:save': ({ mapping }) => ({ signature: mapping.headers.join('|') }),
    'scenarios:list': () => [...scenarios],
    'scenarios:validate': ({ scenario }) => parseScenario(scenario),
    'scenarios:parse': ({ text }) => {
      try {
        return parseScenario(JSON.parse(text));
      } catch {
        return { ok: false, issues: [{ path: '', code: 'scenario.json', zh: '文件不是有效的 JSON', en: 'The file is not valid JSON' }] };
      }
    },
    'scenarios:save': ({ scenario }) => saveScenario(scenario),
    'scenarios:copy': ({ name, newName }) => {
      const from = scenarios.find((s) => s.name === name);
      const answer = saveScenario({ ...from?.scenario, name: newName });
      if (!answer.ok) throw new FakeCallError({ code: 'scenario.invalid', zh: '方案无效', en: 'Invalid scenario' });
      return answer.saved;
    },
    'scenarios:delete': ({ name }) => {
      const before = scenarios.length;
      scenarios = scenarios.filter((s) => s.name !== name);
      return { deleted: scenarios.length < before };
    },
    'jobs:cancel': ({ jobId }) => {
      cancelled.add(jobId);
      return { cancelled: true };
    },
    // 结果集 needs the real service to read a folder; the list is empty here.
    'results:list': () => [],
  };

  return {
    shell: 'web',
    async invoke<C extends Channel>(channel: C, arg: ChannelArgument<C>): Promise<ChannelOutput<C>> {
      const handler = handlers[channel] as Handler<C> | undefined;
      await new Promise((r) => setTimeout(r, 120));
      if (handler === undefined) throw new FakeCallError({ code: 'fake.unsupported', zh: `开发模式的模拟服务不支持 ${channel}`, en: `The development fake service does not answer ${channel}` });
      return handler(arg);
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    pickInputFiles: () => Promise.resolve(['D:/财务/2026-09/用量_2026-09.xlsx', 'D:/财务/2026-09/成本报表_2026-09.csv', 'D:/财务/2026-09/crm_commission.csv']),
    filesFromDrop: (files) => Promise.resolve(files.map((f) => `D:/拖放/${f.name}`)),
    pickResultSet: () => Promise.resolve({ paths: ['D:/数仓/结果/2026-09'], skipped: [] }),
    pickSaveTarget: (name) => Promise.resolve(`D:/下载/${name}`),
    deliver: () => Promise.resolve(),
    saveScenarioFile: () => Promise.resolve(true),
  };
}
