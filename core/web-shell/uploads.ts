/**
 * Files the page uploads (the browser cannot name files on disk). Each upload is streamed to its
 * own numbered folder of the launch's uploads folder under its own name, so messages and the
 * knowledge base name the analyst's file, and two uploads of `usage.csv` never collide.
 *
 * Browsers always send Content-Length for a file, so an oversized upload is refused before a
 * byte is read; a chunked body that passes the limit is cut off (the connection is reset).
 *
 * Workbooks and CSV files are the data screens' inputs; a JSON file is a results set's scenario
 * (issue 7). The service reads a scenario whole into memory, so JSON has a limit of its own, far
 * below the one for data files that are streamed.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { extname, join } from 'node:path';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Problem } from '../model/messages.js';
import { safeFileName } from './file-names.js';
import { webIssues } from './web-issues.js';

const ACCEPTED = new Set(['.xlsx', '.csv', '.json']);
/** A scenario is a few kilobytes (its behaviour table at most some hundreds). */
export const JSON_UPLOAD_LIMIT = 4 * 1024 * 1024;

export type UploadOutcome = { readonly ok: true; readonly path: string } | { readonly ok: false; readonly status: number; readonly issue: Problem };

export interface UploadStore {
  receive(req: IncomingMessage): Promise<UploadOutcome>;
}

export function createUploadStore(dir: string, limitBytes: number): UploadStore {
  let count = 0;
  return {
    async receive(req) {
      const name = decodedName(req.headers['x-cvs-filename']);
      if (name === null) return { ok: false, status: 400, issue: webIssues.badFileName };
      const extension = extname(name).toLowerCase();
      if (!ACCEPTED.has(extension)) return { ok: false, status: 415, issue: webIssues.badFileType(name) };
      const limit = extension === '.json' ? Math.min(limitBytes, JSON_UPLOAD_LIMIT) : limitBytes;
      if (Number(req.headers['content-length'] ?? 0) > limit) return { ok: false, status: 413, issue: webIssues.tooLarge(limit) };
      count += 1;
      const folder = join(dir, String(count));
      await mkdir(folder, { recursive: true });
      const path = join(folder, name);
      try {
        await pipeline(req, new ByteLimit(limit), createWriteStream(path, { flags: 'wx' }));
        return { ok: true, path };
      } catch (e) {
        await rm(folder, { recursive: true, force: true });
        if (e instanceof TooLarge) return { ok: false, status: 413, issue: webIssues.tooLarge(limit) };
        throw e;
      }
    },
  };
}

function decodedName(header: unknown): string | null {
  if (typeof header !== 'string') return null;
  try {
    return safeFileName(decodeURIComponent(header));
  } catch {
    return null;
  }
}

class TooLarge extends Error {}

/** Passes bytes through until more than the limit have come, then fails the pipeline. */
class ByteLimit extends Transform {
  private seen = 0;

  constructor(private readonly limit: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.seen += chunk.length;
    done(this.seen > this.limit ? new TooLarge() : null, chunk);
  }
}
