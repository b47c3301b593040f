import type { CompiledRegistry, CompiledVendor } from './compile.ts';
import type { PageSignals } from './page-signals.ts';
import { ARTICLE_WORDS } from './rule.ts';
import { buildRegistry, classifyUrl } from './url.ts';
import { isFlagged, type ReasonCode, type Verdict } from './verdict.ts';

/**
 * Combines what the page shows with what its URL said. A URL verdict of purchase or download
 * stands (the page can only add evidence); otherwise a page counts when a vendor product is
 * its main subject (structured product data, or the main heading) and it can be bought or
 * downloaded right there. Pages that only talk about a product (reviews, news) stay as they were.
 */
export function classifyPage(signals: PageSignals, urlVerdict: Verdict, registry: CompiledRegistry = buildRegistry()): Verdict {
  const subject = mainSubject(signals, registry);
  if (isFlagged(urlVerdict)) {
    if (subject?.vendor.id !== urlVerdict.vendor || !subject) return urlVerdict;
    return { ...urlVerdict, reasons: unique([...urlVerdict.reasons, subject.reason]) };
  }
  if (!subject || readsLikeArticle(signals)) return urlVerdict;
  if (urlVerdict.vendor !== null && urlVerdict.vendor !== subject.vendor.id) return urlVerdict;

  const offered = signals.products.some((product) => product.hasOffer && namesVendor(product.brand || product.name, subject.vendor, registry));
  const buyable = offered || (signals.buyControls.length > 0 && signals.hasPrice);
  // On the vendor's own pages navigation menus sell everywhere: only structured product data counts there.
  if (offered || (buyable && urlVerdict.kind === 'none')) {
    return { vendor: subject.vendor.id, kind: 'purchase', reasons: unique([...urlVerdict.reasons, subject.reason, offered ? 'page-product-data' : 'page-buy-control']) };
  }
  const installer = signals.installerLinks.some((link) => {
    const linked = classifyUrl(link, registry);
    return linked.kind === 'download' && linked.vendor === subject.vendor.id;
  });
  // On vendor pages a download button alone is navigation; a link to the installer is not.
  if (signals.downloadControls.length > 0 && (installer || urlVerdict.kind === 'none')) {
    return {
      vendor: subject.vendor.id,
      kind: 'download',
      reasons: unique([...urlVerdict.reasons, subject.reason, installer ? 'page-installer-link' : 'page-download-control']),
    };
  }
  return urlVerdict;
}

interface Subject {
  vendor: CompiledVendor;
  reason: ReasonCode;
}

/** The vendor whose product the page is about: from JSON-LD Product, else the main heading with title or og:title agreeing. */
function mainSubject(signals: PageSignals, registry: CompiledRegistry): Subject | null {
  for (const product of signals.products) {
    const vendor = vendorIn(product.brand, registry) ?? vendorIn(product.name, registry);
    if (vendor) return { vendor, reason: 'page-product-data' };
  }
  const heading = signals.headings[0] ?? '';
  const vendor = vendorIn(heading, registry);
  if (!vendor) return null;
  const agrees = [signals.title, signals.meta.ogTitle].some((text) => namesVendor(text, vendor, registry));
  return agrees ? { vendor, reason: 'page-title-names-product' } : null;
}

function vendorIn(text: string, registry: CompiledRegistry): CompiledVendor | undefined {
  const match = text ? registry.tokenPattern.exec(text) : null;
  return match ? registry.byToken.get(match[0].toLowerCase()) : undefined;
}

function namesVendor(text: string, vendor: CompiledVendor, registry: CompiledRegistry): boolean {
  return vendorIn(text, registry) === vendor;
}

function readsLikeArticle(signals: PageSignals): boolean {
  const text = `${signals.title} ${signals.headings[0] ?? ''} ${signals.meta.ogType === 'article' ? 'article' : ''}`.toLowerCase();
  return text.split(/[^\p{L}\p{N}]+/u).some((word) => ARTICLE_WORDS.has(word));
}

const unique = <T>(items: T[]) => [...new Set(items)];
