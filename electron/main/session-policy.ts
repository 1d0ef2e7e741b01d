/**
 * The session's policy: no permission is ever granted (camera, notifications, clipboard reads,
 * geolocation …: the analyst's screens need none) and no request leaves the app's own files, so
 * a bug that puts a remote URL into the page loads nothing.
 */
import type { Session } from 'electron';
import { APP_HOST, APP_SCHEME, isAppUrl } from './app-origin.js';

export type PolicedSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'webRequest'>;

/** app://cvs files, data: and blob: URLs the page makes itself, and (in development) the DevTools' own pages. */
export function isAllowedRequest(url: string): boolean {
  if (isAppUrl(url)) return true;
  return url.startsWith('data:') || url.startsWith(`blob:${APP_SCHEME}://${APP_HOST}/`) || url.startsWith('devtools://');
}

export function applySessionPolicy(session: PolicedSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url) }));
}
