/**
 * A target list as a workbook: 营销目标 (one row per customer, frozen header, autofilter) and 说明
 * (the filter and the comparison with an ARPU-only list). The streaming writer writes to a
 * temporary name and renames when complete, and never turns text into a formula.
 */
import type { ArpuComparison, TargetList } from '../../engine/targets/target-list.js';
import type { TargetFilter } from '../../engine/targets/target-filter.js';
import type { ModelResult } from '../../engine/run-model.js';
import { monthKey } from '../../model/month.js';
import { createWorkbookWriter, type Cell } from '../xlsx-writer/workbook-writer.js';
import { TARGET_COLUMNS, targetRows } from './target-rows.js';

type Style = 'header' | 'money' | 'score' | 'share';

const STYLES = {
  header: { bold: true, fill: 'DDEBF7' },
  money: { numFmt: '¥#,##0.00;[Red]-¥#,##0.00' },
  score: { numFmt: '0.00' },
  share: { numFmt: '0.0%' },
} as const;

const WIDTHS = [16, 10, 12, 16, 12, 8, 10, 14, 14, 10];

export interface TargetWorkbook {
  readonly result: ModelResult;
  readonly filterText: string;
  readonly filter: TargetFilter;
  readonly list: TargetList;
  readonly comparison: ArpuComparison;
}

function money(value: number): Cell<Style> {
  return { value, style: 'money' };
}

export async function writeTargetXlsx(path: string, w: TargetWorkbook): Promise<void> {
  const book = await createWorkbookWriter<Style>(path, { styles: STYLES });
  try {
    const sheet = book.addSheet('营销目标', {
      columns: WIDTHS.map((width, i) => ({ width, ...(i === 7 || i === 8 ? { style: 'money' as const } : i === 6 ? { style: 'score' as const } : {}) })),
      frozenRows: 1,
      autoFilter: true,
    });
    await sheet.addRow(TARGET_COLUMNS.map((name): Cell<Style> => ({ value: name, style: 'header' })));
    for (const [id, branch, channel, plan, segment, tier, value, avgProfit, billed, tenure] of targetRows(w.result, w.list.customers)) {
      await sheet.addRow([id, branch, channel, plan, segment, tier, Number.isNaN(value) ? null : value, money(avgProfit), money(billed), tenure]);
    }
    await sheet.end();

    const { list, comparison: cmp, result } = w;
    const notes = book.addSheet('说明', { columns: [{ width: 36 }, { width: 60 }] });
    const rows: (readonly Cell<Style>[])[] = [
      [{ value: '项目 item', style: 'header' }, { value: '内容 value', style: 'header' }],
      ['方案 scenario', result.scenario.name],
      ['评估月 evaluation month', monthKey(result.window.evaluationMonth)],
      ['筛选条件 filter', w.filterText],
      ['筛选条件 JSON', JSON.stringify(w.filter)],
      ['目标客户数 size', list.size],
      ['月均利润合计 Σ avg profit', money(list.sumAvgProfit)],
      ['其中负价值客户 negative-value in list', list.negative],
      ['ARPU 同规模名单的负价值客户 negative-value in ARPU-only list', cmp.arpu.negative],
      ['ARPU 名单月均利润合计 Σ avg profit of ARPU-only list', money(cmp.arpu.sumAvgProfit)],
      ['避免的负价值客户 negative-value avoided', cmp.negativeAvoided],
      ['占名单比例 as share of size', Number.isNaN(cmp.negativeAvoidedShare) ? null : { value: cmp.negativeAvoidedShare, style: 'share' }],
      ['ARPU 名单 ARPU-only list', '客户表中按窗口月均出账收入从高到低取同样人数，相同时取编号小者 / top avg billed revenue, ties to the smaller id'],
    ];
    for (const row of rows) await notes.addRow(row);
    await notes.end();
    await book.end();
  } catch (e) {
    await book.abort();
    throw e;
  }
}
