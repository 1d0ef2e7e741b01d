/** npm start's choice between Electron and the web shell, and its "build only when stale" check. */
import { mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { detectElectron, isBuildCurrent } from '../../scripts/start.js';
import { tempDir } from '../support/paths.js';

describe('detectElectron', () => {
  it('finds the runtime when require("electron") names a binary that exists', () => {
    expect(detectElectron(() => '/m/node_modules/electron/dist/electron', (file) => file === '/m/node_modules/electron/dist/electron')).toEqual({
      available: true,
      binary: '/m/node_modules/electron/dist/electron',
    });
  });

  it('reports no runtime when the download was denied or failed (require throws)', () => {
    const denied = (): string => {
      throw new Error('Electron failed to install correctly');
    };
    expect(detectElectron(denied, () => true)).toEqual({ available: false });
  });

  it('reports no runtime when the named binary is missing or nothing is named', () => {
    expect(detectElectron(() => '/m/node_modules/electron/dist/electron', () => false)).toEqual({ available: false });
    expect(detectElectron(() => '', () => true)).toEqual({ available: false });
  });
});

describe('isBuildCurrent', () => {
  const dir = tempDir('start');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const at = (name: string, seconds: number): string => {
    const file = join(dir, name);
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, name);
    utimesSync(file, seconds, seconds);
    return file;
  };

  it('is current only when every output exists and is newer than every source file', () => {
    const source = at('src/deep/a.ts', 1000);
    const output = at('out/main.js', 2000);
    const srcDir = join(dir, 'src');
    utimesSync(join(srcDir, 'deep'), 1000, 1000);
    utimesSync(srcDir, 1000, 1000);
    expect(isBuildCurrent([output], [srcDir])).toBe(true);
    expect(isBuildCurrent([output, join(dir, 'out/missing.js')], [srcDir])).toBe(false);
    utimesSync(source, 3000, 3000);
    expect(isBuildCurrent([output], [srcDir])).toBe(false);
    // A source that does not exist (an optional file) changes nothing.
    expect(isBuildCurrent([output], [join(dir, 'nothing-here')])).toBe(true);
  });
});
