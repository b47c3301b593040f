/**
 * Reads what the content script keeps in its own isolated world (its timings, see
 * src/content/timings.ts) over the DevTools protocol: the page's own world cannot see it. Used by
 * the benchmark and by e2e tests that must observe how much work the content script did.
 */
import type { CDPSession, Page } from 'playwright-core';
import { TILE_LOOKS_GLOBAL, TIMINGS_GLOBAL, type ReportTiming, type TileLook } from '../../src/content/timings.ts';

export class ContentScriptProbe {
  private contexts = new Map<number, { origin: string; frameId: string | null }>();

  private constructor(
    private readonly session: CDPSession,
    private readonly origin: string,
  ) {
    session.on('Runtime.executionContextCreated', ({ context }) => {
      const aux = context.auxData as { frameId?: string } | undefined;
      this.contexts.set(context.id, { origin: context.origin, frameId: aux?.frameId ?? null });
    });
    session.on('Runtime.executionContextDestroyed', ({ executionContextId }) => this.contexts.delete(executionContextId));
    session.on('Runtime.executionContextsCleared', () => this.contexts.clear());
  }

  static async attach(page: Page, extensionId: string): Promise<ContentScriptProbe> {
    const session = await page.context().newCDPSession(page);
    const probe = new ContentScriptProbe(session, `chrome-extension://${extensionId}`);
    await session.send('Runtime.enable');
    return probe;
  }

  /** Drops the contexts seen so far: call before the tab navigates, so only the next page's content script answers. */
  forgetContexts(): void {
    this.contexts.clear();
  }

  /** Whether a content script of the extension runs in the page's main frame (it starts at document_start). */
  async injected(): Promise<boolean> {
    const mainFrame = await this.mainFrameId();
    return [...this.contexts.values()].some((context) => context.frameId === mainFrame && context.origin.startsWith(this.origin));
  }

  private async mainFrameId(): Promise<string> {
    const { frameTree } = (await this.session.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
    return frameTree.frame.id;
  }

  /** The timings of the content script now in the page, or [] when it has none (yet). */
  timings(): Promise<ReportTiming[]> {
    return this.read<ReportTiming>(TIMINGS_GLOBAL);
  }

  /** Each look the tile marker made at the page's links (src/content/marks.ts). */
  tileLooks(): Promise<TileLook[]> {
    return this.read<TileLook>(TILE_LOOKS_GLOBAL);
  }

  private async read<T>(global: string): Promise<T[]> {
    const mainFrame = await this.mainFrameId();
    for (const [id, context] of this.contexts) {
      if (context.frameId !== mainFrame || !context.origin.startsWith(this.origin)) continue;
      const { result } = await this.session
        .send('Runtime.evaluate', { contextId: id, expression: `JSON.stringify(globalThis.${global} ?? [])`, returnByValue: true })
        .catch(() => ({ result: { value: '[]' } }));
      const list = JSON.parse(String(result.value ?? '[]')) as T[];
      if (list.length > 0) return list;
    }
    return [];
  }

  /** Waits until the content script has made more than `count` reports, and returns them. */
  async waitForReports(count: number, timeout = 10_000): Promise<ReportTiming[]> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const list = await this.timings();
      if (list.length > count) return list;
      if (Date.now() > deadline) throw new Error(`The content script made ${list.length} reports, expected more than ${count}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /**
   * Waits until the content script has reported on the page as loaded (its last report unless
   * the page changes later) and had the answer shown: then the worker's record of the tab and
   * the banner are what they will stay. False when no such report came within `timeout`.
   */
  async waitForReportAfterLoad(timeout = 10_000): Promise<boolean> {
    const deadline = Date.now() + timeout;
    while (!(await this.timings()).some((timing) => timing.afterLoad)) {
      if (Date.now() > deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return true;
  }

  async detach(): Promise<void> {
    await this.session.detach().catch(() => undefined);
  }
}
