import { looksLikeArticle, verdict, type UrlContext, type UrlRule } from '../rule.ts';

/** Where a portal lists software; `hosts` are where the content script runs (default: www.<label>.com). */
export interface PortalSite {
  listing?: RegExp;
  host?: RegExp;
  hosts?: string[];
}

/**
 * Download portals and APK mirrors, by registrable-domain label (so every country domain
 * counts). `listing` restricts the rule to the part of the site that hands out software
 * (CNET and Softpedia also publish news; those pages must stay unflagged).
 */
export const DOWNLOAD_PORTALS: ReadonlyMap<string, PortalSite> = new Map<string, PortalSite>([
  ['softonic', { hosts: ['softonic.com', 'softonic.com.br', 'softonic.jp'], listing: /^\/(?!articles?\/|noticias\/|news\/)/ }],
  ['filehippo', { listing: /^\/(?:[a-z]{2}\/)?download_/ }],
  ['majorgeeks', { listing: /^\/(?:files|mg)\// }],
  ['softpedia', { host: /^(?!news\.)/, listing: /^\/(?:get|apk|progdownload|dyn-postdownload)\b/ }],
  ['uptodown', { hosts: ['uptodown.com'], host: /^[^.]+\.[a-z]{2}$/ }],
  // Not its search results ("/s/kaspersky/").
  ['cnet', { hosts: ['download.cnet.com'], host: /^download\b/, listing: /^\/(?!s\/)/ }],
  ['techspot', { listing: /^\/downloads\/(?!downloadnow\/)/ }],
  ['apkmirror', {}],
  ['apkpure', {}],
  ['apkcombo', {}],
  ['apkmonk', {}],
  ['apksupport', {}],
  ['aptoide', { hosts: ['aptoide.com'] }],
  ['malavida', { hosts: ['malavida.com'] }],
  ['filehorse', {}],
  ['filepuma', {}],
  ['fileeagle', {}],
  ['filecr', {}],
  ['soft32', {}],
  ['soft112', {}],
  ['snapfiles', {}],
  ['softradar', { hosts: ['softradar.com'] }],
  ['updatestar', {}],
  ['informer', { hosts: ['software.informer.com'] }],
  ['brothersoft', {}],
  ['download3k', {}],
  ['downloadcrew', {}],
  ['freedownloadmanager', {}],
  ['neowin', { listing: /^\/software\// }],
  ['chip', { hosts: ['chip.de'], listing: /^\/downloads?\// }],
  ['computerbild', { hosts: ['computerbild.de'], listing: /^\/downloads?\// }],
  ['heise', { hosts: ['heise.de'], listing: /^\/download\// }],
  ['giga', { hosts: ['giga.de'], listing: /^\/downloads?\// }],
  ['clubic', { hosts: ['clubic.com'], listing: /^\/telecharger\// }],
  ['01net', { hosts: ['01net.com'], listing: /^\/telecharger\// }],
  ['baixaki', { hosts: ['baixaki.com.br'] }],
  ['techtudo', { hosts: ['techtudo.com.br'], listing: /^\/downloads?\// }],
  ['portalprogramas', { hosts: ['portalprogramas.com'] }],
  ['sourceforge', { listing: /^\/projects\// }],
  ['lo4d', {}],
  ['macupdate', { listing: /^\/app\// }],
  ['chocolatey', { hosts: ['community.chocolatey.org'], listing: /^\/packages\// }],
  ['winstall', { hosts: ['winstall.app'], listing: /^\/apps\// }],
  ['winget', { hosts: ['winget.run'], listing: /^\/pkg\// }],
  ['getjar', {}],
  ['softmany', {}],
  ['softfamous', {}],
  ['freewarefiles', {}],
  ['tucows', {}],
]);

/** Words that say "download" in the languages of the vendor's markets. */
const DOWNLOAD_WORD = /(?:^|[^a-z])(?:free-?)?(?:download|downloads|descargar|descarga|telecharger|scaricare|herunterladen|baixar|indir|pobierz|skachat|скачать)(?:[^a-z]|$)/;

/** A host that reads like a download site ("downloadastro", "apkfab"). */
const PORTAL_LIKE_LABEL = /download|apk/;

export const downloadPortalListing: UrlRule = {
  id: 'download-portal-listing',
  kind: 'download',
  match: (context: UrlContext) => {
    const { path, host } = context.parts;
    const { label, subdomain, isIp } = context.domain;
    if (isIp) return null;
    const portal = DOWNLOAD_PORTALS.get(label);
    if (!portal) {
      // Elsewhere only a path segment that names the vendor *and* says download will do.
      if (!PORTAL_LIKE_LABEL.test(label) && !context.parts.segments.some((s) => DOWNLOAD_WORD.test(s) && context.vendorNamedIn(s))) return null;
      if (looksLikeArticle(context.parts)) return null;
    } else if ((portal.listing && !portal.listing.test(path)) || (portal.host && !portal.host.test(subdomain || host))) {
      return null;
    }
    const where = portal ? `${subdomain} ${path}` : path;
    const vendor = context.vendorNamedIn(where);
    return vendor ? verdict(vendor, 'download', 'download-portal') : null;
  },
  examples: {
    matches: [
      'https://filehippo.com/download_kaspersky_antivir/',
      'https://www.majorgeeks.com/files/details/kaspersky_tdsskiller.html',
      'https://www.majorgeeks.com/files/details/tdsskiller.html',
      'https://kaspersky-anti-virus.en.softonic.com/',
      'https://kaspersky-mobile-security.en.uptodown.com/android',
      'https://www.softpedia.com/get/Antivirus/Kaspersky-Anti-Virus.shtml',
      'https://download.cnet.com/Kaspersky-Anti-Virus/3000-2239_4-10257698.html',
      'https://www.techspot.com/downloads/5436-kaspersky-virus-removal-tool.html',
      'https://apkpure.com/kaspersky-mobile-antivirus/com.kms.free',
      'https://www.apkmirror.com/apk/kaspersky-lab/kaspersky-internet-security/',
      'https://www.filehorse.com/download-kaspersky-free/',
      'https://www.chip.de/downloads/Kaspersky-Premium_182365960.html',
      'https://www.example-soft.net/windows/security/kaspersky-free-download/',
    ],
    rejects: [
      'https://avast.en.softonic.com/',
      'https://norton-antivirus.en.softonic.com/',
      'https://www.techspot.com/downloads/5015-system-explorer.html',
      'https://www.techspot.com/downloads/downloadnow/7174/?evp=4390b8ba8b6bcd18f1fd0962b7c35486&file=1',
      'https://www.techspot.com/news/103456-kaspersky-banned-us.html',
      'https://news.softpedia.com/news/kaspersky-banned-in-the-us-543210.shtml',
      'https://www.cnet.com/tech/services-and-software/kaspersky-antivirus-review/',
      'https://download.cnet.com/s/kaspersky/',
      'https://security.softperten.de/frage/warum-bleiben-menschliche-fachkenntnisse-trotz-ki-fortschritten-unverzichtbar',
    ],
  },
};
