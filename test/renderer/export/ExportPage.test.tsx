// @vitest-environment jsdom
/** 导出 warns before a full-detail report that would be too large to email or split across sheets. */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { ServiceProvider } from '../../../renderer/src/app/ServiceProvider';
import { ExportPage } from '../../../renderer/src/pages/export/ExportPage';
import { useCompareStore } from '../../../renderer/src/stores/compare-store';
import { useExportStore } from '../../../renderer/src/stores/export-store';
import { useRunStore } from '../../../renderer/src/stores/run-store';
import { miniRun } from '../results/mini-fixtures';
import { testClient } from '../app/fake-client';
import '../results/dom-setup';

function renderPage(): void {
  render(
    <ServiceProvider client={testClient({})}>
      <ExportPage />
    </ServiceProvider>,
  );
}

function runOf(customers: number): typeof miniRun {
  return { ...miniRun, kpis: { ...miniRun.kpis, customers } };
}

describe('ExportPage size warning', () => {
  beforeEach(() => {
    useRunStore.getState().reset();
    useCompareStore.setState({ comparison: null });
    useExportStore.setState({ preset: 'full', status: 'idle', error: null, written: null });
  });

  it('says nothing for a report of a hundred thousand customers', () => {
    useRunStore.setState({ run: runOf(100_000) });
    renderPage();
    expect(screen.queryByTestId('export-size-warning')).toBeNull();
  });

  it('gives size, customer sheets and time at ten million customers, and goes away with the summary report', async () => {
    useRunStore.setState({ run: runOf(10_000_000) });
    renderPage();
    // 226 bytes and 21 µs a customer (the export benchmark), 1,048,575 customers a sheet.
    expect(screen.getByTestId('export-size-warning').textContent).toContain('完整明细约 2155.3 MB，客户分在 10 个“客户价值明细”工作表中，预计需约 4 分钟');
    await userEvent.click(screen.getByTestId('export-preset-summary'));
    expect(screen.queryByTestId('export-size-warning')).toBeNull();
  });
});
