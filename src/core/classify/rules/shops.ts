import { looksLikeArticle, verdict, type UrlContext, type UrlRule } from '../rule.ts';

/**
 * Retailers and key shops, by registrable-domain label: the classifier matches the label on
 * any suffix (amazon covers amazon.de, amazon.in, …); the suffixes listed are where the
 * content script is injected (match patterns cannot wildcard a suffix). Only labels that
 * mean the shop on every suffix are listed.
 */
const AMAZON = ['com', 'co.uk', 'de', 'fr', 'it', 'es', 'nl', 'se', 'pl', 'com.be', 'ca', 'com.mx', 'com.br', 'in', 'co.jp', 'com.au', 'sg', 'ae', 'sa', 'com.tr', 'eg'];
export const RETAILERS: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  ['amazon', AMAZON],
  ['ebay', ['com', 'co.uk', 'de', 'fr', 'it', 'es', 'nl', 'ca', 'com.au', 'at', 'ch', 'be', 'ie', 'pl']],
  ...['newegg', 'walmart', 'target', 'cdw', 'staples', 'officedepot', 'bhphotovideo', 'microcenter', 'costco',
    'samsclub', 'tigerdirect', 'shi', 'insight', 'zones', 'thesource', 'softwarekeep', 'kinguin', 'g2a', 'cdkeys',
    'eneba', 'gamivo', 'mmoga', 'softwarehubs', 'keysfan', 'kabum', 'americanas', 'magazineluiza', 'lazada',
    'shopee', 'qoo10', 'rakuten', 'coupang', 'jd', 'noon', 'flipkart', 'snapdeal', 'croma', 'reliancedigital',
    'aliexpress', 'instant-gaming', 'scdkey', 'royalcdkeys', 'licendi', 'keycense', 'tatacliq', 'vijaysales',
  ].map((label) => [label, ['com']] as const),
  ['canadacomputers', ['com']], ['memoryexpress', ['com']], ['londondrugs', ['com']],
  ['argos', ['co.uk']], ['currys', ['co.uk']], ['johnlewis', ['com']], ['ebuyer', ['com']], ['novatech', ['co.uk']],
  ['mediamarkt', ['de', 'at', 'ch', 'nl', 'be', 'es', 'it', 'pl', 'pt', 'se', 'hu', 'tr']], ['saturn', ['de', 'at']],
  ['otto', ['de']], ['conrad', ['de', 'at', 'ch', 'nl', 'com']], ['cyberport', ['de', 'at']],
  ['notebooksbilliger', ['de']], ['alternate', ['de', 'at', 'nl', 'be']], ['fnac', ['com', 'be', 'ch', 'pt', 'es']],
  ['darty', ['com']], ['boulanger', ['com']], ['cdiscount', ['com']], ['ldlc', ['com', 'be', 'ch']],
  ['elcorteingles', ['es']], ['pccomponentes', ['com', 'pt', 'fr', 'it']], ['coolblue', ['nl', 'be', 'de']],
  ['bol', ['com']], ['alza', ['cz', 'sk', 'hu', 'at', 'de', 'co.uk']], ['czc', ['cz']], ['allegro', ['pl', 'cz', 'sk']],
  ['empik', ['com']], ['x-kom', ['pl']], ['komputronik', ['pl']], ['emag', ['ro', 'bg', 'hu']],
  ['elgiganten', ['se', 'dk']], ['elkjop', ['no']], ['power', ['no', 'dk', 'fi']], ['komplett', ['no', 'se', 'dk']],
  ['proshop', ['dk', 'se', 'no', 'fi', 'de', 'pl']], ['verkkokauppa', ['com']], ['gigantti', ['fi']],
  ['public', ['gr']], ['plaisio', ['gr']], ['kotsovolos', ['gr']], ['worten', ['pt', 'es']], ['unieuro', ['it']],
  ['mediaworld', ['it']], ['euronics', ['it', 'de', 'ee', 'lv', 'lt']], ['arvutitark', ['ee']], ['datart', ['cz', 'sk']],
  ['ozon', ['ru']], ['wildberries', ['ru']], ['dns-shop', ['ru']], ['citilink', ['ru']], ['mvideo', ['ru']],
  ['eldorado', ['ru']], ['rozetka', ['com.ua']], ['store-kaspersky', ['ru']],
  ['jbhifi', ['com.au', 'co.nz']], ['harveynorman', ['com.au', 'co.nz']], ['officeworks', ['com.au']],
  ['thegoodguys', ['com.au']], ['noelleeming', ['co.nz']], ['pbtech', ['co.nz']], ['takealot', ['com']],
  ['incredible', ['co.za']], ['mercadolibre', ['com.mx', 'com.ar', 'com.co', 'cl', 'com.pe']],
  ['mercadolivre', ['com.br']], ['falabella', ['com']], ['tokopedia', ['com']], ['yodobashi', ['com']],
  ['biccamera', ['com']], ['gmarket', ['co.kr']], ['jarir', ['com']], ['sharafdg', ['com']],
  ['challenger', ['com.sg']], ['courts', ['com.sg']], ['lizengo', ['de', 'fr', 'it', 'es']],
  ['softvire', ['com.au', 'co.nz']], ['mwave', ['com.au']], ['scorptec', ['com.au']], ['centrecom', ['com.au']],
  ['umart', ['com.au']], ['softwarebilliger', ['de']], ['bestbuy', ['com', 'ca']],
]);

/** Result, search and category pages: they list many products, not one (inline marks are for those). */
const LISTING_INDEX =
  /(?:^|\/)(?:s|search|searchpage\.jsp|sch|browse|c|cat|category|categories|catalog|catalogsearch|b|brand|brands|pl|list|results|compare)(?:[/.]|$)/;

/** A retailer's pages about a product that sell nothing: reviews, questions, buying guides and articles. */
const ABOUT_PAGE =
  /(?:^|\/)(?:reviews?|product-reviews|customer-reviews|questions|answers|ask|articles?|blog|news|content|guides?|help|forums?|community)(?:[/.]|$)/;

/** A retailer's product page whose URL names the vendor or one of its products. */
export const resellerListing: UrlRule = {
  id: 'reseller-listing',
  kind: 'purchase',
  match: (context: UrlContext) => {
    const { path } = context.parts;
    if (!RETAILERS.has(context.domain.label) || LISTING_INDEX.test(path) || ABOUT_PAGE.test(path)) return null;
    const vendor = context.vendorNamedIn(path);
    return vendor ? verdict(vendor, 'purchase', 'reseller-listing') : null;
  },
  examples: {
    matches: [
      'https://www.amazon.in/Kaspersky-Security-Latest-Version-Delivery/dp/B073VKKNN9/ref=zg_bs_c_software_d_sccl_4',
      'https://www.amazon.com/Kaspersky-Premium-Total-Security-Devices/dp/B0CFWQ1JKZ',
      'https://www.bestbuy.com/site/kaspersky-premium-3-devices-1-year-android-apple-ios-mac-os-windows/6560001.p?skuId=6560001',
      'https://www.newegg.com/kaspersky-premium-5-devices-1-year/p/N82E16832001234',
      'https://www.walmart.com/ip/Kaspersky-Standard-Anti-Virus-3-Device-1-Year/123456789',
      'https://www.ebay.co.uk/itm/Kaspersky-Internet-Security-2024-1-PC-1-Year/123456789012',
      'https://arvutitark.ee/arvutid-ja-lisad/tarkvara/kaspersky-anti-virus-1-pc-1-year-uus-e-license-1357222',
      'https://www.mediamarkt.de/de/product/_kaspersky-plus-3-gerate-1-jahr-2845123.html',
    ],
    rejects: [
      'https://www.amazon.in/BitDefender-Security-Mobile-Version-Android/dp/B07B9YYLGG/ref=zg_bs_c_software_d_sccl_6',
      'https://www.amazon.com/s?k=kaspersky',
      'https://www.ebay.com/sch/i.html?_nkw=kaspersky',
      'https://www.newegg.com/p/pl?d=kaspersky',
      'https://www.bestbuy.com/site/searchpage.jsp?st=kaspersky',
      'https://arvutitark.ee/arvutid-ja-lisad/tarkvara/ms-win-11-pro-mui-esd-1139855',
      'https://www.cdkeys.com',
      'https://www.amazon.com/Kaspersky-Premium-Total-Security-Devices/product-reviews/B0CFWQ1JKZ',
      'https://www.bestbuy.com/site/reviews/kaspersky-premium-3-devices-1-year/6560001',
      'https://www.cdw.com/content/cdw/en/articles/security/kaspersky-ban-guidance.html',
    ],
  },
};

/** Licence cues in a slug: "1-pc", "3-devices", "1-year", "e-license", "key". */
const LICENCE_CUE =
  /(?:^|[^a-z0-9])(?:\d+-?(?:pcs?|devices?|users?|geraete|gerate|geräte|appareils?|dispositivos?|dispositivi|postes?|urzadzen|urządzeń|stanowisk|years?|yrs?|jahre?|ans?|anos?|anni|anno|lat|rok|months?|mo|мес|устройств|пк)|e-?licen[cs]e|licen[cs]e-?key|licen[cs]e|lizenz|licencia|licenza|esd|keycard|product-key|activation-code|key|retail-box|box)(?:[^a-z]|$)/;

/** Any other shop: a product slug that names the vendor together with licence terms. */
export const shopListing: UrlRule = {
  id: 'shop-listing',
  kind: 'purchase',
  match: (context: UrlContext) => {
    if (context.domain.isIp || looksLikeArticle(context.parts)) return null;
    for (const segment of context.parts.segments) {
      const vendor = context.vendorNamedIn(segment);
      if (vendor && LICENCE_CUE.test(segment)) return verdict(vendor, 'purchase', 'shop-listing');
    }
    return null;
  },
  examples: {
    matches: [
      'https://www.softwareshop.example/products/kaspersky-plus-3-devices-1-year',
      'https://shop.example.pl/oprogramowanie/kaspersky-standard-1-stanowisko-1-rok-esd.html',
      'https://www.pc-store.example.de/kaspersky-premium-5-geraete-1-jahr-lizenz',
    ],
    rejects: [
      'http://98.81.115.227/easy-dale-cliff/kaspersky-standard',
      'https://kbs.bestantivirus.co.uk/how-to-renew-the-license-for-kaspersky-solutions-for-home',
      'https://treesforthebackyardv4u.web.app/wet/kaspersky-total-security-auto-renewal.html',
      'https://www.pcmag.com/reviews/kaspersky-premium',
      'https://defkey.com/tr/2023/08/25/kaspersky-anti-virus-istisna-olusturma',
    ],
  },
};
