#!/usr/bin/env node
/*!
 * check.mjs: headless Chromium over built books, checking what readers see of mdbook-hugo's
 * markup in mdBook's five themes, at desktop and phone widths, and in print:
 *
 * - seed.mjs: the repository's seed post (its header and link cards: placement, contrast, the
 *   links, the placeholder initial of an image that cannot load, a logo covering it);
 * - parts.mjs: every other part (shortcode output and embeds' placeholders, the cover, term
 *   chips as links, taxonomy, term, section and archives pages) on the fixture blog
 *   (tests/browser/fixture, built as a book), and the real book's term pages.
 *
 * The machine is treated as offline: every request that leaves a book is aborted, so the check
 * does not depend on the network (a player's iframe is there, but plays nothing).
 *
 * Usage: node tests/browser/check.mjs <built-book-dir> [--fixture <built-fixture-dir>]
 *                                     [--source <post.md>] [--screenshots <dir>] [--themes a,b]
 *                                     [--figures <file.json>]
 *   <built-book-dir>  the real book's HTML output (the directory holding index.html and post/)
 *   --fixture         the fixture blog's HTML output; without it only the seed post is checked
 *   --source          the seed post's markdown, for the expected `links:` (default: the repository's)
 *   --screenshots     where the PNGs go (default: target/browser-screenshots)
 *   --themes          a comma-separated subset of the five themes, for a quicker look
 *   --figures         write every contrast measured (page, theme, width, state, text, colours) as JSON
 * Environment: CHROMIUM (default /usr/bin/chromium).
 * Exit status: 0 all good, 1 failures (listed), 2 could not run.
 */

import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { AA, CHROMIUM_ARGS, REPO, THEMES, VIEWPORTS, results, serve } from './lib/session.mjs';
import * as seed from './seed.mjs';
import * as parts from './parts.mjs';

// ---- command line ------------------------------------------------------------------------------

function usage(message) {
    console.error(`check.mjs: ${message}`);
    console.error('usage: node tests/browser/check.mjs <built-book-dir> [--fixture <built-fixture-dir>] [--source <post.md>] [--screenshots <dir>] [--themes a,b] [--figures <file.json>]');
    process.exit(2);
}

function parseArgs(argv) {
    const opts = {
        source: path.join(REPO, 'book', 'post', 'kubernetes-architecture', 'index.md'),
        screenshots: path.join(REPO, 'target', 'browser-screenshots'),
        fixture: null,
        figures: null,
        themes: THEMES,
    };
    const rest = [];
    for (let i = 0; i < argv.length; i++) {
        const flag = argv[i];
        if (['--source', '--screenshots', '--fixture', '--themes', '--figures'].includes(flag)) {
            if (i + 1 >= argv.length) usage(`${flag} needs a value`);
            const value = argv[++i];
            if (flag === '--themes') {
                opts.themes = value.split(',').map((t) => t.trim()).filter(Boolean);
                const unknown = opts.themes.filter((t) => !THEMES.includes(t));
                if (unknown.length || !opts.themes.length) usage(`--themes ${value}: the themes are ${THEMES.join(', ')}`);
            } else {
                opts[flag.slice(2)] = path.resolve(value);
            }
        } else if (flag.startsWith('--')) {
            usage(`unknown option ${flag}`);
        } else {
            rest.push(flag);
        }
    }
    if (rest.length !== 1) usage('give exactly one built book directory');
    opts.book = path.resolve(rest[0]);
    if (!existsSync(path.join(opts.book, seed.PAGE))) {
        usage(`${path.join(opts.book, seed.PAGE)} does not exist: is ${opts.book} the HTML output of \`mdbook build\`?`);
    }
    if (opts.fixture && !existsSync(path.join(opts.fixture, parts.FIXTURE_PAGES[0].at))) {
        usage(`${path.join(opts.fixture, parts.FIXTURE_PAGES[0].at)} does not exist: is ${opts.fixture} the fixture blog built as a book?`);
    }
    if (!existsSync(opts.source)) usage(`${opts.source} does not exist (pass --source)`);
    return opts;
}

// ---- the summary --------------------------------------------------------------------------------

/** The lowest contrast per text and theme, over widths and states; print on white paper. */
function summary(themes, rows, labels) {
    const cell = (list) => list.length ? Math.min(...list.map((r) => r.ratio)).toFixed(2) : '-';
    const base = (label) => label.replace(/ #\d+$/, '');
    console.log(['text'.padEnd(28), ...themes.map((t) => t.padStart(7)), '  print(min)'].join(''));
    for (const label of labels) {
        const screen = themes.map((t) => cell(rows.filter((f) => f.theme === t && f.mode !== 'print' && base(f.label) === label)).padStart(7));
        const print = cell(rows.filter((f) => f.mode === 'print' && base(f.label) === label)).padStart(12);
        console.log([label.slice(0, 27).padEnd(28), ...screen, print].join(''));
    }
}

// ---- main ---------------------------------------------------------------------------------------

async function main() {
    const opts = parseArgs(process.argv.slice(2));
    const shots = opts.screenshots;
    const expected = seed.expectedLinks(readFileSync(opts.source, 'utf8'));
    if (expected.length === 0) usage(`found no \`links:\` with \`website:\` values in the front matter of ${opts.source}`);
    await mkdir(shots, { recursive: true });

    const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
    if (!existsSync(executablePath)) usage(`no Chromium at ${executablePath} (set CHROMIUM)`);

    const servers = [];
    const book = async (name, dir) => {
        const { server, origin } = await serve(dir);
        servers.push(server);
        return { name, dir, origin };
    };
    const real = await book('book', opts.book);
    const fixture = opts.fixture && await book('fixture', opts.fixture);
    const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    const started = Date.now();
    try {
        for (const theme of opts.themes) {
            for (const viewport of VIEWPORTS) await seed.checkScreen(browser, real, expected, theme, viewport, shots);
            await seed.checkLoadedImages(browser, real, theme, shots);
            await seed.checkPrint(browser, real, expected, theme, shots);
        }
        if (fixture) await parts.checkAll(browser, { fixture, seed: real }, opts.themes, shots);
    } finally {
        await browser.close();
        servers.forEach((s) => s.close());
    }

    console.log(`Contrast of the seed post (lowest over ${VIEWPORTS.map((v) => `${v.width}px`).join(', ')}, at rest and hovered; print on white paper), WCAG AA needs ${AA}:1`);
    summary(opts.themes, results.figures.filter((f) => f.book === 'seed'), [...new Set(seed.TEXT.map(([l]) => l))]);
    if (fixture) {
        // Our stylesheets' text, and the chips hovered and focused, by what it is.
        const ours = results.figures.filter((f) => f.book === 'fixture' && (f.ours || f.mode === 'hover' || f.mode === 'focus'))
            .map((f) => (f.mode === 'hover' || f.mode === 'focus' ? { ...f, label: `chip ${f.mode === 'hover' ? 'hovered' : 'focused'}` } : f));
        console.log('\nContrast of the fixture\'s parts (our stylesheets\' text; lowest over pages, widths and states)');
        summary(opts.themes, ours, [...new Set(ours.map((f) => f.label))]);
        const all = results.figures.filter((f) => f.book !== 'seed');
        console.log(`\n${all.length} pieces of text measured on the fixture and the book's term pages; ${all.filter((f) => f.ratio < AA).length} below ${AA}:1`);
    }
    if (results.mdbook.length) {
        // The theme's own colours, below AA where they are: reported, not failed.
        console.log(`\nBelow ${AA}:1 in mdBook's own colours (the theme's choice; not failures), lowest per theme:`);
        for (const [kind, what] of [['link', 'links in --links'], ['code', 'highlighted code']]) {
            const rows = results.mdbook.filter((r) => r.mdbook === kind);
            if (!rows.length) continue;
            const pages = new Set(rows.map((r) => `${r.book}/${r.at}`));
            const themes = opts.themes.map((t) => rows.filter((r) => r.theme === t)).filter((list) => list.length)
                .map((list) => list.reduce((a, r) => (r.ratio < a.ratio ? r : a)))
                .map((r) => `${r.theme} ${r.ratio.toFixed(2)}:1 (${r.fg} on ${r.bg}, "${r.text.slice(0, 24)}")`);
            console.log(`  ${what}, on ${pages.size} page(s): ${themes.join('; ')}`);
        }
    }
    if (opts.figures) await writeFile(opts.figures, JSON.stringify(results.figures, null, 1));
    console.log(`Screenshots in ${shots}; ${((Date.now() - started) / 1000).toFixed(0)}s in the browser`);

    if (results.failures.length) {
        console.error(`\n${results.failures.length} browser check failure(s):`);
        for (const f of results.failures) console.error(`  - ${f}`);
        process.exit(1);
    }
    console.log(`\nAll browser checks passed: ${opts.themes.length} themes x ${VIEWPORTS.length} widths, images loaded and missing, print${fixture ? ', the fixture\'s parts over http and from disk' : ''}.`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    main().catch((err) => {
        console.error(`check.mjs: could not run: ${err.stack ?? err}`);
        process.exit(2);
    });
}
