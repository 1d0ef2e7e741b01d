/** ECharts for jsdom (no canvas): each init gives a chart that records its options. */
import type { EChartsOption } from 'echarts';
import { vi } from 'vitest';

export interface FakeChart {
  readonly element: HTMLElement;
  readonly setOption: ReturnType<typeof vi.fn<(option: EChartsOption, settings?: unknown) => void>>;
  readonly resize: ReturnType<typeof vi.fn<() => void>>;
  readonly dispose: ReturnType<typeof vi.fn<() => void>>;
}

export const fakeCharts: FakeChart[] = [];

/** The module that replaces components/charts/echarts-setup. */
export function fakeEchartsSetup() {
  return {
    echarts: {
      init: vi.fn((element: HTMLElement): FakeChart => {
        const chart: FakeChart = { element, setOption: vi.fn(), resize: vi.fn(), dispose: vi.fn() };
        fakeCharts.push(chart);
        return chart;
      }),
    },
  };
}

/** The last option the chart with this test id was given. */
export function lastOption(testId: string): EChartsOption | undefined {
  const chart = fakeCharts.findLast((c) => c.element.dataset.testid === testId);
  return chart?.setOption.mock.calls.at(-1)?.[0];
}
