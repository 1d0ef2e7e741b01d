/** Runs openpyxl_read.py (Debian's python3-openpyxl, an independent reader) and validates its JSON. */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { z } from 'zod';

const run = promisify(execFile);
const SCRIPT = fileURLToPath(new URL('./openpyxl_read.py', import.meta.url));

const Text = z.string().nullable();
const ReadBackSchema = z.strictObject({
  properties: z.strictObject({ title: Text, subject: Text, creator: Text, description: Text, keywords: Text, created: Text }),
  definedNames: z.record(z.string(), z.string()),
  sheets: z.array(
    z.strictObject({
      name: z.string(),
      notes: z.record(z.string(), z.strictObject({ text: z.string(), author: z.string() })),
      /** Points, by row number, for rows with a custom height. */
      rowHeights: z.record(z.string(), z.number()),
      pictures: z.array(
        z.strictObject({
          anchor: z.enum(['oneCellAnchor', 'twoCellAnchor']),
          row: z.number(),
          column: z.number(),
          width: z.number(),
          height: z.number(),
          name: z.string(),
          description: Text,
          bytes: z.number(),
        }),
      ),
    }),
  ),
});
export type ReadBack = z.infer<typeof ReadBackSchema>;

/** Debian installs openpyxl for /usr/bin/python3, which another python3 on PATH may hide. */
async function python(): Promise<string> {
  for (const candidate of ['/usr/bin/python3', 'python3']) {
    try {
      await run(candidate, ['-c', 'import openpyxl']);
      return candidate;
    } catch {
      // try the next one
    }
  }
  throw new Error('no python3 with openpyxl; install python3-openpyxl (see .ci/run)');
}

export async function readWithOpenpyxl(path: string): Promise<ReadBack> {
  const { stdout } = await run(await python(), [SCRIPT, path], { timeout: 120_000, env: { ...process.env, PYTHONIOENCODING: 'utf-8', PYTHONDONTWRITEBYTECODE: '1' } });
  return ReadBackSchema.parse(JSON.parse(stdout));
}
