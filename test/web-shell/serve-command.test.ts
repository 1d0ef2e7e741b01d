/**
 * `cvalue serve` as the analyst runs it, with the real service host in its worker: the mini
 * example uploaded and imported over HTTP, a run with progress, an export downloaded, and a
 * clean stop on SIGTERM.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceEventMessage } from '../../core/service/contract.js';
import { createHttpClient } from '../../renderer/src/api/http-client.js';
import type { ServiceClient } from '../../renderer/src/api/service-client.js';
import { MINI, REPO_ROOT, tempDir } from '../support/paths.js';
import { createNodePort, type NodePort } from '../renderer-api/node-port.js';

let child: ChildProcess;
let exited: Promise<number | null>;
let port: NodePort;
let client: ServiceClient;
let firstLine: string;

beforeAll(async () => {
  child = spawn(process.execPath, ['--import', 'tsx', 'core/cli/main.ts', 'serve', '--db', join(tempDir('serve'), 'knowledge.db')], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  exited = new Promise((done) => child.once('exit', (code) => done(code)));
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  firstLine = await new Promise<string>((done) => lines.once('line', done));
  const url = new URL(/http:\/\/\S+/.exec(firstLine)?.[0] ?? '');
  port = createNodePort(url.origin, url.hash.replace('#token=', ''));
  client = createHttpClient(port);
}, 60_000);

afterAll(async () => {
  if (child.exitCode === null) child.kill('SIGKILL');
});

describe('cvalue serve', () => {
  it('prints one line with the link holding the token', () => {
    expect(firstLine).toMatch(/http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]{64}/);
  });

  let uploaded: string[] = [];

  it('imports the mini example uploaded from the page and runs its scenario with progress', async () => {
    const names = readdirSync(MINI).filter((f) => f.endsWith('.csv'));
    uploaded = await client.filesFromDrop(names.map((name) => new File([readFileSync(join(MINI, name))], name)));
    const events: ServiceEventMessage[] = [];
    const stop = client.onEvent((m) => events.push(m));
    const imported = await client.invoke('datasets:import', { jobId: 'import-1', paths: uploaded });
    expect(imported.status).toBe('imported');
    // Each upload keeps the analyst's file name as the last segment of its path.
    if (imported.status === 'imported') expect(imported.imported.datasets.map((d) => d.file).sort()).toEqual([...names].sort());

    const scenario = JSON.parse(readFileSync(join(MINI, 'scenario_mini.json'), 'utf8')) as Record<string, unknown>;
    const run = await client.invoke('runs:start', { jobId: 'run-1', scenario });
    if (!run.ok) throw new Error(JSON.stringify(run.issues));
    expect(run.run.kpis.customers).toBe(4);
    expect(run.run.kpis.eligible).toBe(3);
    await expect.poll(() => events.some((m) => m.event === 'jobs:progress' && m.payload.jobId === 'run-1')).toBe(true);
    expect(events.some((m) => m.event === 'data:changed' && m.payload.what === 'datasets')).toBe(true);
    stop();

    const written = await client.invoke('export:report', { jobId: 'export-1', runId: run.run.runId, preset: 'summary', lang: 'zh', target: '客户价值报告.xlsx' });
    expect(written.path).toBe('客户价值报告.xlsx');
    await client.deliver(written.path);
    const file = await fetch(port.downloads.at(-1) ?? '');
    expect(file.status).toBe(200);
    const bytes = new Uint8Array(await file.arrayBuffer());
    expect(bytes.length).toBe(written.bytes);
    expect(String.fromCharCode(bytes[0] ?? 0, bytes[1] ?? 0)).toBe('PK');
  }, 120_000);

  it('refuses a file outside the uploads, and stops on SIGTERM removing the launch folders, even when the signal comes twice', async () => {
    await expect(client.invoke('datasets:preview', { paths: [join(MINI, 'usage.csv')] })).rejects.toMatchObject({ error: { code: 'web.path_outside' } });
    const launchRoot = dirname(dirname(dirname(uploaded[0] ?? '')));
    expect(existsSync(launchRoot)).toBe(true);
    // Ctrl+C reaches the whole process group and tsx relays it too: the stop arrives twice.
    child.kill('SIGTERM');
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(existsSync(launchRoot)).toBe(false);
  }, 30_000);
});
