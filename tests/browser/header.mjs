/*!
 * header.mjs: the checks on the post header's new parts, for parts.mjs: the cover (Stack's
 * `image:`) and a remote cover that cannot load, and the term chips as links (where they lead,
 * hovered, focused from the keyboard).
 */

import { NON_TEXT, fail, record, resolvesInBook } from './lib/session.mjs';

/** The cover: loaded, spanning the column in proportion, under 60% of the window, title on screen. */
export async function cover(page, where, viewport) {
    const c = await page.evaluate(() => {
        const img = document.querySelector('.hugo-header .hugo-cover');
        const title = document.querySelector('.hugo-header .hugo-title');
        const main = document.querySelector('.content main');
        if (!img) return null;
        const cs = getComputedStyle(img);
        return {
            box: hugoCheck.box(img), column: hugoCheck.box(main), visible: hugoCheck.visible(img),
            natural: [img.naturalWidth, img.naturalHeight], fit: cs.objectFit,
            titleTop: title && title.getBoundingClientRect().top + window.scrollY,
        };
    });
    if (!c) return fail(where, 'no cover (.hugo-header .hugo-cover)');
    if (!c.visible) return fail(where, 'the cover is not visible');
    if (c.natural[0] === 0) return fail(where, 'the cover did not load');
    if (c.box.left < c.column.left - 0.5 || c.box.right > c.column.right + 0.5) {
        fail(where, `the cover spans x ${c.box.left.toFixed(1)}..${c.box.right.toFixed(1)}, outside the column ${c.column.left.toFixed(1)}..${c.column.right.toFixed(1)}`);
    }
    if (c.box.width < c.column.width - 1) fail(where, `the cover is ${c.box.width.toFixed(0)}px wide in a ${c.column.width.toFixed(0)}px column: it should span it`);
    const shown = c.box.width / c.box.height;
    const natural = c.natural[0] / c.natural[1];
    if (!['cover', 'contain'].includes(c.fit) && Math.abs(shown / natural - 1) > 0.02) {
        fail(where, `the cover is distorted: drawn ${c.box.width.toFixed(0)}x${c.box.height.toFixed(0)}, the image is ${c.natural.join('x')}`);
    }
    if (c.box.height > viewport.height * 0.6) fail(where, `the cover is ${c.box.height.toFixed(0)}px tall, more than 60% of a ${viewport.height}px window`);
    if (c.titleTop == null || c.titleTop > viewport.height) fail(where, `the title starts at ${c.titleTop?.toFixed(0)}px, below the first screen, under the cover`);
}

/** A remote cover, offline: taken away, no icon, no alt text, no empty band over the title. */
export async function lostCover(page, where) {
    const c = await page.evaluate(() => {
        const img = document.querySelector('.hugo-header .hugo-cover');
        const header = document.querySelector('.hugo-header');
        return img && {
            src: img.getAttribute('src'), failed: img.complete && img.naturalWidth === 0,
            height: img.getBoundingClientRect().height, shown: hugoCheck.visible(img),
            gap: header.firstElementChild === img && img.nextElementSibling
                ? img.nextElementSibling.getBoundingClientRect().top - header.getBoundingClientRect().top : 0,
        };
    });
    if (!c) return fail(where, 'no cover (.hugo-header .hugo-cover): the fixture gives this post a remote one');
    if (!c.failed) return fail(where, `the remote cover ${c.src} loaded, though the check is offline`);
    if (c.shown || c.height > 0) fail(where, `the cover ${c.src} could not load and still takes ${c.height.toFixed(0)}px (a broken-image icon or an empty band)`);
    if (c.gap > 1) fail(where, `the cover that could not load leaves ${c.gap.toFixed(0)}px above the rest of the header`);
}

/**
 * The term chips: each a link to a page of the book; hovered, it looks different and stays AA;
 * reached with Tab, it is :focus-visible with a ring 3:1 against the page, and stays AA.
 */
export async function chips(page, where, book, at, theme, viewport) {
    const sel = '.hugo-header :is(.hugo-category, .hugo-tag)';
    const found = await page.evaluate((s) => [...document.querySelectorAll(s)].map((c) => ({
        tag: c.localName, href: c.getAttribute('href'), text: c.textContent.trim(),
    })), sel);
    if (found.length === 0) return fail(where, 'no term chips in the header');
    for (const c of found) {
        if (c.tag !== 'a' || !c.href) fail(where, `chip "${c.text}" is not a link`);
        else if (!resolvesInBook(book, at, c.href)) fail(where, `chip "${c.text}" links to ${c.href}, not a page of the book`);
    }
    const look = (i) => page.evaluate(([s, n]) => {
        const el = document.querySelectorAll(s)[n];
        const cs = getComputedStyle(el);
        const around = hugoCheck.backgroundOf(el.parentElement, false);
        const ring = hugoCheck.rgba(cs.outlineColor);
        return {
            style: [cs.color, cs.backgroundColor, cs.borderColor, cs.textDecorationLine, cs.boxShadow].join('|'),
            text: hugoCheck.contrastOf(el, null, false), focusVisible: el.matches(':focus-visible'), active: document.activeElement === el,
            outline: { style: cs.outlineStyle, width: parseFloat(cs.outlineWidth), ratio: hugoCheck.ratio(ring, around), color: cs.outlineColor },
        };
    }, [sel, i]);
    const chip = page.locator(sel);
    for (let i = 0; i < found.length; i++) {
        const name = `chip "${found[i].text}"`;
        const rest = await look(i);
        await chip.nth(i).hover();
        await page.waitForTimeout(30);
        const hover = await look(i);
        if (hover.style === rest.style) fail(where, `${name} does not change when hovered`);
        record(where, book.name, theme, viewport.width, 'hover', [{ label: `${name} hovered`, text: found[i].text, ...hover.text }], at);
    }
    await page.mouse.move(0, 0);
    // Keyboard focus: from the element before the first list of chips, Tab through them all.
    await page.evaluate((s) => { const ul = document.querySelector(s).closest('ul'); ul.tabIndex = -1; ul.focus(); }, sel);
    for (let i = 0; i < found.length; i++) {
        await page.keyboard.press('Tab');
        const f = await look(i);
        const name = `chip "${found[i].text}"`;
        if (!f.active) { fail(where, `Tab does not reach ${name}`); break; }
        if (!f.focusVisible) fail(where, `${name} is focused but not :focus-visible`);
        if (f.outline.style === 'none' || f.outline.width < 1) fail(where, `${name} shows no focus ring (outline ${f.outline.style} ${f.outline.width}px)`);
        else if (f.outline.ratio < NON_TEXT) fail(where, `${name}'s focus ring ${f.outline.color} has contrast ${f.outline.ratio.toFixed(2)}:1 with the page, below ${NON_TEXT}:1`);
        record(where, book.name, theme, viewport.width, 'focus', [{ label: `${name} focused`, text: found[i].text, ...f.text }], at);
    }
}
