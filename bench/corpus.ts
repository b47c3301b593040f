/**
 * The URL corpus of the benchmark: what a browser mostly sees (unrelated shops, news, search,
 * video, code, encyclopedias), plus the labelled vendor corpus (test/fixtures/data/dev-urls.tsv,
 * new-vendors-dev-urls.tsv and every rule's examples) expanded with realistic variations (tracking parameters, fragments,
 * regional hosts, letter case, product ids). Deterministic: a fixed seed, the same URLs every run.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { seeded as random } from '../harness/logs.ts';
import { labelledExamples } from '../src/core/classify/examples.ts';

export interface Corpus {
  /** Every URL, shuffled (classes interleaved, as a browser sees them). */
  urls: string[];
  /** Which of `urls` came from the vendor corpus (true) or the unrelated one (false). */
  related: boolean[];
}

const labelled = (): string[] => {
  const rows = ['dev-urls.tsv', 'new-vendors-dev-urls.tsv'].flatMap((name) =>
    readFileSync(fileURLToPath(new URL(`../test/fixtures/data/${name}`, import.meta.url)), 'utf8')
      .split('\n')
      .slice(1)
      .map((line) => line.split('\t')[0] ?? '')
      .filter((url) => /^https?:/.test(url)),
  );
  const examples = labelledExamples().map((example) => example.url);
  return [...new Set([...rows, ...examples])];
};

const PRODUCT_WORDS = [
  'Logitech',
  'MX',
  'Master',
  '3S',
  'Wireless',
  'Mouse',
  'Anker',
  'USB-C',
  'Charger',
  '65W',
  'Samsung',
  'Galaxy',
  'S24',
  'Ultra',
  'Case',
  'Apple',
  'AirPods',
  'Pro',
  'Sony',
  'WH-1000XM5',
  'Headphones',
  'Instant',
  'Pot',
  'Duo',
  'Kindle',
  'Paperwhite',
  'Bitdefender',
  'Total',
  'Security',
  'Norton',
  '360',
  'Deluxe',
  'McAfee',
  'Microsoft',
  'Office',
  'Home',
  'Student',
  '2024',
  'LEGO',
  'Star',
  'Wars',
  'Nintendo',
  'Switch',
  'OLED',
  'Crucial',
  '1TB',
  'SSD',
  'NVMe',
  'Dyson',
  'V15',
  'Vacuum',
  'Kitchen',
  'Knife',
  'Set',
  'Running',
  'Shoes',
  'Men',
  'Women',
  'Size',
  '10',
  'Black',
  'Blue',
];
const NEWS_WORDS = [
  'election',
  'markets',
  'rates',
  'storm',
  'league',
  'final',
  'budget',
  'talks',
  'climate',
  'study',
  'court',
  'ruling',
  'chip',
  'exports',
  'ai',
  'model',
  'launch',
  'review',
  'best',
  'phones',
  'deal',
  'merger',
  'strike',
  'vote',
];
const SEARCH_WORDS = [
  'weather',
  'pizza near me',
  'flights to rome',
  'how to tie a tie',
  'best laptop 2024',
  'python list sort',
  'news',
  'translate',
  'recipe lasagna',
  'antivirus for mac',
  'vpn free',
  'password manager',
];

type Pick = <T>(items: readonly T[]) => T;

/** Unrelated top-level URLs of the kinds browsers load most: shops, news, search, media, code, reference. */
function unrelated(count: number, rand: () => number): string[] {
  const pick: Pick = (items) => items[Math.floor(rand() * items.length)]!;
  const int = (max: number) => Math.floor(rand() * max);
  const slug = (n: number) => Array.from({ length: n }, () => pick(PRODUCT_WORDS)).join('-');
  const news = (n: number) => Array.from({ length: n }, () => pick(NEWS_WORDS)).join('-');
  const id = (n: number, alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789') =>
    Array.from({ length: n }, () => alphabet[int(alphabet.length)]).join('');
  const date = () => `${2019 + int(7)}/${String(1 + int(12)).padStart(2, '0')}/${String(1 + int(28)).padStart(2, '0')}`;
  const templates: (() => string)[] = [
    () =>
      `https://www.amazon.${pick(['com', 'co.uk', 'de', 'fr', 'in', 'ca'])}/${slug(4 + int(5))}/dp/B0${id(8)}?ref=sr_1_${int(40)}&keywords=${pick(PRODUCT_WORDS).toLowerCase()}`,
    () => `https://www.amazon.com/s?k=${encodeURIComponent(slug(2).toLowerCase())}&crid=${id(12)}`,
    () => `https://www.ebay.${pick(['com', 'co.uk', 'de'])}/itm/${slug(5)}/${1e11 + int(9e11)}?hash=item${id(10, '0123456789abcdef')}`,
    () => `https://www.walmart.com/ip/${slug(5)}/${int(1e9)}?athbdg=L1600`,
    () => `https://www.bestbuy.com/site/${slug(5).toLowerCase()}/${6e6 + int(1e6)}.p?skuId=${6e6 + int(1e6)}`,
    () => `https://www.target.com/p/${slug(4).toLowerCase()}/-/A-${int(9e7)}`,
    () => `https://www.etsy.com/listing/${int(2e9)}/${slug(4).toLowerCase()}?ref=hp_rv-${int(9)}`,
    () => `https://www.aliexpress.com/item/${1e15 + int(9e15)}.html?spm=a2g0o.home.${int(999)}`,
    () => `https://www.newegg.com/p/N82E168${int(1e8)}`,
    () =>
      `https://www.${pick(['nytimes', 'cnn', 'theguardian', 'washingtonpost'])}.com/${pick(['world', 'us', 'business', 'technology', 'sport'])}/${date()}/${news(5)}.html`,
    () => `https://www.bbc.co.uk/news/${pick(['world', 'business', 'technology'])}-${int(7e7)}`,
    () => `https://www.reuters.com/${pick(['world', 'markets', 'technology'])}/${news(6)}-${date().replace(/\//g, '-')}/`,
    () => `https://www.google.com/search?q=${encodeURIComponent(pick(SEARCH_WORDS))}&sca_esv=${id(16, '0123456789abcdef')}&source=hp`,
    () => `https://www.bing.com/search?q=${encodeURIComponent(pick(SEARCH_WORDS))}&form=QBLH`,
    () => `https://www.youtube.com/watch?v=${id(11, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_')}&t=${int(600)}s`,
    () => `https://en.wikipedia.org/wiki/${pick(PRODUCT_WORDS)}_${pick(NEWS_WORDS)}`,
    () =>
      `https://github.com/${id(8, 'abcdefghijklmnopqrstuvwxyz')}/${id(10, 'abcdefghijklmnopqrstuvwxyz-')}/blob/main/src/${id(6, 'abcdefghij')}.ts`,
    () =>
      `https://www.reddit.com/r/${pick(['technology', 'buildapc', 'news', 'pics'])}/comments/${id(7, 'abcdefghijklmnopqrstuvwxyz0123456789')}/${news(5).replace(/-/g, '_')}/`,
    () => `https://stackoverflow.com/questions/${int(8e7)}/${news(6)}`,
    () => `https://mail.google.com/mail/u/0/#inbox/${id(16, '0123456789abcdef')}`,
    () => `https://docs.google.com/document/d/${id(44, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-')}/edit`,
    () => `https://www.linkedin.com/feed/update/urn:li:activity:${7e18 + int(1e15)}/`,
    () => `https://x.com/${id(10, 'abcdefghijklmnopqrstuvwxyz_')}/status/${1.7e18 + int(1e15)}`,
    () => `https://www.booking.com/hotel/${pick(['fr', 'it', 'es', 'de'])}/${news(3)}.html?checkin=2024-0${1 + int(9)}-1${int(9)}`,
    () =>
      `https://www.${pick(['bitdefender.com', 'norton.com', 'mcafee.com', 'eset.com'])}/en-us/${pick(['store', 'products', 'downloads'])}/${slug(2).toLowerCase()}`,
  ];
  return Array.from({ length: count }, () => pick(templates)());
}

/** The labelled corpus with variations of each URL a browser would also see. */
function vendorVariations(count: number, rand: () => number): string[] {
  const base = labelled();
  const pick: Pick = (items) => items[Math.floor(rand() * items.length)]!;
  const regional = [
    'www.kaspersky.co.uk',
    'www.kaspersky.de',
    'www.kaspersky.fr',
    'www.kaspersky.com.br',
    'me-en.kaspersky.com',
    'latam.kaspersky.com',
  ];
  const variations: ((url: string) => string)[] = [
    (url) => url,
    (url) =>
      `${url}${url.includes('?') ? '&' : '?'}utm_source=${pick(['google', 'newsletter', 'partner'])}&utm_medium=cpc&utm_campaign=${Math.floor(rand() * 1e6)}`,
    (url) => `${url.split('#')[0]}#${pick(['reviews', 'buy', 'specs', 'top'])}`,
    (url) => url.replace(/^https?:\/\/usa\.kaspersky\.com/, `https://${pick(regional)}`),
    (url) => url.replace(/^(https?:\/\/[^/]+)/, (origin) => origin.toUpperCase()),
    (url) => `${url}${url.includes('?') ? '&' : '?'}gclid=${Math.floor(rand() * 1e12).toString(36)}`,
  ];
  return Array.from({ length: count }, () => pick(variations)(pick(base)));
}

/** `total` URLs, `relatedShare` of them from the vendor corpus, shuffled with a fixed seed. */
export function buildCorpus(total = 120_000, relatedShare = 0.2, seed = 6): Corpus {
  const rand = random(seed);
  const relatedCount = Math.round(total * relatedShare);
  const entries = [
    ...vendorVariations(relatedCount, rand).map((url) => [url, true] as const),
    ...unrelated(total - relatedCount, rand).map((url) => [url, false] as const),
  ];
  for (let i = entries.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [entries[i], entries[j]] = [entries[j]!, entries[i]!];
  }
  return { urls: entries.map(([url]) => url), related: entries.map(([, related]) => related) };
}

/** `count` distinct made-up registrable domains, for organisation policies of any size. */
export function syntheticDomains(count: number, seed = 7): string[] {
  const rand = random(seed);
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const tlds = ['com', 'net', 'org', 'de', 'co.uk', 'io', 'shop', 'store'];
  const domains = new Set<string>();
  while (domains.size < count) {
    const length = 5 + Math.floor(rand() * 10);
    let label = '';
    for (let i = 0; i < length; i++) label += letters[Math.floor(rand() * letters.length)];
    domains.add(`${label}.${tlds[Math.floor(rand() * tlds.length)]}`);
  }
  return [...domains];
}
