/** Writing JSON answers, including refusals in the `{ ok: false, error }` envelope of a service call. */
import type { ServerResponse } from 'node:http';
import type { Problem } from '../model/messages.js';

export function answerJson(res: ServerResponse, status: number, body: unknown, headers: Readonly<Record<string, string>> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

export function answerProblem(res: ServerResponse, status: number, issue: Problem, headers: Readonly<Record<string, string>> = {}): void {
  answerJson(res, status, { ok: false, error: issue }, headers);
}
