/**
 * Every page the fixture server serves, by id: the stand-ins for vendor stores, resellers, news
 * and unrelated sites that the tests, `npm start` and the benchmark open, with the host names
 * the browser must send to the server. The HTML files are in `test/fixtures/pages/`.
 */
import { CONTENT_PAGES } from './content-pages.ts';

export interface FixturePage {
  /** Stable name used by tests and the demo script. */
  id: string;
  host: string;
  /** Path as the browser requests it (no query). */
  path: string;
  /** Query string ("?id=…") when it is part of the page's address: pages that share a path differ by it. */
  query?: string;
  /** File under `test/fixtures/pages/`. */
  file: string;
  /** What the page stands for, for people reading the demo list. */
  description: string;
}

/** Every page the server knows; anything else is a 404 page. */
export const FIXTURE_PAGES = [
  {
    id: 'kaspersky-store',
    host: 'usa.kaspersky.com',
    path: '/premium',
    file: 'kaspersky-us-premium.html',
    description: 'Kaspersky US store: Kaspersky Premium product page ($49.99, Buy now)',
  },
  {
    id: 'kaspersky-uk-product',
    host: 'www.kaspersky.co.uk',
    path: '/plus',
    file: 'kaspersky-uk-plus.html',
    description: 'Kaspersky UK store: Kaspersky Plus product page',
  },
  {
    id: 'kaspersky-download',
    host: 'usa.kaspersky.com',
    path: '/downloads/thank-you/free-virus-removal-tool',
    file: 'kaspersky-us-download-kvrt.html',
    description: 'Kaspersky download page (KVRT.exe download button)',
  },
  {
    id: 'kaspersky-blog',
    host: 'www.kaspersky.com',
    path: '/blog/strong-password-tips/12345/',
    file: 'kaspersky-blog-article.html',
    description: 'Kaspersky blog article (sells nothing)',
  },
  {
    id: 'amazon-kaspersky',
    host: 'www.amazon.com',
    path: '/Kaspersky-Premium-Total-Security-Devices/dp/B0CFWQ1JKZ',
    file: 'amazon-kaspersky-premium.html',
    description: 'Amazon listing of Kaspersky Premium (reseller)',
  },
  {
    id: 'amazon-bitdefender',
    host: 'www.amazon.com',
    path: '/Bitdefender-Total-Security-Devices/dp/B0CG8L3V5H',
    file: 'amazon-bitdefender-total-security.html',
    description: 'Amazon listing of Bitdefender Total Security (competitor)',
  },
  {
    id: 'reuters-news',
    host: 'www.reuters.com',
    path: '/technology/us-bans-kaspersky-software-2024-06-20/',
    file: 'reuters-kaspersky-ban.html',
    description: 'Reuters news article about the ban',
  },
  {
    id: 'example-org',
    host: 'www.example.org',
    path: '/',
    file: 'example-org.html',
    description: 'Unrelated site',
  },
  {
    id: 'bestbuy-spa',
    host: 'www.bestbuy.com',
    path: '/site/spa/',
    file: 'bestbuy-spa.html',
    description: 'Best Buy single-page app: listing that switches products with history.pushState',
  },
  {
    id: 'bestbuy-spa-kaspersky',
    host: 'www.bestbuy.com',
    path: '/site/kaspersky-premium-3-devices-1-year/6560001.p',
    file: 'bestbuy-spa.html',
    description: 'Best Buy SPA, Kaspersky Premium product view (also reachable by pushState)',
  },
  {
    id: 'bestbuy-spa-bitdefender',
    host: 'www.bestbuy.com',
    path: '/site/bitdefender-total-security-5-devices/6560002.p',
    file: 'bestbuy-spa.html',
    description: 'Best Buy SPA, Bitdefender product view (also reachable by pushState)',
  },
  {
    id: 'bestbuy-search',
    host: 'www.bestbuy.com',
    path: '/site/searchpage.jsp',
    file: 'bestbuy-search.html',
    description: 'Best Buy search results for "antivirus": Kaspersky tiles among competitors, brand filters, "Show more"',
  },
  {
    id: 'mirror-downloads',
    host: 'files.example-mirror.net',
    path: '/pub/',
    file: 'mirror-downloads.html',
    description: "A third-party file mirror listing installers (one of them Kaspersky's) as direct downloads",
  },
  {
    id: 'small-shop-kaspersky',
    host: 'www.corner-software-shop.example',
    path: '/product/48213',
    file: 'small-shop-kaspersky.html',
    description: 'A small shop outside the retailer list selling Kaspersky Premium (flagged only when checking every site is on)',
  },
  // The equipment makers (test/fixtures/pages/makers/).
  {
    id: 'dji-store-product',
    host: 'store.dji.com',
    path: '/product/dji-mini-4-pro',
    file: 'makers/dji-store-mini-4-pro.html',
    description: 'DJI Store: DJI Mini 4 Pro product page ($759, Buy Now)',
  },
  {
    id: 'newegg-hikvision-camera',
    host: 'www.newegg.com',
    path: '/p/1B4-01HV-00099',
    file: 'makers/newegg-hikvision-camera.html',
    description: 'Newegg: a Hikvision camera by item number; only the page (JSON-LD brand, model number) names it',
  },
  {
    id: 'hikvision-hik-connect-download',
    host: 'www.hikvision.com',
    path: '/en/support/download/mobile-and-desktop-app/hik-connect/',
    file: 'makers/hikvision-hik-connect-download.html',
    description: 'Hikvision: Hik-Connect download page (app stores, Windows installer)',
  },
  {
    id: 'walmart-battery-for-dji',
    host: 'www.walmart.com',
    path: '/ip/Skyreat-Intelligent-Flight-Battery-for-DJI-Mini-4-Pro/5011122233',
    file: 'makers/walmart-battery-for-dji.html',
    description: "Walmart: another maker's battery for the DJI Mini 4 Pro (nothing to flag)",
  },
  {
    id: 'bestbuy-honor-phone',
    host: 'www.bestbuy.com',
    path: '/site/honor-magic6-pro-5g-512gb-unlocked-black/6571234.p',
    file: 'makers/bestbuy-honor-phone.html',
    description: 'Best Buy: an Honor phone (Honor is not Huawei since 2020; nothing to flag)',
  },
  {
    id: 'news-fcc-drones',
    host: 'www.theverge.com',
    path: '/news/fcc-adds-dji-autel-drones-covered-list',
    file: 'makers/news-fcc-drones.html',
    description: 'News article on the FCC drone listing, linking to the DJI Store (nothing to flag)',
  },
  // Shops, portals and app stores, for page-content detection (content-pages.ts).
  ...CONTENT_PAGES,
] as const satisfies readonly FixturePage[];

export type FixturePageId = (typeof FIXTURE_PAGES)[number]['id'];

/** A store an organisation's policy blocks (`blockedDomains`), outside the content script's sites. */
export const BLOCKED_VENDOR_HOST = 'store.blocked-vendor.example';

/**
 * Every host name the browser must send to 127.0.0.1. Includes hosts that pages link to (the
 * installer host) so a stray request gets a local 404 instead of leaving the machine.
 */
export const FIXTURE_HOSTS: readonly string[] = [
  ...new Set<string>([
    ...FIXTURE_PAGES.map((p) => p.host),
    'devbuilds.s.kaspersky-labs.com',
    'downloads.kaspersky-labs.com',
    // A host an organisation blocks in the frame tests: no content script runs there.
    BLOCKED_VENDOR_HOST,
  ]),
];
