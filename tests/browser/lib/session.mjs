/*!
 * lib/session.mjs: what every check shares: the themes and widths, the browser's flags, the list
 * of failures and measured contrasts (`record` fails text below AA, but for mdBook's own link
 * and code colours, kept apart), whether a link is a page of the book, a static server for a
 * built book, and `open`, which loads one page of a book in a theme, at a width, on screen or in
 * print, over http or from disk, with the network cut off (every request that leaves the book is
 * aborted), and collects what went wrong while it loaded (console errors, failed requests, HTTP
 * errors).
 */

import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const HERE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const REPO = path.resolve(HERE, '..', '..');
export const THEMES = ['light', 'rust', 'coal', 'navy', 'ayu'];
export const VIEWPORTS = [
    { name: 'desktop', width: 1280, height: 800 },
    { name: 'phone', width: 375, height: 740 },
];
/** A sheet of A4 at 96 CSS pixels to the inch, for print layouts. */
export const PAPER = { name: 'paper', width: 794, height: 1123 };
export const AA = 4.5;
/** WCAG 1.4.11: what a focus ring needs against what is next to it. */
export const NON_TEXT = 3;
export const CHROMIUM_ARGS = [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Failures, the contrast figures of a whole run, and text below AA in mdBook's own colours. */
export const results = {
    failures: [],
    figures: [], // { book, at, theme, width, mode, label, text, ratio, fg, bg, ours, mdbook }
    mdbook: [], // the figures below AA whose colours are the theme's: mdbook is 'link' or 'code'
};
export const fail = (where, what) => results.failures.push(`${where}: ${what}`);

/** Records contrast rows: below AA fails, but in mdBook's own link or code colours (kept apart). */
export function record(where, book, theme, width, mode, rows, at) {
    for (const r of rows) {
        if (r.missing) { fail(where, `${mode}: no ${r.label} on the page`); continue; }
        const row = { book, at, theme, width, mode, ...r };
        results.figures.push(row);
        if (r.ratio >= AA) continue;
        if (r.mdbook) results.mdbook.push(row);
        else fail(where, `${mode}: ${r.label} "${r.text}" has contrast ${r.ratio.toFixed(2)}:1 (${r.fg} on ${r.bg}), below ${AA}:1`);
    }
}

/** Whether `href`, relative to the page at `at`, is a page of the book on disk. */
export function resolvesInBook(book, at, href) {
    const url = new URL(href, `http://book/${at}`);
    if (url.host !== 'book') return false;
    let file = path.join(book.dir, decodeURIComponent(url.pathname));
    if (url.pathname.endsWith('/')) file = path.join(file, 'index.html');
    return existsSync(file);
}

// ---- a static server for a book -----------------------------------------------------------------

const TYPES = {
    '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8', '.json': 'application/json', '.svg': 'image/svg+xml',
    '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif',
    '.webp': 'image/webp', '.ico': 'image/x-icon', '.woff': 'font/woff', '.woff2': 'font/woff2',
    '.ttf': 'font/ttf', '.txt': 'text/plain; charset=utf-8',
};

/** Serves `root` on 127.0.0.1; resolves to its origin (`http://127.0.0.1:PORT`) and the server. */
export function serve(root) {
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
    return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
        resolve({ server, origin: `http://127.0.0.1:${server.address().port}` });
    }));
}

/** The base URL a book's pages load from: its server's origin, or its folder as `file://`. */
export function baseOf(book, via) {
    return via === 'file' ? pathToFileURL(book.dir + path.sep).href : `${book.origin}/`;
}

// ---- a page ------------------------------------------------------------------------------------------

/** A transparent SVG with one mark in a corner: stands in for a remote logo that loaded. */
const LOGO = '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="120"><circle cx="18" cy="18" r="14" fill="#326ce5"/></svg>';
const INPAGE = path.join(HERE, 'lib', 'inpage.js');

/**
 * Opens `at` (a path in the book) in `theme` at `viewport`. `media`: 'screen' or 'print';
 * `images`: 'offline' (remote images fail, as they do offline) or 'loaded' (every remote image
 * answers with a logo); `via`: 'http' (the book's server) or 'file' (its folder, from disk).
 * Resolves to { context, page, problems }; close the context when done.
 */
export async function open(browser, book, theme, viewport, { media = 'screen', images = 'offline', at, via = 'http' } = {}) {
    const base = baseOf(book, via);
    const context = await browser.newContext({ viewport, colorScheme: 'light', reducedMotion: 'reduce' });
    await context.addInitScript((t) => {
        try { localStorage.setItem('mdbook-theme', t); } catch { }
        window.print = () => { }; // print.html opens the print dialog on load
    }, theme);
    await context.addInitScript({ path: INPAGE });
    const problems = [];
    const external = (url) => Boolean(url) && !url.startsWith(base) && !url.startsWith('data:');
    await context.route('**/*', (route) => {
        const url = route.request().url();
        if (!external(url)) return route.continue();
        if (images === 'loaded' && route.request().resourceType() === 'image') {
            return route.fulfill({ status: 200, contentType: 'image/svg+xml', body: LOGO });
        }
        return route.abort('internetdisconnected');
    });
    const page = await context.newPage();
    page.on('console', (msg) => {
        if (msg.type() !== 'error') return;
        const url = msg.location()?.url;
        // The machine is offline: remote images, players and scripts fail, as they may.
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
    await page.goto(new URL(at, base).href, { waitUntil: 'load' });
    // Lazy images load only near the viewport (when printing, browsers load them all): load
    // them now, then wait for every image to settle.
    await page.evaluate(() => document.querySelectorAll('img[loading="lazy"]').forEach((i) => { i.loading = 'eager'; }));
    await page.waitForFunction(() => [...document.images].every((i) => i.complete), null, { timeout: 10000 })
        .catch(() => problems.push('images still loading after 10s'));
    await page.evaluate(() => document.fonts.ready);
    await page.evaluate(() => window.scrollTo(0, 0));
    return { context, page, problems };
}

/** Fails when the page's <html> does not carry `theme` (and only it) among the five. */
export async function themeApplied(page, where, theme) {
    const cls = await page.evaluate(() => document.documentElement.className);
    const on = THEMES.filter((t) => cls.split(/\s+/).includes(t));
    if (on.length !== 1 || on[0] !== theme) fail(where, `<html class="${cls}">: the theme did not apply`);
}

/** Runs in the page: compares two PNG screenshots (data URLs) pixel by pixel. */
export async function comparePngs([a, b]) {
    const load = (src) => new Promise((ok, bad) => {
        const img = new Image();
        img.onload = () => ok(img);
        img.onerror = () => bad(new Error('cannot decode screenshot'));
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

/** Two screenshots (PNG buffers) compared in `page`. */
export function compareShots(page, a, b) {
    return page.evaluate(comparePngs, [a, b].map((s) => `data:image/png;base64,${s.toString('base64')}`));
}
