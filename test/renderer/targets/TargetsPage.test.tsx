// @vitest-environment jsdom
/** 目标名单: the form's choices reach targets:build (debounced), and its answer is shown. */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { TargetBuildView } from '../../../core/service/contract';
import { ServiceProvider } from '../../../renderer/src/app/ServiceProvider';
import { TargetsPage } from '../../../renderer/src/pages/targets/TargetsPage';
import { useRunStore } from '../../../renderer/src/stores/run-store';
import { useTargetsStore } from '../../../renderer/src/stores/targets-store';
import '../results/dom-setup';
import { fakeClient } from '../results/fake-client';
import { miniRun } from '../results/mini-fixtures';

const BUILT: TargetBuildView = {
  size: 7,
  sumAvgProfit: 350,
  negativeCount: 0,
  arpu: { negativeCount: 2, sumAvgProfit: 120 },
  negativeAvoided: 2,
  negativeAvoidedShare: 2 / 7,
  preview: [{ customerId: '001', branch: '郑州', channel: '营业厅', plan: 'P1', segment: '个人', tier: 'A', value: 88, avgProfit: 50, avgBilledRevenue: 80, tenureMonths: 24 }],
};

/** The page on the mini run with `client` as its service. */
function bindClient(client: ReturnType<typeof fakeClient>): void {
  useRunStore.setState({ run: miniRun });
  render(
    <ServiceProvider client={client}>
      <TargetsPage />
    </ServiceProvider>,
  );
}

describe('TargetsPage', () => {
  beforeEach(() => {
    useRunStore.getState().reset();
    useTargetsStore.getState().reset();
  });

  it('sends the form as a filter to targets:build and shows the size and preview', async () => {
    const client = fakeClient({ 'targets:build': () => BUILT, 'targets:list': () => [] });
    useRunStore.setState({ run: miniRun });
    render(
      <ServiceProvider client={client}>
        <TargetsPage />
      </ServiceProvider>,
    );
    const branch = miniRun.aggregates.branch[0]?.group ?? '';
    act(() => {
      fireEvent.click(screen.getByTestId('targets-exclude-negative'));
      fireEvent.change(screen.getByTestId('targets-value-min'), { target: { value: '60' } });
      const select = screen.getByTestId('targets-branches') as HTMLSelectElement;
      for (const option of Array.from(select.options)) option.selected = option.value === branch;
      fireEvent.change(select);
    });
    await waitFor(() => expect(screen.getByTestId('targets-size').textContent).toBe('7'));
    const builds = client.callsOf('targets:build');
    // Debounced: the three quick changes arrive as one build with all of them.
    expect(builds).toHaveLength(1);
    expect(builds[0]).toEqual({ runId: miniRun.runId, filter: expect.objectContaining({ excludeNegative: true, value: { min: 60 }, branches: [branch] }) as unknown });
    expect(screen.getByTestId('targets-preview').textContent).toContain('001');
    expect(screen.getByTestId('targets-avoided').textContent).toContain('2');
  });

  it('exports the list as CSV under the picked name and offers the file', async () => {
    const delivered: string[] = [];
    const client = fakeClient(
      { 'targets:build': () => BUILT, 'targets:list': () => [], 'targets:export': (a) => ({ path: `/downloads/${a.target}`, rows: 7 }) },
      { shell: 'web', saveTarget: '营销目标名单.csv', delivered },
    );
    useRunStore.setState({ run: miniRun });
    render(
      <ServiceProvider client={client}>
        <TargetsPage />
      </ServiceProvider>,
    );
    fireEvent.click(screen.getByTestId('targets-export-csv'));
    // The web shell's page names the file it offers, not a folder on the server.
    await waitFor(() => expect(screen.getByTestId('targets-export-done').textContent).toBe('已导出 7 位客户：营销目标名单.csv下载'));
    expect(client.callsOf('targets:export')[0]).toMatchObject({ runId: miniRun.runId, format: 'csv', target: '营销目标名单.csv' });
    fireEvent.click(screen.getByTestId('targets-download'));
    await waitFor(() => expect(delivered).toEqual(['/downloads/营销目标名单.csv']));
  });

  it('offers every tier of the scenario, the lowest one included', () => {
    bindClient(fakeClient({ 'targets:build': () => BUILT, 'targets:list': () => [] }));
    const options = Array.from((screen.getByTestId('targets-tiers') as HTMLSelectElement).options, (o) => o.value);
    expect(options).toEqual([...miniRun.scenario.tiers.map(([name]) => name), miniRun.scenario.lowest_tier]);
  });

  it('marks the figures busy from a change until the build for it answers', async () => {
    let answer: (view: TargetBuildView) => void = () => undefined;
    const client = fakeClient({ 'targets:build': () => new Promise<TargetBuildView>((resolve) => (answer = resolve)), 'targets:list': () => [] });
    bindClient(client);
    const summary = screen.getByTestId('targets-summary');
    expect(summary.getAttribute('aria-busy')).toBe('true');
    await waitFor(() => expect(client.callsOf('targets:build')).toHaveLength(1));
    act(() => answer(BUILT));
    await waitFor(() => expect(summary.getAttribute('aria-busy')).toBe('false'));
    expect(screen.getByTestId('targets-size').textContent).toBe('7');

    // A change makes the shown figures stale at once, before the debounced build is even sent.
    act(() => fireEvent.click(screen.getByTestId('targets-exclude-negative')));
    expect(summary.getAttribute('aria-busy')).toBe('true');
    await waitFor(() => expect(client.callsOf('targets:build')).toHaveLength(2));
    act(() => answer({ ...BUILT, size: 5 }));
    await waitFor(() => expect(summary.getAttribute('aria-busy')).toBe('false'));
    expect(screen.getByTestId('targets-size').textContent).toBe('5');
  });
});
