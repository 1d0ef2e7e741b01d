/** 营销评估 (SPEC §11): one row per campaign with cost, incremental profit, ROI and wasted share. */
import type { ModelResult } from '../../engine/run-model.js';
import { numberOrEmpty, writeHeader, type ReportSheet } from './report-sheet.js';
import type { ReportTexts } from './report-texts.js';

export function campaignColumns(texts: ReportTexts): { header: string; note: string }[] {
  const t = texts.campaignColumns;
  return [t.campaign, t.participants, t.evaluated, t.excluded, t.costAll, t.costEvaluated, t.incrementalProfit, t.roi, t.negativeBeforeShare, t.startMonths];
}

export async function writeCampaignSheet(sheet: ReportSheet, result: ModelResult, texts: ReportTexts): Promise<void> {
  await writeHeader(sheet, campaignColumns(texts));
  for (const c of result.campaigns) {
    await sheet.addRow([
      c.campaign,
      { value: c.participants, style: 'count' },
      { value: c.evaluated, style: 'count' },
      { value: c.excluded, style: 'count' },
      { value: c.costAll, style: 'money' },
      { value: c.costEvaluated, style: 'money' },
      { value: c.incrementalProfit, style: 'money' },
      { value: numberOrEmpty(c.roi), style: 'percent' },
      { value: numberOrEmpty(c.negativeBeforeShare), style: 'percent' },
      c.startMonths.join(', '),
    ]);
  }
}
