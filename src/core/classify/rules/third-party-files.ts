import { isInstallerFile, verdict, type UrlContext, type UrlRule } from '../rule.ts';

/** A removal tool for the vendor's software, hosted anywhere: it helps people leave, never flagged. */
export const removalToolFile: UrlRule = {
  id: 'removal-tool-file',
  kind: 'none',
  match: (context) => {
    const { fileName } = context.parts;
    if (!fileName) return null;
    const vendor = context.registry.vendors.find((v) => v.removalTools.some((re) => re.test(fileName)));
    return vendor && context.vendorNamedIn(context.parts.path) ? verdict(null, 'none', 'removal-tool') : null;
  },
  examples: {
    matches: ['https://github.com/someone/kaspersky-tools/raw/main/kavremvr.exe'],
    rejects: ['https://github.com/solomoncyj/kaspersky_internet/blob/main/kis21.3.10.391en_26096.exe?raw=true'],
  },
};

/** An installer of the vendor's software on a file host, mirror or repository. */
export const thirdPartyInstaller: UrlRule = {
  id: 'third-party-installer',
  kind: 'download',
  match: (context: UrlContext) => {
    const { fileName, path, segments } = context.parts;
    if (!fileName || !isInstallerFile(fileName)) return null;
    const byPattern = context.registry.vendors.find((v) => v.distinctiveInstallers.some((re) => re.test(fileName)));
    if (byPattern) return verdict(byPattern, 'download', 'installer-file');
    // A generic file name ("setup.exe") counts when the file or its folder names the vendor.
    const named = context.vendorNamedIn(fileName) ?? (segments.length > 1 ? context.vendorNamedIn(path) : undefined);
    return named ? verdict(named, 'download', 'file-host-installer') : null;
  },
  examples: {
    matches: [
      'https://github.com/solomoncyj/kaspersky_internet/blob/main/kis21.3.10.391en_26096.exe?raw=true',
      'https://raw.githubusercontent.com/solomoncyj/kaspersky/main/Total_security.exe',
      'https://download1506.mediafire.com/wad68t3os59g/xsgspau91udkrkw/Kaspersky_Endpoint_Security_11.6_com_Agent.exe',
      'https://down01.wxsrv.com/descargando/024/18108/kaspersky-mobile-security/769/kaspersky-mobile-security.apk?val=18108',
      'https://appcenter.software-univention.de/univention-repository/4.3/maintained/component/klms_20171106151607/i386/klmsui_8.0.1-721_i386.deb',
      'https://mirror.example.net/av/tdsskiller.exe',
    ],
    rejects: [
      'https://www.techspot.com/downloads/downloadnow/7174/?evp=4390b8ba8b6bcd18f1fd0962b7c35486&file=1',
      'https://files.example.net/bitdefender/setup.exe',
      'https://treesforthebackyardv4u.web.app/wet/kaspersky-total-security-auto-renewal.html',
    ],
  },
};
