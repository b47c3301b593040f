/**
 * Is the banner really painted? Read from a screenshot of where it is, for the tests of pages
 * that fight it (robust-hostile.test.ts).
 */
import type { Page } from 'playwright-core';
import { bannerBox } from '../../harness/chromium/in-page.ts';

/**
 * How many distinct colours the screen shows where the banner is: a painted banner (text,
 * buttons, border) shows dozens; an overlay covering it, or a blank page where it is hidden,
 * shows one or two. Decoded in an about:blank tab (no content script runs there).
 */
export async function colorsInBanner(page: Page): Promise<number> {
  const box = await bannerBox(page);
  if (!box) return 0;
  const clip = { x: Math.max(0, box.x), y: Math.max(0, box.y), width: Math.min(box.width, 1280), height: Math.min(box.height, 400) };
  const png = (await page.screenshot({ clip })).toString('base64');
  const scratch = await page.context().newPage();
  try {
    return await scratch.evaluate(async (data) => {
      const image = new Image();
      image.src = `data:image/png;base64,${data}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context2d = canvas.getContext('2d');
      if (!context2d) return 0;
      context2d.drawImage(image, 0, 0);
      const pixels = context2d.getImageData(0, 0, canvas.width, canvas.height).data;
      const colors = new Set<number>();
      for (let i = 0; i < pixels.length; i += 4) colors.add((pixels[i]! << 16) | (pixels[i + 1]! << 8) | pixels[i + 2]!);
      return colors.size;
    }, png);
  } finally {
    await scratch.close();
  }
}
