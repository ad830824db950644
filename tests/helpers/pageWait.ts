/**
 * Waiting and measuring helpers for page tests: bun:test's expect does not wait, and the pages
 * update asynchronously. Layout is measured in the rendered page, never read from CSS.
 */
import type { Locator, Page } from 'playwright-core';

export const WAIT_MS = 8000;

export const norm = (s: string) => s.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
export const seen = (loc: Locator) => loc.first().waitFor({ state: 'visible', timeout: WAIT_MS });
export const gone = (loc: Locator) => loc.first().waitFor({ state: 'detached', timeout: WAIT_MS });

export async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  let last: T | string = '<nothing>';
  for (;;) {
    try {
      const v = await read();
      last = v;
      if (ok(v)) return v;
    } catch (e) {
      last = `<${e instanceof Error ? e.message.split('\n')[0] : String(e)}>`;
    }
    if (Date.now() > deadline) throw new Error(`waiting for ${what}; last: ${JSON.stringify(last)}`);
    await Bun.sleep(50);
  }
}

export const textOf = async (loc: Locator) => norm(await loc.first().innerText({ timeout: 500 }));
export const hasText = (loc: Locator, text: string) => until(() => textOf(loc), (t) => t.includes(norm(text)), `${loc} to contain "${text}"`);
export const count = (loc: Locator, n: number) => until(() => loc.count(), (c) => c === n, `${loc} count ${n}`);

/** Types HH:MM into a naive-ui time picker and confirms it. */
export async function setTime(page: Page, testid: string, value: string) {
  const input = page.locator(`[data-testid="${testid}"] input`);
  await input.click();
  await input.fill(value);
  await input.press('Enter');
  await until(() => input.inputValue(), (v) => v === value, `${testid} = ${value}`);
}

/**
 * Everything visible that sticks out of the viewport sideways, and whether the document scrolls
 * sideways. Elements inside a container that scrolls sideways on purpose are judged by that
 * container. Returns short descriptions of the offenders (empty when the layout fits).
 */
export function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const bad: string[] = [];
    if (document.documentElement.scrollWidth > width + 1) bad.push(`document scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`);
    const describe = (el: Element) => {
      const id = el.getAttribute('data-testid');
      const cls = typeof el.className === 'string' ? el.className.split(' ').filter(Boolean).slice(0, 2).join('.') : '';
      const text = (el.textContent ?? '').trim().slice(0, 30);
      return `${el.tagName.toLowerCase()}${id ? `[data-testid=${id}]` : ''}${cls ? `.${cls}` : ''} "${text}"`;
    };
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      const r = el.getBoundingClientRect();
      if (r.width < 1 || r.height < 1) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.opacity === '0') continue;
      if (r.left >= -1 && r.right <= width + 1) continue;
      bad.push(`${describe(el)} spans ${Math.round(r.left)}…${Math.round(r.right)} of ${width}`);
      if (bad.length >= 8) break;
    }
    return bad;
  });
}

/** Boxes of the direct children of `selector` that overlap each other (a header's parts). */
export function overlaps(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const root = document.querySelector(sel);
    if (!root) return [`${sel} missing`];
    const kids = Array.from(root.children).filter((k) => k.getBoundingClientRect().width > 0);
    const out: string[] = [];
    const box = root.getBoundingClientRect();
    kids.forEach((a, i) => {
      const ra = a.getBoundingClientRect();
      if (ra.left < box.left - 1 || ra.right > box.right + 1) out.push(`${a.textContent?.trim()} leaves the header`);
      kids.slice(i + 1).forEach((b) => {
        const rb = b.getBoundingClientRect();
        const x = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
        const y = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
        if (x > 1 && y > 1) out.push(`"${a.textContent?.trim()}" overlaps "${b.textContent?.trim()}"`);
      });
    });
    return out;
  }, selector);
}

/**
 * Every data table on the page: each header cell lies inside the table's visible box and on
 * screen, nothing is pinned over other columns, and the body does not scroll sideways.
 * Returns the problems found and the header texts seen.
 */
export function tableColumns(page: Page): Promise<{ problems: string[]; headers: string[][] }> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const headers: string[][] = [];
    const width = document.documentElement.clientWidth;
    for (const table of Array.from(document.querySelectorAll('.n-data-table'))) {
      const box = table.getBoundingClientRect();
      if (box.width < 1) continue;
      const names: string[] = [];
      for (const th of Array.from(table.querySelectorAll('thead th'))) {
        const r = th.getBoundingClientRect();
        const name = (th.textContent ?? '').trim();
        names.push(`${name} ${Math.round(r.width)}`);
        if (r.width < 8) problems.push(`column "${name}" has no width`);
        if (r.left < box.left - 1 || r.right > box.right + 1 || r.right > width + 1) problems.push(`column "${name}" (${Math.round(r.left)}…${Math.round(r.right)}) outside the table (${Math.round(box.left)}…${Math.round(box.right)})`);
        if (th.className.includes('fixed')) problems.push(`column "${name}" is pinned`);
      }
      // A cell whose content is wider than its column spills over its neighbours.
      for (const cell of Array.from(table.querySelectorAll('tbody td, thead th'))) {
        if (cell.scrollWidth > cell.clientWidth + 1) problems.push(`a cell's content is wider than its column: "${(cell.textContent ?? '').trim().slice(0, 40)}" (${cell.scrollWidth} > ${cell.clientWidth})`);
      }
      for (const body of Array.from(table.querySelectorAll('.n-scrollbar-container, .n-data-table-base-table-body'))) {
        if (body.scrollWidth > body.clientWidth + 1) problems.push(`a table body scrolls sideways (${body.scrollWidth} > ${body.clientWidth})`);
      }
      headers.push(names);
    }
    return { problems, headers };
  });
}
