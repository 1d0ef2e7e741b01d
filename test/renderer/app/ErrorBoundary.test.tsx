// @vitest-environment jsdom
/** A screen that fails to render shows what happened and what to do, never the error's text or stack. */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from '../../../renderer/src/app/ErrorBoundary';
import { setLang } from '../../../renderer/src/i18n';
import './reset';

let failing = true;
function Fragile() {
  if (failing) throw new Error('TypeError at renderRow (Table.tsx:42)');
  return <p>recovered</p>;
}

describe('ErrorBoundary', () => {
  it('shows a readable message in the UI language and recovers on retry', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    failing = true;
    render(
      <ErrorBoundary>
        <Fragile />
      </ErrorBoundary>,
    );
    const shown = screen.getByTestId('error-boundary');
    expect(shown.textContent).toContain('界面出现问题');
    expect(shown.textContent).toContain('请点击“重新加载”');
    expect(shown.textContent).not.toContain('Table.tsx');

    await setLang('en');
    expect(await screen.findByText('Something went wrong on this screen')).toBeTruthy();

    failing = false;
    await userEvent.click(screen.getByTestId('error-retry'));
    expect(screen.getByText('recovered')).toBeTruthy();
  });

  it('clears the error when the screen changes', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    failing = true;
    const { rerender } = render(
      <ErrorBoundary resetKey="results">
        <Fragile />
      </ErrorBoundary>,
    );
    expect(screen.getByTestId('error-boundary')).toBeTruthy();
    failing = false;
    rerender(
      <ErrorBoundary resetKey="customers">
        <Fragile />
      </ErrorBoundary>,
    );
    expect(screen.getByText('recovered')).toBeTruthy();
  });
});
