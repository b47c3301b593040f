/**
 * The update manifests a self-hosting organisation puts beside its packages: Chrome's and Edge's
 * `updates.xml` (the gupdate protocol 2.0 response), and Firefox's update manifest JSON. The
 * browsers fetch them from the `update_url` in the extension's manifest (Chrome/Edge: also from
 * the URL in ExtensionInstallForcelist) and install the package they name when its version is
 * newer. fast-xml-parser writes the XML (and escapes what the URLs carry).
 */
import { XMLBuilder } from 'fast-xml-parser';

export interface ChromeUpdate {
  /** The extension id the signing key gives. */
  id: string;
  version: string;
  /** Where the .crx is served. */
  codebase: string;
}

/** updates.xml for Chrome and Edge: one app, one update check answer. */
export function chromeUpdateManifest({ id, version, codebase }: ChromeUpdate): string {
  const builder = new XMLBuilder({ ignoreAttributes: false, format: true, suppressEmptyNode: true });
  const xml: string = builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    gupdate: {
      '@_xmlns': 'http://www.google.com/update2/response',
      '@_protocol': '2.0',
      app: { '@_appid': id, updatecheck: { '@_codebase': codebase, '@_version': version } },
    },
  });
  return xml.endsWith('\n') ? xml : `${xml}\n`;
}

export interface FirefoxUpdate {
  /** The add-on id (`browser_specific_settings.gecko.id`). */
  id: string;
  version: string;
  /** Where the signed .xpi of this version is served (HTTPS). */
  updateLink: string;
  /** The oldest Firefox the version runs on (`gecko.strict_min_version`). */
  strictMinVersion?: string;
}

/** Firefox's update manifest (JSON): the add-on's one version and where its signed .xpi is. */
export function firefoxUpdateManifest({ id, version, updateLink, strictMinVersion }: FirefoxUpdate): string {
  const update = {
    version,
    update_link: updateLink,
    ...(strictMinVersion ? { applications: { gecko: { strict_min_version: strictMinVersion } } } : {}),
  };
  return `${JSON.stringify({ addons: { [id]: { updates: [update] } } }, null, 2)}\n`;
}
