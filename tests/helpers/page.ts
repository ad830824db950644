/**
 * Waiting assertions and launch helpers for Mini App page tests (bun:test's expect does not
 * wait; the page updates asynchronously). Bounded polls, no sleeps standing in for events.
 */
import { expect } from 'bun:test';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { signInitData, type TestTelegramUser } from './initData';
import type { TestServer } from './server';

export const WAIT_MS = 8000;

/** Where page tests write their screenshots. */
export const SHOTS = process.env.MINIAPP_SHOTS ?? '/tmp';

export const LIGHT = {
  bg_color: '#ffffff',
  text_color: '#000000',
  hint_color: '#707579',
  link_color: '#3390ec',
  button_color: '#3390ec',
  button_text_color: '#ffffff',
  secondary_bg_color: '#f4f4f5',
  section_bg_color: '#ffffff',
  section_header_text_color: '#3390ec',
  subtitle_text_color: '#707579',
  destructive_text_color: '#df3f40',
  accent_text_color: '#3390ec',
  section_separator_color: '#e7e7e7',
  header_bg_color: '#ffffff',
  bottom_bar_bg_color: '#ffffff',
};
export const DARK = {
  bg_color: '#212121',
  text_color: '#ffffff',
  hint_color: '#aaaaaa',
  link_color: '#8774e1',
  button_color: '#8774e1',
  button_text_color: '#ffffff',
  secondary_bg_color: '#0f0f0f',
  section_bg_color: '#212121',
  section_header_text_color: '#8774e1',
  subtitle_text_color: '#aaaaaa',
  destructive_text_color: '#ff595a',
  accent_text_color: '#8774e1',
  section_separator_color: '#3d3d3d',
  header_bg_color: '#212121',
  bottom_bar_bg_color: '#212121',
};

export async function poll<T>(read: () => Promise<T>, expected: T, what = 'value'): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  let last: T | undefined;
  for (;;) {
    try {
      last = await read();
      if (Object.is(last, expected)) return;
    } catch {
      // not there yet
    }
    if (Date.now() > deadline) break;
    await Bun.sleep(50);
  }
  expect(last, what).toBe(expected);
}

async function pollText(loc: Locator, check: (text: string) => boolean, describe: string): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  let last = '<absent>';
  for (;;) {
    try {
      last = (await loc.first().innerText({ timeout: 500 })).replace(/\s+/g, ' ').trim();
      if (check(last)) return;
    } catch {
      // not there yet
    }
    if (Date.now() > deadline) break;
    await Bun.sleep(50);
  }
  throw new Error(`${loc}: expected ${describe}, got "${last}"`);
}

const norm = (s: string) => s.replace(/[\s\u00a0\u202f]+/g, ' ');
export const seen = (loc: Locator) => loc.first().waitFor({ state: 'visible', timeout: WAIT_MS });
export const gone = (loc: Locator) => loc.first().waitFor({ state: 'hidden', timeout: WAIT_MS });
export const exactText = (loc: Locator, text: string) => pollText(loc, (t) => norm(t) === norm(text), `text "${text}"`);
export const hasText = (loc: Locator, text: string) => pollText(loc, (t) => norm(t).includes(norm(text)), `text containing "${text}"`);
export const lacksText = (loc: Locator, text: string) => pollText(loc, (t) => !norm(t).includes(norm(text)), `text without "${text}"`);
export const attr = (loc: Locator, name: string, value: string) =>
  poll(() => loc.first().getAttribute(name, { timeout: 500 }), value, `${loc} [${name}]`);
export const value = (loc: Locator, v: string) => poll(() => loc.first().inputValue({ timeout: 500 }), v, `${loc} value`);
export const disabled = (loc: Locator, is: boolean) => poll(() => loc.first().isDisabled({ timeout: 500 }), is, `${loc} disabled`);
export const count = (loc: Locator, n: number) => poll(() => loc.count(), n, `${loc} count`);

/** Ends a page suite: the browser, then the server (either may never have started). */
export async function closeSuite(browser: Browser | undefined, server: TestServer | undefined): Promise<void> {
  await browser?.close();
  await server?.stop();
}

export function pageKit(server: TestServer, browser: () => Browser) {
  const initDataFor = (user: TestTelegramUser, extra?: Record<string, string>) =>
    signInitData(user, { authDate: server.clock.now(), extra: { signature: 'c2lnbmF0dXJlLWZyb20tdGVsZWdyYW0', ...extra } });
  const appUrl = (initData: string, theme?: Record<string, string>) => {
    let hash = `#tgWebAppData=${encodeURIComponent(initData)}&tgWebAppVersion=8.0&tgWebAppPlatform=tdesktop`;
    if (theme) hash += `&tgWebAppThemeParams=${encodeURIComponent(JSON.stringify(theme))}`;
    return `${server.url}/app/${hash}`;
  };
  async function open(
    user: TestTelegramUser,
    opts: { viewport?: { width: number; height: number }; theme?: Record<string, string>; extra?: Record<string, string> } = {},
  ): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
    // Reduced motion: sheets appear at once, so screenshots and measurements see them at rest.
    const context = await browser().newContext({
      viewport: opts.viewport ?? { width: 390, height: 844 },
      deviceScaleFactor: 1,
      hasTouch: true,
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(appUrl(initDataFor(user, opts.extra), opts.theme));
    await seen(page.getByTestId('profile-name'));
    return { context, page, errors };
  }
  return { initDataFor, appUrl, open };
}

export const card = (page: Page, id: number) => page.locator(`[data-testid="challenge-card"][data-challenge-id="${id}"]`);
export const profileCard = (page: Page, id: number) => page.locator(`[data-testid="profile-challenge"][data-challenge-id="${id}"]`);

/** True when the element's box lies wholly inside the viewport (no scrolling needed). */
export async function inViewport(page: Page, loc: Locator): Promise<boolean> {
  const box = await loc.first().boundingBox();
  const size = page.viewportSize()!;
  return !!box && box.y >= 0 && box.y + box.height <= size.height && box.x >= 0 && box.x + box.width <= size.width;
}

export interface ContrastFinding {
  text: string;
  ratio: number;
  color: string;
  background: string;
}
export interface TargetFinding {
  name: string;
  width: number;
  height: number;
}

/**
 * Measures the rendered page: the contrast of every visible text against the colour actually
 * behind it (backgrounds composited up the tree, opacity applied), and the size of every
 * visible, enabled control. Disabled controls and aria-hidden decoration are left out, as in
 * WCAG; heatmap day cells are left out of the target sizes (the grid is read through its
 * detail line and the history list).
 */
export async function auditPage(page: Page): Promise<{ contrast: ContrastFinding[]; targets: TargetFinding[] }> {
  return page.evaluate(() => {
    type RGBA = [number, number, number, number];
    const probe = document.createElement('canvas').getContext('2d')!;
    function parse(css: string): RGBA | null {
      if (!css || css === 'transparent') return [0, 0, 0, 0];
      const m = css.match(/^rgba?\(([^)]+)\)$/);
      if (m) {
        const p = m[1]!.split(/[\s,/]+/).filter(Boolean).map(Number);
        return [p[0]!, p[1]!, p[2]!, p[3] ?? 1];
      }
      const c = css.match(/^color\(srgb ([\d.e-]+) ([\d.e-]+) ([\d.e-]+)(?: \/ ([\d.e-]+))?\)$/);
      if (c) return [Number(c[1]) * 255, Number(c[2]) * 255, Number(c[3]) * 255, c[4] === undefined ? 1 : Number(c[4])];
      // Anything else (oklab, lab…): let the canvas convert it.
      probe.clearRect(0, 0, 1, 1);
      probe.fillStyle = '#000';
      probe.fillStyle = css;
      probe.fillRect(0, 0, 1, 1);
      const d = probe.getImageData(0, 0, 1, 1).data;
      return [d[0]!, d[1]!, d[2]!, d[3]! / 255];
    }
    const over = (top: RGBA, bottom: RGBA): RGBA => {
      const a = top[3] + bottom[3] * (1 - top[3]);
      if (a === 0) return [0, 0, 0, 0];
      const ch = (i: number) => (top[i]! * top[3] + bottom[i]! * bottom[3] * (1 - top[3])) / a;
      return [ch(0), ch(1), ch(2), a];
    };
    const lum = (c: RGBA) => {
      const f = (v: number) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
    };
    function backgroundBehind(el: Element): RGBA | null {
      const layers: RGBA[] = [];
      for (let node: Element | null = el; node; node = node.parentElement) {
        const style = getComputedStyle(node);
        if (style.backgroundImage && style.backgroundImage !== 'none') return null; // gradients, images
        const bg = parse(style.backgroundColor);
        if (bg && bg[3] > 0) layers.push(bg);
        if (bg && bg[3] >= 1) break;
      }
      let color: RGBA = [255, 255, 255, 1];
      const root = parse(getComputedStyle(document.documentElement).backgroundColor);
      if (root && root[3] > 0) color = over(root, color);
      const body = parse(getComputedStyle(document.body).backgroundColor);
      if (body && body[3] > 0 && layers.length === 0) color = over(body, color);
      for (const layer of layers.reverse()) color = over(layer, color);
      return color;
    }
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || r.bottom < 0 || r.top > innerHeight) return false;
      const style = getComputedStyle(el);
      return style.visibility !== 'hidden' && style.display !== 'none';
    };
    const contrast: { text: string; ratio: number; color: string; background: string }[] = [];
    const all = Array.from(document.body.querySelectorAll<HTMLElement>('*'));
    for (const el of all) {
      if (el.closest('[aria-hidden="true"], svg, [disabled], :disabled')) continue;
      const own = Array.from(el.childNodes)
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent ?? '')
        .join('')
        .trim();
      if (!/[\p{L}\p{N}]/u.test(own) || !visible(el)) continue;
      // Only what is on top: text under an open sheet's backdrop is not read.
      const box = el.getBoundingClientRect();
      const hit = document.elementFromPoint(Math.min(innerWidth - 1, box.left + Math.min(box.width, 8) / 2 + 1), Math.min(innerHeight - 1, box.top + box.height / 2));
      if (!hit || !(hit === el || el.contains(hit) || hit.contains(el))) continue;
      let opacity = 1;
      for (let n: Element | null = el; n; n = n.parentElement) opacity *= Number(getComputedStyle(n).opacity);
      if (opacity < 0.05) continue;
      const bg = backgroundBehind(el);
      if (!bg) continue;
      const fgRaw = parse(getComputedStyle(el).color)!;
      const fg = over([fgRaw[0], fgRaw[1], fgRaw[2], fgRaw[3] * opacity], bg);
      const [l1, l2] = [lum(fg), lum(bg)].sort((a, b) => b - a);
      contrast.push({
        text: own.slice(0, 40),
        ratio: Math.round(((l1! + 0.05) / (l2! + 0.05)) * 100) / 100,
        color: getComputedStyle(el).color,
        background: `rgb(${bg.slice(0, 3).map((v) => Math.round(v)).join(', ')})`,
      });
    }
    const targets: { name: string; width: number; height: number }[] = [];
    const controls = document.body.querySelectorAll<HTMLElement>('button, a[href], input, select, textarea, [role="tab"], [role="button"], [role="switch"]');
    for (const el of Array.from(controls)) {
      if ((el as HTMLButtonElement).disabled || el.classList.contains('hm-cell') || !visible(el)) continue;
      const r = el.getBoundingClientRect();
      const hit = document.elementFromPoint(Math.min(innerWidth - 1, r.left + r.width / 2), Math.min(innerHeight - 1, Math.max(0, r.top + r.height / 2)));
      if (!hit || !(hit === el || el.contains(hit) || hit.contains(el))) continue;
      const name = (el.getAttribute('aria-label') || el.getAttribute('data-testid') || el.textContent || el.tagName).trim().slice(0, 40);
      targets.push({ name, width: Math.round(r.width), height: Math.round(r.height) });
    }
    return { contrast, targets };
  });
}
