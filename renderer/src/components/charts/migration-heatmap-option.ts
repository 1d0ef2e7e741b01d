/** SPEC §12's tier migration matrix as a heat map: scenario A's tiers as rows, B's as columns. */
import type { EChartsOption } from 'echarts';
import { axisStyle, baseOption, FONT_SIZE, palette } from '../../../../core/charts/options/chart-style';
import { formatNumber } from '../../../../core/charts/options/number-format';
import type { Lang } from '../../../../core/model/messages';
import type { ComparisonView } from '../../../../core/service/contract';
import { tierLabel } from './tier-label';

export interface MigrationNames {
  /** The scenarios' names, for the axes. */
  readonly a: string;
  readonly b: string;
}

/** Counts of customers from A's tier (row) to B's tier (column); `names` label the two axes. */
export function migrationHeatmapOption(view: Pick<ComparisonView, 'tiersA' | 'tiersB' | 'migration'>, names: MigrationNames, lang: Lang): EChartsOption {
  const cells = view.migration.flatMap((row, i) => row.map((count, j) => [j, i, count] as [number, number, number]));
  const max = Math.max(1, ...cells.map(([, , count]) => count));
  // Dark cells get white labels: ECharts does not pick a contrasting label colour on a heat map.
  const data = cells.map((value) => ({ value, label: { color: value[2] > 0.55 * max ? '#ffffff' : palette.text } }));
  return {
    // No title of its own: the card around it names the chart, and B's axis name takes the top.
    ...baseOption(''),
    grid: { left: 110, right: 30, top: 56, bottom: 16 },
    tooltip: {
      trigger: 'item',
      formatter: (params) => {
        const item = Array.isArray(params) ? params[0] : params;
        const [j, i, count] = (item?.value ?? [0, 0, 0]) as [number, number, number];
        const from = tierLabel(view.tiersA[i] ?? '', lang);
        const to = tierLabel(view.tiersB[j] ?? '', lang);
        return `${from} → ${to}: ${formatNumber(count)}`;
      },
    },
    xAxis: {
      ...axisStyle,
      type: 'category',
      position: 'top',
      name: names.b,
      nameLocation: 'middle',
      nameGap: 28,
      data: view.tiersB.map((t) => tierLabel(t, lang)),
      splitArea: { show: true },
      axisLabel: { ...axisStyle.axisLabel, interval: 0 },
    },
    yAxis: {
      ...axisStyle,
      type: 'category',
      inverse: true,
      name: names.a,
      nameLocation: 'middle',
      nameGap: 90,
      data: view.tiersA.map((t) => tierLabel(t, lang)),
      splitArea: { show: true },
      axisLabel: { ...axisStyle.axisLabel, interval: 0 },
    },
    visualMap: { min: 0, max, show: false, inRange: { color: ['#f4f7fb', palette.bar] } },
    series: [
      {
        type: 'heatmap',
        data,
        label: { show: true, fontSize: FONT_SIZE.label, formatter: (p) => formatNumber(((p.value ?? [0, 0, 0]) as number[])[2] ?? 0) },
        emphasis: { itemStyle: { borderColor: palette.text, borderWidth: 1 } },
      },
    ],
  };
}
