/*!
 * lib/inpage.js: what the checks measure inside the page, installed in every page (and frame)
 * before the page's own scripts as `window.hugoCheck`; the Node side calls it through
 * `page.evaluate`. Plain browser JavaScript, no modules, nothing kept between calls.
 *
 * - Colours are normalised by painting them on a canvas, so any CSS colour syntax (color-mix,
 *   oklab, color()) is read the same way, as sRGB 0-255 plus alpha.
 * - The background text is drawn on is found by walking up the ancestors and compositing their
 *   background colours until one is opaque. In `paper` mode (print) a background only counts when
 *   the element prints it (print-color-adjust: exact), as browsers drop the rest, and the paper is
 *   white.
 * - Contrast is WCAG 2's: relative luminance, (L1 + 0.05) / (L2 + 0.05).
 */
(function () {
    'use strict';
    if (window.hugoCheck) return;
    let ctx = null;
    function rgba(css) {
        if (!ctx) {
            ctx = Object.assign(document.createElement('canvas'), { width: 1, height: 1 })
                .getContext('2d', { willReadFrequently: true });
        }
        ctx.clearRect(0, 0, 1, 1);
        ctx.fillStyle = '#000';
        ctx.fillStyle = css;
        ctx.fillRect(0, 0, 1, 1);
        const [r, g, b, a] = ctx.getImageData(0, 0, 1, 1).data;
        return a === 0 ? [0, 0, 0, 0] : [r, g, b, a / 255];
    }
    /** `top` composited over an opaque `bottom`. */
    function over(top, bottom) {
        const a = top[3];
        return [0, 1, 2].map((i) => top[i] * a + bottom[i] * (1 - a)).concat(1);
    }
    function lum([r, g, b]) {
        const f = (v) => { v /= 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
        return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    }
    function ratio(x, y) {
        const [a, b] = [lum(x), lum(y)].sort((p, q) => q - p);
        return (a + 0.05) / (b + 0.05);
    }
    function hex(c) {
        return '#' + c.slice(0, 3).map((v) => Math.round(v).toString(16).padStart(2, '0')).join('');
    }
    /** The opaque colour behind `el`. */
    function backgroundOf(el, paper) {
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
    }
    function opacityOf(el) {
        let opacity = 1;
        for (let n = el; n; n = n.parentElement) opacity *= Number(getComputedStyle(n).opacity);
        return opacity;
    }
    /** `el`'s text (or its `pseudo`'s) against what it is drawn on. */
    function contrastOf(el, pseudo, paper) {
        const fgc = rgba(getComputedStyle(el, pseudo || null).color);
        const bg = backgroundOf(el, paper);
        const fg = over([fgc[0], fgc[1], fgc[2], fgc[3] * opacityOf(el)], bg);
        return { fg: hex(fg), bg: hex(bg), ratio: ratio(fg, bg) };
    }
    function visible(el) {
        const cs = getComputedStyle(el);
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && cs.visibility === 'visible' && Number(cs.opacity) > 0
            && el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
    }
    /** A short name for an element: `p.hugo-lead`, `figcaption > p`, `a.hugo-tag`. */
    function nameOf(el) {
        const one = (n) => n.localName + [...n.classList].filter((c) => !/^(js|sidebar-)/.test(c)).slice(0, 2).map((c) => `.${c}`).join('');
        const p = el.parentElement;
        return p && p.localName !== 'main' && !el.classList.length ? `${one(p)} > ${one(el)}` : one(el);
    }
    function box(el) {
        const r = el.getBoundingClientRect();
        return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width, height: r.height };
    }

    /**
     * Every piece of text inside `scope` (elements with text of their own, as a reader sees it),
     * against what it is drawn on. `ours` is a selector: text inside it is drawn by our
     * stylesheets (or Hugo's markup they style); text outside is mdBook's, and on screen a link
     * there in mdBook's own link colour, or a highlighted code block's text, is told apart
     * (`mdbook`: 'link' or 'code'), as those colours are the theme's choice. On paper the page's
     * ink is ours (hugo.css's print rules), so nothing is told apart.
     */
    function sweep({ scope = 'main', paper = false, ours = '' } = {}) {
        const out = [];
        for (const root of document.querySelectorAll(scope)) {
            const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
            const seen = new Set();
            for (let t = walker.nextNode(); t; t = walker.nextNode()) {
                const el = t.parentElement;
                if (!el || seen.has(el) || !t.data.trim()) continue;
                seen.add(el);
                if (el.closest('script, style, svg, noscript, template') || !visible(el)) continue;
                const link = el.closest('a');
                const c = contrastOf(el, null, paper);
                const own = Boolean(ours) && Boolean(el.closest(ours));
                const links = link && rgba(getComputedStyle(link).color).join() === rgba(getComputedStyle(link).getPropertyValue('--links') || 'transparent').join();
                // On screen, a link in mdBook's --links and highlighted code are the theme's colours.
                let mdbook = null;
                if (!paper && !own && links) mdbook = 'link';
                else if (!paper && el.closest('pre code.hljs')) mdbook = 'code';
                out.push({
                    label: nameOf(el),
                    text: el.textContent.trim().replace(/\s+/g, ' ').slice(0, 40),
                    ours: own,
                    mdbook,
                    ...c,
                });
            }
        }
        return out;
    }

    /** For each [label, selector, pseudo], the contrast of every element the selector finds. */
    function contrast({ items, paper = false }) {
        const out = [];
        for (const [label, selector, pseudo] of items) {
            const els = [...document.querySelectorAll(selector)];
            if (els.length === 0) { out.push({ label, missing: true }); continue; }
            els.forEach((el, i) => {
                out.push({
                    label: els.length > 1 ? `${label} #${i + 1}` : label,
                    text: (pseudo ? getComputedStyle(el, pseudo).content : el.textContent).trim().slice(0, 40),
                    ...contrastOf(el, pseudo, paper),
                });
            });
        }
        return out;
    }

    /**
     * What sticks out of the content column or scrolls sideways: the page wider than the window,
     * any element of `scope` that scrolls sideways (a `pre` or table wrapper may, by design: those
     * are left out), and any visible element reaching past the column's edges (the outermost
     * only; what is inside a box that clips or scrolls is that box's business).
     */
    function overflow({ column = '.content main', scrolls = [] } = {}) {
        const found = [];
        const se = document.scrollingElement;
        if (se.scrollWidth > se.clientWidth) found.push(`the page is ${se.scrollWidth}px wide in a ${se.clientWidth}px window`);
        const main = document.querySelector(column) || document.querySelector('main');
        if (!main) return ['no content column'];
        for (const sel of ['#mdbook-content', '.content', 'main', ...scrolls]) {
            for (const el of document.querySelectorAll(sel)) {
                if (el.scrollWidth > el.clientWidth + 1) found.push(`${sel} scrolls sideways (${el.scrollWidth}px content in ${el.clientWidth}px)`);
            }
        }
        const edge = main.getBoundingClientRect();
        // What a clip-path of `inset()` leaves of the box (the header's date row is pulled back
        // and clipped, so its separators never start a line): its children are clipped to it.
        const clipped = (el) => {
            const r = el.getBoundingClientRect();
            const m = /^inset\(([^)]*)\)/.exec(getComputedStyle(el).clipPath);
            if (!m) return r;
            const v = m[1].split(/\s+/).map(parseFloat).filter((x) => !Number.isNaN(x));
            const [t, rt, , l] = [v[0] ?? 0, v[1] ?? v[0] ?? 0, v[2] ?? v[0] ?? 0, v[3] ?? v[1] ?? v[0] ?? 0];
            return { left: r.left + l, right: r.right - rt, top: r.top + t, bottom: r.bottom };
        };
        const clips = (el) => { const o = getComputedStyle(el).overflowX; return o !== 'visible'; };
        const stack = [...main.children];
        while (stack.length) {
            const el = stack.pop();
            if (!visible(el)) { if (getComputedStyle(el).display !== 'none') stack.push(...el.children); continue; }
            const r = clipped(el);
            if (r.left < edge.left - 0.5 || r.right > edge.right + 0.5) {
                found.push(`${nameOf(el)} spans x ${r.left.toFixed(1)}..${r.right.toFixed(1)}, outside the column ${edge.left.toFixed(1)}..${edge.right.toFixed(1)}`);
                continue;
            }
            if (!clips(el) && getComputedStyle(el).clipPath === 'none') stack.push(...el.children);
        }
        return found;
    }

    window.hugoCheck = { rgba, ratio, hex, contrastOf, backgroundOf, visible, box, nameOf, sweep, contrast, overflow };
})();
