/**
 * Document properties: `docProps/core.xml` (title, author, … shown in File › Info) and
 * `docProps/app.xml` (the application that wrote the file).
 *
 * app.xml carries no AppVersion: ECMA-376 wants XX.YYYY there, and Excel asks to repair a file
 * whose AppVersion it does not take (elixlsx, eec and xlsxio had to reshape or drop theirs);
 * which values beyond its own versions it takes is not documented. The application's version
 * goes into <Application> instead, which no reader checks (LibreOffice writes "LibreOffice/7.4…").
 */
import { escapeXml } from './xml-text.js';

export interface DocumentProperties {
  readonly title?: string;
  readonly subject?: string;
  /** The author. */
  readonly creator?: string;
  readonly description?: string;
  readonly keywords?: string;
  /** Now when omitted; also written as the modification time. */
  readonly created?: Date;
  /** "Customer Value Studio" when omitted. */
  readonly application?: string;
  /** Any text, e.g. "0.1.0": written after the application's name, never as AppVersion. */
  readonly appVersion?: string;
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const DEFAULT_APPLICATION = 'Customer Value Studio';

/** Throws a RangeError for a creation time W3CDTF cannot write (a four-digit year). */
export function checkProperties(properties: DocumentProperties): void {
  const created = properties.created;
  if (created === undefined) return;
  const year = created.getUTCFullYear();
  if (!Number.isFinite(created.getTime()) || year < 1 || year > 9999) throw new RangeError('the created date must be a valid Date in the years 1 … 9999');
}

function element(name: string, text: string | undefined): string {
  return text === undefined ? '' : `<${name}>${escapeXml(text)}</${name}>`;
}

/** W3CDTF in UTC without milliseconds, as Excel writes it. */
function w3cdtf(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function corePropertiesXml(properties: DocumentProperties, created: Date): string {
  const when = w3cdtf(created);
  return (
    XML_HEAD +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"' +
    ' xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    element('dc:title', properties.title) +
    element('dc:subject', properties.subject) +
    element('dc:creator', properties.creator) +
    element('cp:keywords', properties.keywords) +
    element('dc:description', properties.description) +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

export function appPropertiesXml(properties: DocumentProperties): string {
  const application = [properties.application ?? DEFAULT_APPLICATION, properties.appVersion].filter((t) => t !== undefined && t !== '').join(' ');
  return (
    XML_HEAD +
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
    `${element('Application', application)}<DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>` +
    '<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged>' +
    '</Properties>'
  );
}
