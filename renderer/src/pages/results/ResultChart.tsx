/** One of the run's charts as 结果 and 结果集 show it: the option, its height, its label and test id. */
import { chartTexts } from '../../../../core/charts/chart-texts';
import type { Lang } from '../../../../core/model/messages';
import { EChart } from '../../components/charts/EChart';
import type { ResultChartOptions } from './result-chart-options';

export const RESULT_CHART_HEIGHT = 380;

const TEST_IDS: Readonly<Record<keyof ResultChartOptions, string>> = {
  valueHistogram: 'chart-value-histogram',
  tierCounts: 'chart-tier-counts',
  profitByPlan: 'chart-profit-by-plan',
  negativeShareByBranch: 'chart-negative-by-branch',
  negativeShareByChannel: 'chart-negative-by-channel',
  profitCurve: 'chart-profit-curve',
};

interface ResultChartProps {
  readonly charts: ResultChartOptions;
  readonly name: keyof ResultChartOptions;
  readonly lang: Lang;
  /** The channel chart has no report title of its own; the screen names it. */
  readonly label?: string;
}

export function ResultChart({ charts, name, lang, label }: ResultChartProps) {
  const title = label ?? (name === 'negativeShareByChannel' ? '' : chartTexts[name].title[lang]);
  return <EChart option={charts[name]} height={RESULT_CHART_HEIGHT} label={title} testId={TEST_IDS[name]} />;
}
