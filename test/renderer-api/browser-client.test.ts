/**
 * The web client in Chromium against the web shell (fake host): the browser half of the
 * transport (dom-port.ts: token from the link, EventSource, XHR uploads from the file chooser,
 * downloads) and the server's CSP as the browser enforces it. The page is a vite build of
 * createClient alone, served by the web shell like the renderer's build.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel, ChannelArgument, ServiceEventMessage } from '../../core/service/contract.js';
import { launchWebShell, type WebShell } from '../../core/web-shell/web-shell.js';
import type { ServiceClient } from '../../renderer/src/api/service-client.js';
import { REPO_ROOT, tempDir } from '../support/paths.js';
import { createFakeHost } from '../web-shell/fake-host.js';

const CHROMIUM = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p !== undefined && existsSync(p));

/** What the test page puts on its global object. */
interface PageGlobals {
  client: ServiceClient;
  events: ServiceEventMessage[];
  violations: string[];
}

// Like the app (renderer/src/app/zod-without-eval.ts), the page turns off zod's eval probe, which
// a strict CSP reports, in a module of its own imported first: zod decides when a schema is
// built, and the client builds its schemas as its module loads. The page lives outside the
// repository, so zod is named by the path the client's own import resolves to.
const WITHOUT_EVAL = `import { z } from ${JSON.stringify(fileURLToPath(import.meta.resolve('zod')))};
z.config({ jitless: true });
`;

const ENTRY = `
import './without-eval.js';
import { createClient } from ${JSON.stringify(join(REPO_ROOT, 'renderer/src/api/create-client.ts'))};
const page = globalThis;
page.violations = [];
document.addEventListener('securitypolicyviolation', (e) => page.violations.push(e.violatedDirective + ' ' + e.sourceFile + ':' + e.lineNumber));
page.events = [];
page.client = createClient();
page.client.onEvent((m) => page.events.push(m));
`;

async function buildPage(dir: string): Promise<string> {
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html><head><meta charset="utf-8"><title>client</title></head><body><script type="module" src="./entry.js"></script></body></html>');
  writeFileSync(join(dir, 'without-eval.js'), WITHOUT_EVAL);
  writeFileSync(join(dir, 'entry.js'), ENTRY);
  const outDir = join(dir, 'dist');
  await build({ configFile: false, root: dir, logLevel: 'silent', build: { outDir, emptyOutDir: true, modulePreload: { polyfill: false } } });
  return outDir;
}

let shell: WebShell;
let browser: Browser;
let page: Page;

function invoke<C extends Channel>(channel: C, argument: ChannelArgument<C>): Promise<unknown> {
  return page.evaluate(([c, a]) => (globalThis as unknown as PageGlobals).client.invoke(c, a as never), [channel, argument] as const);
}

describe.skipIf(CHROMIUM === undefined)('the web client in Chromium', () => {
  beforeAll(async () => {
    const dir = tempDir('browser-client');
    shell = await launchWebShell({ createHost: createFakeHost, rendererDir: await buildPage(dir) });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    page = await browser.newPage();
    await page.goto(shell.url);
    await page.waitForFunction(() => 'client' in globalThis);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await shell?.close();
  });

  it('takes the token out of the address bar into sessionStorage, and keeps it over a reload', async () => {
    expect(page.url()).toBe(`${shell.origin}/`);
    expect(await invoke('app:info', {})).toMatchObject({ shell: 'web' });
    await page.reload();
    await page.waitForFunction(() => 'client' in globalThis);
    expect(await invoke('app:info', {})).toMatchObject({ version: 'test' });
  });

  it('receives the progress of its calls over EventSource', async () => {
    await invoke('runs:start', { jobId: 'browser-run', scenario: {} });
    await expect
      .poll(() => page.evaluate(() => (globalThis as unknown as PageGlobals).events.filter((m) => m.event === 'jobs:progress').map((m) => m.payload.jobId)))
      .toContain('browser-run');
  });

  it('throws ServiceCallError with the bilingual message of a refusal', async () => {
    const error = await page.evaluate(() =>
      (globalThis as unknown as PageGlobals).client.invoke('datasets:list', {}).then(
        () => null,
        (e: { name: string; error: unknown }) => ({ name: e.name, error: e.error }),
      ),
    );
    expect(error).toEqual({ name: 'ServiceCallError', error: { code: 'service.not_in_fake', zh: '拒绝', en: 'refused' } });
  });

  it('uploads files picked in the file chooser, reporting progress', async () => {
    const chooserOpened = page.waitForEvent('filechooser');
    const picked = page.evaluate(() => (globalThis as unknown as PageGlobals).client.pickInputFiles());
    const chooser = await chooserOpened;
    expect(chooser.isMultiple()).toBe(true);
    expect(await chooser.element().getAttribute('accept')).toBe('.xlsx,.csv');
    await chooser.setFiles([
      { name: 'usage.csv', mimeType: 'text/csv', buffer: Buffer.from('customer_id\n001\n') },
      { name: '成本池.csv', mimeType: 'text/csv', buffer: Buffer.from('pool\nA\n') },
    ]);
    const paths = await picked;
    expect(paths.map((p) => p.slice(p.lastIndexOf('/') + 1))).toEqual(['usage.csv', '成本池.csv']);
    expect(await invoke('datasets:preview', { paths })).toMatchObject([{ kind: 'customer_id\n001\n' }, { kind: 'pool\nA\n' }]);
    const uploads = await page.evaluate(() =>
      (globalThis as unknown as PageGlobals).events.flatMap((m) => (m.event === 'jobs:progress' && m.payload.channel === 'upload' ? [m.payload] : [])),
    );
    expect(uploads).toContainEqual(expect.objectContaining({ stage: 'usage.csv', done: 16, total: 16 }));
  });

  it('delivers an export as a download under its name', async () => {
    const written = (await invoke('export:report', { jobId: 'e', runId: 'r5', preset: 'full', lang: 'zh', target: '客户价值报告.xlsx' })) as { path: string };
    const [download] = await Promise.all([page.waitForEvent('download'), page.evaluate((name) => (globalThis as unknown as PageGlobals).client.deliver(name), written.path)]);
    expect(download.suggestedFilename()).toBe('客户价值报告.xlsx');
    expect(readFileSync(await download.path(), 'utf8')).toBe('report r5');
  });

  it('saves a scenario file as a download', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.evaluate(() => (globalThis as unknown as PageGlobals).client.saveScenarioFile('方案A.scenario.json', '{"name":"方案A"}')),
    ]);
    expect(download.suggestedFilename()).toBe('方案A.scenario.json');
    expect(readFileSync(await download.path(), 'utf8')).toBe('{"name":"方案A"}');
  });

  // Last: it injects into the page. Everything before ran without a single CSP report.
  it('runs the client without CSP reports, and the CSP blocks inline scripts and <style> but not style attributes', async () => {
    const violations = (): Promise<string[]> => page.evaluate(() => (globalThis as unknown as PageGlobals).violations);
    expect(await violations()).toEqual([]);
    // A string so it runs in the page as written (the test's TypeScript has no DOM types).
    const probe = await page.evaluate(`(() => {
      const holder = document.createElement('div');
      holder.innerHTML = '<span id="probe" style="color: rgb(255, 0, 0)">x</span>';
      document.body.append(holder);
      const style = document.createElement('style');
      style.textContent = '#probe { background-color: rgb(0, 0, 255); }';
      document.head.append(style);
      const script = document.createElement('script');
      script.textContent = 'globalThis.inlineRan = true';
      document.head.append(script);
      const css = getComputedStyle(document.getElementById('probe'));
      return { color: css.color, background: css.backgroundColor, inlineRan: globalThis.inlineRan === true };
    })()`);
    expect(probe).toEqual({ color: 'rgb(255, 0, 0)', background: 'rgba(0, 0, 0, 0)', inlineRan: false });
    await expect.poll(violations).toEqual(expect.arrayContaining([expect.stringMatching(/^style-src-elem/), expect.stringMatching(/^script-src-elem/)]));
  });
});
