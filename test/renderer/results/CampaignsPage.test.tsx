// @vitest-environment jsdom
/** 营销 from the RunView's campaigns. */
import { render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CampaignView } from '../../../core/service/contract';
import { ServiceProvider } from '../../../renderer/src/app/ServiceProvider';
import { CampaignsPage } from '../../../renderer/src/pages/campaigns/CampaignsPage';
import { useRunStore } from '../../../renderer/src/stores/run-store';
import './dom-setup';
import { fakeClient } from './fake-client';
import { miniRun } from './mini-fixtures';

/** The page asks the service for its campaigns' uplift; these tests give the run's campaigns back as they are. */
function renderPage() {
  const client = fakeClient({ 'campaigns:uplift': () => useRunStore.getState().run?.campaigns ?? [] });
  return render(
    <ServiceProvider client={client}>
      <CampaignsPage />
    </ServiceProvider>,
  );
}

describe('CampaignsPage', () => {
  beforeEach(() => useRunStore.getState().reset());

  it('lists each campaign with its costs, ROI and wasted share', () => {
    const evaluated: CampaignView = { campaign: '流量包推广', participants: 3, costAll: 15, startMonths: ['2026-02'], evaluated: 2, excluded: 1, costEvaluated: 10, incrementalProfit: 25, roi: 1.5, negativeBeforeShare: 0.5, uplift: 12.5, controlSize: 40, upliftNote: '', upliftTiers: [] };
    useRunStore.setState({ run: { ...miniRun, campaigns: [...miniRun.campaigns, evaluated] } });
    renderPage();
    const rows = within(screen.getByTestId('campaigns-table')).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.querySelector('th')?.textContent)).toEqual(['流量包推广', '测试活动']);
    expect(rows[0]?.textContent).toContain('150.00%');
    expect(rows[0]?.textContent).toContain('50.00%');
    expect(rows[1]?.textContent).toContain('¥15.00');
    expect(rows[1]?.textContent).toContain('—');
  });

  it('says when the data has no campaigns', () => {
    useRunStore.setState({ run: { ...miniRun, campaigns: [] } });
    renderPage();
    expect(screen.getByTestId('campaigns-empty').textContent).toContain('本次数据没有营销活动');
  });
});
