import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import vocabulary from '../../src/data/vocabulary.json' with { type: 'json' };
import {
  BUY_CUE,
  DOWNLOAD_CUE,
  DOWNLOAD_SLUG,
  INSTALLER_EXTENSIONS,
  isInstallerFile,
  isInstallerHref,
  LICENCE_SLUG,
  listsProducts,
  MORE_LINK,
  segmentIn,
  SEARCH_SEGMENTS,
  wordsOf,
} from '../../src/core/vocabulary.ts';

describe('installer extensions', () => {
  it('recognise installer and package files, and nothing else', () => {
    for (const name of [
      'setup.exe',
      'kts21.msi',
      'app.msixbundle',
      'kav.dmg',
      'kms.xapk',
      'krd.iso',
      'agent.tar.gz',
      'klnagent.deb',
      'protection.xpi',
    ]) {
      expect(isInstallerFile(name), name).toBe(true);
    }
    for (const name of ['report.pdf', 'logo.png', 'index.html', 'setup.exe.txt', 'archive.gz', 'exe'])
      expect(isInstallerFile(name), name).toBe(false);
  });

  it('recognise an installer link as a page writes it, any case, before a query or fragment', () => {
    expect(isInstallerHref('/files/KAV21.EXE?mirror=2')).toBe(true);
    expect(isInstallerHref('https://cdn.example/agent.tar.gz#sha')).toBe(true);
    expect(isInstallerHref('https://cdn.example/exe-guide.html')).toBe(false);
  });

  it('are lower case, unique, and written without the dot', () => {
    expect(new Set(INSTALLER_EXTENSIONS).size).toBe(INSTALLER_EXTENSIONS.length);
    for (const extension of INSTALLER_EXTENSIONS) expect(extension).toMatch(/^[a-z0-9]+(?:\.[a-z0-9]+)?$/);
  });
});

describe('list and product segments', () => {
  it.each([
    [['s'], true],
    [['p', 'pl'], true],
    [['site', 'searchpage.jsp'], true],
    [['search.php'], true],
    [['listado', 'kaspersky-premium'], true],
    [['busca', 'kaspersky'], true],
    [['stores', 'kaspersky', 'page', '1234'], true],
    [['c', 'product', '1734912-reg', 'kaspersky_plus.html'], false],
    [['cat', 'detail', 'antivirus-kaspersky-standard'], false],
    [['kaspersky-premium', 'dp', 'b0cfwq1jkz'], false],
    [['ip', 'kaspersky-standard', '123456789'], false],
    [['collections', 'antivirus', 'products', 'kaspersky-plus'], false],
    [['kaspersky-premium-3-devices'], false],
  ])('%j lists products: %s', (labels, lists) => {
    expect(listsProducts(labels)).toBe(lists);
  });

  it('match a segment as is or before its extension, never inside a word', () => {
    expect(segmentIn('search', SEARCH_SEGMENTS)).toBe(true);
    expect(segmentIn('search.aspx', SEARCH_SEGMENTS)).toBe(true);
    expect(segmentIn('research', SEARCH_SEGMENTS)).toBe(false);
    expect(segmentIn('searchlight-review', SEARCH_SEGMENTS)).toBe(false);
  });
});

describe('cue words', () => {
  it.each(['Buy now', 'Add to cart', 'In den Warenkorb', 'Jetzt kaufen', 'Ajouter au panier', 'Añadir al carrito', 'Купить', 'В корзину'])(
    '"%s" buys',
    (label) => expect(BUY_CUE.test(label)).toBe(true),
  );

  it.each(['Buying guide', 'Kaufberatung', 'Best buys of the year', 'Subscriber reviews'])('"%s" does not buy', (label) => {
    expect(BUY_CUE.test(label)).toBe(false);
  });

  it.each(['Download', 'Free trial', 'Add to Chrome', 'Télécharger', 'Herunterladen', 'Скачать', 'Get', 'Get the app', 'Obtenir'])(
    '"%s" downloads',
    (label) => expect(DOWNLOAD_CUE.test(label)).toBe(true),
  );

  it.each(['Downloads and drivers', 'Get a quote today', 'Installation service'])('"%s" does not download', (label) => {
    expect(DOWNLOAD_CUE.test(label)).toBe(false);
  });

  it("read slugs: download words and licence terms in the vendors' languages", () => {
    for (const slug of ['kaspersky-free-download', 'kaspersky-telecharger', 'skachat-kaspersky', 'kaspersky-freedownload'])
      expect(DOWNLOAD_SLUG.test(slug), slug).toBe(true);
    expect(DOWNLOAD_SLUG.test('kaspersky-downloader-review')).toBe(false);
    for (const slug of [
      'kaspersky-plus-3-devices-1-year',
      'kaspersky-premium-5-geraete-1-jahr',
      'kaspersky-standard-1-stanowisko-1-rok-esd',
      'kaspersky-e-license',
    ]) {
      expect(LICENCE_SLUG.test(slug), slug).toBe(true);
    }
    expect(LICENCE_SLUG.test('kaspersky-premium-review')).toBe(false);
  });

  it("tell links to more of a list from product titles, in the shops' languages", () => {
    for (const text of ['Shop all Kaspersky', 'See more', 'Alle Kaspersky-Produkte', 'Voir tous les produits', 'Ver todos', 'Все товары']) {
      expect(MORE_LINK.test(text), text).toBe(true);
    }
    for (const text of ['Kaspersky Plus 3 Devices', 'Showcase: Kaspersky Premium', 'Allerhand Kaspersky', 'Vertrauen'])
      expect(MORE_LINK.test(text), text).toBe(false);
  });

  it('split text into words in any script', () => {
    expect(wordsOf('Kaspersky Premium — обзор, 2025!')).toEqual(['kaspersky', 'premium', 'обзор', '2025']);
  });

  it('are listed for the same cue lists in every language', () => {
    const lists = Object.values(vocabulary.cues).map((language) => Object.keys(language).sort());
    for (const keys of lists) expect(keys).toEqual(lists[0]);
  });
});

/** Every TypeScript source file under src/ (the vocabulary's own module, which quotes its lists in comments, aside). */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sources(file);
    return /\.tsx?$/.test(name) ? [file] : [];
  });
}

describe('one place for each word list', () => {
  const SRC = fileURLToPath(new URL('../../src/', import.meta.url));
  // Spellings only a copy of a vocabulary list would carry: two neighbours of one list, joined as a pattern or an array.
  const COPIES = [
    /exe\|msi/,
    /'exe',\s*'msi'/,
    /searchpage\\?\.jsp/,
    /herunterladen/,
    /warenkorb/i,
    /'review',\s*'reviews'/,
    /product-reviews/,
    /licen\[cs\]e/,
  ];

  it('no source module spells a vocabulary list again', () => {
    const copies = sources(SRC)
      .filter((file) => !file.endsWith(`core${path.sep}vocabulary.ts`))
      .flatMap((file) => {
        const text = readFileSync(file, 'utf8');
        return COPIES.filter((pattern) => pattern.test(text)).map((pattern) => `${path.relative(SRC, file)}: ${pattern}`);
      });
    expect(copies).toEqual([]);
  });
});
