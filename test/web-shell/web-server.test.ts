/** The web shell's HTTP server with a fake service host: who may call, what it serves, uploads, downloads and events. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../core/web-shell/security-headers.js';
import { launchWebShell, type WebShell } from '../../core/web-shell/web-shell.js';
import { tempDir } from '../support/paths.js';
import { createFakeHost, type FakeHost } from './fake-host.js';
import { rawRequest, readEvents } from './http-helpers.js';

const JSON_LIMIT_TEST = 2 * 1024 * 1024;
const UPLOAD_LIMIT = 64 * 1024;

let shell: WebShell;
let token: string;
let rendererDir: string;

function api(path: string, init: { body?: string; headers?: Record<string, string>; method?: string } = {}): Promise<Response> {
  return fetch(`${shell.origin}${path}`, { method: init.method ?? 'POST', body: init.body, headers: { 'x-cvs-token': token, ...init.headers } });
}

function callApi(channel: string, argument: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return api(`/api/call/${channel}`, { body: JSON.stringify(argument), headers: { 'content-type': 'application/json', ...headers } });
}

async function upload(name: string, body: string): Promise<Response> {
  return api('/api/upload', { body, headers: { 'x-cvs-filename': encodeURIComponent(name) } });
}

beforeAll(async () => {
  const dir = tempDir('web-shell');
  rendererDir = join(dir, 'dist');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>cvs</title><script type="module" src="/assets/app.js"></script>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'top secret');
  shell = await launchWebShell({ createHost: createFakeHost, rendererDir, uploadLimitBytes: UPLOAD_LIMIT });
  token = new URL(shell.url).hash.replace('#token=', '');
});

afterAll(async () => {
  await shell.close();
});

describe('the launch', () => {
  it('listens on 127.0.0.1 and prints a link with a 32-byte hex token in the fragment', () => {
    expect(shell.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]{64}$/);
  });
});

describe('the renderer files', () => {
  it('serves index.html without caching and assets with their content type, all with the security headers', async () => {
    const index = await fetch(`${shell.origin}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('cache-control')).toBe('no-store');
    expect(await index.text()).toContain('<title>cvs</title>');
    const script = await fetch(`${shell.origin}/assets/app.js`);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('cache-control')).toContain('immutable');
    for (const res of [index, script]) {
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    }
  });

  it('has a strict CSP', () => {
    for (const directive of ["default-src 'self'", "script-src 'self'", "connect-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "img-src 'self' data: blob:"]) {
      expect(CONTENT_SECURITY_POLICY).toContain(directive);
    }
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe/);
  });

  it('answers a screen path with index.html and a missing file with 404', async () => {
    expect(await (await fetch(`${shell.origin}/customers`)).text()).toContain('<title>cvs</title>');
    expect((await fetch(`${shell.origin}/assets/missing.js`)).status).toBe(404);
  });

  it('refuses paths that climb out of the build folder', async () => {
    for (const path of ['/../secret.txt', '/..%2fsecret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/assets/..%5c..%5csecret.txt', '/%2e%2e%2fsecret.txt', '/%2f..%2fsecret.txt', '/index.html%00']) {
      const res = await rawRequest(shell.port, path, { headers: { host: `127.0.0.1:${shell.port}` } });
      expect(res.status, path).toBe(404);
      expect(res.body).not.toContain('top secret');
    }
  });

  it('says how to build the renderer when it has not been built', async () => {
    const bare = await launchWebShell({ createHost: createFakeHost, rendererDir: join(tempDir('web-shell-bare'), 'dist') });
    try {
      const res = await fetch(`${bare.origin}/`);
      expect(res.status).toBe(503);
      expect(await res.text()).toContain('npm run build:renderer');
    } finally {
      await bare.close();
    }
  });
});

describe('who may call', () => {
  it('refuses a missing or wrong token with 401 and a bilingual error', async () => {
    const missing = await fetch(`${shell.origin}/api/call/app:info`, { method: 'POST', body: '{}' });
    expect(missing.status).toBe(401);
    const body = (await missing.json()) as { ok: boolean; error: { code: string; zh: string; en: string } };
    expect(body.ok).toBe(false);
    expect(body.error.code).toBe('web.bad_token');
    expect((await fetch(`${shell.origin}/api/call/app:info`, { method: 'POST', body: '{}', headers: { 'x-cvs-token': '0'.repeat(64) } })).status).toBe(401);
    expect((await fetch(`${shell.origin}/api/events`)).status).toBe(401);
    expect((await fetch(`${shell.origin}/api/download?name=x.xlsx&token=${'1'.repeat(64)}`)).status).toBe(401);
    // The token goes in the header for POSTs, never the query.
    expect((await fetch(`${shell.origin}/api/call/app:info?token=${token}`, { method: 'POST', body: '{}' })).status).toBe(401);
  });

  it('refuses a Host header that is not 127.0.0.1 or localhost with our port (DNS rebinding)', async () => {
    for (const host of ['evil.example', `evil.example:${shell.port}`, `127.0.0.1:${shell.port + 1}`, '127.0.0.1']) {
      const res = await rawRequest(shell.port, '/', { headers: { host } });
      expect(res.status, host).toBe(403);
      expect(res.body).toContain('web.bad_host');
    }
    expect((await rawRequest(shell.port, '/', { headers: { host: `localhost:${shell.port}` } })).status).toBe(200);
  });

  it('refuses a POST from another origin even with the token', async () => {
    const evil = await callApi('app:info', {}, { origin: 'http://evil.example' });
    expect(evil.status).toBe(403);
    expect((await callApi('app:info', {}, { origin: 'null' })).status).toBe(403);
    expect((await callApi('app:info', {}, { origin: `http://localhost:${shell.port}` })).status).toBe(200);
  });
});

describe('service calls', () => {
  it('answers the CallResult of the host', async () => {
    const res = await callApi('app:info', {});
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, value: { version: 'test', shell: 'web', database: ':memory:', dataLoaded: false } });
  });

  it('answers a refused call with 200 and the error as data', async () => {
    const res = await callApi('datasets:delete', { importId: 'x' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'service.bad_argument' } });
  });

  it('answers 404 for an unknown channel, 400 for bad JSON, 413 for a body over the limit, 405 for GET', async () => {
    expect((await callApi('nope:never', {})).status).toBe(404);
    expect((await callApi('constructor', {})).status).toBe(404);
    const bad = await api('/api/call/app:info', { body: '{not json' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'web.bad_json' } });
    const big = await api('/api/call/scenarios:parse', { body: JSON.stringify({ text: 'x'.repeat(JSON_LIMIT_TEST) }) });
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ error: { code: 'web.too_large' } });
    expect((await fetch(`${shell.origin}/api/call/app:info?token=${token}`)).status).toBe(405);
  });

  it('sends the progress of a call to the stream of the tab that made it, and data changes to every tab', async () => {
    const mine = await readEvents(`${shell.origin}/api/events?token=${token}&client=tab-a`);
    const other = await readEvents(`${shell.origin}/api/events?token=${token}&client=tab-b`);
    try {
      const run = await callApi('runs:start', { jobId: 'job-1', scenario: {} }, { 'x-cvs-client': 'tab-a' });
      expect(await run.json()).toMatchObject({ ok: true });
      expect(await mine.next()).toEqual({ event: 'jobs:progress', payload: { jobId: 'job-1', channel: 'runs:start', stage: 'engine', done: 1, total: 2 } });
      await callApi('scenarios:save', { scenario: {} }, { 'x-cvs-client': 'tab-a' });
      expect(await mine.next()).toEqual({ event: 'data:changed', payload: { what: 'scenarios' } });
      // tab-b never saw tab-a's progress: its first event is the data change.
      expect(await other.next()).toEqual({ event: 'data:changed', payload: { what: 'scenarios' } });
    } finally {
      mine.close();
      other.close();
    }
  });

  it('refuses a malformed client id', async () => {
    expect((await callApi('app:info', {}, { 'x-cvs-client': 'a b' })).status).toBe(400);
    expect((await fetch(`${shell.origin}/api/events?token=${token}&client=${'x'.repeat(65)}`)).status).toBe(400);
  });

  it('sends a heartbeat comment on the event stream', async () => {
    const quick = await launchWebShell({ createHost: createFakeHost, rendererDir, heartbeatMs: 50 });
    const stream = await readEvents(`${quick.origin}/api/events?${new URLSearchParams({ token: new URL(quick.url).hash.slice(7) })}`);
    try {
      await new Promise((r) => setTimeout(r, 200));
      expect(stream.comments).toContain('heartbeat');
    } finally {
      stream.close();
      await quick.close();
    }
  });
});

describe('uploads', () => {
  it('saves the body under the upload folder with its own name and the path works in a call', async () => {
    const res = await upload('用量 usage.csv', 'customer_id,month\n001,2026-09\n');
    expect(res.status).toBe(200);
    const { path } = (await res.json()) as { path: string };
    expect(path.startsWith(shell.folders.uploadsDir)).toBe(true);
    expect(path.endsWith('用量 usage.csv')).toBe(true);
    const preview = (await (await callApi('datasets:preview', { paths: [path] })).json()) as { ok: boolean; value: { kind: string }[] };
    expect(preview.ok).toBe(true);
    expect(preview.value[0]?.kind).toBe('customer_id,month\n001,2026-09\n');
  });

  it('keeps two uploads of the same name apart and strips directories from the name', async () => {
    const first = ((await (await upload('a.csv', '1')).json()) as { path: string }).path;
    const second = ((await (await upload('a.csv', '2')).json()) as { path: string }).path;
    expect(first).not.toBe(second);
    expect(readFileSync(first, 'utf8')).toBe('1');
    const climbing = ((await (await upload('../../evil.csv', 'x')).json()) as { path: string }).path;
    expect(climbing.startsWith(shell.folders.uploadsDir)).toBe(true);
    expect(climbing.endsWith('evil.csv')).toBe(true);
  });

  it('refuses a missing name, another file type and a body over the limit', async () => {
    expect((await api('/api/upload', { body: 'x' })).status).toBe(400);
    expect((await upload('run.exe', 'x')).status).toBe(415);
    const big = await upload('big.csv', 'x'.repeat(UPLOAD_LIMIT + 1));
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ error: { code: 'web.too_large' } });
  });

  it('refuses input paths outside the upload folder', async () => {
    const res = await callApi('datasets:preview', { paths: [join(shell.folders.uploadsDir, '..', 'downloads', 'x.csv')] });
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'web.path_outside' } });
  });

  it('takes a results set’s scenario as .json, and its uploads (but nothing outside them) into results:import', async () => {
    const scenario = await upload('warehouse.scenario.json', '{"name":"数仓","month":"2026-09"}');
    expect(scenario.status).toBe(200);
    const customers = await upload('customers.csv', 'customer_id\n001\n');
    const paths = [((await scenario.json()) as { path: string }).path, ((await customers.json()) as { path: string }).path];
    expect(paths.every((p) => p.startsWith(shell.folders.uploadsDir))).toBe(true);
    const imported = (await (await callApi('results:import', { jobId: 'r1', paths })).json()) as { ok: boolean; value: { report: { problems: { file: string; value: string }[] } } };
    expect(imported.value.report.problems.map((p) => [p.file, p.value])).toEqual([
      ['warehouse.scenario.json', '{"name":"数仓","month":"2026-09"}'],
      ['customers.csv', 'customer_id\n001\n'],
    ]);
    for (const outside of ['/etc', join(shell.folders.uploadsDir, '..', 'downloads')]) {
      expect(await (await callApi('results:import', { jobId: 'r2', paths: [outside] })).json(), outside).toMatchObject({ ok: false, error: { code: 'web.path_outside' } });
    }
  });

  it('refuses a .json upload that passes the upload limit, and names .json among the accepted types', async () => {
    expect((await upload('scenario.json', 'x'.repeat(UPLOAD_LIMIT + 1))).status).toBe(413);
    const refused = await upload('scenario.json.exe', '{}');
    expect(refused.status).toBe(415);
    expect(await refused.json()).toMatchObject({ error: { code: 'web.bad_file_type', en: 'Only .xlsx, .csv and .json files can be uploaded: scenario.json.exe' } });
  });
});

describe('exports and downloads', () => {
  it('answers an export with the name of the file in the downloads folder and serves it as an attachment', async () => {
    const res = await callApi('export:report', { jobId: 'j', runId: 'r1', preset: 'full', lang: 'zh', target: '客户价值报告.xlsx' });
    const answer = (await res.json()) as { ok: boolean; value: { path: string } };
    expect(answer).toMatchObject({ ok: true, value: { path: '客户价值报告.xlsx' } });
    expect(existsSync(join(shell.folders.downloadsDir, '客户价值报告.xlsx'))).toBe(true);

    const file = await fetch(`${shell.origin}/api/download?${new URLSearchParams({ token, name: answer.value.path })}`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(file.headers.get('content-disposition')).toBe(`attachment; filename="______.xlsx"; filename*=UTF-8''${encodeURIComponent('客户价值报告.xlsx')}`);
    expect(await file.text()).toBe('report r1');
  });

  it('answers a target list export with the name in the downloads folder, as the page downloads it by that name', async () => {
    const res = await callApi('targets:export', { jobId: 'j', runId: 'r1', filter: {}, format: 'csv', target: '营销目标名单.csv' });
    const answer = (await res.json()) as { ok: boolean; value: { path: string } };
    expect(answer).toMatchObject({ ok: true, value: { path: '营销目标名单.csv', rows: 1 } });
    const file = await fetch(`${shell.origin}/api/download?${new URLSearchParams({ token, name: answer.value.path })}`);
    expect(file.status).toBe(200);
    expect(await file.text()).toBe('customer_id\n001\n');
  });

  it('answers a results set’s export with the name in the downloads folder', async () => {
    const res = await callApi('results:export', { jobId: 'j', id: 3, preset: 'summary', lang: 'en', target: 'result-set 数仓 2026-09.xlsx' });
    const answer = (await res.json()) as { ok: boolean; value: { path: string } };
    expect(answer).toMatchObject({ ok: true, value: { path: 'result-set 数仓 2026-09.xlsx', sheets: ['说明'] } });
    const file = await fetch(`${shell.origin}/api/download?${new URLSearchParams({ token, name: answer.value.path })}`);
    expect(await file.text()).toBe('result set 3');
  });

  it('serves nothing but plain names of the downloads folder', async () => {
    writeFileSync(join(shell.folders.uploadsDir, 'inside-uploads.csv'), 'x');
    for (const name of ['../uploads/inside-uploads.csv', '..', '', 'missing.xlsx']) {
      expect((await fetch(`${shell.origin}/api/download?${new URLSearchParams({ token, name })}`)).status, name).toBe(404);
    }
  });
});

describe('shutdown', () => {
  it('closes the host and removes the launch folders', async () => {
    let own: FakeHost | undefined;
    const launched = await launchWebShell({
      createHost: (folders) => {
        own = createFakeHost(folders);
        return own;
      },
      rendererDir,
    });
    await launched.close();
    expect(own?.closed).toBe(true);
    expect(existsSync(launched.folders.uploadsDir)).toBe(false);
    await expect(fetch(`${launched.origin}/`)).rejects.toThrow();
  });
});
