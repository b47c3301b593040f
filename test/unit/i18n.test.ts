/**
 * The four languages are complete and consistent, and the extension's pages and banner show no
 * text that does not come from _locales.
 *
 * - every locale has exactly the keys English has, with the same placeholders;
 * - what cannot be translated stays as the English says it: numbers, citations, acronyms, names;
 * - the sources of src/ui and src/content put no literal words on screen (JSX text, text
 *   properties, user-facing attributes, DOM text calls), and never HTML;
 * - every message key the sources name exists in every locale (the pages, the banner, the
 *   background, and the key builders in src/core/i18n).
 *
 * test/unit/i18n-rendered.test.tsx checks the same from the rendered pages.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

interface Message {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
type Messages = Record<string, Message>;

const ROOT = join(import.meta.dirname, '../..');
const LOCALES_DIR = join(ROOT, 'public/_locales');
const LOCALES = ['de', 'en', 'es', 'fr'];

const read = (locale: string) => JSON.parse(readFileSync(join(LOCALES_DIR, locale, 'messages.json'), 'utf8')) as Messages;
const en = read('en');
const translations = LOCALES.filter((l) => l !== 'en').map((locale) => ({ locale, messages: read(locale) }));

/** `$NAME$` placeholders a message uses (case-insensitive, as Chrome treats them), and `$1`-style direct ones. */
function placeholdersUsed(message: string): string[] {
  const named = [...message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1]!.toLowerCase());
  const direct = [...message.replace(/\$([A-Za-z0-9_@]+)\$/g, '').matchAll(/\$(\d)/g)].map((m) => `$${m[1]}`);
  return [...named, ...direct].sort();
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('locales', () => {
  it('are exactly en, de, fr and es, and the manifest defaults to en', () => {
    expect(readdirSync(LOCALES_DIR).sort()).toEqual(LOCALES);
    const manifest = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')) as { default_locale: string };
    expect(manifest.default_locale).toBe('en');
  });

  for (const { locale, messages } of translations) {
    describe(locale, () => {
      it('has every English key and no other', () => {
        const missing = Object.keys(en).filter((key) => !(key in messages));
        const extra = Object.keys(messages).filter((key) => !(key in en));
        expect({ missing, extra }).toEqual({ missing: [], extra: [] });
      });

      it('has a translation for each key, with the same placeholders as English', () => {
        for (const [key, source] of Object.entries(en)) {
          const target = messages[key];
          if (!target) continue; // reported above
          expect(target.message.trim(), `${locale}/${key}`).not.toBe('');
          expect(placeholdersUsed(target.message), `${locale}/${key} uses`).toEqual(placeholdersUsed(source.message));
          expect(target.placeholders ?? {}, `${locale}/${key} declares`).toEqual(
            Object.fromEntries(
              Object.entries(source.placeholders ?? {}).map(([name, p]) => [name, expect.objectContaining({ content: p.content })]),
            ),
          );
          // Line breaks carry meaning in the report e-mail body.
          expect(target.message.split('\n').length, `${locale}/${key} lines`).toBe(source.message.split('\n').length);
        }
      });

      it('keeps facts that do not translate exactly as English has them: numbers, citations, acronyms, names', () => {
        // Acronyms (BIS, FCC, KSN, EAR, ICTS, DHS, ID, GPO, MDM, JSON…) except the common nouns every
        // language writes its own way: US (USA, États-Unis, EE. UU.), IT (TI, informatique), MB (Mo),
        // EU (UE), NATO (OTAN).
        const acronym = /\b(?!(?:US|IT|MB|EU|NATO)\b)[A-Z]{2,}\b/g;
        const kept =
          /\d+(?:-\d+)*|AO Kaspersky Lab|OOO Kaspersky Group|Kaspersky Labs Limited|Kaspersky Security Network|UltraAV|Pango Group|Microsoft Defender|Removal of Kaspersky-branded Products|Secure and Trusted Communications Networks Act|National Defense Authorization Act|install_url|docs\/admin\.md|⌘C|Windows|macOS|Linux|Chrome|Chromium|Edge|Firefox|Vendor Guard/g;
        for (const [key, source] of Object.entries(en)) {
          const target = messages[key]?.message ?? '';
          const facts = new Set([...(source.message.match(acronym) ?? []), ...(source.message.match(kept) ?? [])]);
          for (const fact of facts) expect(target, `${locale}/${key} keeps "${fact}"`).toContain(fact);
        }
      });

      it('gives the stores a name and a description within their limits', () => {
        expect(messages.extension_name?.message).toBe('Vendor Guard');
        expect(messages.extension_description!.message.length).toBeLessThanOrEqual(132);
        expect(messages.action_title!.message.length).toBeLessThanOrEqual(100);
        expect(messages.messages_locale?.message).toBe(locale);
      });
    });
  }
});

/* ------------------------------------------------------------------------------------------ */
/* Sources: no words on screen that do not come from _locales                                  */
/* ------------------------------------------------------------------------------------------ */

const SOURCE_DIRS = ['src/ui', 'src/content'];
const sources = SOURCE_DIRS.flatMap((dir) => filesUnder(join(ROOT, dir)));

/** Attributes a person reads or hears. */
const USER_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'aria-placeholder',
  'title',
  'alt',
  'placeholder',
  'label',
]);
/** Properties that put text on screen (DOM objects and `element()` props). */
const TEXT_PROPERTIES = new Set([
  'textContent',
  'innerText',
  'title',
  'alt',
  'placeholder',
  'label',
  'ariaLabel',
  'ariaDescription',
  'data',
]);
/** Calls whose string arguments become text nodes. */
const TEXT_CALLS = new Set(['append', 'prepend', 'replaceChildren', 'before', 'after', 'createTextNode', 'element', 'replaceWith']);

const hasWords = (text: string) => /\p{L}{2,}/u.test(text);

interface Finding {
  file: string;
  line: number;
  text: string;
}

/** String and template literals (their literal parts) in an expression, with their text. */
function literalTexts(node: ts.Node): { node: ts.Node; text: string }[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [{ node, text: node.text }];
  if (ts.isTemplateExpression(node)) {
    return [{ node, text: [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' ') }];
  }
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node)) return literalTexts(node.expression);
  if (ts.isConditionalExpression(node)) return [...literalTexts(node.whenTrue), ...literalTexts(node.whenFalse)];
  if (
    ts.isBinaryExpression(node) &&
    [ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.PlusToken].includes(node.operatorToken.kind)
  ) {
    return [...literalTexts(node.left), ...literalTexts(node.right)];
  }
  if (ts.isArrayLiteralExpression(node)) return node.elements.flatMap(literalTexts);
  return [];
}

function propertyName(name: ts.PropertyName | ts.MemberName): string | null {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isPrivateIdentifier(name) ? name.text : null;
}

/** Every place in a source file where literal words would reach the screen. */
function literalWords(file: string): Finding[] {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    true,
    /\.tsx(\.txt)?$/.test(file) ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const findings: Finding[] = [];
  const report = (node: ts.Node, found: string) => {
    if (!hasWords(found)) return;
    findings.push({ file: relative(ROOT, file), line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: found.trim() });
  };
  const visit = (node: ts.Node) => {
    // <p>Some words</p>
    if (ts.isJsxText(node)) report(node, node.text);
    // <p>{'Some words'}</p>
    if (ts.isJsxExpression(node) && node.expression && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      for (const literal of literalTexts(node.expression)) report(literal.node, literal.text);
    }
    // <button aria-label="Some words">
    if (ts.isJsxAttribute(node) && USER_ATTRIBUTES.has(node.name.getText(source)) && node.initializer) {
      const value = ts.isJsxExpression(node.initializer) ? node.initializer.expression : node.initializer;
      if (value) for (const literal of literalTexts(value)) report(literal.node, literal.text);
    }
    // element('p', { textContent: 'Some words' })
    if (ts.isPropertyAssignment(node)) {
      const name = propertyName(node.name);
      if (name && TEXT_PROPERTIES.has(name)) for (const literal of literalTexts(node.initializer)) report(literal.node, literal.text);
    }
    // node.textContent = 'Some words'; document.title = 'Some words'
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(node.left)) {
      if (TEXT_PROPERTIES.has(node.left.name.text)) for (const literal of literalTexts(node.right)) report(literal.node, literal.text);
    }
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '';
      // setAttribute('aria-label', 'Some words')
      if (name === 'setAttribute' && node.arguments.length === 2) {
        const [attribute, value] = node.arguments;
        if (attribute && value && ts.isStringLiteral(attribute) && USER_ATTRIBUTES.has(attribute.text)) {
          for (const literal of literalTexts(value)) report(literal.node, literal.text);
        }
      }
      // host.append('Some words'); element('li', {}, ['Some words'])
      if (TEXT_CALLS.has(name)) {
        const args = name === 'element' ? node.arguments.slice(2) : node.arguments;
        for (const arg of args) for (const literal of literalTexts(arg)) report(literal.node, literal.text);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return findings;
}

describe('the pages and the banner', () => {
  it('have sources to check', () => {
    expect(sources.filter((f) => f.endsWith('.tsx')).length).toBeGreaterThan(8);
    expect(sources.some((f) => f.endsWith('banner.ts'))).toBe(true);
  });

  it('put no literal words on screen: all text comes from _locales', () => {
    expect(sources.flatMap(literalWords)).toEqual([]);
  });

  it('the check above finds literal words where they would be', () => {
    const probe = join(ROOT, 'test/fixtures/unit/i18n-literal-words.tsx.txt');
    const findings = literalWords(probe).map((f) => f.text);
    expect(findings).toEqual([
      'Via setAttribute',
      'Assigned text',
      'Appended text',
      'Array child',
      'Either this',
      'or that',
      'Hello there',
      'Literal in braces',
      'Close dialog',
      'Old fashioned',
    ]);
  });

  it('ship HTML shells with no words but the name (titles and text are set from _locales at run time)', () => {
    const shells = readdirSync(join(ROOT, 'src/ui'))
      .map((dir) => join(ROOT, 'src/ui', dir, 'index.html'))
      .filter((file) => statSync(file, { throwIfNoEntry: false })?.isFile());
    expect(shells.length).toBe(3);
    for (const file of shells) {
      const text = readFileSync(file, 'utf8')
        .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, ' ')
        .replace(/<[^>]+>/g, ' ')
        .replace(/Vendor Guard/g, ' ');
      expect(text.trim(), relative(ROOT, file)).toBe('');
    }
  });

  it('never render HTML from strings', () => {
    for (const file of sources) {
      const text = readFileSync(file, 'utf8');
      expect(text, relative(ROOT, file)).not.toMatch(
        /dangerouslySetInnerHTML|\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|document\.write\(/,
      );
    }
  });

  it('name only message keys that every locale has', () => {
    const all = [{ locale: 'en', messages: en }, ...translations];
    const literal = new Set<string>();
    const prefixes = new Set<string>();
    for (const file of [...sources, ...filesUnder(join(ROOT, 'src/background')), ...filesUnder(join(ROOT, 'src/core/i18n'))]) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([a-z0-9_]+)'/g)) literal.add(m[1]!);
      for (const m of text.matchAll(/'((?:popup|options|extension|banner|blocked|org|restriction|download|snippet)_[a-z0-9_]+)'/g))
        literal.add(m[1]!);
      // t(`banner_restriction_${id}`): some key with that prefix must exist.
      for (const m of text.matchAll(/`([a-z][a-z0-9_]*_)\$\{/g)) prefixes.add(m[1]!);
    }
    expect(literal.size).toBeGreaterThan(100);
    for (const { locale, messages } of all) {
      for (const key of literal) expect(messages[key], `${locale}: ${key}`).toBeDefined();
      for (const prefix of prefixes)
        expect(
          Object.keys(messages).some((k) => k.startsWith(prefix)),
          `${locale}: ${prefix}*`,
        ).toBe(true);
    }
  });
});

describe('dates, numbers and lists through Intl', () => {
  it('use the browser language when the text is in it, else the language of the text', async () => {
    const { intlLocale } = await import('../../src/core/i18n/locale.ts');
    expect(intlLocale('en-GB', 'en')).toBe('en-GB');
    expect(intlLocale('de-AT', 'de')).toBe('de-AT');
    expect(intlLocale('fr_CA', 'fr')).toBe('fr-CA');
    expect(intlLocale('es-419', 'es')).toBe('es-419');
    // An Italian browser gets the English text (default_locale), so English dates.
    expect(intlLocale('it', 'en')).toBe('en');
    expect(intlLocale('', 'de')).toBe('de');
    expect(intlLocale('en-US', 'messages_locale')).toBe('en-US');
  });

  it('format the restriction dates, counts and lists as each language writes them', async () => {
    const { formatCount, formatIsoDate, formatList } = await import('../../src/core/i18n/format.ts');
    expect(formatIsoDate('2024-07-20', 'en-US')).toBe('July 20, 2024');
    expect(formatIsoDate('2024-07-20', 'en-GB')).toBe('20 July 2024');
    expect(formatIsoDate('2024-07-20', 'de')).toBe('20. Juli 2024');
    expect(formatIsoDate('2024-09-29', 'fr')).toBe('29 septembre 2024');
    expect(formatIsoDate('2024-09-29', 'es')).toBe('29 de septiembre de 2024');
    expect(formatCount(1200, 'en')).toBe('1,200');
    expect(formatCount(1200, 'de')).toBe('1.200');
    expect(formatList(['A', 'B', 'C'], 'en')).toBe('A, B, and C');
    expect(formatList(['A', 'B', 'C'], 'de')).toBe('A, B und C');
    expect(formatList(['A', 'B', 'C'], 'fr')).toBe('A, B et C');
    expect(formatList(['A', 'B', 'C'], 'es')).toBe('A, B y C');
  });
});
