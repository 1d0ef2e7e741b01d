/** The window's options, the page's CSP, the guards on every webContents and the session's policy. */
import { describe, expect, it } from 'vitest';
import type { BrowserWindowConstructorOptions, WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../core/web-shell/security-headers.js';
import { applySessionPolicy, isAllowedRequest, type PolicedSession } from '../../electron/main/session-policy.js';
import { guardWebContents, type GuardedContents } from '../../electron/main/web-contents-guards.js';
import { createMainWindow } from '../../electron/main/window-options.js';

describe('createMainWindow', () => {
  /** Stands in for Electron's BrowserWindow and keeps what it was given. */
  class CapturingWindow {
    constructor(readonly options: BrowserWindowConstructorOptions) {}
  }

  it('isolates, sandboxes and keeps Node out of the page', () => {
    const { options } = createMainWindow(CapturingWindow, { preloadPath: '/app/dist/electron/preload.cjs', devTools: false });
    expect(options.show).toBe(false);
    expect(options.webPreferences).toEqual({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
      safeDialogs: true,
      spellcheck: false,
      devTools: false,
    });
  });

  it('has developer tools only in development', () => {
    expect(createMainWindow(CapturingWindow, { preloadPath: 'p', devTools: true }).options.webPreferences?.devTools).toBe(true);
  });
});

describe('the Content-Security-Policy app:// sends (the web shell’s)', () => {
  const directives = new Map(CONTENT_SECURITY_POLICY.split(';').map((d) => d.trim().split(/\s+/)).map(([name = '', ...values]) => [name, values]));

  it('never allows eval or inline scripts', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toContain('wasm-unsafe-eval');
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('default-src')).toEqual(["'self'"]);
  });

  it('allows inline style attributes only, never <style> elements from anywhere but the app', () => {
    expect(directives.get('style-src')).toEqual(["'self'"]);
    expect(directives.get('style-src-elem')).toEqual(["'self'"]);
    expect(directives.get('style-src-attr')).toEqual(["'unsafe-inline'"]);
  });

  it('loads nothing remote and cannot be framed, re-based or posted elsewhere', () => {
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*/);
  });
});

type ContentsEvent = 'will-navigate' | 'will-attach-webview';

/** Records the listeners guardWebContents attaches. */
function fakeContents(): { contents: GuardedContents; listeners: Map<string, (event: { preventDefault(): void }) => void>; openHandler: () => unknown } {
  const listeners = new Map<string, (event: { preventDefault(): void }) => void>();
  let openHandler: () => unknown = () => undefined;
  const fake = {
    on(event: ContentsEvent, listener: (event: { preventDefault(): void }) => void) {
      listeners.set(event, listener);
      return fake;
    },
    setWindowOpenHandler(handler: () => unknown) {
      openHandler = handler;
    },
  };
  // The fake implements the two members the guards use; WebContents's overloads cannot be written out here.
  return { contents: fake as unknown as Pick<WebContents, 'on' | 'setWindowOpenHandler'>, listeners, openHandler: () => openHandler() };
}

describe('guardWebContents', () => {
  it('stops every navigation and webview, and denies every new window', () => {
    const { contents, listeners, openHandler } = fakeContents();
    guardWebContents(contents);
    for (const name of ['will-navigate', 'will-attach-webview']) {
      let prevented = false;
      listeners.get(name)?.({ preventDefault: () => (prevented = true) });
      expect(prevented, name).toBe(true);
    }
    expect(openHandler()).toEqual({ action: 'deny' });
  });
});

describe('the session policy', () => {
  it('allows only the app’s own files, data:, its blob: URLs and the DevTools', () => {
    expect(isAllowedRequest('app://cvs/assets/app.js')).toBe(true);
    expect(isAllowedRequest('data:image/png;base64,AAAA')).toBe(true);
    expect(isAllowedRequest('blob:app://cvs/0b1c-22')).toBe(true);
    expect(isAllowedRequest('devtools://devtools/bundled/devtools_app.html')).toBe(true);
    for (const url of ['https://example.com/x.js', 'http://127.0.0.1:8080/', 'file:///etc/passwd', 'ws://localhost/', 'app://evil/x', 'blob:https://example.com/1']) {
      expect(isAllowedRequest(url), url).toBe(false);
    }
  });

  it('denies every permission request and check, and cancels requests that leave the app', () => {
    const granted: boolean[] = [];
    let check: (() => boolean) | undefined;
    let filter: ((details: { url: string }, callback: (response: { cancel: boolean }) => void) => void) | undefined;
    const session = {
      setPermissionRequestHandler: (handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void) => {
        handler({}, 'media', (g) => granted.push(g));
        handler({}, 'clipboard-read', (g) => granted.push(g));
      },
      setPermissionCheckHandler: (handler: () => boolean) => {
        check = handler;
      },
      webRequest: {
        onBeforeRequest: (listener: typeof filter) => {
          filter = listener;
        },
      },
    };
    // The fake has the three members applySessionPolicy uses, with simplified signatures.
    applySessionPolicy(session as unknown as PolicedSession);
    expect(granted).toEqual([false, false]);
    expect(check?.()).toBe(false);
    const answers: boolean[] = [];
    filter?.({ url: 'https://example.com/' }, (r) => answers.push(r.cancel));
    filter?.({ url: 'app://cvs/index.html' }, (r) => answers.push(r.cancel));
    expect(answers).toEqual([true, false]);
  });
});
