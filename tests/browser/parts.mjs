/*!
 * parts.mjs: the checks on every part mdbook-hugo adds to a page beyond the seed post's header
 * and cards, on the fixture blog (tests/browser/fixture, built as a book from its Hugo site) and
 * on the repository's own book's term pages:
 *
 * - on every page, in each of mdBook's five themes at desktop and phone widths: nothing reaches
 *   past the content column or scrolls sideways; every piece of text in the column meets WCAG AA
 *   (4.5:1) against what it is drawn on; no console errors, failed requests or broken images;
 * - the cover (Stack's `image:`): loaded, inside the column, not distorted, not taller than
 *   60% of the window, the title still on the first screen; a remote one, offline, gone;
 * - the term chips: links to pages of the book; hovered, they change and stay AA; focused from
 *   the keyboard, they show a ring of 3:1 against the page and stay AA;
 * - players: over http the iframe plays in a 16:9 box and the placeholder is hidden; from disk
 *   (file://) the placeholder takes its place, 16:9, naming the service and linking to it; a
 *   script embed that cannot load (offline) shows its placeholder;
 * - figures: the image loaded and in proportion, the caption under it, visible, not clipped;
 * - details (closed ones open on a click), mdBook admonitions of the five kinds (their icons
 *   3:1 against the page), Stack's quote with its cite, the site's own callout: visible, inside
 *   the column;
 * - list pages (terms, a taxonomy, a section, Stack's archives): every entry links to a page;
 * - in print (print.html on a sheet of A4, paper white): every embed prints as its placeholder
 *   with its address, the cover fits the sheet, closed details print their content, and every
 *   piece of text is AA on white.
 */

import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { NON_TEXT, PAPER, VIEWPORTS, fail, open, record, resolvesInBook, themeApplied } from './lib/session.mjs';
import { chips, cover, lostCover } from './header.mjs';

/** The fixture's pages, and the parts each must show. */
export const FIXTURE_PAGES = [
    { name: 'shortcodes', at: 'p/every-shortcode/index.html', parts: ['cover', 'chips', 'embeds', 'figures', 'details', 'admonitions', 'quote', 'callout'] },
    { name: 'chips', at: 'p/many-terms/index.html', parts: ['chips', 'lost-cover'] },
    { name: 'term', at: 'tags/shortcodes/index.html', parts: ['list'] },
    { name: 'taxonomy', at: 'tags/index.html', parts: ['list'] },
    { name: 'category', at: 'categories/testing/index.html', parts: ['list'] },
    { name: 'section', at: 'post/index.html', parts: ['list'] },
    { name: 'archives', at: 'archives/index.html', parts: ['list'] },
    { name: 'home', at: 'index.html', parts: [] },
];

/** The text our stylesheets draw (the rest is mdBook's, or the author's in mdBook's colours). */
const OURS = '.hugo-header, .hugo-links, .hugo-embed, figcaption, blockquote .cite, details > summary';
/** Our boxes, which must not scroll sideways themselves. */
const BOXES = ['.hugo-header', '.hugo-categories', '.hugo-tags', '.hugo-embed', '.hugo-embed-fallback', 'figure', 'figcaption', 'details', 'blockquote'];

/** The real book's term pages: each taxonomy's page and its first term's. */
export function bookPages(dir) {
    const pages = [];
    for (const taxonomy of ['tags', 'categories']) {
        if (!existsSync(path.join(dir, taxonomy, 'index.html'))) continue;
        pages.push({ name: taxonomy, at: `${taxonomy}/index.html`, parts: ['list'] });
        const first = readdirSync(path.join(dir, taxonomy)).sort().find((t) => existsSync(path.join(dir, taxonomy, t, 'index.html')));
        if (first) pages.push({ name: `${taxonomy}-${first}`, at: `${taxonomy}/${first}/index.html`, parts: ['list'] });
    }
    return pages;
}

// ---- on screen ---------------------------------------------------------------------------------------

/** One page in one theme at one width, over http (or from disk with `via: 'file'`). */
export async function checkPage(browser, book, spec, theme, viewport, shots, { via = 'http' } = {}) {
    const where = `${book.name} ${spec.at} ${theme} ${viewport.width}px${via === 'file' ? ' file://' : ''}`;
    const { context, page, problems } = await open(browser, book, theme, viewport, { at: spec.at, via });
    try {
        await themeApplied(page, where, theme);
        for (const o of await page.evaluate((s) => hugoCheck.overflow({ scrolls: s }), BOXES)) fail(where, `horizontal overflow: ${o}`);
        // The book's own images must load (a remote one cannot, offline: its part says what shows).
        const broken = await page.evaluate(() => [...document.querySelectorAll('main img')]
            .filter((i) => { const u = new URL(i.src); return u.protocol === location.protocol && u.host === location.host; })
            .filter((i) => i.complete && i.naturalWidth === 0).map((i) => i.getAttribute('src')));
        for (const src of broken) fail(where, `image ${src} did not load`);
        await page.mouse.move(0, 0);
        record(where, book.name, theme, viewport.width, 'screen', await page.evaluate((o) => hugoCheck.sweep(o), { ours: OURS }), spec.at);

        const parts = new Set(spec.parts);
        if (parts.has('cover')) await cover(page, where, viewport);
        if (parts.has('lost-cover')) await lostCover(page, where);
        if (parts.has('embeds')) await embeds(page, where, via);
        if (parts.has('figures')) await figures(page, where);
        if (parts.has('admonitions') || parts.has('quote') || parts.has('callout')) await blocks(page, where, parts);
        if (parts.has('list')) await list(page, where, book, spec.at);
        if (parts.has('chips')) await chips(page, where, book, spec.at, theme, viewport);
        if (parts.has('details')) await details(page, where);

        await page.mouse.move(0, 0);
        await page.evaluate(() => { document.activeElement?.blur(); window.scrollTo(0, 0); });
        const shot = `${book.name}-${spec.name}${via === 'file' ? '-file' : ''}-${theme}-${viewport.width}.png`;
        await page.screenshot({ path: path.join(shots, shot), fullPage: true });
        for (const p of problems) fail(where, p);
    } finally {
        await context.close();
    }
}

async function embeds(page, where, via) {
    const found = await page.evaluate(() => [...document.querySelectorAll('.hugo-embed')].map((e) => {
        const fallback = e.querySelector(':scope > .hugo-embed-fallback');
        const player = [...e.children].find((c) => c !== fallback && c.localName !== 'script');
        const frame = e.querySelector('iframe');
        return {
            kind: e.classList.contains('hugo-embed-script') ? 'script' : 'frame',
            service: fallback?.querySelector('.hugo-embed-service')?.textContent.trim(),
            href: fallback?.getAttribute('href'),
            fallback: fallback && { shown: hugoCheck.visible(fallback), box: hugoCheck.box(fallback) },
            player: player ? { shown: hugoCheck.visible(player), box: hugoCheck.box(player) } : null,
            frame: frame ? { shown: hugoCheck.visible(frame), box: hugoCheck.box(frame) } : null,
            fileClass: document.documentElement.classList.contains('hugo-file'),
        };
    }));
    if (found.length < 3) fail(where, `${found.length} embeds, the fixture has 3`);
    for (const [i, e] of found.entries()) {
        const name = `embed ${i + 1} (${e.service})`;
        if (!e.fallback) { fail(where, `${name} has no placeholder`); continue; }
        if (!/^https:\/\//.test(e.href ?? '')) fail(where, `${name}'s placeholder links to ${e.href}, not an https address`);
        const ratio = (b) => b.width / b.height;
        if (e.kind === 'script') {
            // Offline, the gist's script never runs: its placeholder stays.
            if (!e.fallback.shown) fail(where, `${name}: the script could not load and its placeholder is not shown`);
            continue;
        }
        if (via === 'file') {
            if (!e.fileClass) fail(where, 'from disk, <html> lacks the hugo-file class (shortcodes.js did not run)');
            if (!e.fallback.shown) fail(where, `${name}: from disk the placeholder is not shown`);
            if (e.player?.shown) fail(where, `${name}: from disk the player still shows (it cannot play under file://)`);
            if (e.fallback.shown && Math.abs(ratio(e.fallback.box) / (16 / 9) - 1) > 0.02) {
                fail(where, `${name}: the placeholder is ${e.fallback.box.width.toFixed(0)}x${e.fallback.box.height.toFixed(0)}, not 16:9 like the player it stands for`);
            }
        } else {
            if (e.fallback.shown) fail(where, `${name}: over http the placeholder shows instead of the player`);
            if (!e.frame?.shown) { fail(where, `${name}: over http the player's iframe is not shown`); continue; }
            if (Math.abs(ratio(e.frame.box) / (16 / 9) - 1) > 0.02) {
                fail(where, `${name}: the player is ${e.frame.box.width.toFixed(0)}x${e.frame.box.height.toFixed(0)}, not 16:9`);
            }
        }
    }
}

async function figures(page, where) {
    const found = await page.evaluate(() => [...document.querySelectorAll('main figure')].map((f) => {
        const img = f.querySelector('img');
        const cap = f.querySelector('figcaption');
        return {
            src: img?.getAttribute('src'), natural: img ? [img.naturalWidth, img.naturalHeight] : null,
            img: img && hugoCheck.box(img), fit: img && getComputedStyle(img).objectFit, figure: hugoCheck.box(f),
            caption: cap && {
                box: hugoCheck.box(cap), shown: hugoCheck.visible(cap), text: cap.textContent.trim().slice(0, 40),
                clipped: cap.scrollHeight > cap.clientHeight + 1 || cap.scrollWidth > cap.clientWidth + 1,
            },
        };
    }));
    if (found.length < 2) fail(where, `${found.length} figures, the fixture has 2`);
    for (const [i, f] of found.entries()) {
        const name = `figure ${i + 1} (${f.src})`;
        if (!f.img || f.natural[0] === 0) { fail(where, `${name}: its image did not load`); continue; }
        const drawn = f.img.width / f.img.height;
        if (f.fit !== 'contain' && f.fit !== 'cover' && Math.abs(drawn / (f.natural[0] / f.natural[1]) - 1) > 0.02) {
            fail(where, `${name}: drawn ${f.img.width.toFixed(0)}x${f.img.height.toFixed(0)}, out of proportion with its ${f.natural.join('x')}`);
        }
        if (f.img.left < f.figure.left - 0.5 || f.img.right > f.figure.right + 0.5) fail(where, `${name}: the image is wider than its figure`);
        if (!f.caption) { fail(where, `${name} has no caption`); continue; }
        if (!f.caption.shown) fail(where, `${name}: the caption "${f.caption.text}" is not visible`);
        if (f.caption.clipped) fail(where, `${name}: the caption "${f.caption.text}" is cut off`);
        if (f.caption.box.top < f.img.bottom - 1) fail(where, `${name}: the caption overlaps the image`);
    }
}

async function blocks(page, where, parts) {
    const b = await page.evaluate(() => ({
        admonitions: [...document.querySelectorAll('main blockquote.blockquote-tag')].map((q) => {
            const icon = q.querySelector('.blockquote-tag-title svg');
            const fill = icon && hugoCheck.rgba(getComputedStyle(icon).fill);
            return {
                shown: hugoCheck.visible(q), title: q.querySelector('.blockquote-tag-title')?.textContent.trim(),
                icon: icon && { ratio: hugoCheck.ratio(fill, hugoCheck.backgroundOf(q, false)), fill: hugoCheck.hex(fill) },
            };
        }),
        cites: [...document.querySelectorAll('main blockquote .cite')].map((c) => ({
            shown: hugoCheck.visible(c), inside: (() => { const q = hugoCheck.box(c.closest('blockquote')); const r = hugoCheck.box(c); return r.left >= q.left - 0.5 && r.right <= q.right + 0.5; })(),
        })),
        callouts: [...document.querySelectorAll('main .callout')].map((c) => hugoCheck.visible(c)),
    }));
    if (parts.has('admonitions')) {
        const kinds = ['Note', 'Tip', 'Important', 'Warning', 'Caution'];
        const titles = b.admonitions.map((a) => a.title);
        for (const k of kinds) if (!titles.includes(k)) fail(where, `no ${k} admonition (the fixture has one of each kind)`);
        for (const a of b.admonitions) {
            if (!a.shown || !a.title) fail(where, `admonition "${a.title}" is not visible with its title`);
            if (!a.icon) fail(where, `admonition "${a.title}" has no icon`);
            else if (a.icon.ratio < NON_TEXT) fail(where, `admonition "${a.title}": its icon ${a.icon.fill} has contrast ${a.icon.ratio.toFixed(2)}:1 with the page, below ${NON_TEXT}:1`);
        }
    }
    if (parts.has('quote')) {
        if (b.cites.length !== 1) fail(where, `${b.cites.length} quote citations, the fixture has 1`);
        for (const c of b.cites) if (!c.shown || !c.inside) fail(where, 'the quote\'s citation is not visible inside its quote');
    }
    if (parts.has('callout') && !(b.callouts.length === 1 && b.callouts[0])) fail(where, 'the site\'s callout is not visible');
}

async function details(page, where) {
    const state = () => page.evaluate(() => [...document.querySelectorAll('main details')].map((d) => ({
        open: d.open, summary: hugoCheck.visible(d.querySelector('summary')),
        body: [...d.children].filter((c) => c.localName !== 'summary').some((c) => hugoCheck.visible(c)),
    })));
    const before = await state();
    if (before.length < 2) fail(where, `${before.length} details, the fixture has 2`);
    for (const [i, d] of before.entries()) {
        if (!d.summary) fail(where, `details ${i + 1}: its summary is not visible`);
        if (d.open !== d.body) fail(where, `details ${i + 1} is ${d.open ? 'open' : 'closed'} but its content is ${d.body ? '' : 'not '}shown`);
    }
    const closed = before.findIndex((d) => !d.open);
    if (closed < 0) return;
    await page.locator('main details').nth(closed).locator('summary').click();
    const after = await state();
    if (!after[closed]?.open || !after[closed]?.body) fail(where, `details ${closed + 1} does not open on a click`);
    await page.locator('main details').nth(closed).locator('summary').click();
}

async function list(page, where, book, at) {
    const links = await page.evaluate(() => [...document.querySelectorAll('main li a')].map((a) => ({
        href: a.getAttribute('href'), text: a.textContent.trim(), shown: hugoCheck.visible(a),
    })));
    if (links.length === 0) fail(where, 'the list page lists nothing');
    for (const l of links) {
        if (!l.shown) fail(where, `entry "${l.text}" is not visible`);
        if (!resolvesInBook(book, at, l.href)) fail(where, `entry "${l.text}" links to ${l.href}, not a page of the book`);
    }
}

// ---- in print -----------------------------------------------------------------------------------------

/** The fixture's print.html (every chapter on one page) in `theme`, on a sheet of A4. */
export async function checkPrint(browser, book, theme, shots) {
    const where = `${book.name} print.html ${theme}`;
    const { context, page, problems } = await open(browser, book, theme, PAPER, { media: 'print', at: 'print.html' });
    try {
        for (const o of await page.evaluate((s) => hugoCheck.overflow({ scrolls: s }), BOXES)) fail(where, `overflow: ${o}`);
        const p = await page.evaluate(() => ({
            embeds: [...document.querySelectorAll('.hugo-embed')].map((e) => {
                const fallback = e.querySelector(':scope > .hugo-embed-fallback');
                return {
                    href: fallback?.getAttribute('href'), shown: Boolean(fallback) && hugoCheck.visible(fallback),
                    address: fallback ? getComputedStyle(fallback, '::after').content : '',
                    players: [...e.children].filter((c) => c !== fallback && c.localName !== 'script' && hugoCheck.visible(c)).length,
                };
            }),
            covers: [...document.querySelectorAll('.hugo-cover')].map((c) => ({
                src: c.getAttribute('src'), box: hugoCheck.box(c), loaded: c.naturalWidth > 0, shown: hugoCheck.visible(c),
                local: new URL(c.src).protocol === location.protocol,
            })),
            width: document.querySelector('main').getBoundingClientRect().width,
            captions: [...document.querySelectorAll('main figcaption')].map((c) => hugoCheck.visible(c)),
            details: [...document.querySelectorAll('main details')].map((d) => ({
                summary: d.querySelector('summary')?.textContent.trim(),
                body: [...d.children].filter((c) => c.localName !== 'summary').some((c) => hugoCheck.visible(c)),
            })),
        }));
        if (p.embeds.length < 3) fail(where, `${p.embeds.length} embeds, the fixture has 3`);
        for (const [i, e] of p.embeds.entries()) {
            if (!e.shown) fail(where, `embed ${i + 1} (${e.href}) does not print its placeholder`);
            if (e.players) fail(where, `embed ${i + 1} (${e.href}) prints its player, which paper cannot play`);
            if (e.address !== `"${e.href}"`) fail(where, `embed ${i + 1} prints ${e.address} for its address, not "${e.href}"`);
        }
        if (!p.covers.some((c) => c.local)) fail(where, 'no cover in print');
        for (const c of p.covers) {
            if (c.local && !c.loaded) fail(where, `the cover ${c.src} did not load`);
            if (!c.local && (c.loaded || c.shown)) fail(where, `the remote cover ${c.src} ${c.loaded ? 'loaded, though the check is offline' : 'could not load and still prints'}`);
            if (c.box.width > p.width + 0.5) fail(where, `the cover ${c.src} is ${c.box.width.toFixed(0)}px wide on a ${p.width.toFixed(0)}px column`);
        }
        if (p.captions.length < 2 || p.captions.some((v) => !v)) fail(where, 'a figure caption does not print');
        if (p.details.length < 2) fail(where, `${p.details.length} details, the fixture has 2`);
        for (const d of p.details) if (!d.body) fail(where, `details "${d.summary}" prints its summary but not its content`);
        record(where, book.name, theme, 'print', 'print', await page.evaluate((o) => hugoCheck.sweep(o), { ours: OURS, paper: true }), 'print.html');
        await page.screenshot({ path: path.join(shots, `${book.name}-print-${theme}.png`), fullPage: true });
        for (const x of problems) fail(where, x);
    } finally {
        await context.close();
    }
}

/** Every check of this module over `fixture` (and the real book's term pages, `seed`). */
export async function checkAll(browser, { fixture, seed }, themes, shots) {
    const books = [[fixture, FIXTURE_PAGES], ...(seed ? [[seed, bookPages(seed.dir)]] : [])];
    for (const theme of themes) {
        for (const viewport of VIEWPORTS) {
            for (const [book, pages] of books) {
                for (const spec of pages) await checkPage(browser, book, spec, theme, viewport, shots);
            }
            await checkPage(browser, fixture, FIXTURE_PAGES[0], theme, viewport, shots, { via: 'file' });
        }
        await checkPrint(browser, fixture, theme, shots);
    }
}
