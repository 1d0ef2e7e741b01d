/**
 * One ECharts instance per element, created once: an update merges the new option into the
 * chart (lazily, on the next frame), so dragging a weight slider animates the bars from their
 * old heights instead of re-creating the chart at every step.
 */
import type { EChartsOption } from 'echarts';
import { useEffect, useRef } from 'react';
import { echarts } from './echarts-setup.js';

type Chart = ReturnType<typeof echarts.init>;

export interface EChartProps {
  readonly option: EChartsOption;
  /** CSS height; the width follows the container. */
  readonly height?: number;
  /** What the chart shows, for screen readers (the canvas itself says nothing). */
  readonly label: string;
  readonly testId?: string;
}

/**
 * The builders in core/charts turn animation off because the report renders a single frame;
 * on screen a short transition shows where the numbers moved.
 */
const SCREEN_ANIMATION = { animation: true, animationDuration: 300, animationDurationUpdate: 250 } as const;

export function EChart({ option, height = 360, label, testId }: EChartProps) {
  const elementRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<Chart | null>(null);

  useEffect(() => {
    const element = elementRef.current;
    if (element === null) return;
    const chart = echarts.init(element, undefined, { renderer: 'canvas' });
    chartRef.current = chart;
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    chartRef.current?.setOption({ ...option, ...SCREEN_ANIMATION }, { notMerge: false, lazyUpdate: true });
  }, [option]);

  return <div ref={elementRef} role="img" aria-label={label} data-testid={testId} className="echart" style={{ width: '100%', height }} />;
}
