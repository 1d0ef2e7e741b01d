/**
 * Checks an .xlsx package's structure with the repo's own zip reader and XML tokenizer
 * (core/io/xlsx): every part parses as XML (but media), has a content type, every Override
 * names a part that exists, every relationship's source and target exist, and every r:id or
 * r:embed a part uses is in that part's rels.
 */
import { open } from 'node:fs/promises';
import { relationshipsPartOf, resolveTarget } from '../../../../core/io/xlsx/package-relationships.js';
import { WorkbookArchive } from '../../../../core/io/xlsx/workbook-archive.js';
import { DEFAULT_XLSX_LIMITS } from '../../../../core/io/xlsx/xlsx-limits.js';
import { XmlTokenizer, type XmlHandler } from '../../../../core/io/xlsx/xml-tokenizer.js';

interface Tag {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string | undefined>>;
}

export interface PackageReport {
  readonly parts: readonly string[];
  readonly problems: readonly string[];
}

const CONTENT_TYPES = '[Content_Types].xml';
const BINARY = /\.(png|jpe?g|gif|bin)$/i;

/** The start tags of a part with the attributes asked for (matched by qualified name, e.g. `r:id`). */
async function readTags(archive: WorkbookArchive, part: string, attributes: readonly string[]): Promise<Tag[]> {
  const found: Tag[] = [];
  const handler: XmlHandler = {
    open(name) {
      found.push({ name, attributes: Object.fromEntries(attributes.map((a) => [a, tokenizer.attributeText(a)])) });
    },
    close() {},
    text() {},
  };
  const tokenizer = new XmlTokenizer(handler);
  await archive.readXml(part, tokenizer, true);
  return found;
}

/** `xl/worksheets/_rels/sheet1.xml.rels` → `xl/worksheets/sheet1.xml`; `_rels/.rels` → '' (the package). */
function sourceOf(relsPart: string): string {
  return relsPart.replace(/(^|\/)_rels\/([^/]*)\.rels$/, '$1$2');
}

export async function checkPackage(path: string): Promise<PackageReport> {
  const file = await open(path, 'r');
  try {
    const archive = await WorkbookArchive.open(file, (await file.stat()).size, DEFAULT_XLSX_LIMITS);
    const parts = archive.partNames();
    const exists = new Set(parts.map((p) => p.toLowerCase()));
    const problems: string[] = [];

    const defaults = new Map<string, string>();
    const overrides = new Map<string, string>();
    for (const tag of await readTags(archive, CONTENT_TYPES, ['Extension', 'PartName', 'ContentType'])) {
      const { Extension: extension, PartName: partName, ContentType: type } = tag.attributes;
      if (tag.name === 'Default' && extension !== undefined && type !== undefined) defaults.set(extension.toLowerCase(), type);
      if (tag.name === 'Override' && partName !== undefined && type !== undefined) overrides.set(partName.replace(/^\//, '').toLowerCase(), type);
    }
    for (const part of overrides.keys()) if (!exists.has(part)) problems.push(`Override for missing part ${part}`);

    const relationshipIds = new Map<string, Set<string>>();
    const usedIds = new Map<string, string[]>();
    for (const part of parts) {
      if (part === CONTENT_TYPES) continue;
      const extension = part.slice(part.lastIndexOf('.') + 1).toLowerCase();
      if (!overrides.has(part.toLowerCase()) && !defaults.has(extension)) problems.push(`${part} has no content type`);
      if (BINARY.test(part)) continue;
      if (extension === 'rels') {
        const source = sourceOf(part);
        if (source !== '' && !exists.has(source.toLowerCase())) problems.push(`${part} belongs to missing part ${source}`);
        const ids = new Set<string>();
        for (const tag of await readTags(archive, part, ['Id', 'Target', 'TargetMode'])) {
          if (tag.name !== 'Relationship') continue;
          const { Id: id, Target: target, TargetMode: mode } = tag.attributes;
          if (id === undefined || target === undefined) {
            problems.push(`${part}: a relationship without Id or Target`);
            continue;
          }
          if (ids.has(id)) problems.push(`${part}: ${id} is used twice`);
          ids.add(id);
          const resolved = resolveTarget(source, target);
          if (mode !== 'External' && !exists.has(resolved.toLowerCase())) problems.push(`${part}: ${id} → missing part ${resolved}`);
        }
        relationshipIds.set(source, ids);
      } else {
        const tags = await readTags(archive, part, ['r:id', 'r:embed']);
        usedIds.set(part, tags.flatMap((t) => [t.attributes['r:id'], t.attributes['r:embed']]).filter((id) => id !== undefined));
      }
    }
    for (const [part, ids] of usedIds) {
      const known = relationshipIds.get(part);
      for (const id of ids) if (known?.has(id) !== true) problems.push(`${part} uses ${id}, which ${relationshipsPartOf(part)} lacks`);
    }
    return { parts, problems };
  } finally {
    await file.close();
  }
}

/** One part's text, read with the same zip reader. */
export async function readPart(path: string, part: string): Promise<string> {
  const file = await open(path, 'r');
  try {
    const archive = await WorkbookArchive.open(file, (await file.stat()).size, DEFAULT_XLSX_LIMITS);
    let text = '';
    await archive.readXml(part, { write: (chunk) => (text += chunk), end: () => undefined }, true);
    return text;
  } finally {
    await file.close();
  }
}
