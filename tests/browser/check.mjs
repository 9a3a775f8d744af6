#!/usr/bin/env node
/*!
 * check.mjs: headless Chromium over a built book, checking what readers see of mdbook-hugo's
 * markup on the seed post (post/kubernetes-architecture/index.html):
 *
 * - in each of mdBook's five themes, at desktop (1280x800) and phone (375x740) widths: the link
 *   cards are visible and inside the content column, nothing overflows sideways, card and header
 *   text meet WCAG AA (4.5:1) against the background it is really drawn on, no console errors,
 *   each card links where the post's front matter says, and an image that cannot load leaves the
 *   placeholder initial (pixel-compared), never a broken-image icon;
 * - with the images loaded, a logo covers the initial completely;
 * - in print (mdBook's print.html, every chapter on one page, under `print` media; the paper is
 *   taken as white, as browsers drop backgrounds), every header and card is still readable.
 *
 * The machine is treated as offline: every request that leaves the local server is aborted, so
 * the check does not depend on the network.
 *
 * Usage: node tests/browser/check.mjs <built-book-dir> [--source <post.md>] [--screenshots <dir>]
 *   <built-book-dir>  the HTML output (the directory holding index.html and post/)
 *   --source          the post's markdown, for the expected `links:` (default: the repository's)
 *   --screenshots     where <theme>-<width>.png go (default: target/browser-screenshots)
 * Environment: CHROMIUM (default /usr/bin/chromium).
 * Exit status: 0 all good, 1 failures (listed), 2 could not run.
 */

import { createServer } from 'node:http';
import { readFile, stat, mkdir } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..', '..');
const PAGE = 'post/kubernetes-architecture/index.html';
const THEMES = ['light', 'rust', 'coal', 'navy', 'ayu'];
const VIEWPORTS = [
    { name: 'desktop', width: 1280, height: 800 },
    { name: 'phone', width: 375, height: 740 },
];
const AA = 4.5;
const CHROMIUM_ARGS = [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
// Text whose contrast is measured, as [label, selector, pseudo-element].
const TEXT = [
    ['header title', '.hugo-header .hugo-title'],
    ['header lead', '.hugo-header .hugo-lead'],
    ['header date', '.hugo-header .hugo-meta .hugo-date'],
    ['header reading time', '.hugo-header .hugo-meta .hugo-reading-time'],
    ['header updated', '.hugo-header .hugo-meta .hugo-updated'],
    ['category chip', '.hugo-header .hugo-category'],
    ['tag chip', '.hugo-header .hugo-tag'],
    ['tag chip #', '.hugo-header .hugo-tag', '::before'],
    ['card title', '.hugo-links .hugo-card-title'],
    ['card description', '.hugo-links .hugo-card-description'],
    ['card initial', '.hugo-links .hugo-card-initial'],
];

// ---- command line ------------------------------------------------------------------------------

function usage(message) {
    console.error(`check.mjs: ${message}`);
    console.error('usage: node tests/browser/check.mjs <built-book-dir> [--source <post.md>] [--screenshots <dir>]');
    process.exit(2);
}

function parseArgs(argv) {
    const opts = {
        source: path.join(REPO, 'book', 'post', 'kubernetes-architecture', 'index.md'),
        screenshots: path.join(REPO, 'target', 'browser-screenshots'),
    };
    const rest = [];
    for (let i = 0; i < argv.length; i++) {
        if (argv[i] === '--source' || argv[i] === '--screenshots') {
            if (i + 1 >= argv.length) usage(`${argv[i]} needs a value`);
            opts[argv[i].slice(2)] = path.resolve(argv[++i]);
        } else if (argv[i].startsWith('--')) {
            usage(`unknown option ${argv[i]}`);
        } else {
            rest.push(argv[i]);
        }
    }
    if (rest.length !== 1) usage('give exactly one built book directory');
    opts.book = path.resolve(rest[0]);
    if (!existsSync(path.join(opts.book, PAGE))) {
        usage(`${path.join(opts.book, PAGE)} does not exist: is ${opts.book} the HTML output of \`mdbook build\`?`);
    }
    if (!existsSync(opts.source)) usage(`${opts.source} does not exist (pass --source)`);
    return opts;
}

/** The `website:` values of the `links:` list in a post's YAML front matter, in order. */
export function expectedLinks(markdown) {
    const fm = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(markdown);
    if (!fm) return [];
    const block = /^links:[^\S\r\n]*\r?\n((?:(?:[ \t-].*)?\r?\n)*)/m.exec(fm[1] + '\n');
    if (!block) return [];
    const sites = [];
    for (const m of block[1].matchAll(/^[\s-]*website:\s*(.*?)\s*$/gm)) {
        let v = m[1].replace(/\s+#.*$/, '');
        if (/^(['"]).*\1$/.test(v)) v = v.slice(1, -1);
        sites.push(v);
    }
    return sites;
}

// ---- a static server for the book --------------------------------------------------------------

const TYPES = {
    '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8', '.json': 'application/json', '.svg': 'image/svg+xml',
    '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif',
    '.webp': 'image/webp', '.ico': 'image/x-icon', '.woff': 'font/woff', '.woff2': 'font/woff2',
    '.ttf': 'font/ttf', '.txt': 'text/plain; charset=utf-8',
};

function serve(root) {
    const server = createServer(async (req, res) => {
        try {
            const url = new URL(req.url, 'http://localhost');
            let file = path.join(root, decodeURIComponent(url.pathname));
            if (file !== root && !file.startsWith(root + path.sep)) throw Object.assign(new Error(), { code: 'ENOENT' });
            if ((await stat(file)).isDirectory()) file = path.join(file, 'index.html');
            const body = await readFile(file);
            res.writeHead(200, { 'content-type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream' });
            res.end(body);
        } catch {
            res.writeHead(404, { 'content-type': 'text/plain' });
            res.end('not found');
        }
    });
    return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

// ---- colour, measured in the page ---------------------------------------------------------------

/**
 * Runs in the page: for each [label, selector, pseudo], the text colour and the colour it is drawn
 * on, as sRGB 0-255 plus alpha, and their contrast. Colours are normalised by painting them on a
 * canvas, so any CSS colour syntax (color-mix, oklab, color()) is read the same way. The background
 * is found by walking up the ancestors and compositing their background colours until one is
 * opaque. In `paper` mode (print) a background only counts when the element prints it
 * (print-color-adjust: exact), as browsers drop the rest, and the paper is white.
 */
function measureContrast({ items, paper }) {
    const ctx = Object.assign(document.createElement('canvas'), { width: 1, height: 1 })
        .getContext('2d', { willReadFrequently: true });
    const rgba = (css) => {
        ctx.clearRect(0, 0, 1, 1);
        ctx.fillStyle = '#000';
        ctx.fillStyle = css;
        ctx.fillRect(0, 0, 1, 1);
        const [r, g, b, a] = ctx.getImageData(0, 0, 1, 1).data;
        return a === 0 ? [0, 0, 0, 0] : [r, g, b, a / 255];
    };
    const over = (top, bottom) => { // source-over, bottom opaque
        const a = top[3];
        return [0, 1, 2].map((i) => top[i] * a + bottom[i] * (1 - a)).concat(1);
    };
    const lum = ([r, g, b]) => {
        const f = (v) => { v /= 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
        return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const ratio = (x, y) => { const [a, b] = [lum(x), lum(y)].sort((p, q) => q - p); return (a + 0.05) / (b + 0.05); };
    const backgroundOf = (el) => {
        const layers = [];
        for (let n = el; n; n = n.parentElement) {
            const cs = getComputedStyle(n);
            if (paper && cs.printColorAdjust !== 'exact') continue;
            const c = rgba(cs.backgroundColor);
            if (c[3] > 0) layers.push(c);
            if (c[3] >= 1) break;
        }
        let bg = paper ? [255, 255, 255, 1] : rgba(getComputedStyle(document.documentElement).backgroundColor);
        if (bg[3] < 1) bg = [255, 255, 255, 1]; // the canvas behind everything
        for (const layer of layers.reverse()) bg = over(layer, bg);
        return bg;
    };
    const out = [];
    for (const [label, selector, pseudo] of items) {
        const els = [...document.querySelectorAll(selector)];
        if (els.length === 0) { out.push({ label, missing: true }); continue; }
        els.forEach((el, i) => {
            let opacity = 1;
            for (let n = el; n; n = n.parentElement) opacity *= Number(getComputedStyle(n).opacity);
            const fgc = rgba(getComputedStyle(el, pseudo ?? null).color);
            const bg = backgroundOf(el);
            const fg = over([fgc[0], fgc[1], fgc[2], fgc[3] * opacity], bg);
            const round = (c) => '#' + c.slice(0, 3).map((v) => Math.round(v).toString(16).padStart(2, '0')).join('');
            out.push({
                label: els.length > 1 ? `${label} #${i + 1}` : label,
                text: (pseudo ? getComputedStyle(el, pseudo).content : el.textContent).trim().slice(0, 40),
                fg: round(fg), bg: round(bg), ratio: ratio(fg, bg),
            });
        });
    }
    return out;
}

/** Runs in the page: compares two PNG screenshots (data URLs) pixel by pixel. */
async function comparePngs([a, b]) {
    const load = (src) => new Promise((ok, fail) => {
        const img = new Image();
        img.onload = () => ok(img);
        img.onerror = () => fail(new Error('cannot decode screenshot'));
        img.src = src;
    });
    const [x, y] = await Promise.all([load(a), load(b)]);
    if (x.width !== y.width || x.height !== y.height) return { differing: 1, total: 1, sizes: `${x.width}x${x.height} vs ${y.width}x${y.height}` };
    const read = (img) => {
        const c = Object.assign(document.createElement('canvas'), { width: img.width, height: img.height });
        const ctx = c.getContext('2d');
        ctx.drawImage(img, 0, 0);
        return ctx.getImageData(0, 0, img.width, img.height).data;
    };
    const [p, q] = [read(x), read(y)];
    let differing = 0;
    for (let i = 0; i < p.length; i += 4) {
        if (Math.max(Math.abs(p[i] - q[i]), Math.abs(p[i + 1] - q[i + 1]), Math.abs(p[i + 2] - q[i + 2])) > 40) differing++;
    }
    return { differing, total: p.length / 4 };
}

// ---- the checks ----------------------------------------------------------------------------------

const failures = [];
const fail = (where, what) => failures.push(`${where}: ${what}`);
const figures = []; // { theme, mode, label, ratio, fg, bg }

/** A transparent SVG with one mark in a corner: stands in for a remote logo that loaded. */
const LOGO = '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="120"><circle cx="18" cy="18" r="14" fill="#326ce5"/></svg>';

async function openPost(browser, origin, theme, viewport, { media = 'screen', images = 'offline', at = PAGE } = {}) {
    const context = await browser.newContext({ viewport, colorScheme: 'light', reducedMotion: 'reduce' });
    await context.addInitScript((t) => {
        try { localStorage.setItem('mdbook-theme', t); } catch { }
        window.print = () => { }; // print.html opens the print dialog on load
    }, theme);
    const problems = [];
    await context.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith(origin + '/')) return route.continue();
        if (images === 'loaded' && route.request().resourceType() === 'image') {
            return route.fulfill({ status: 200, contentType: 'image/svg+xml', body: LOGO });
        }
        return route.abort('internetdisconnected');
    });
    const page = await context.newPage();
    const external = (url) => Boolean(url) && !url.startsWith(origin + '/');
    page.on('console', (msg) => {
        if (msg.type() !== 'error') return;
        const url = msg.location()?.url;
        // The machine is offline: remote images and other external resources fail, as they may.
        if (msg.text().startsWith('Failed to load resource') && external(url)) return;
        problems.push(`console error: ${msg.text()}${url ? ` (${url})` : ''}`);
    });
    page.on('pageerror', (err) => problems.push(`uncaught exception: ${err.message}`));
    page.on('requestfailed', (req) => {
        if (!external(req.url())) problems.push(`request failed: ${req.url()} (${req.failure()?.errorText})`);
    });
    page.on('response', (res) => {
        if (!external(res.url()) && res.status() >= 400) problems.push(`HTTP ${res.status()} for ${res.url()}`);
    });
    await page.emulateMedia({ media });
    await page.goto(`${origin}/${at}`, { waitUntil: 'load' });
    // Lazy images load only near the viewport: bring the cards in (when printing, browsers load
    // them all), then wait for every image to settle.
    if (media === 'print') await page.evaluate(() => document.querySelectorAll('img[loading="lazy"]').forEach((i) => { i.loading = 'eager'; }));
    await page.locator('.hugo-links').first().scrollIntoViewIfNeeded().catch(() => { });
    await page.waitForFunction(() => [...document.images].every((i) => i.complete), null, { timeout: 10000 })
        .catch(() => problems.push('images still loading after 10s'));
    await page.evaluate(() => document.fonts.ready);
    await page.evaluate(() => window.scrollTo(0, 0));
    return { context, page, problems };
}

async function checkScreen(browser, origin, expected, theme, viewport, shots) {
    const where = `${theme} ${viewport.width}px`;
    const { context, page, problems } = await openPost(browser, origin, theme, viewport);
    try {
        const cls = await page.evaluate(() => document.documentElement.className);
        const themesOn = THEMES.filter((t) => cls.split(/\s+/).includes(t));
        if (themesOn.length !== 1 || themesOn[0] !== theme) fail(where, `<html class="${cls}">: the theme did not apply`);

        const layout = await page.evaluate(() => {
            const box = (el) => { const r = el.getBoundingClientRect(); return { left: r.left, right: r.right, width: r.width, height: r.height }; };
            const column = document.querySelector('.content main') ?? document.querySelector('main');
            const visible = (el) => {
                const cs = getComputedStyle(el);
                const r = el.getBoundingClientRect();
                return r.width > 0 && r.height > 0 && cs.visibility === 'visible' && Number(cs.opacity) > 0 && el.checkVisibility();
            };
            const overflow = [];
            const se = document.scrollingElement;
            if (se.scrollWidth > se.clientWidth) overflow.push(`the page is ${se.scrollWidth}px wide in a ${se.clientWidth}px window`);
            for (const sel of ['#mdbook-content', '.content', 'main', '.hugo-header', '.hugo-links', '.hugo-cards', '.hugo-card', '.hugo-card-link']) {
                for (const el of document.querySelectorAll(sel)) {
                    if (el.scrollWidth > el.clientWidth + 1) overflow.push(`${sel} scrolls sideways (${el.scrollWidth}px content in ${el.clientWidth}px)`);
                }
            }
            return {
                column: column && box(column),
                header: [...document.querySelectorAll('.hugo-header .hugo-title')].map(visible),
                overflow,
                cards: [...document.querySelectorAll('.hugo-card')].map((card) => {
                    const link = card.querySelector('.hugo-card-link');
                    const img = card.querySelector('.hugo-card-image');
                    const initial = card.querySelector('.hugo-card-initial');
                    return {
                        box: box(card),
                        visible: visible(card) && (!link || visible(link)),
                        href: link?.getAttribute('href') ?? null,
                        title: card.querySelector('.hugo-card-title')?.textContent.trim(),
                        initial: initial?.textContent.trim() ?? null,
                        initialVisible: Boolean(initial) && visible(initial),
                        image: img && { alt: img.getAttribute('alt') ?? '', broken: img.complete && img.naturalWidth === 0, loaded: img.naturalWidth > 0, src: img.getAttribute('src') },
                    };
                }),
            };
        });

        if (!layout.column) fail(where, 'no <main> content column');
        if (layout.header.length !== 1 || !layout.header[0]) fail(where, 'the post header title (.hugo-header .hugo-title) is not visible');
        for (const o of layout.overflow) fail(where, `horizontal overflow: ${o}`);
        if (layout.cards.length !== expected.length) {
            fail(where, `${layout.cards.length} link cards, the front matter has ${expected.length} links`);
        }
        const hrefs = layout.cards.map((c) => c.href);
        if (JSON.stringify(hrefs) !== JSON.stringify(expected)) {
            fail(where, `card links ${JSON.stringify(hrefs)} differ from the front matter's ${JSON.stringify(expected)}`);
        }
        for (const [i, card] of layout.cards.entries()) {
            const name = `card ${i + 1} (${card.title})`;
            if (!card.visible) fail(where, `${name} is not visible`);
            if (layout.column && (card.box.left < layout.column.left - 0.5 || card.box.right > layout.column.right + 0.5)) {
                fail(where, `${name} spans x ${card.box.left.toFixed(1)}..${card.box.right.toFixed(1)}, outside the content column ${layout.column.left.toFixed(1)}..${layout.column.right.toFixed(1)}`);
            }
            if (!card.initial) fail(where, `${name} has no placeholder initial`);
            if (card.image && card.initial) {
                // The stylesheet redraws the initial over a failed image from its alt text.
                const first = [...card.image.alt.trim()][0]?.toLocaleUpperCase();
                if (first !== card.initial.toLocaleUpperCase()) {
                    fail(where, `${name}: image alt "${card.image.alt}" does not start with its initial "${card.initial}"`);
                }
            }
        }
        if (viewport.name === 'phone' && layout.cards.length > 1) {
            const lefts = new Set(layout.cards.map((c) => Math.round(c.box.left)));
            if (lefts.size !== 1) fail(where, 'cards do not stack in one column on a phone');
        }

        // A failed image must look exactly like the placeholder: no broken-image icon, no alt text.
        const media = page.locator('.hugo-card-media');
        for (let i = 0; i < layout.cards.length; i++) {
            const card = layout.cards[i];
            if (!card.image?.broken) continue;
            const tile = media.nth(i);
            await tile.scrollIntoViewIfNeeded();
            const shown = await tile.screenshot();
            await tile.evaluate((el) => { el.querySelector('.hugo-card-image').style.display = 'none'; });
            const placeholder = await tile.screenshot();
            await tile.evaluate((el) => { el.querySelector('.hugo-card-image').style.display = ''; });
            const diff = await page.evaluate(comparePngs, [shown, placeholder].map((b) => `data:image/png;base64,${b.toString('base64')}`));
            if (diff.differing > diff.total * 0.005) {
                fail(where, `card ${i + 1} (${card.title}): its image (${card.image.src}) failed to load and the tile does not show the placeholder initial `
                    + `(${diff.differing} of ${diff.total} pixels differ${diff.sizes ? `; ${diff.sizes}` : ''}): a broken-image icon or alt text shows`);
            }
            if (!card.initialVisible) fail(where, `card ${i + 1} (${card.title}): the placeholder initial is not rendered`);
        }

        // Contrast, at rest and with the pointer on each card.
        await page.mouse.move(0, 0);
        const record = (mode, rows) => {
            for (const r of rows) {
                if (r.missing) { fail(where, `${mode}: no ${r.label} on the page`); continue; }
                figures.push({ theme, width: viewport.width, mode, ...r });
                if (r.ratio < AA) fail(where, `${mode}: ${r.label} "${r.text}" has contrast ${r.ratio.toFixed(2)}:1 (${r.fg} on ${r.bg}), below ${AA}:1`);
            }
        };
        record('screen', await page.evaluate(measureContrast, { items: TEXT, paper: false }));
        const cardItems = TEXT.filter(([, sel]) => sel.startsWith('.hugo-links'));
        for (let i = 0; i < layout.cards.length; i++) {
            await page.locator('.hugo-card').nth(i).hover();
            await page.waitForTimeout(50);
            const rows = await page.evaluate(measureContrast, { items: cardItems.map(([l, s, p]) => [l, `.hugo-card:nth-child(${i + 1} of .hugo-card) ${s.replace('.hugo-links ', '')}`, p]), paper: false });
            record(`hover card ${i + 1}`, rows);
        }
        await page.mouse.move(0, 0);

        await page.screenshot({ path: path.join(shots, `${theme}-${viewport.width}.png`), fullPage: true });
        for (const p of problems) fail(where, p);
    } finally {
        await context.close();
    }
}

/** With the images reachable, a logo (transparent but for a corner) hides the initial entirely. */
async function checkLoadedImages(browser, origin, theme, shots) {
    const where = `${theme} with images loaded`;
    const { context, page, problems } = await openPost(browser, origin, theme, VIEWPORTS[0], { images: 'loaded' });
    try {
        const tiles = page.locator('.hugo-card-media:has(.hugo-card-image)');
        const n = await tiles.count();
        for (let i = 0; i < n; i++) {
            const tile = tiles.nth(i);
            const loaded = await tile.evaluate((el) => el.querySelector('.hugo-card-image').naturalWidth > 0);
            if (!loaded) { fail(where, `image ${i + 1} did not load from the stand-in`); continue; }
            await tile.scrollIntoViewIfNeeded();
            const shown = await tile.screenshot();
            await tile.evaluate((el) => { el.querySelector('.hugo-card-initial').style.visibility = 'hidden'; });
            const withoutInitial = await tile.screenshot();
            const diff = await page.evaluate(comparePngs, [shown, withoutInitial].map((b) => `data:image/png;base64,${b.toString('base64')}`));
            if (diff.differing > 0) fail(where, `image ${i + 1}: the initial shows through a logo's transparent parts (${diff.differing} pixels)`);
        }
        await page.locator('.hugo-links').first().screenshot({ path: path.join(shots, `${theme}-images-loaded.png`) });
        for (const p of problems) fail(where, p);
    } finally {
        await context.close();
    }
}

/** mdBook's print.html (every chapter on one page) under print media. */
async function checkPrint(browser, origin, expected, theme, shots) {
    const where = `${theme} print.html`;
    const { context, page, problems } = await openPost(browser, origin, theme, VIEWPORTS[0], { media: 'print', at: 'print.html' });
    try {
        const cards = await page.evaluate(() => [...document.querySelectorAll('.hugo-card')].map((c) => {
            const r = c.getBoundingClientRect();
            return r.width > 0 && r.height > 0 && getComputedStyle(c).visibility === 'visible';
        }));
        if (cards.length < expected.length) fail(where, `${cards.length} link cards, fewer than the seed post's ${expected.length}`);
        if (cards.some((v) => !v)) fail(where, `cards ${cards.flatMap((v, i) => (v ? [] : [i + 1])).join(', ')} are not visible`);
        for (const r of await page.evaluate(measureContrast, { items: TEXT, paper: true })) {
            if (r.missing) { fail(where, `no ${r.label} on the page`); continue; }
            figures.push({ theme, width: 'print', mode: 'print', ...r });
            if (r.ratio < AA) fail(where, `${r.label} "${r.text}" has contrast ${r.ratio.toFixed(2)}:1 on paper (${r.fg} on ${r.bg}), below ${AA}:1`);
        }
        await page.locator('.hugo-header').first().screenshot({ path: path.join(shots, `${theme}-print-header.png`) });
        await page.locator('.hugo-links').first().screenshot({ path: path.join(shots, `${theme}-print-links.png`) });
        for (const p of problems) fail(where, p);
    } finally {
        await context.close();
    }
}

// ---- main ---------------------------------------------------------------------------------------

async function main() {
    const opts = parseArgs(process.argv.slice(2));
    const shotsDir = opts.screenshots;
    const expected = expectedLinks(readFileSync(opts.source, 'utf8'));
    if (expected.length === 0) usage(`found no \`links:\` with \`website:\` values in the front matter of ${opts.source}`);
    await mkdir(shotsDir, { recursive: true });

    const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
    if (!existsSync(executablePath)) usage(`no Chromium at ${executablePath} (set CHROMIUM)`);

    const server = await serve(opts.book);
    const origin = `http://127.0.0.1:${server.address().port}`;
    const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    try {
        for (const theme of THEMES) {
            for (const viewport of VIEWPORTS) await checkScreen(browser, origin, expected, theme, viewport, shotsDir);
            await checkLoadedImages(browser, origin, theme, shotsDir);
            await checkPrint(browser, origin, expected, theme, shotsDir);
        }
    } finally {
        await browser.close();
        server.close();
    }

    // The lowest contrast per theme and text, over widths and states.
    console.log(`Contrast (lowest over ${VIEWPORTS.map((v) => `${v.width}px`).join(', ')}, at rest and hovered; print on white paper), WCAG AA needs ${AA}:1`);
    const labels = [...new Set(TEXT.map(([l]) => l))];
    const cell = (rows) => rows.length ? Math.min(...rows.map((r) => r.ratio)).toFixed(2) : '-';
    const base = (label) => label.replace(/ #\d+$/, '');
    console.log(['text'.padEnd(22), ...THEMES.map((t) => t.padStart(7)), '  print(min)'].join(''));
    for (const label of labels) {
        const screen = THEMES.map((t) => cell(figures.filter((f) => f.theme === t && f.mode !== 'print' && base(f.label) === label)).padStart(7));
        const print = cell(figures.filter((f) => f.mode === 'print' && base(f.label) === label)).padStart(12);
        console.log([label.padEnd(22), ...screen, print].join(''));
    }
    console.log(`Screenshots in ${shotsDir}`);

    if (failures.length) {
        console.error(`\n${failures.length} browser check failure(s):`);
        for (const f of failures) console.error(`  - ${f}`);
        process.exit(1);
    }
    console.log(`\nAll browser checks passed: ${THEMES.length} themes x ${VIEWPORTS.length} widths, images loaded and missing, print.`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    main().catch((err) => {
        console.error(`check.mjs: could not run: ${err.stack ?? err}`);
        process.exit(2);
    });
}
