/** 导出: the value report of the current run, written by the service and downloaded by the page. */
import { join } from 'node:path';
import { AppPage, SLOW_MS } from './app-page.js';

export class ExportPage extends AppPage {
  async choosePreset(preset: 'summary' | 'full'): Promise<void> {
    await this.byTestId(`export-preset-${preset}`).check();
  }

  /** Writes the report, then downloads it into `dir`; returns the saved file. */
  async exportAndDownload(dir: string): Promise<string> {
    await this.byTestId('export-run').click();
    await this.byTestId('export-done').waitFor({ timeout: SLOW_MS });
    const download = this.page.waitForEvent('download', { timeout: SLOW_MS });
    await this.byTestId('export-reveal').click();
    const file = await download;
    const failure = await file.failure();
    if (failure !== null) throw new Error(`the report's download failed: ${failure}`);
    const path = join(dir, file.suggestedFilename());
    await file.saveAs(path);
    return path;
  }
}
