/**
 * File names that come from the page. An upload's name is cleaned into one name that is safe
 * inside a folder on any of our platforms (no separators, no characters Windows refuses, no
 * device names, not empty and not too long); a download's name must already be one plain name.
 */
import { basename, extname } from 'node:path';

const MAX_LENGTH = 150;
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;

/** The last segment of `name`, cleaned; null when nothing usable is left. */
export function safeFileName(name: string): string | null {
  const last = name.split(/[/\\]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  let clean = last.replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_').trim();
  // Windows drops trailing dots and spaces, which would make two names one file.
  clean = clean.replace(/[. ]+$/, '');
  if (clean === '' || /^\.+$/.test(clean)) return null;
  if (WINDOWS_DEVICE.test(clean)) clean = `_${clean}`;
  if (clean.length > MAX_LENGTH) {
    const ext = extname(clean).slice(0, 20);
    clean = clean.slice(0, MAX_LENGTH - ext.length) + ext;
  }
  return clean;
}

/** One name inside a folder: no separators, not `.` or `..`, no NUL. */
export function isPlainFileName(name: string): boolean {
  return name !== '' && name !== '.' && name !== '..' && !/[/\\\0]/.test(name) && basename(name) === name;
}
