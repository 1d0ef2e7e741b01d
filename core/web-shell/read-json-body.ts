/**
 * Reads a request body as JSON up to a size limit, refusing before reading when Content-Length
 * already says too much (fetch always sends it); a chunked body that passes the limit is cut off.
 */
import type { IncomingMessage } from 'node:http';

export type JsonBody = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly reason: 'too_large' | 'bad_json' };

export async function readJsonBody(req: IncomingMessage, limitBytes: number): Promise<JsonBody> {
  if (Number(req.headers['content-length'] ?? 0) > limitBytes) return { ok: false, reason: 'too_large' };
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limitBytes) return { ok: false, reason: 'too_large' };
    chunks.push(chunk);
  }
  try {
    return { ok: true, value: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown };
  } catch {
    return { ok: false, reason: 'bad_json' };
  }
}
