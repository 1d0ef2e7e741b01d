// @vitest-environment jsdom
/** The chart wrapper: one instance per element, merged updates, disposed with the element. */
import { render } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { EChart } from '../../../renderer/src/components/charts/EChart';
import '../results/dom-setup';
import { fakeCharts } from './fake-echarts';

vi.mock('../../../renderer/src/components/charts/echarts-setup', async () => (await import('./fake-echarts')).fakeEchartsSetup());

describe('EChart', () => {
  beforeEach(() => {
    fakeCharts.length = 0;
  });

  it('creates the chart once and merges each new option lazily, with the screen’s animation', () => {
    const first = { title: { text: 'one' }, animation: false };
    const second = { title: { text: 'two' }, animation: false };
    const { rerender, unmount } = render(<EChart option={first} label="chart" testId="c" />);
    rerender(<EChart option={second} label="chart" testId="c" />);
    expect(fakeCharts).toHaveLength(1);
    const chart = fakeCharts[0];
    expect(chart?.setOption.mock.calls.map(([option, settings]) => [option.title, option.animation, settings])).toEqual([
      [{ text: 'one' }, true, { notMerge: false, lazyUpdate: true }],
      [{ text: 'two' }, true, { notMerge: false, lazyUpdate: true }],
    ]);
    unmount();
    expect(chart?.dispose).toHaveBeenCalledTimes(1);
  });

  it('leaves an unchanged option alone', () => {
    const option = { title: { text: 'same' } };
    const { rerender } = render(<EChart option={option} label="chart" />);
    rerender(<EChart option={option} label="chart" />);
    expect(fakeCharts[0]?.setOption).toHaveBeenCalledTimes(1);
  });
});
