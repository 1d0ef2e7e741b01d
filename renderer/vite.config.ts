/**
 * The screens' build: one bundle served from app:// in Electron and from / by the web shell,
 * so every URL is relative (base './'). The CSP allows only 'self' scripts and no eval, so the
 * build must not inline scripts (modulePreload's polyfill is an inline script) and no
 * dependency may compile code from text at run time.
 */
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * Node's own import.meta.dirname: ESLint keeps node:* imports out of renderer/, and this file
 * is left out of renderer/tsconfig.json because vite's types would bring Node's into the screens.
 */
const root = import.meta.dirname;

/** The shells send the same policy as a header; the meta tag keeps it when the page is opened on its own. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // React and ECharts set element.style; nothing injects <style> text from data.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * Only the build gets the meta tag: the dev server's React refresh preamble is an inline
 * script, which this policy would block.
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'cvs-content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }],
  };
}

export default defineConfig({
  root,
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2023',
    modulePreload: { polyfill: false },
    // Never turn assets into data: URLs: fonts and images load from the app's own origin.
    assetsInlineLimit: 0,
    // ECharts alone is ~1 MB; the app is loaded from disk, so one large chunk costs nothing.
    chunkSizeWarningLimit: 4000,
  },
  server: { port: 5173 },
});
