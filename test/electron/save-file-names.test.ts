/** The save dialog's suggested names and the extension of what the user chose. */
import { describe, expect, it } from 'vitest';
import { suggestedFileName, withSaveExtension } from '../../electron/main/save-file-names.js';

describe('suggestedFileName', () => {
  it('adds the kind’s extension once', () => {
    expect(suggestedFileName('2026-09 报告', 'xlsx')).toBe('2026-09 报告.xlsx');
    expect(suggestedFileName('报告.XLSX', 'xlsx')).toBe('报告.XLSX');
    expect(suggestedFileName('基准', 'scenario')).toBe('基准.scenario.json');
    expect(suggestedFileName('基准.scenario.json', 'scenario')).toBe('基准.scenario.json');
  });

  it('keeps a name a name: no folders, no characters Windows refuses, no hidden files', () => {
    expect(suggestedFileName('../../etc/passwd', 'xlsx')).toBe('_.._etc_passwd.xlsx');
    expect(suggestedFileName('C:\\Windows\\a', 'xlsx')).toBe('C__Windows_a.xlsx');
    expect(suggestedFileName('a<b>:"|?*\u0001', 'xlsx')).toBe('a_b_______.xlsx');
    expect(suggestedFileName('.bashrc', 'scenario')).toBe('bashrc.scenario.json');
    expect(suggestedFileName('', 'xlsx')).toBe('客户价值报告.xlsx');
    expect(suggestedFileName('x'.repeat(500), 'xlsx')).toHaveLength(205);
  });
});

describe('withSaveExtension', () => {
  it('turns what the dialog returned into the kind’s file name', () => {
    expect(withSaveExtension('/d/plan.json', 'scenario')).toBe('/d/plan.scenario.json');
    expect(withSaveExtension('/d/plan', 'scenario')).toBe('/d/plan.scenario.json');
    expect(withSaveExtension('/d/plan.Scenario.JSON', 'scenario')).toBe('/d/plan.Scenario.JSON');
    expect(withSaveExtension('/d/report', 'xlsx')).toBe('/d/report.xlsx');
    expect(withSaveExtension('/d/report.xlsx', 'xlsx')).toBe('/d/report.xlsx');
  });
});
