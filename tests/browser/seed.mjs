/*!
 * seed.mjs: the checks on the repository's own seed post (post/kubernetes-architecture/index.html),
 * what readers see of mdbook-hugo's header and link cards:
 *
 * - in each of mdBook's five themes, at desktop (1280x800) and phone (375x740) widths: the link
 *   cards are visible and inside the content column, nothing overflows sideways, card and header
 *   text meet WCAG AA (4.5:1) against the background it is really drawn on, no console errors,
 *   each card links where the post's front matter says, and an image that cannot load leaves the
 *   placeholder initial (pixel-compared), never a broken-image icon;
 * - with the images loaded, a logo covers the initial completely;
 * - in print (mdBook's print.html, every chapter on one page, under `print` media; the paper is
 *   taken as white, as browsers drop backgrounds), every header and card is still readable.
 */

import path from 'node:path';
import { AA, VIEWPORTS, compareShots, fail, open, results, themeApplied } from './lib/session.mjs';

export const PAGE = 'post/kubernetes-architecture/index.html';
// Text whose contrast is measured, as [label, selector, pseudo-element].
export const TEXT = [
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

export async function checkScreen(browser, book, expected, theme, viewport, shots) {
    const where = `${theme} ${viewport.width}px`;
    const { context, page, problems } = await open(browser, book, theme, viewport, { at: PAGE });
    try {
        await themeApplied(page, where, theme);

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
            const diff = await compareShots(page, shown, placeholder);
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
                results.figures.push({ book: 'seed', theme, width: viewport.width, mode, ...r });
                if (r.ratio < AA) fail(where, `${mode}: ${r.label} "${r.text}" has contrast ${r.ratio.toFixed(2)}:1 (${r.fg} on ${r.bg}), below ${AA}:1`);
            }
        };
        record('screen', await page.evaluate((o) => hugoCheck.contrast(o), { items: TEXT, paper: false }));
        const cardItems = TEXT.filter(([, sel]) => sel.startsWith('.hugo-links'));
        for (let i = 0; i < layout.cards.length; i++) {
            await page.locator('.hugo-card').nth(i).hover();
            await page.waitForTimeout(50);
            const rows = await page.evaluate((o) => hugoCheck.contrast(o), { items: cardItems.map(([l, s, p]) => [l, `.hugo-card:nth-child(${i + 1} of .hugo-card) ${s.replace('.hugo-links ', '')}`, p]), paper: false });
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
export async function checkLoadedImages(browser, book, theme, shots) {
    const where = `${theme} with images loaded`;
    const { context, page, problems } = await open(browser, book, theme, VIEWPORTS[0], { images: 'loaded', at: PAGE });
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
            const diff = await compareShots(page, shown, withoutInitial);
            if (diff.differing > 0) fail(where, `image ${i + 1}: the initial shows through a logo's transparent parts (${diff.differing} pixels)`);
        }
        await page.locator('.hugo-links').first().screenshot({ path: path.join(shots, `${theme}-images-loaded.png`) });
        for (const p of problems) fail(where, p);
    } finally {
        await context.close();
    }
}

/** mdBook's print.html (every chapter on one page) under print media. */
export async function checkPrint(browser, book, expected, theme, shots) {
    const where = `${theme} print.html`;
    const { context, page, problems } = await open(browser, book, theme, VIEWPORTS[0], { media: 'print', at: 'print.html' });
    try {
        const cards = await page.evaluate(() => [...document.querySelectorAll('.hugo-card')].map((c) => {
            const r = c.getBoundingClientRect();
            return r.width > 0 && r.height > 0 && getComputedStyle(c).visibility === 'visible';
        }));
        if (cards.length < expected.length) fail(where, `${cards.length} link cards, fewer than the seed post's ${expected.length}`);
        if (cards.some((v) => !v)) fail(where, `cards ${cards.flatMap((v, i) => (v ? [] : [i + 1])).join(', ')} are not visible`);
        for (const r of await page.evaluate((o) => hugoCheck.contrast(o), { items: TEXT, paper: true })) {
            if (r.missing) { fail(where, `no ${r.label} on the page`); continue; }
            results.figures.push({ book: 'seed', theme, width: 'print', mode: 'print', ...r });
            if (r.ratio < AA) fail(where, `${r.label} "${r.text}" has contrast ${r.ratio.toFixed(2)}:1 on paper (${r.fg} on ${r.bg}), below ${AA}:1`);
        }
        await page.locator('.hugo-header').first().screenshot({ path: path.join(shots, `${theme}-print-header.png`) });
        await page.locator('.hugo-links').first().screenshot({ path: path.join(shots, `${theme}-print-links.png`) });
        for (const p of problems) fail(where, p);
    } finally {
        await context.close();
    }
}
