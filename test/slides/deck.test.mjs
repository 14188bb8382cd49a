#!/usr/bin/env node
// The instructor's proof (issue 18 §5): the reveal.js deck of examples/slides/ in Debian's Chromium, at
// reveal.js's default scaling (a 960 × 700 slide CSS-scaled to the window, so scale ≠ 1). A tiny static
// server (node:http) serves the repository root on 127.0.0.1, so that the deck's node_modules/reveal.js,
// packages/elements/dist (the script-tag build) and storybook-static (the gallery's embed pages) resolve;
// Chromium can reach nothing else. Checks:
//  1. the deck: reveal.js ready and scaled, ≈ 13 slides, the arrow key moves on, every custom element rendered;
//  2. the loss landscape (script-tag element): drag θ₀ to a screen point, and press at another, at two
//     window sizes (scale > 1 and < 1): θ₀ lands on the pointer's position in data coordinates within 1 %
//     of each axis span. The expected position comes from the DOM alone: a straight line fitted through the
//     axis ticks' screen positions and labels, checked against the plot area's box;
//  3. the playground (script-tag element): Play, then Pause: the epoch counter advanced, then holds;
//  4. the drawing pad (an iframe of the gallery): draw a "1" (one vertical stroke) and read the guess;
//  5. the gallery iframe of the loss landscape renders, and the seismogram element renders;
//  6. the seismic deep-learning explainers, iframes of the gallery: a click on the phase picker's traces
//     places your P pick at the time under the pointer, and a click on the event detector's stream moves
//     its 10 s window there (centred on the pointer), both read against the time axis's ticks;
//  7. the explainers without a plot to point at, clicked on the scaled slide: the seismic classifier's
//     log-scale SNR slider (a click at the track's middle gives √(min·max)), the manifold's "Sample again" and
//     "Shuffle the pixels", and transfer learning's Train (epochs run in the worker) then Cancel;
//  8. no console error, no uncaught exception, no failed or 4xx/5xx request, no `<geolearn-…>` warning,
//     and no request leaving 127.0.0.1.
// Needs `pnpm --filter @geolearn/elements run build` and `storybook-static/` (pnpm build-storybook).
//   node test/slides/deck.test.mjs            SLIDES_HEADED=1 to watch it; SLIDES_SHOTS=dir for screenshots.
import { createReadStream, existsSync, mkdirSync, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const t0 = Date.now();
const secs = (t = t0) => ((Date.now() - t) / 1000).toFixed(1);
const results = [];
/** Runs one named check, recording pass/fail and its time; a failure does not stop the others. */
async function check(name, fn) {
  const start = Date.now();
  try {
    const note = await fn();
    results.push({ name, ok: true });
    console.log(`  ✓ ${name} (${secs(start)} s)${note ? `: ${note}` : ''}`);
  } catch (e) {
    results.push({ name, ok: false });
    // Playwright's call log adds nothing here: its first lines say what timed out.
    const message = (e instanceof Error ? e.message : String(e)).split('\nCall log')[0].split('\n    at ')[0];
    console.log(`  ✗ ${name} (${secs(start)} s): ${message}`);
  }
}
const assert = (cond, message) => {
  if (!cond) throw new Error(message);
};

// ---- prerequisites ----------------------------------------------------------------------------
const needed = [
  ['examples/slides/index.html', 'the deck'],
  ['node_modules/reveal.js/dist/reveal.js', 'reveal.js (pnpm install)'],
  ['packages/elements/dist/geolearn-elements.global.js', 'the script-tag build (pnpm --filter @geolearn/elements run build)'],
  ['storybook-static/iframe.html', 'the gallery (pnpm build-storybook)'],
];
for (const [file, what] of needed) {
  if (!existsSync(path.join(root, file))) {
    console.error(`${file} is missing: ${what}.`);
    console.log('slides: 0 passed, 1 failed');
    process.exit(1);
  }
}
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!existsSync(executablePath)) {
  console.error(`Chromium not found at ${executablePath}. On Debian: apt-get install -y chromium (or set CHROMIUM_PATH).`);
  console.log('slides: 0 passed, 1 failed');
  process.exit(1);
}

// ---- a static server of the repository root, on 127.0.0.1 only ----------------------------------
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.woff2': 'font/woff2', '.woff': 'font/woff', '.wasm': 'application/wasm', '.map': 'application/json', '.txt': 'text/plain',
};
const server = http.createServer((req, res) => {
  let file;
  try {
    const rel = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    file = path.join(root, path.normalize(rel));
    if (!file.startsWith(root)) throw new Error('outside the root');
    if (statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!statSync(file).isFile()) throw new Error('not a file');
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
    return;
  }
  res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
  createReadStream(file).pipe(res);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

// ---- Chromium, as the story runner launches it (.storybook/test-runner-jest.config.js) --------------
const browser = await chromium.launch({
  executablePath,
  headless: !process.env.SLIDES_HEADED,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--font-render-hinting=none',
    '--force-color-profile=srgb',
    // Nothing but 127.0.0.1 resolves: a request for a CDN fails here (and is reported below).
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
  ],
});
const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
const problems = [];
context.on('request', (r) => {
  const u = new URL(r.url());
  if (/^(https?|wss?):$/.test(u.protocol) && u.hostname !== '127.0.0.1') problems.push(`request leaving 127.0.0.1: ${r.url()}`);
});
context.on('requestfailed', (r) => {
  // reveal.js unloads a far iframe by emptying its src: an aborted navigation, not a fault.
  if (!/ERR_ABORTED/.test(r.failure()?.errorText ?? '')) problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`);
});
context.on('response', (r) => {
  if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
});
context.on('console', (m) => {
  if (m.type() === 'error') problems.push(`console error: ${m.text().slice(0, 300)}`);
  else if (m.type() === 'warning' && m.text().startsWith('<geolearn-')) problems.push(`element warning: ${m.text().slice(0, 300)}`);
});
const page = await context.newPage();
// A widget that never renders fails its check in seconds, not after Playwright's default 30 s.
page.setDefaultTimeout(15_000);
page.on('pageerror', (e) => problems.push(`uncaught exception: ${e.message}`));

const shots = process.env.SLIDES_SHOTS;
if (shots) mkdirSync(shots, { recursive: true });
const shot = async (name) => {
  if (shots) await page.screenshot({ path: path.join(shots, `${name}.png`) });
};

/** Shows the slide with this id (reveal.js's API, as a remote would) and waits for its transition. */
async function goTo(id) {
  await page.evaluate((sid) => {
    const slides = Array.from(document.querySelectorAll('.reveal .slides > section'));
    const i = slides.findIndex((s) => s.id === sid);
    if (i < 0) throw new Error(`no slide #${sid}`);
    window.Reveal.slide(i);
  }, id);
  await page.waitForSelector(`.reveal .slides > section#${id}.present`, { timeout: 10_000 });
  await settle(`section#${id}`);
}

/** Waits until the element's box stops moving (a slide transition, a relayout after a resize). */
async function settle(selector, frame = page) {
  let last = '';
  for (let k = 0; k < 50; k++) {
    const box = await frame.locator(selector).first().boundingBox();
    const now = box ? [box.x, box.y, box.width, box.height].map((v) => v.toFixed(1)).join() : '';
    if (now && now === last) return;
    last = now;
    await page.waitForTimeout(120);
  }
}

/** "−2.5" (U+2212, as axes print it) or "-2.500" → −2.5. */
const num = (s) => Number(String(s).trim().replace(/\u2212/g, '-'));

/** The custom elements that rendered: a check of one that did not fails at once. */
const rendered = new Set();
const needs = (tag) => assert(rendered.has(tag), `<${tag}> did not render (see the first check)`);

// ---- 1. the deck ----------------------------------------------------------------------------------
const tLoad = Date.now();
await page.goto(`${origin}/examples/slides/index.html`, { waitUntil: 'load' });
console.log(`deck loaded in ${secs(tLoad)} s at ${origin}/examples/slides/`);

await check('deck: reveal.js ready, scaled, 13 slides, arrow key moves on, elements rendered', async () => {
  await page.waitForFunction(() => window.Reveal?.isReady?.(), null, { timeout: 15_000 });
  const info = await page.evaluate(() => ({
    scale: window.Reveal.getScale(),
    config: [window.Reveal.getConfig().width, window.Reveal.getConfig().height],
    slides: window.Reveal.getTotalSlides(),
    transform: document.querySelector('.reveal .slides').style.transform || document.querySelector('.reveal .slides').style.zoom,
  }));
  assert(info.config.join('×') === '960×700', `reveal.js is not at its default 960 × 700 (${info.config.join(' × ')})`);
  assert(Math.abs(info.scale - 1) > 0.02, `reveal.js does not scale the slides (scale ${info.scale})`);
  assert(info.slides >= 12 && info.slides <= 15, `expected about 13 slides, found ${info.slides}`);
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => window.Reveal.getIndices().h === 1, null, { timeout: 5_000 });
  await settle('section#learning');
  await shot('learning');
  const tags = ['geolearn-loss-landscape', 'geolearn-playground', 'geolearn-seismogram'];
  await page.waitForFunction((ts) => ts.every((t) => document.querySelector(`${t} .gl-explainer`)), tags, { timeout: 10_000 }).catch(() => undefined);
  const missing = await page.evaluate((ts) => ts.filter((t) => !customElements.get(t) || !document.querySelector(`${t} .gl-explainer`)), tags);
  for (const t of tags) if (!missing.includes(t)) rendered.add(t);
  assert(missing.length === 0, `not rendered by the script-tag build: ${missing.join(', ')}`);
  return `scale ${info.scale.toFixed(3)} at 1280 × 800 (${info.transform}), ${info.slides} slides`;
});

// ---- 2. the loss landscape: pointer → data under reveal.js's scaling ------------------------------------
/**
 * The plot's screen → data map, read from the DOM only: each axis's labelled ticks (their screen
 * position and their number), fitted by least squares with a straight line (a linear axis), and the
 * plot area's box. Throws when the ticks are not collinear (the picture itself would be wrong).
 */
async function readPlot(host) {
  const raw = await page.evaluate((sel) => {
    // The contour plot that holds θ₀ (the side panels have axes of their own).
    const el = document.querySelector(sel).querySelector('[data-testid="start-handle"]').closest('.gl-contour');
    const area = el.querySelector('.gl-plot-area');
    const ticks = (orient) =>
      Array.from(el.querySelectorAll(`.gl-axis[data-orient="${orient}"] .gl-tick`)).map((g) => {
        const r = g.querySelector('line').getBoundingClientRect();
        return { at: orient === 'bottom' ? r.left + r.width / 2 : r.top + r.height / 2, label: g.querySelector('text')?.textContent ?? '' };
      });
    const a = area.getBoundingClientRect();
    return { area: { left: a.left, top: a.top, right: a.right, bottom: a.bottom }, x: ticks('bottom'), y: ticks('left') };
  }, host);
  const fit = (ticks, axis) => {
    const pts = ticks.map((t) => [t.at, num(t.label)]).filter(([, v]) => Number.isFinite(v));
    assert(pts.length >= 3, `${axis} axis: fewer than 3 numeric tick labels (${ticks.map((t) => t.label).join(', ')})`);
    const n = pts.length;
    const mx = pts.reduce((s, p) => s + p[0], 0) / n;
    const my = pts.reduce((s, p) => s + p[1], 0) / n;
    const slope = pts.reduce((s, p) => s + (p[0] - mx) * (p[1] - my), 0) / pts.reduce((s, p) => s + (p[0] - mx) ** 2, 0);
    const map = (px) => my + slope * (px - mx);
    // Collinear within a tenth of a pixel's worth of data: the labels are exact, the positions sub-pixel.
    const worst = Math.max(...pts.map(([px, v]) => Math.abs(map(px) - v) / Math.abs(slope)));
    assert(worst < 0.5, `${axis} axis: ticks are not evenly spaced on screen (off by ${worst.toFixed(2)} px)`);
    return map;
  };
  const toX = fit(raw.x, 'x');
  const toY = fit(raw.y, 'y');
  const { area } = raw;
  const domain = [toX(area.left), toX(area.right), toY(area.bottom), toY(area.top)];
  return { area, toX, toY, domain, spanX: domain[1] - domain[0], spanY: domain[3] - domain[2] };
}

/** θ₀ as the handle states it ("Starting point θ₀ = (a, b). …"), and as the last `valuechange` gave it. */
async function readStart(host) {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    const label = el.querySelector('[data-testid="start-handle"]').getAttribute('aria-label');
    const m = /θ₀ = \(([^,]+), ([^)]+)\)/.exec(label);
    return { label, a: m ? Number(m[1].replace(/\u2212/g, '-')) : NaN, b: m ? Number(m[2].replace(/\u2212/g, '-')) : NaN, event: window.__glLastStart ?? null };
  }, host);
}

/** Where the handle's dot is on screen (its centre). */
async function handleCentre(host) {
  const box = await page.locator(`${host} [data-testid="start-handle"] .gl-handle-dot`).boundingBox();
  return [box.x + box.width / 2, box.y + box.height / 2];
}

const host = '#loss-landscape geolearn-loss-landscape';
/** Drags θ₀ to (fx, fy) of the plot area, or presses there; checks where θ₀ landed. */
async function pointerCheck(kind, fx, fy) {
  needs('geolearn-loss-landscape');
  const plot = await readPlot(host);
  const target = [plot.area.left + fx * (plot.area.right - plot.area.left), plot.area.top + fy * (plot.area.bottom - plot.area.top)];
  const expected = [plot.toX(target[0]), plot.toY(target[1])];
  if (kind === 'drag') {
    const [hx, hy] = await handleCentre(host);
    await page.mouse.move(hx, hy);
    await page.mouse.down();
    for (let k = 1; k <= 12; k++) await page.mouse.move(hx + ((target[0] - hx) * k) / 12, hy + ((target[1] - hy) * k) / 12);
    await page.mouse.up();
  } else {
    await page.mouse.click(target[0], target[1]);
  }
  await page.waitForTimeout(150);
  const got = await readStart(host);
  const err = [Math.abs(got.a - expected[0]) / plot.spanX, Math.abs(got.b - expected[1]) / plot.spanY];
  const [cx, cy] = await handleCentre(host);
  const screenErr = Math.hypot(cx - target[0], cy - target[1]);
  const scale = await page.evaluate(() => window.Reveal.getScale());
  const say = `${kind} at scale ${scale.toFixed(3)}: pointer (${expected.map((v) => v.toFixed(3)).join(', ')}), θ₀ (${got.a}, ${got.b}), off by ${(err[0] * 100).toFixed(2)} % and ${(err[1] * 100).toFixed(2)} % of the spans, dot ${screenErr.toFixed(1)} px from the pointer`;
  assert(Number.isFinite(got.a) && Number.isFinite(got.b), `cannot read θ₀ from the handle's label "${got.label}"`);
  assert(err[0] <= 0.01 && err[1] <= 0.01, say);
  if (got.event) {
    const evErr = [Math.abs(got.event[0] - expected[0]) / plot.spanX, Math.abs(got.event[1] - expected[1]) / plot.spanY];
    assert(evErr[0] <= 0.01 && evErr[1] <= 0.01, `valuechange's start (${got.event.join(', ')}) is not the pointer's position: ${say}`);
  }
  return `${say}${got.event ? '; valuechange agrees' : ''}`;
}

await check('loss landscape element: the slide, its axes and θ₀', async () => {
  needs('geolearn-loss-landscape');
  await goTo('loss-landscape');
  await page.waitForSelector(`${host} [data-testid="start-handle"]`, { timeout: 15_000 });
  await page.evaluate((sel) => {
    document.querySelector(sel).addEventListener('valuechange', (e) => {
      const s = e.detail?.start;
      if (Array.isArray(s)) window.__glLastStart = s;
    });
  }, host);
  await shot('landscape');
  const plot = await readPlot(host);
  const start = await readStart(host);
  assert(Number.isFinite(start.a), `the handle's label states no θ₀: "${start.label}"`);
  return `domain a ∈ [${plot.domain[0].toFixed(2)}, ${plot.domain[1].toFixed(2)}], b ∈ [${plot.domain[2].toFixed(2)}, ${plot.domain[3].toFixed(2)}]; ${/θ₀ = \([^)]*\)/.exec(start.label)?.[0]}`;
});
await check('loss landscape: drag θ₀ lands under the pointer (scale > 1)', () => pointerCheck('drag', 0.72, 0.7));
await check('loss landscape: press on the map moves θ₀ under the pointer (scale > 1)', () => pointerCheck('press', 0.3, 0.35));
await check('loss landscape: drag and press at a smaller window (scale < 1)', async () => {
  needs('geolearn-loss-landscape');
  await page.setViewportSize({ width: 1024, height: 640 });
  await settle(`${host} .gl-plot-area`);
  const a = await pointerCheck('drag', 0.15, 0.8);
  const b = await pointerCheck('press', 0.85, 0.2);
  await shot('landscape-small');
  await page.setViewportSize({ width: 1280, height: 800 });
  await settle(`${host} .gl-plot-area`);
  return `${a}; ${b}`;
});

// ---- 3. the playground ------------------------------------------------------------------------------
await check('playground element: Play, then Pause, advances the epoch counter', async () => {
  needs('geolearn-playground');
  await goTo('playground');
  const pg = page.locator('#playground geolearn-playground');
  const epoch = async () => num(await pg.locator('[data-testid="status"]').first().getAttribute('data-epoch'));
  const before = await epoch();
  await pg.getByRole('button', { name: 'Play', exact: true }).click();
  await page.waitForFunction((sel) => Number(document.querySelector(sel)?.getAttribute('data-epoch')) > 5, '#playground geolearn-playground [data-testid="status"]', { timeout: 15_000 });
  await pg.getByRole('button', { name: 'Pause', exact: true }).click();
  const after = await epoch();
  await page.waitForTimeout(400);
  const held = await epoch();
  const shown = (await pg.locator('[data-testid="epoch"]').first().textContent())?.trim();
  await shot('playground');
  assert(after > before, `epoch did not advance (${before} → ${after})`);
  assert(held === after, `the epoch went on after Pause (${after} → ${held})`);
  return `epoch ${before} → ${after} ("${shown}"), held after Pause`;
});

/** Shows the slide and waits for `selector` in its gallery iframe, the slide at rest: the frame and the element. */
async function openIframe(slide, selector) {
  await goTo(slide);
  const frame = page.frameLocator(`#${slide} iframe`);
  const el = frame.locator(selector);
  await el.waitFor({ timeout: 30_000 });
  await settle(`#${slide} iframe`);
  return { frame, el };
}

/** A click at the middle of an element's box on the page (the scaled slide's screen pixels). */
async function clickMiddle(locator) {
  const b = await locator.boundingBox();
  assert(b && b.width > 0, 'nothing to click: the element has no box');
  await page.mouse.click(b.x + b.width / 2, b.y + b.height / 2);
}

// ---- 4. the drawing pad, an iframe of the gallery ------------------------------------------------------
await check('drawing pad iframe: draw a "1", read the guess', async () => {
  const { frame, el: pad } = await openIframe('digits', '[data-testid="pad"]');
  const box = await pad.boundingBox();
  assert(box && box.width > 50, 'the pad has no size on the slide');
  // One vertical stroke down the middle, in screen pixels of the scaled slide.
  const x = box.x + box.width * 0.5;
  await page.mouse.move(x, box.y + box.height * 0.15);
  await page.mouse.down();
  for (let k = 1; k <= 16; k++) await page.mouse.move(x + k * 0.2, box.y + box.height * (0.15 + (0.7 * k) / 16));
  await page.mouse.up();
  const guess = frame.locator('[data-testid="first-guess"]');
  await page.waitForFunction(
    () => {
      const f = document.querySelector('#digits iframe');
      const g = f?.contentDocument?.querySelector('[data-testid="first-guess"]');
      return g && /\d/.test(g.textContent ?? '');
    },
    null,
    { timeout: 30_000 },
  );
  const first = (await guess.textContent())?.trim();
  const status = (await frame.locator('[data-testid="status"]').first().textContent())?.trim();
  await shot('digits');
  assert(first === '1', `drew a vertical stroke; the first guess is ${first} ("${status}")`);
  return `first guess ${first}: "${status}"`;
});

// ---- 5. the other embeds ------------------------------------------------------------------------------
await check('loss landscape iframe of the gallery renders its initial state', async () => {
  await goTo('landscape-iframe');
  const frame = page.frameLocator('#landscape-iframe iframe');
  await frame.locator('[data-testid="start-handle"]').waitFor({ timeout: 30_000 });
  const status = (await frame.locator('[data-testid="status"]').first().textContent())?.trim();
  await shot('landscape-iframe');
  assert(/Step 0\b/.test(status ?? ''), `the embed is not in its initial state: "${status}"`);
  return `"${status}"`;
});
await check('seismogram element renders', async () => {
  needs('geolearn-seismogram');
  await goTo('seismogram');
  const el = page.locator('#seismogram geolearn-seismogram');
  await el.locator('canvas, svg').first().waitFor({ timeout: 15_000 });
  const box = await el.boundingBox();
  await shot('seismogram');
  assert(box && box.height > 100, `the seismogram is ${box?.height ?? 0} px tall`);
  return `${Math.round(box.width)} × ${Math.round(box.height)} px on screen`;
});

// ---- 6. the seismic explainers, iframes of the gallery: clicks land at the right time -----------------------
/**
 * The time axis of a plot in a gallery iframe, in page pixels (Playwright's boxes include the iframe's
 * place and reveal.js's scaling): its labelled ticks fitted by a straight line, pixel → seconds.
 */
async function frameTimeAxis(frame, axisSelector) {
  const ticks = frame.locator(`${axisSelector} .gl-tick`);
  const pts = [];
  for (let i = 0; i < (await ticks.count()); i++) {
    const box = await ticks.nth(i).locator('line').boundingBox();
    const v = num(await ticks.nth(i).locator('text').textContent());
    if (box && Number.isFinite(v)) pts.push([box.x + box.width / 2, v]);
  }
  assert(pts.length >= 3, `the time axis has ${pts.length} numeric ticks`);
  const n = pts.length;
  const mx = pts.reduce((a, p) => a + p[0], 0) / n;
  const my = pts.reduce((a, p) => a + p[1], 0) / n;
  const slope = pts.reduce((a, p) => a + (p[0] - mx) * (p[1] - my), 0) / pts.reduce((a, p) => a + (p[0] - mx) ** 2, 0);
  const worst = Math.max(...pts.map(([px, v]) => Math.abs(my + slope * (px - mx) - v) / Math.abs(slope)));
  assert(worst < 0.75, `the time axis's ticks are not evenly spaced on screen (off by ${worst.toFixed(2)} px)`);
  return (px) => my + slope * (px - mx);
}

/** Shows the slide, waits for the plot area in its gallery iframe; its page box and time axis. */
async function openIframePlot(slide, areaSelector, axisSelector) {
  const { frame, el: area } = await openIframe(slide, areaSelector);
  const toT = await frameTimeAxis(frame, axisSelector);
  const box = await area.boundingBox();
  assert(box && box.width > 100, `the plot of #${slide} has no size on the slide`);
  return { frame, toT, box };
}

await check('phase picker iframe: a click on the traces places your P pick under the pointer', async () => {
  const { frame, toT, box } = await openIframePlot('picker', '[data-testid="pick-area"] rect', 'svg:has([data-testid="pick-area"]) .gl-axis[data-orient="bottom"]');
  const x = box.x + 0.37 * box.width;
  const expected = toT(x);
  const span = toT(box.x + box.width) - toT(box.x);
  await page.mouse.click(x, box.y + box.height * 0.3);
  const slider = frame.locator('[data-testid="pick-area"]');
  await page.waitForFunction(() => document.querySelector('#picker iframe')?.contentDocument?.querySelector('[data-testid="pick-area"]')?.getAttribute('aria-valuetext')?.includes(' at '), null, { timeout: 5_000 });
  const got = Number(await slider.getAttribute('aria-valuenow'));
  const phase = await slider.getAttribute('data-phase');
  await shot('picker');
  const scale = await page.evaluate(() => window.Reveal.getScale());
  const say = `at scale ${scale.toFixed(3)}: pointer at ${expected.toFixed(2)} s, your ${phase} pick at ${got.toFixed(2)} s (${((100 * Math.abs(got - expected)) / span).toFixed(2)} % of the ${span.toFixed(0)} s span)`;
  assert(phase === 'P', `the pick went to ${phase}, not P`);
  assert(Math.abs(got - expected) <= 0.01 * span, say);
  return say;
});

await check('event detector iframe: a click on the stream centres the detector window under the pointer', async () => {
  const { frame, toT, box } = await openIframePlot('detector', '.gl-ed-area', 'svg.gl-ed-stream .gl-axis[data-orient="bottom"]');
  const slider = frame.locator('[data-testid="stream-window"]');
  const before = Number(await slider.getAttribute('aria-valuenow'));
  const x = box.x + 0.62 * box.width;
  const expected = toT(x) - 5;
  const span = toT(box.x + box.width) - toT(box.x);
  await page.mouse.click(x, box.y + box.height * 0.4);
  await page.waitForFunction((b) => Number(document.querySelector('#detector iframe')?.contentDocument?.querySelector('[data-testid="stream-window"]')?.getAttribute('aria-valuenow')) !== b, before, { timeout: 5_000 });
  const got = Number(await slider.getAttribute('aria-valuenow'));
  await shot('detector');
  const scale = await page.evaluate(() => window.Reveal.getScale());
  // aria-valuenow is the window's start in whole seconds.
  const say = `at scale ${scale.toFixed(3)}: window start ${before} → ${got} s, expected ${expected.toFixed(2)} s (the pointer minus half the 10 s window; ${span.toFixed(0)} s in view)`;
  assert(Math.abs(got - expected) <= Math.max(0.51, 0.01 * span), say);
  return say;
});

// ---- 7. the other explainers' controls, clicked inside the scaled slide ------------------------------------
await check('seismic classifier iframe: a click on the SNR slider (log scale) sets the value under the pointer', async () => {
  const { el: input } = await openIframe('classifier', '[data-testid="snr-slider"]');
  const box = await input.boundingBox();
  assert(box && box.width > 40, 'the SNR slider has no size on the slide');
  const [lo, hi, step] = await Promise.all(['min', 'max', 'step'].map(async (a) => Number(await input.getAttribute(a))));
  const read = () => input.evaluate((el) => Number(el.value));
  // The track's middle is the middle of log₁₀(SNR) whatever the thumb's size: √(min·max) on screen.
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForTimeout(200);
  const mid = await read();
  // Near the right end, a value above the middle (the thumb's half-width is not known here).
  await page.mouse.click(box.x + box.width * 0.9, box.y + box.height / 2);
  await page.waitForTimeout(200);
  const right = await read();
  const text = await input.getAttribute('aria-valuetext');
  await shot('classifier');
  const scale = await page.evaluate(() => window.Reveal.getScale());
  const say = `at scale ${scale.toFixed(3)}: log₁₀ SNR ${lo.toFixed(3)}…${hi.toFixed(3)}; middle click → ${mid.toFixed(3)} (expected ${((lo + hi) / 2).toFixed(3)}), 90 % → ${right.toFixed(3)} ("${text}")`;
  assert(Math.abs(mid - (lo + hi) / 2) <= step + 1e-9, say);
  assert(right > mid + 0.25 * (hi - lo) && right <= hi, say);
  return say;
});

await check('manifold iframe: "Sample again" and "Shuffle the pixels" respond to clicks', async () => {
  const { frame, el: images } = await openIframe('manifold', '[data-testid="random-images"]');
  const before = await images.getAttribute('data-draw');
  await clickMiddle(frame.locator('[data-testid="resample"]'));
  await page.waitForFunction((b) => document.querySelector('#manifold iframe')?.contentDocument?.querySelector('[data-testid="random-images"]')?.getAttribute('data-draw') !== b, before, { timeout: 5_000 });
  await clickMiddle(frame.locator('[data-testid="shuffle"]'));
  await page.waitForFunction(() => document.querySelector('#manifold iframe')?.contentDocument?.querySelector('[data-testid="shuffle"]')?.getAttribute('aria-pressed') === 'true', null, { timeout: 5_000 });
  const after = await images.getAttribute('data-draw');
  const shuffled = await frame.locator('[data-testid="digit"]').getAttribute('data-shuffled');
  await shot('manifold');
  assert(shuffled !== null, 'the digit is not shown shuffled after the toggle');
  return `draw ${before} → ${after}, pixels shuffled`;
});

await check('transfer learning iframe: Train runs epochs in the worker, Cancel stops it', async () => {
  const { frame, el: train } = await openIframe('transfer', '[data-testid="train"]');
  await clickMiddle(train);
  await page.waitForFunction(() => Number(document.querySelector('#transfer iframe')?.contentDocument?.querySelector('[data-testid="status"]')?.getAttribute('data-epoch')) >= 1, null, { timeout: 60_000 });
  const epoch = Number(await frame.locator('[data-testid="status"]').first().getAttribute('data-epoch'));
  // The same button now says Cancel: a second click at its place on the slide stops the run.
  assert((await train.textContent())?.trim() === 'Cancel', `the button reads "${await train.textContent()}" while training`);
  await clickMiddle(train);
  await page.waitForFunction(() => document.querySelector('#transfer iframe')?.contentDocument?.querySelector('[data-testid="train"]')?.textContent?.trim() === 'Train', null, { timeout: 10_000 });
  await shot('transfer');
  const text = (await frame.locator('[data-testid="status"]').first().textContent())?.trim();
  return `epoch ${epoch} reached, then cancelled: "${text}"`;
});

// ---- 8. console and network ------------------------------------------------------------------------------
await goTo('closing').catch(() => undefined);
await page.waitForTimeout(300);
await check('no console error, no failed request, nothing beyond 127.0.0.1', async () => {
  const unique = [...new Set(problems)];
  assert(unique.length === 0, `${unique.length} problem(s):\n      ${unique.slice(0, 15).join('\n      ')}`);
});

await browser.close();
server.close();
const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
console.log(`deck test: ${secs()} s in all`);
console.log(`slides: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
