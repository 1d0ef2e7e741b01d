/** Names from the page made safe, download names checked, the attachment header and the default database. */
import { describe, expect, it } from 'vitest';
import { defaultDatabasePath } from '../../core/web-shell/default-database.js';
import { attachment } from '../../core/web-shell/downloads.js';
import { isPlainFileName, safeFileName } from '../../core/web-shell/file-names.js';

describe('safeFileName', () => {
  it('keeps an ordinary name, Chinese included', () => {
    expect(safeFileName('2026-09 用量.csv')).toBe('2026-09 用量.csv');
  });

  it('keeps only the last segment of a path, either separator', () => {
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('C:\\Users\\a\\usage.csv')).toBe('usage.csv');
  });

  it('replaces characters Windows refuses and drops trailing dots and spaces', () => {
    expect(safeFileName('a<b>:c"d|e?f*.csv')).toBe('a_b__c_d_e_f_.csv');
    expect(safeFileName('usage.csv. . ')).toBe('usage.csv');
    expect(safeFileName('a\u0000b\nc.csv')).toBe('a_b_c.csv');
  });

  it('refuses nothing-left names and defuses device names', () => {
    for (const name of ['', '..', '.', '/', 'a/..', '   ']) expect(safeFileName(name), name).toBeNull();
    expect(safeFileName('CON.csv')).toBe('_CON.csv');
  });

  it('shortens a long name but keeps its extension', () => {
    const name = safeFileName(`${'长'.repeat(300)}.xlsx`);
    expect(name?.length).toBe(150);
    expect(name?.endsWith('.xlsx')).toBe(true);
  });
});

describe('isPlainFileName', () => {
  it('accepts one name and nothing that climbs or nests', () => {
    expect(isPlainFileName('报告.xlsx')).toBe(true);
    for (const name of ['', '.', '..', '../a.xlsx', 'a/b.xlsx', 'a\\b.xlsx', 'a\0.xlsx']) expect(isPlainFileName(name), name).toBe(false);
  });
});

describe('attachment', () => {
  it('gives an ASCII fallback and the UTF-8 name (RFC 6266, RFC 5987)', () => {
    expect(attachment('报告 "A" (1).xlsx')).toBe(`attachment; filename="__ _A_ (1).xlsx"; filename*=UTF-8''%E6%8A%A5%E5%91%8A%20%22A%22%20%281%29.xlsx`);
  });
});

describe('defaultDatabasePath', () => {
  it('lives in the per-user application data folder', () => {
    expect(defaultDatabasePath('win32', { APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'C:\\Users\\a')).toMatch(/CustomerValueStudio[/\\]knowledge\.db$/);
    expect(defaultDatabasePath('linux', {}, '/home/a')).toBe('/home/a/.local/share/customer-value-studio/knowledge.db');
    expect(defaultDatabasePath('linux', { XDG_DATA_HOME: '/data' }, '/home/a')).toBe('/data/customer-value-studio/knowledge.db');
  });
});
