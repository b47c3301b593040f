import type { VendorDefinition } from './types.ts';

/**
 * Kaspersky: sources for every fact are in ../shared/data (copied to test/data):
 * kaspersky-domains.txt, kaspersky-products.txt and restriction-facts.md.
 */
export const kaspersky: VendorDefinition = {
  id: 'kaspersky',
  name: 'Kaspersky',
  domains: [
    // Main and regional sites (kaspersky.<country> is matched by `ownedDomainLabels` too).
    'kaspersky.com', 'kaspersky.ru', 'kaspersky.co.uk', 'kaspersky.de', 'kaspersky.fr', 'kaspersky.es',
    'kaspersky.it', 'kaspersky.nl', 'kaspersky.be', 'kaspersky.ca', 'kaspersky.co.in', 'kaspersky.co.jp',
    'kaspersky.co.kr', 'kaspersky.co.th', 'kaspersky.co.za', 'kaspersky.com.au', 'kaspersky.com.br',
    'kaspersky.com.cn', 'kaspersky.com.hk', 'kaspersky.com.pl', 'kaspersky.com.tr', 'kaspersky.com.tw',
    'kaspersky.com.vn', 'kaspersky.cz', 'kaspersky.dk', 'kaspersky.dz', 'kaspersky.fi', 'kaspersky.gr',
    'kaspersky.kz', 'kaspersky.ma', 'kaspersky.my', 'kaspersky.pt', 'kaspersky.ro', 'kaspersky.rs',
    'kaspersky.se', 'kaspersky.bg', 'kaspersky.hu', 'kaspersky.no',
    // Download, update, KSN and service domains.
    'kaspersky-labs.com', 'kaspersky-lab.com', 'kasperskycontent.com', 'kasperskyapi.com',
    'kasperskyupdate.com', 'kasperskylabs.net',
    // Short links, blog media, partner finder and research sites.
    'kas.pr', 'kasperskydaily.com', 'kasperskypartners.com',
    'securelist.com', 'securelist.ru', 'securelist.lat', 'securelist.com.br',
  ],
  ownedDomainLabels: ['kaspersky'],
  brandTokens: ['kaspersky', 'kasperski', 'kasperskiy', 'касперск'],
  distinctiveProductTokens: ['tdsskiller', 'kvrt', 'rakhnidecryptor', 'salitykiller', 'kasperskyos'],
  productNames: [
    'Kaspersky Basic', 'Kaspersky Standard', 'Kaspersky Plus', 'Kaspersky Premium', 'Kaspersky Safe Kids',
    'Kaspersky Password Manager', 'Kaspersky VPN Secure Connection', 'Kaspersky Secure Connection',
    'Kaspersky Who Calls', 'Kaspersky QR Scanner', 'Kaspersky Security & VPN', 'Kaspersky Free',
    'Kaspersky Free Antivirus', 'Kaspersky Anti-Virus', 'Kaspersky Internet Security', 'Kaspersky Total Security',
    'Kaspersky Security Cloud', 'Kaspersky PURE', 'Kaspersky Mobile Security', 'Kaspersky Tablet Security',
    'Kaspersky Battery Saver', 'Kaspersky Protection', 'Kaspersky URL Advisor', 'Kaspersky Small Office Security',
    'Kaspersky Endpoint Security', 'Kaspersky Endpoint Security Cloud', 'Kaspersky Next',
    'Kaspersky Security Center', 'Kaspersky Network Agent', 'Kaspersky Anti Targeted Attack Platform',
    'Kaspersky Hybrid Cloud Security', 'Kaspersky Security for Virtualization', 'Kaspersky Security for Mail Server',
    'Kaspersky Secure Mail Gateway', 'Kaspersky Linux Mail Security', 'Kaspersky Security for Internet Gateway',
    'Kaspersky Embedded Systems Security', 'Kaspersky Industrial CyberSecurity', 'Kaspersky Virus Removal Tool',
    'TDSSKiller', 'Kaspersky Rescue Disk', 'Kaspersky Anti-Ransomware Tool', 'Kaspersky Update Utility',
  ],
  site: {
    storefrontSubdomains: ['', 'www', 'usa', 'latam', 'me', 'me-en', 'africa', 'afrique', 'shop', 'store', 'estore'],
    storeHosts: ['store.kaspersky.fr', 'store.kaspersky.com', 'shop.kaspersky.com', 'estore.kaspersky.com'],
    downloadHosts: [
      'kaspersky-labs.com', 'media.kaspersky.com', 'upd.kaspersky.com', 'geo.kaspersky.com',
      'pdc.kaspersky.com', 'download.kaspersky.com', 'downloads.kaspersky.com',
    ],
    // Pages that only inform, even when their path names a product.
    infoPaths: [
      '^/(?:blog|resource-center|internet-security-center|about|about-trust|transparency|press|press-releases|news|'
        + 'careers|jobs|partners?|support|help|threats|enterprise-security|legal|eula|web-privacy-policy|privacy|'
        + 'third-party-tracking|cookies?|mitre|contacts?|investors|events?|webinars?|research|reports?|sitemap|'
        + 'search|ksn|end-user-license-agreement|subscription-terms|acknowledgements|bug-bounty)(?:/|$)',
      '^/[^/]+/(?:eula|license-agreement|terms|privacy)(?:/|$)',
    ],
    downloadPaths: [
      '^/(?:downloads?(?:-[a-z0-9-]+)?|download-center|trials?|free-trials?|(?:kaspersky-)?free-[a-z0-9-]+|anti-ransomware-tool|'
        + 'virus-removal-tool|rescue-disk|security-cloud-free|kaspersky-free)(?:/|$)',
      // Trial and free editions of a product: "/total-security-free-trial", "/premium-trial".
      '^/[a-z0-9-]+-(?:free-trial|trial|free)(?:/|$)',
    ],
    purchasePaths: [
      // Store, checkout, pricing and renewal.
      '^/(?:store|estore|e-store|shop|buy[a-z-]*|checkout|cart|basket|order|pricing|prices|renewal-center|acq|'
        + 'renewal|renew|upgrade|offers?|special-offers?|deals?|promo|promotions?|advert|lp|landing|compare|'
        + 'home-security|small-business-security|small-to-medium-business-security|medium-business-security|'
        + 'business-security|multi-device-security)(?:/|$)',
      // Product pages, current and legacy.
      '^/(?:basic|standard|plus|premium|total-security|internet-security|anti-virus|antivirus|security-cloud|'
        + 'safe-kids|password-manager|vpn-secure-connection|secure-connection|small-office-security|next|'
        + 'security-mac|mac-security|android-security|mobile-security|ios-security|pure|who-calls|caller-id|'
        + 'qr-scanner|kaspersky-(?:basic|standard|plus|premium|vpn)|endpoint-security|endpoint-security-cloud|vpn|'
        + 'next-[a-z0-9-]+|(?:mac|android|ios|windows)-antivirus|antivirus-for-(?:mac|android|ios|windows|pc))'
        // The same pages for one platform: "/internet-security-mac", "/safe-kids-for-android".
        + '(?:-(?:for-)?(?:mac|android|ios|iphone|ipad|windows|pc|linux))?(?:/|$)',
    ],
  },
  installers: {
    distinctive: [
      '^(?:kav|kis|kts)\\d{2}\\.\\d+\\.\\d+\\.\\d+[a-z-]*(?:_\\d+)?\\.exe$',
      '^kav\\d+\\.\\d+\\.\\d+\\.\\d+_[a-z]{2}-[a-z]{2}_full\\.exe$',
      '^kfa\\d+\\.\\d+\\.\\d+\\.\\d+[a-z]{2}_\\d+\\.exe$',
      '^ks4\\.0\\d+\\.\\d+\\.\\d+\\.\\d+[a-z]{2}_\\d+\\.exe$',
      '^ksec\\d+\\.\\d+\\.\\d+\\.\\d+[a-z]{2}_\\d+\\.exe$',
      '^ksos\\d+\\.\\d+\\.\\d+\\.\\d+_.*_full\\.exe$',
      '^kaspersky_(?:basic|standard|plus|premium|small_office_security)\\.(?:exe|dmg)$',
      '^keswin_[\\d.]+_[a-z-]+_aes(?:56|256)\\.exe$',
      '^keswin_web_plugin_[\\d.]+\\.zip$',
      '^kes10win[a-z0-9_-]*_aes(?:56|256)\\.exe$',
      '^kesmac[\\d.]+[a-z]?\\.(?:zip|dmg)$',
      '^kuu[\\d.]+(?:_[a-z0-9-]+)?_en\\.(?:tar\\.gz|zip)$',
      '^klnagent[_-][\\w.-]+\\.(?:zip|deb|rpm|msi|exe|sh)$',
      '^kaspersky network agent\\.msi$',
      '^klmsui_[\\w.-]+\\.(?:deb|rpm)$',
      '^tdsskiller\\.(?:exe|zip)$',
      '^kvrt\\.exe$',
      '^(?:krd|kav_rescue_disk)\\.iso$',
      '^rakhnidecryptor\\.(?:exe|zip)$',
      '^salitykiller\\.(?:exe|zip)$',
      '^kaspersky[\\w .%-]*\\.(?:exe|msi|dmg|pkg|apk|xapk|zip|iso|deb|rpm)$',
    ],
    onVendorHostsOnly: ['^startup(?:_\\d+)?\\.exe$', '^standard\\.exe$', '^klcfginst\\.msi$'],
    removalTools: ['^kavremvr\\.exe$', '^kavremover[\\w.-]*\\.(?:exe|zip)$', '^cleaner\\.zip$'],
  },
  apps: {
    googlePlay: ['com.kaspersky.', 'com.kms.free', 'com.kms.me'],
    appleAppStore: ['1089969624', '1430738996', '1544011972', '1258673322'],
    chromeWebStore: ['ahkjpbeeocnddjkakilopmfdlnjdpcdm'],
    safariBundlePrefixes: ['com.kaspersky.'],
  },
  restrictions: [
    {
      id: 'dhs_bod_17_01',
      authority: 'US Department of Homeland Security',
      citation: 'Binding Operational Directive 17-01; 82 FR 43782',
      date: '2017-09-13',
      effective: [],
      jurisdiction: 'US',
      sourceUrl: 'https://www.cisa.gov/news-events/directives/binding-operational-directive-17-01',
    },
    {
      id: 'ndaa_fy2018_1634',
      authority: 'US Congress',
      citation: 'National Defense Authorization Act for FY2018, §1634 (Pub. L. 115-91)',
      date: '2017-12-12',
      effective: [{ date: '2018-10-01' }],
      jurisdiction: 'US',
      sourceUrl: 'https://www.govinfo.gov/app/details/PLAW-115publ91',
    },
    {
      id: 'fcc_covered_list',
      authority: 'US Federal Communications Commission (FCC)',
      citation: 'Covered List, Secure and Trusted Communications Networks Act of 2019',
      date: '2022-03-25',
      effective: [],
      jurisdiction: 'US',
      sourceUrl: 'https://www.fcc.gov/supplychain/coveredlist',
    },
    {
      id: 'bis_entity_list',
      authority: 'US Department of Commerce, Bureau of Industry and Security (BIS)',
      citation: 'Additions to the Entity List, 89 FR 52362',
      date: '2024-06-24',
      effective: [{ date: '2024-06-24' }],
      jurisdiction: 'US',
      sourceUrl: 'https://www.govinfo.gov/content/pkg/FR-2024-06-24/html/2024-13695.htm',
    },
    {
      id: 'bis_final_determination',
      authority: 'US Department of Commerce, Bureau of Industry and Security (BIS)',
      citation: 'Final Determination, Case No. ICTS-2021-002, 89 FR 52434',
      date: '2024-06-24',
      effective: [{ date: '2024-07-20' }, { date: '2024-09-29' }],
      jurisdiction: 'US',
      sourceUrl: 'https://www.federalregister.gov/d/2024-13532',
      infoUrl: 'https://oicts.bis.gov/kaspersky',
    },
  ],
  primaryRestriction: 'bis_final_determination',
  alternatives: [
    {
      name: 'Microsoft Defender Antivirus',
      url: 'https://support.microsoft.com/en-us/windows/stay-protected-with-windows-security-2ae0363d-0ada-c064-8b56-6a39afb6a963',
      noteKey: 'alternative_note_builtin_windows',
    },
    { name: 'Avast', url: 'https://www.avast.com/' },
    { name: 'AVG', url: 'https://www.avg.com/' },
    { name: 'Bitdefender', url: 'https://www.bitdefender.com/' },
    { name: 'ESET', url: 'https://www.eset.com/' },
    { name: 'F-Secure', url: 'https://www.f-secure.com/' },
    { name: 'Malwarebytes', url: 'https://www.malwarebytes.com/' },
    { name: 'McAfee', url: 'https://www.mcafee.com/' },
    { name: 'Norton', url: 'https://www.norton.com/' },
    { name: 'Trend Micro', url: 'https://www.trendmicro.com/' },
  ],
};
