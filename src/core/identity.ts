/*
 * Who Vendor Guard is to the browsers: the ids that enterprise policies, the deployment snippets,
 * the CLI, the Firefox build and the tests all name. One place, so they cannot drift apart.
 */

/**
 * The Chrome (and Edge) extension id. Chrome derives it from the `key` in manifest.json, which
 * stays there; test/unit/identity.test.ts checks that the two agree.
 */
export const CHROME_EXTENSION_ID = 'akdcnbnoipjhlalmapgkeofijagdoifj';

/** The Firefox add-on id (`browser_specific_settings.gecko.id`): the one docs/admin.md and the policy snippets use. */
export const FIREFOX_ADDON_ID = 'vendor-guard@vendor-guard.example';

export interface ExtensionIds {
  /** Chrome (and, unless `edge` is given, Edge) extension id. */
  chrome: string;
  /** Firefox add-on id (gecko id). */
  firefox: string;
  /** Edge extension id when it differs from Chrome's (an Edge Add-ons listing). */
  edge?: string;
}

/** This extension's ids: Chrome/Edge (fixed by the manifest key) and Firefox (the gecko id). */
export const VENDOR_GUARD_IDS: Readonly<ExtensionIds> = Object.freeze({
  chrome: CHROME_EXTENSION_ID,
  firefox: FIREFOX_ADDON_ID,
});
