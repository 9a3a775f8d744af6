#!/usr/bin/env python3
"""Seeds fuzz/corpus/<target>/ from the book's posts and every chapter-like string literal in the
preprocessor's unit tests and the end-to-end tests, `shortcodes` also from every string with `{{`
in the shortcode syntax tests, and fuzz/corpus/template/ from the template engine's test templates
and its tests' template literals (run from the repository root). Files are named by their SHA-1, as
libFuzzer names what it adds, so seeding twice adds nothing."""
import glob, hashlib, os, re

def unescape(s):
    out, i = [], 0
    while i < len(s):
        c = s[i]
        if c == '\\' and i + 1 < len(s):
            n = s[i + 1]
            simple = {'n': '\n', 'r': '\r', 't': '\t', '0': '\0', '"': '"', '\\': '\\', "'": "'"}
            if n in simple:
                out.append(simple[n]); i += 2; continue
            m = re.match(r'u\{([0-9a-fA-F]+)\}', s[i + 1:])
            if m:
                out.append(chr(int(m.group(1), 16))); i += 1 + len(m.group(0)); continue
            if n == '\n':  # a line continuation: the break and the next line's indent go
                i += 2
                while i < len(s) and s[i] in ' \t\n':
                    i += 1
                continue
        out.append(c); i += 1
    return ''.join(out)

def put(target, data):
    d = os.path.join('fuzz/corpus', target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, hashlib.sha1(data).hexdigest()), 'wb') as f:
        f.write(data)

seeds = [open(f, 'rb').read() for f in sorted(glob.glob('book/**/*.md', recursive=True))]
literal = re.compile(r'"((?:[^"\\]|\\.)*)"', re.S)
for f in sorted(glob.glob('preprocessor/src/**/*.rs', recursive=True) + glob.glob('tests/**/*.rs', recursive=True)):
    for m in literal.finditer(open(f).read()):
        s = unescape(m.group(1))
        if len(s) > 12 and '\n' in s and any(k in s for k in ['---', '+++', '](', '{{', '<a', '{"', '<http']):
            seeds.append(s.encode())
seeds = list(dict.fromkeys(seeds))
for s in seeds:
    put('front_matter', s)
    for flags in (0, 1, 2):  # build html, serve html, build markdown
        put('rewrite', bytes([flags]) + s)
    m = re.match(rb'\s*---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(\r?\n|$)', s, re.S)
    if m:
        put('yaml', m.group(1) + b'\n')
# The shortcode syntax: every string with `{{` in the syntax tests (raw strings too), and the
# book's post bodies, each under a table byte (0: the tests' own names) and a hashed one (0x80).
bodies = [s for s in seeds]
raw = re.compile(r'r(#+)"(.*?)"\1', re.S)
for f in sorted(glob.glob('preprocessor/src/shortcodes/syntax/tests*', recursive=True) +
                glob.glob('preprocessor/src/shortcodes/syntax/tests/**/*.rs', recursive=True)):
    if not f.endswith('.rs'):
        continue
    text = open(f).read()
    found = [unescape(m.group(1)) for m in literal.finditer(text)]
    found += [m.group(2) for m in raw.finditer(text)]
    bodies += [b.encode() for b in found if '{{' in b]
for b in dict.fromkeys(bodies):
    for flags in (0, 0x80):
        put('shortcodes', bytes([flags]) + b)
short = [s for s in seeds if len(s) < 600]
for k in range(0, min(len(short), 30) - 2, 3):  # three chapters in one book
    put('rewrite', bytes([k % 256]) + short[k] + b'\xff' + short[k + 1] + b'\xff' + short[k + 2])

# The template target: two bytes choose the dot and the limits, the rest is the template.
templates = [open(f, 'rb').read() for f in sorted(glob.glob('preprocessor/src/template/testdata/**/*.html', recursive=True))]
for f in sorted(glob.glob('preprocessor/src/template/**/*.rs', recursive=True)):
    for m in literal.finditer(open(f).read()):
        s = unescape(m.group(1))
        if '{{' in s and len(s) > 6:
            templates.append(s.encode())
templates = list(dict.fromkeys(templates))
for t in templates:
    for choice, flags in ((5, 2), (0x45, 3), (4, 0)):  # a shortcode (positional, named), params
        put('template', bytes([choice, flags]) + t)
print(f'{len(seeds)} seeds, {len(set(bodies))} shortcode bodies, {len(templates)} templates')
