/**
 * File names for the save dialog: what the page suggests is only a name (never a folder), and
 * what the user picks ends in the kind's extension, because the page may write a scenario only
 * to a *.scenario.json file, reports are .xlsx workbooks and target lists .xlsx or .csv files.
 */
export type SaveKind = 'xlsx' | 'csv' | 'scenario';

export const SAVE_EXTENSIONS: Readonly<Record<SaveKind, string>> = { xlsx: '.xlsx', csv: '.csv', scenario: '.scenario.json' };

const FALLBACK_NAMES: Readonly<Record<SaveKind, string>> = { xlsx: '客户价值报告', csv: '营销目标', scenario: '方案' };

/** Characters Windows refuses in a file name, and control characters. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_CHARACTERS = /[<>:"/\\|?*\u0000-\u001f]/g;

function hasExtension(name: string, kind: SaveKind): boolean {
  return name.toLowerCase().endsWith(SAVE_EXTENSIONS[kind]);
}

/** The page's suggestion as a plain file name with the right extension. */
export function suggestedFileName(defaultName: string, kind: SaveKind): string {
  const base = defaultName.replace(UNSAFE_CHARACTERS, '_').trim().replace(/^\.+/, '').slice(0, 200);
  const name = base === '' ? FALLBACK_NAMES[kind] : base;
  return hasExtension(name, kind) ? name : `${name}${SAVE_EXTENSIONS[kind]}`;
}

/**
 * The chosen path with the kind's extension. Dialog filters match only the last extension, so a
 * scenario saved as "plan" comes back as "plan.json"; it becomes "plan.scenario.json".
 */
export function withSaveExtension(chosen: string, kind: SaveKind): string {
  if (hasExtension(chosen, kind)) return chosen;
  if (kind === 'scenario' && chosen.toLowerCase().endsWith('.json')) return `${chosen.slice(0, -'.json'.length)}${SAVE_EXTENSIONS.scenario}`;
  return `${chosen}${SAVE_EXTENSIONS[kind]}`;
}
