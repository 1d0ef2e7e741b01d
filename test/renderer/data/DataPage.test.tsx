// @vitest-environment jsdom
/** 数据 page: add files, fix a column, validate with a filterable report, import with the outcome, delete an import. */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ImportView, SheetPreview, ValidationView } from '../../../core/service/contract';
import { ServiceProvider } from '../../../renderer/src/app/ServiceProvider';
import { DataPage } from '../../../renderer/src/pages/data/DataPage';
import { type TestClient, testClient } from '../app/fake-client';
import '../app/reset';

const HEADER = ['Cust No', '账期', '应收费用'];

function preview(custField: string | null): SheetPreview {
  return {
    file: '/in/2026-09/usage.csv',
    kind: custField === null ? 'unknown' : 'usage',
    headerRow: 1,
    header: HEADER,
    fields: { 'Cust No': custField, 账期: 'month', 应收费用: 'billed_revenue' },
    rows: [
      ['0001', '2026-09', '58.00'],
      ['0002', '2026-09', '=12+3'],
    ],
  };
}

const report: ValidationView = {
  errorCount: 1,
  warningCount: 1,
  problems: [
    { severity: 'error', code: 'cell.not_a_number', file: '/in/2026-09/usage.csv', row: 3, column: '应收费用', value: 'abc', zh: '不是数字：abc', en: 'Not a number: abc' },
    { severity: 'warning', code: 'input.formula_like_text', file: '/in/2026-09/usage.csv', row: 4, column: '应收费用', value: '=12+3', zh: '单元格内容像公式', en: 'The cell looks like a formula' },
  ],
  problemsOmitted: 0,
  files: [],
};
const warningsOnly: ValidationView = { ...report, errorCount: 0, problems: report.problems.slice(1) };

const imported: ImportView = {
  id: 3,
  importedAt: '2026-10-08T09:00:00Z',
  appVersion: '0.1.0',
  months: ['2026-09'],
  factRows: 2,
  customers: 2,
  pools: 0,
  participants: 0,
  warnings: [],
  datasets: [{ id: 9, file: '/in/2026-09/usage.csv', sheet: null, kind: 'usage', rows: 2, sha256: 'abcdef0123456789'.repeat(4) }],
};

function setup(): TestClient {
  let list: ImportView[] = [];
  const client = testClient(
    {
      'datasets:list': () => list,
      'datasets:preview': ({ mappings = [] }) => [preview(mappings[0]?.fields['Cust No'] ?? null)],
      'datasets:validate': ({ mappings = [] }) => (mappings.length === 0 ? report : warningsOnly),
      'datasets:import': () => {
        list = [imported];
        return { status: 'imported', imported, report: warningsOnly, skipped: [] };
      },
      'mappings:save': () => ({ signature: 'cust no|账期|应收费用' }),
      'datasets:delete': () => {
        list = [];
        return imported;
      },
    },
    { picked: ['/in/2026-09/usage.csv'] },
  );
  render(
    <ServiceProvider client={client}>
      <DataPage />
    </ServiceProvider>,
  );
  return client;
}

describe('DataPage', () => {
  it('goes from files to a clean import, with a column fixed by hand', async () => {
    const client = setup();
    await userEvent.click(screen.getByTestId('files-add'));
    await screen.findByTestId('sheet-0');
    expect(screen.getByTestId('file-list').textContent).toContain('usage.csv');
    expect(screen.getByTestId('sheet-0-kind').textContent).toBe('未识别');

    await userEvent.click(screen.getByTestId('validate'));
    await screen.findByTestId('validation-report');
    expect(screen.getByTestId('report-errors').textContent).toBe('错误 1');
    expect(screen.getByTestId<HTMLButtonElement>('import').disabled).toBe(true);
    const table = screen.getByTestId('problem-table');
    expect(within(table).getByText('不是数字：abc')).toBeTruthy();

    // Only the warnings.
    await userEvent.selectOptions(screen.getByTestId('filter-severity'), 'warning');
    expect(within(table).queryByText('不是数字：abc')).toBeNull();
    expect(within(table).getByText('单元格内容像公式')).toBeTruthy();

    // The Chinese screen names a field by its header alias alone; the field key is the tooltip.
    const customerOption = within(screen.getByTestId('sheet-0-field-0')).getByRole<HTMLOptionElement>('option', { name: '用户编号' });
    expect(customerOption.value).toBe('customer_id');
    expect(customerOption.title).toBe('customer_id');
    await userEvent.selectOptions(screen.getByTestId('sheet-0-field-0'), 'customer_id');
    await waitFor(() => expect(screen.getByTestId('sheet-0-kind').textContent).toBe('用量与收入'));
    expect(screen.getByTestId('sheet-0-field-0').title).toBe('customer_id');
    expect(screen.queryByTestId('validation-report')).toBeNull();

    await userEvent.click(screen.getByTestId('validate'));
    await waitFor(() => expect(screen.getByTestId<HTMLButtonElement>('import').disabled).toBe(false));
    expect(client.callsOf('datasets:validate')[1]?.mappings).toEqual([{ headers: HEADER, fields: { 'Cust No': 'customer_id', 账期: 'month', 应收费用: 'billed_revenue' } }]);

    await userEvent.click(screen.getByTestId('import'));
    const outcome = await screen.findByTestId('import-outcome');
    expect(outcome.textContent).toContain('已导入：2 行明细，2 个客户，月份 2026-09。');
    expect(client.callsOf('mappings:save')).toHaveLength(1);
    expect(within(screen.getByTestId('dataset-list')).getByText('abcdef012345')).toBeTruthy();
  });

  it('exports the problem report in the UI language and delivers it', async () => {
    const client = testClient(
      { 'datasets:list': () => [], 'datasets:preview': () => [preview(null)], 'datasets:validate': () => report, 'datasets:exportReport': ({ target }) => ({ path: target }) },
      { picked: ['/in/2026-09/usage.csv'] },
    );
    render(
      <ServiceProvider client={client}>
        <DataPage />
      </ServiceProvider>,
    );
    await userEvent.click(screen.getByTestId('files-add'));
    await userEvent.click(await screen.findByTestId('validate'));
    await userEvent.click(await screen.findByTestId('report-export'));
    await waitFor(() => expect(client.delivered).toEqual(['/out/数据问题.xlsx']));
    expect(client.callsOf('datasets:exportReport')[0]).toMatchObject({ lang: 'zh', target: '/out/数据问题.xlsx' });
  });

  it('deletes an import after confirmation', async () => {
    const client = setup();
    await userEvent.click(screen.getByTestId('files-add'));
    await userEvent.selectOptions(await screen.findByTestId('sheet-0-field-0'), 'customer_id');
    await userEvent.click(screen.getByTestId('validate'));
    await waitFor(() => expect(screen.getByTestId<HTMLButtonElement>('import').disabled).toBe(false));
    await userEvent.click(screen.getByTestId('import'));
    await screen.findByTestId('import-3');

    await userEvent.click(screen.getByTestId('import-3-delete'));
    expect(client.callsOf('datasets:delete')).toEqual([]);
    await userEvent.click(screen.getByTestId('import-3-delete-confirm'));
    await waitFor(() => expect(screen.queryByTestId('import-3')).toBeNull());
    expect(client.callsOf('datasets:delete')).toEqual([{ importId: 3 }]);
  });

  it('shows a failed call as a readable message', async () => {
    const client = testClient({ 'datasets:list': () => [] }, { picked: ['/in/x.csv'] });
    render(
      <ServiceProvider client={client}>
        <DataPage />
      </ServiceProvider>,
    );
    await userEvent.click(screen.getByTestId('files-add'));
    expect((await screen.findByTestId('data-error')).textContent).toContain('测试未应答 datasets:preview');
  });
});
