/**
 * What the screens need in jsdom: the UI texts (Chinese, as the app starts), a ResizeObserver
 * (the chart wrapper observes its element) and cleanup after each test. ECharts itself is
 * mocked by each test file, since jsdom has no canvas.
 */
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { i18next } from '../../../renderer/src/i18n';

class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
globalThis.ResizeObserver ??= NoResizeObserver;

afterEach(async () => {
  cleanup();
  await i18next.changeLanguage('zh');
});
