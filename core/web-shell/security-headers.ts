/**
 * Headers on every answer of the web shell. The page is ours alone: scripts, styles, images,
 * fonts and connections come only from this origin; no plugins, no <base>, no framing.
 *
 * Styles: `style-src-elem 'self'` keeps injected <style> elements out (CSS injection reads page
 * text through attribute selectors), while `style-src-attr 'unsafe-inline'` allows style=""
 * attributes, which ECharts' HTML tooltip writes through innerHTML. React style props and
 * ECharts' own `el.style.cssText` go through the CSSOM, which CSP does not restrict. A browser
 * that knows neither -elem nor -attr falls back to `style-src 'self'`: tooltips lose their
 * colour markers, nothing else breaks.
 */
import type { ServerResponse } from 'node:http';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "style-src-elem 'self'",
  "style-src-attr 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  // Other sites may neither embed our answers (downloads, API JSON) nor keep a handle on our window.
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

export function applySecurityHeaders(res: ServerResponse): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
}
