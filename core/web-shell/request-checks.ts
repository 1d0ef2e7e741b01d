/**
 * Who may talk to the web shell. The server listens on 127.0.0.1 only, but a web page the user
 * visits can still reach it: through DNS rebinding (a hostile name resolving to 127.0.0.1, so
 * the browser sends that name as Host) or by posting across origins. So every request must name
 * us in its Host header, a POST that carries an Origin must carry ours, and every API request
 * must hold the launch token, which only the link printed in the terminal holds.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export function newLaunchToken(): string {
  return randomBytes(32).toString('hex');
}

export function hostIsOurs(req: IncomingMessage, port: number): boolean {
  const host = req.headers.host?.toLowerCase();
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/** Browsers send Origin on every POST; a request without one comes from a program holding the token. */
export function originIsOurs(req: IncomingMessage, port: number): boolean {
  const origin = req.headers.origin;
  return origin === undefined || origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

/** Compares in constant time, so the answer's timing says nothing about how much of a guess was right. */
export function tokenMatches(expected: string, given: unknown): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The page's id for its event stream: letters, digits, '-' and '_' (a UUID fits). */
const CLIENT_ID = /^[A-Za-z0-9_-]{1,64}$/;

export type ClientIdCheck = { readonly ok: true; readonly clientId: string | undefined } | { readonly ok: false };

export function readClientId(value: unknown): ClientIdCheck {
  if (value === undefined || value === null) return { ok: true, clientId: undefined };
  return typeof value === 'string' && CLIENT_ID.test(value) ? { ok: true, clientId: value } : { ok: false };
}
