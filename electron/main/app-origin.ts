/**
 * The renderer's origin. The page is served from a custom privileged scheme rather than file://
 * so it has a real origin of its own: the CSP's 'self' means exactly our files, the IPC registrar
 * can tell our page from anything else, and file:// keeps none of its extra privileges (the
 * grantFileProtocolExtraPrivileges fuse is off).
 */
export const APP_SCHEME = 'app';
/** A standard scheme needs a host; this one names nothing on any network. */
export const APP_HOST = 'cvs';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** True for URLs of our own page and its files (Node's URL reports origin 'null' for custom schemes, so compare the parts). */
export function isAppUrl(url: string): boolean {
  if (!URL.canParse(url)) return false;
  const parsed = new URL(url);
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '' && parsed.port === '';
}
