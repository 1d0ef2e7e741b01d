/**
 * The upload store on its own (no server): a results set's scenario arrives as .json (issue 7),
 * held to a limit of its own because the service reads a scenario whole, while data files keep
 * the large streamed limit.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createUploadStore, JSON_UPLOAD_LIMIT } from '../../core/web-shell/uploads.js';
import { tempDir } from '../support/paths.js';

const DATA_LIMIT = 3 * JSON_UPLOAD_LIMIT;

/** A request as the server hands it over: the body's bytes and the headers the page sends. */
function request(name: string, body: Buffer, options: { announce?: boolean } = {}): IncomingMessage {
  const req = Readable.from([body]) as unknown as IncomingMessage;
  req.headers = { 'x-cvs-filename': encodeURIComponent(name), ...(options.announce === false ? {} : { 'content-length': String(body.length) }) };
  return req;
}

describe('uploads of a results set’s scenario', () => {
  it('keeps a .json file (any case of the extension) under its own cleaned name', async () => {
    const dir = tempDir('uploads-json');
    const store = createUploadStore(dir, DATA_LIMIT);
    const text = '{"name":"数仓方案","month":"2026-09"}';
    const saved = await store.receive(request('..\\..\\数仓 scenario.json', Buffer.from(text)));
    if (!saved.ok) throw new Error(saved.issue.en);
    expect(saved.path.startsWith(dir)).toBe(true);
    expect(saved.path.endsWith('数仓 scenario.json')).toBe(true);
    expect(readFileSync(saved.path, 'utf8')).toBe(text);
    expect((await store.receive(request('PLAN.SCENARIO.JSON', Buffer.from('{}')))).ok).toBe(true);
  });

  it('refuses a .json past its own limit before reading it, and cuts off one that does not say its length', async () => {
    const dir = tempDir('uploads-json-limit');
    const store = createUploadStore(dir, DATA_LIMIT);
    const big = Buffer.alloc(JSON_UPLOAD_LIMIT + 1, 0x20);
    const announced = await store.receive(request('scenario.json', big));
    expect(announced).toMatchObject({ ok: false, status: 413, issue: { code: 'web.too_large' } });
    const chunked = await store.receive(request('scenario.json', big, { announce: false }));
    expect(chunked).toMatchObject({ ok: false, status: 413 });
    // Nothing of either is left on disk.
    expect(readdirSync(dir).flatMap((folder) => readdirSync(join(dir, folder)))).toEqual([]);
    // A data file of the same size is well within its limit.
    const csv = await store.receive(request('customers.csv', big));
    expect(csv.ok && existsSync(csv.path)).toBe(true);
  });

  it('still refuses other types, including names that only contain .json', async () => {
    const store = createUploadStore(tempDir('uploads-types'), DATA_LIMIT);
    for (const name of ['scenario.json.exe', 'scenario.js', 'scenario.jsonx', 'notes.txt']) {
      expect(await store.receive(request(name, Buffer.from('{}'))), name).toMatchObject({ ok: false, status: 415, issue: { code: 'web.bad_file_type' } });
    }
  });
});
