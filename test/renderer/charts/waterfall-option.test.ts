/** The waterfall's bars: each step from the running level, crossing zero where the profit turns negative. */
import { describe, expect, it } from 'vitest';
import { waterfallBars, waterfallOption } from '../../../renderer/src/components/charts/waterfall-option';
import { miniTrace } from '../results/mini-fixtures';

describe('waterfall', () => {
  it('goes from the average revenue down by each cost to the average profit', () => {
    const bars = waterfallBars(miniTrace, 'zh');
    expect(bars.map((b) => [b.label, b.from, b.to])).toEqual([
      ['收入', 0, 10],
      ['结算成本', 10, 10],
      ['佣金', 10, 10],
      ['营销优惠', 10, 10],
      ['赠机成本', 10, 10],
      ['店员积分', 10, 10],
      ['分摊成本', 10, -3],
      ['利润', 0, -3],
    ]);
    expect(bars.at(-1)?.change).toBe(miniTrace.customer.avgProfit);
  });

  it('stacks a bar that crosses zero as its parts above and below', () => {
    const option = waterfallOption(miniTrace, 'en');
    const series = option.series as { data: (number | { value: number })[] }[];
    const value = (s: number, i: number) => {
      const d = series[s]?.data[i];
      return typeof d === 'number' ? d : d?.value;
    };
    // 分摊成本: from 10 to −3 is 10 above zero and 3 below, on a zero base.
    expect([value(0, 6), value(1, 6), value(2, 6)]).toEqual([0, 10, -3]);
    // 利润: −3, all below zero.
    expect([value(0, 7), value(1, 7), value(2, 7)]).toEqual([0, 0, -3]);
    expect((option.xAxis as { data: string[] }).data[0]).toBe('Revenue');
  });
});
