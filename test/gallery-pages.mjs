#!/usr/bin/env node
// Checks of the built gallery beyond single stories, in Debian's Chromium, against a served
// storybook-static (GALLERY_URL; run-stories.mjs starts the server and calls this):
//  1. focus rings without the gallery's CSS: a story page with `#gl-gallery-css` removed, Tab to a
//     button and to a draggable handle; each must look different focused than blurred (outline,
//     box-shadow or an SVG ring: compared as pixels), and gallery.css holds no focus rule;
//  2. docs pages: no TeX-like prose turned into italics (outside the stories and the props table), the teaching text
//     ("Try.") before the first story and the props last; the Introduction's table, links and thumbnails;
//  3. the manager: the tab title "GeoLearn · <explainer>" and the brand logo.
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const url = (process.env.GALLERY_URL || 'http://127.0.0.1:6107').replace(/\/$/, '');
const failures = [];
const fail = (m) => failures.push(m);
const t0 = Date.now();

if (/:focus/.test(readFileSync('.storybook/gallery.css', 'utf8'))) fail('.storybook/gallery.css has a :focus rule: focus rings belong in the package CSS');

const index = await (await fetch(`${url}/index.json`)).json();
const entries = Object.values(index.entries);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--font-render-hinting=none', '--force-color-profile=srgb'],
});
const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, deviceScaleFactor: 1, reducedMotion: 'reduce' });
const page = await context.newPage();

// 1. Focus rings on a bare page.
{
  const id = process.env.FOCUS_STORY || '3-regression-loss-landscape--default';
  await page.goto(`${url}/iframe.html?id=${id}&viewMode=story`, { waitUntil: 'load' });
  await page.waitForSelector('#storybook-root > *', { timeout: 30_000 });
  await page.evaluate(() => document.getElementById('gl-gallery-css')?.remove());
  if (await page.evaluate(() => Array.from(document.styleSheets).some((s) => s.ownerNode?.id === 'gl-gallery-css'))) fail('focus: could not remove the gallery CSS');
  const wanted = {
    button: 'button, [role="button"]:not(svg *), select, input',
    handle: '.gl-handle, svg [role="button"], svg [tabindex="0"]',
  };
  const found = {};
  for (let k = 0; k < 60 && Object.keys(found).length < 2; k++) {
    await page.keyboard.press('Tab');
    for (const [kind, selector] of Object.entries(wanted)) {
      if (found[kind]) continue;
      const hit = await page.evaluate((sel) => {
        const el = document.activeElement;
        if (!el || el === document.body || !el.matches(sel) || !el.closest('#storybook-root')) return null;
        const r = el.getBoundingClientRect();
        const cs = getComputedStyle(el);
        return { label: el.getAttribute('aria-label') || el.textContent?.trim().slice(0, 30) || el.tagName, x: r.left, y: r.top, w: r.width, h: r.height, outline: `${cs.outlineStyle} ${cs.outlineWidth}`, shadow: cs.boxShadow };
      }, selector);
      if (hit) found[kind] = hit;
    }
    if (Object.keys(found).length < 2) continue;
  }
  for (const kind of Object.keys(wanted)) {
    if (!found[kind]) fail(`focus: Tab never reached a ${kind} in ${id}`);
  }
  // Pixels: focus each found element by keyboard again and compare focused with blurred.
  for (const [kind, hit] of Object.entries(found)) {
    const clip = { x: Math.max(0, hit.x - 8), y: Math.max(0, hit.y - 8), width: hit.w + 16, height: hit.h + 16 };
    await page.mouse.click(1, 1);
    // Re-focus by Tab from the top so that :focus-visible applies.
    await page.evaluate(() => (document.activeElement instanceof HTMLElement ? document.activeElement.blur() : undefined));
    let focused = null;
    for (let k = 0; k < 60; k++) {
      await page.keyboard.press('Tab');
      const same = await page.evaluate(({ x, y }) => {
        const r = document.activeElement?.getBoundingClientRect();
        return !!r && Math.abs(r.left - x) < 1 && Math.abs(r.top - y) < 1;
      }, hit);
      if (same) {
        focused = await page.screenshot({ clip, animations: 'disabled', caret: 'hide' });
        break;
      }
    }
    await page.evaluate(() => (document.activeElement instanceof HTMLElement || document.activeElement instanceof SVGElement ? document.activeElement.blur() : undefined));
    const blurred = await page.screenshot({ clip, animations: 'disabled', caret: 'hide' });
    const visible = focused && !focused.equals(blurred);
    console.log(`focus ring (${kind} "${hit.label}"): ${visible ? 'visible' : 'NOT visible'} without gallery.css (outline ${hit.outline}, box-shadow ${hit.shadow})`);
    if (!visible) fail(`focus: the ${kind} "${hit.label}" shows no focus ring without gallery.css`);
  }
}

// 2. Docs pages.
for (const entry of entries.filter((e) => e.type === 'docs')) {
  await page.goto(`${url}/iframe.html?id=${entry.id}&viewMode=docs`, { waitUntil: 'load' });
  try {
    await page.waitForSelector('.sbdocs-content h1, .sbdocs-title', { timeout: 30_000 });
  } catch {
    fail(`docs ${entry.id}: did not render`);
    continue;
  }
  const r = await page.evaluate(() => {
    const content = document.querySelector('.sbdocs-content');
    const firstStory = content.querySelector('.docs-story');
    const before = (el) => !firstStory || !!(el.compareDocumentPosition(firstStory) & Node.DOCUMENT_POSITION_FOLLOWING);
    const text = content.textContent ?? '';
    const imgs = Array.from(content.querySelectorAll('img'));
    const headings = Array.from(content.querySelectorAll('h2, h3')).map((h) => h.textContent);
    const props = Array.from(content.querySelectorAll('h2, h3')).find((h) => h.textContent === 'Props');
    const lastStory = Array.from(content.querySelectorAll('.docs-story')).pop();
    return {
      italics: Array.from(content.querySelectorAll('em')).filter((e) => !e.closest('.docs-story, table.docblock-argstable')).map((e) => e.textContent),
      pipes: /\|\s*---/.test(text),
      tables: content.querySelectorAll('table').length,
      links: Array.from(content.querySelectorAll('a[href^="?path="]')).map((a) => a.getAttribute('href')),
      brokenImages: imgs.filter((i) => !i.complete || i.naturalWidth === 0).map((i) => i.getAttribute('src')),
      images: imgs.length,
      tryFirst: firstStory ? before(Array.from(content.querySelectorAll('strong')).find((s) => s.textContent === 'Try.') ?? firstStory) && !!Array.from(content.querySelectorAll('strong')).find((s) => s.textContent === 'Try.') : null,
      propsLast: props && lastStory ? !!(lastStory.compareDocumentPosition(props) & Node.DOCUMENT_POSITION_FOLLOWING) : null,
      headings,
    };
  });
  if (r.italics.length) fail(`docs ${entry.id}: prose turned into italics: ${r.italics.slice(0, 3).map((t) => JSON.stringify(t)).join(', ')}`);
  if (r.pipes) fail(`docs ${entry.id}: a Markdown table shows as raw pipes`);
  if (r.brokenImages.length) fail(`docs ${entry.id}: images not loaded: ${r.brokenImages.join(', ')}`);
  for (const href of r.links) {
    const target = href.replace(/^\?path=\/(story|docs)\//, '');
    if (!index.entries[target]) fail(`docs ${entry.id}: link to a missing entry ${href}`);
  }
  if (/^\d/.test(entry.title)) {
    // An explainer's docs page (a chapter's).
    if (r.tryFirst !== true) fail(`docs ${entry.id}: the teaching text ("Try.") does not open the page`);
    if (r.propsLast !== true) fail(`docs ${entry.id}: the props table is not last`);
  }
  if (entry.id === 'introduction--docs') {
    if (r.tables < 1) fail('docs introduction: the chapter table does not render');
    if (r.images < 6) fail(`docs introduction: ${r.images} chapter thumbnails, expected 6`);
    const explainers = new Set(entries.filter((e) => e.type === 'docs' && /^\d/.test(e.title)).map((e) => e.id.replace(/--docs$/, '--default')));
    const linked = new Set(r.links.map((h) => h.replace(/^\?path=\/story\//, '')));
    const missing = [...explainers].filter((id) => !linked.has(id));
    if (missing.length) fail(`docs introduction: no link to ${missing.join(', ')}`);
  }
}

// 3. The manager: brand and tab titles.
{
  await page.goto(`${url}/index.html?path=/story/3-regression-loss-landscape--default`, { waitUntil: 'load' });
  try {
    await page.waitForFunction(() => document.title === 'GeoLearn · Loss landscape', undefined, { timeout: 30_000 });
  } catch {
    fail(`manager: tab title is "${await page.title()}", expected "GeoLearn · Loss landscape"`);
  }
  const logo = await page.evaluate(() => {
    const img = document.querySelector('img[src*="geolearn-logo"]');
    return img ? img.complete && img.naturalWidth > 0 : false;
  });
  if (!logo) fail('manager: the GeoLearn logo is not shown');
  const sidebar = await page.evaluate(() => document.querySelector('#storybook-explorer-tree')?.textContent ?? '');
  if (/Test|benchmark/i.test(sidebar)) fail('manager: test stories show in the sidebar');
}

await browser.close();
console.log(`gallery pages: ${failures.length ? `${failures.length} problem(s)` : 'all checks passed'} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
for (const f of failures) console.log(`  ✗ ${f}`);
process.exit(failures.length ? 1 : 0);
