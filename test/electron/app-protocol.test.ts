/** app://cvs/ → files of the renderer build: never outside it, with the right MIME type and the CSP on every answer. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../core/web-shell/security-headers.js';
import { createAppProtocolHandler, resolveAppPath } from '../../electron/main/app-protocol.js';

const ROOT = '/app/dist/renderer';

describe('resolveAppPath', () => {
  it('maps the app’s URLs to files under the build folder', () => {
    expect(resolveAppPath(ROOT, 'app://cvs/')).toBe('/app/dist/renderer/index.html');
    expect(resolveAppPath(ROOT, 'app://cvs/index.html')).toBe('/app/dist/renderer/index.html');
    expect(resolveAppPath(ROOT, 'app://cvs/assets/index-3f2a.js?v=1#top')).toBe('/app/dist/renderer/assets/index-3f2a.js');
    expect(resolveAppPath(ROOT, 'app://cvs/assets/%E5%9B%BE.png')).toBe('/app/dist/renderer/assets/图.png');
    // The URL parser folds dot segments, literal or %2e-encoded, before the path is looked at.
    expect(resolveAppPath(ROOT, 'app://cvs/assets/../index.html')).toBe('/app/dist/renderer/index.html');
    expect(resolveAppPath(ROOT, 'app://cvs/%2e%2e/%2e%2e/package.json')).toBe('/app/dist/renderer/package.json');
    expect(resolveAppPath(ROOT, 'app://cvs/..config.js')).toBe('/app/dist/renderer/..config.js');
  });

  it('refuses every way out of the folder', () => {
    for (const url of [
      'app://cvs/..%2f..%2fetc%2fpasswd',
      'app://cvs/assets/..%2F..%2F..%2Fhome',
      'app://cvs/%2Fetc%2Fpasswd',
      'app://cvs/assets/%2e%2e%2f%2e%2e%2fx',
      'app://cvs/index.html%00.png',
      'app://cvs/%E0%A4%A',
    ]) {
      expect(resolveAppPath(ROOT, url), url).toBeNull();
    }
  });

  it('refuses Windows separators and drive letters on Windows', () => {
    const root = 'C:\\Program Files\\CVS\\resources\\app.asar\\dist\\renderer';
    expect(resolveAppPath(root, 'app://cvs/assets/a.js', path.win32)).toBe(`${root}\\assets\\a.js`);
    for (const url of ['app://cvs/..%5C..%5Csecret', 'app://cvs/assets%5C..%5C..%5C..%5Cx', 'app://cvs/C:%5CWindows%5Cwin.ini', 'app://cvs/%5C%5Cserver%5Cshare%5Cx']) {
      expect(resolveAppPath(root, url, path.win32), url).toBeNull();
    }
  });

  it('refuses other schemes and hosts', () => {
    expect(resolveAppPath(ROOT, 'file:///etc/passwd')).toBeNull();
    expect(resolveAppPath(ROOT, 'https://cvs/index.html')).toBeNull();
    expect(resolveAppPath(ROOT, 'app://other/index.html')).toBeNull();
    expect(resolveAppPath(ROOT, 'app://cvs:8080/index.html')).toBeNull();
    expect(resolveAppPath(ROOT, 'not a url')).toBeNull();
  });
});

describe('the protocol handler', () => {
  const files: Readonly<Record<string, string>> = {
    '/app/dist/renderer/index.html': '<!doctype html><title>CVS</title>',
    '/app/dist/renderer/assets/app.js': 'console.log(1)',
    '/app/dist/renderer/assets/app.CSS': 'body{}',
    '/app/dist/renderer/assets/logo.svg': '<svg/>',
    '/app/dist/renderer/assets/font.woff2': 'w',
    '/app/dist/renderer/assets/resvg.wasm': 'w',
    '/app/dist/renderer/assets/data.bin': 'b',
  };
  const handler = createAppProtocolHandler({
    root: ROOT,
    readFile: (file) => {
      const text = files[file];
      return text === undefined ? Promise.reject(Object.assign(new Error('ENOENT'), { code: 'ENOENT' })) : Promise.resolve(new TextEncoder().encode(text));
    },
  });

  it('serves a file with its type, the CSP and nosniff', async () => {
    const response = await handler(new Request('app://cvs/assets/app.js'));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('console.log(1)');
    expect(response.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
  });

  it('names each file’s type, and an unknown one as a type no browser runs', async () => {
    const typeOf = async (file: string): Promise<string | null> => (await handler(new Request(`app://cvs/assets/${file}`))).headers.get('Content-Type');
    expect(await typeOf('app.js')).toBe('text/javascript; charset=utf-8');
    expect(await typeOf('app.CSS')).toBe('text/css; charset=utf-8');
    expect(await typeOf('logo.svg')).toBe('image/svg+xml');
    expect(await typeOf('font.woff2')).toBe('font/woff2');
    expect(await typeOf('resvg.wasm')).toBe('application/wasm');
    expect(await typeOf('data.bin')).toBe('application/octet-stream');
  });

  it('serves the page for / and for a screen’s path, which the page routes itself', async () => {
    for (const url of ['app://cvs/', 'app://cvs/results', 'app://cvs/customers/trace']) {
      const response = await handler(new Request(url));
      expect(response.status, url).toBe(200);
      expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
      expect(await response.text()).toContain('<title>CVS</title>');
    }
  });

  it('answers HEAD without a body', async () => {
    const response = await handler(new Request('app://cvs/index.html', { method: 'HEAD' }));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it('refuses other methods, paths outside the build and files it does not have', async () => {
    expect((await handler(new Request('app://cvs/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
    expect((await handler(new Request('app://cvs/..%2f..%2fpackage.json'))).status).toBe(403);
    expect((await handler(new Request('app://cvs/assets/missing.js'))).status).toBe(404);
  });
});
