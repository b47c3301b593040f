import { isInstallerFile } from '../../vocabulary.ts';
import { found, type UrlContext, type UrlRule } from '../rule.ts';

/** A removal tool for the vendor's software, hosted anywhere: it helps people leave, never flagged. */
export const removalToolFile: UrlRule = {
  id: 'removal-tool-file',
  kind: 'none',
  match: (context) => {
    const { fileName } = context.parts;
    if (!fileName) return null;
    const vendor = context.registry.vendors.find((v) => v.removalTools.some((re) => re.test(fileName)));
    return vendor && context.vendorNamedIn(context.parts.path) ? found(null, 'removal-tool') : null;
  },
};

/** An installer of the vendor's software on a file host, mirror or repository. */
export const thirdPartyInstaller: UrlRule = {
  id: 'third-party-installer',
  kind: 'download',
  // A removal tool is an installer-like file too; the removal-tool rule decides it first.
  overlaps: ['removal-tool-file'],
  match: (context: UrlContext) => {
    const { fileName, path, segments } = context.parts;
    if (!fileName || !isInstallerFile(fileName)) return null;
    const byPattern = context.registry.vendors.find((v) => v.distinctiveInstallers.some((re) => re.test(fileName)));
    if (byPattern) return found(byPattern, 'installer-file');
    // A generic file name ("setup.exe") counts when the file or its folder names the vendor.
    const named = context.vendorNamedIn(fileName) ?? (segments.length > 1 ? context.vendorNamedIn(path) : undefined);
    return named ? found(named, 'file-host-installer') : null;
  },
};
