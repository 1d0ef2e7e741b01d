/**
 * electron-builder.yml against electron-builder's own schema, the settings the security
 * checklist relies on, and the icons it names (an .ico that holds PNG images).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ICO_SIZES, icoFromPngs, PNG_SIZES } from '../../scripts/build-icons.js';
import { REPO_ROOT } from '../support/paths.js';

const require = createRequire(import.meta.url);
const { load } = require('js-yaml') as { load: (text: string) => unknown };
const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as { validateConfiguration: (config: unknown, logger: unknown) => Promise<void> };
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

interface BuilderConfig {
  readonly files: readonly string[];
  readonly asarUnpack: readonly string[];
  readonly electronFuses: Readonly<Record<string, boolean>>;
  readonly win: { readonly icon: string; readonly target: readonly { readonly target: string }[] };
  readonly nsis: Readonly<Record<string, unknown>>;
  readonly linux: { readonly icon: string; readonly target: readonly { readonly target: string }[] };
  readonly [key: string]: unknown;
}

const config = load(readFileSync(join(REPO_ROOT, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('electron-builder.yml', () => {
  it('is valid for the installed electron-builder', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, nsis: { ...config.nsis, notAnOption: true } }, new DebugLogger(false))).rejects.toThrow(/nsis/);
  });

  it('packs the bundles and the renderer build, not the development build of better-sqlite3', () => {
    expect(config.files).toEqual(expect.arrayContaining(['dist/electron/**/*', 'dist/renderer/**/*', 'package.json', '!**/*.map']));
    expect(config.files.some((pattern) => pattern === 'dist/**/*' || pattern.startsWith('dist/node_modules'))).toBe(false);
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(['**/node_modules/better-sqlite3/**']);
    expect(config.npmRebuild).toBe(true);
  });

  it('sets the fuses: no Node mode, app only from an integrity-checked asar, no file:// privileges', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('builds a per-user NSIS installer, a portable exe and an AppImage', () => {
    expect(config.win.target.map((t) => t.target)).toEqual(['nsis', 'portable']);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false });
    expect(config.linux.target.map((t) => t.target)).toEqual(['AppImage']);
  });

  it('names icons that exist: PNGs of their size for Linux, an .ico of PNGs for Windows', () => {
    for (const size of PNG_SIZES) {
      const png = readFileSync(join(REPO_ROOT, config.linux.icon, `${size}x${size}.png`));
      expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
    const ico = readFileSync(join(REPO_ROOT, config.win.icon));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([0, 1, ICO_SIZES.length]);
    ICO_SIZES.forEach((size, i) => {
      const width = ico.readUInt8(6 + 16 * i);
      const offset = ico.readUInt32LE(6 + 16 * i + 12);
      expect(width === 0 ? 256 : width).toBe(size);
      expect(ico.subarray(offset, offset + 8).equals(PNG_SIGNATURE)).toBe(true);
      expect(ico.readUInt32BE(offset + 16)).toBe(size);
    });
  });
});

describe('icoFromPngs', () => {
  it('writes the header, one entry per image with its size and offset, then the images', () => {
    const a = new Uint8Array([1, 2, 3]);
    const b = new Uint8Array([4, 5]);
    const ico = icoFromPngs([{ size: 16, data: a }, { size: 256, data: b }]);
    expect([...ico.subarray(0, 6)]).toEqual([0, 0, 1, 0, 2, 0]);
    expect([ico.readUInt8(6), ico.readUInt16LE(6 + 6), ico.readUInt32LE(6 + 8), ico.readUInt32LE(6 + 12)]).toEqual([16, 32, 3, 38]);
    expect([ico.readUInt8(22), ico.readUInt8(23), ico.readUInt32LE(22 + 8), ico.readUInt32LE(22 + 12)]).toEqual([0, 0, 2, 41]);
    expect([...ico.subarray(38)]).toEqual([1, 2, 3, 4, 5]);
  });

  it('refuses a size an .ico cannot hold', () => {
    expect(() => icoFromPngs([{ size: 512, data: new Uint8Array() }])).toThrow(/1–256/);
  });
});
