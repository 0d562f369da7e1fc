#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Generate a synthetic corpus of reports for the benchmarks.

    gen-corpus.py --out DIR --count N [--seed S] [--size BYTES] [--source DIR ...]

Each report is about --size bytes (default 10,000) of UTF-8 text made by
shuffling paragraphs of the source reports, under a title line taken from one
of them. Reports go into subfolders of 1000 files (DIR/0000/r0000001.txt …),
so 20,000 reports make about 200 MB in 20 folders. The output depends only on
the sources, --seed, --count and --size.

Sources default to $FIGURES_SHARED_DIR/corpus/seeds, else ../shared/corpus/seeds
beside the repository, else data/samples. Sources in UTF-16 (with BOM), GB18030
or Big5 are decoded; the output is always UTF-8.
"""

import argparse
import os
import random
import sys

FILES_PER_FOLDER = 1000
# Characters common to Simplified and Traditional reports: used to choose
# between GB18030 and Big5, which both accept most byte strings.
COMMON = '的一是在和了人民族工作市年中大有为以上不全区'
REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def decode(data):
    if data.startswith(b'\xef\xbb\xbf'):
        return data[3:].decode('utf-8', errors='replace')
    if data.startswith(b'\xff\xfe'):
        return data[2:].decode('utf-16-le', errors='replace')
    if data.startswith(b'\xfe\xff'):
        return data[2:].decode('utf-16-be', errors='replace')
    try:
        return data.decode('utf-8')
    except UnicodeDecodeError:
        pass
    best, best_score = None, -1
    for enc in ('gb18030', 'big5'):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        score = sum(text.count(c) for c in COMMON)
        if score > best_score:
            best, best_score = text, score
    if best is None:
        best = data.decode('utf-8', errors='replace')
    return best


def default_sources():
    shared = os.environ.get('FIGURES_SHARED_DIR')
    candidates = []
    if shared:
        candidates.append(os.path.join(shared, 'corpus', 'seeds'))
    candidates.append(os.path.join(REPO, '..', 'shared', 'corpus', 'seeds'))
    for c in candidates:
        if os.path.isdir(c) and any(n.endswith('.txt') for n in os.listdir(c)):
            return [c]
    return [os.path.join(REPO, 'data', 'samples')]


def load_sources(dirs):
    titles, paragraphs = [], []
    for d in dirs:
        if not os.path.isdir(d):
            sys.exit(f'gen-corpus: {d}: not a folder')
        for name in sorted(os.listdir(d)):
            if not name.endswith('.txt'):
                continue
            with open(os.path.join(d, name), 'rb') as f:
                text = decode(f.read()).replace('\r\n', '\n')
            lines = [line.strip() for line in text.split('\n')]
            lines = [line for line in lines if line]
            if not lines:
                continue
            titles.append(lines[0])
            paragraphs.extend(lines[1:])
    if not paragraphs:
        sys.exit('gen-corpus: the sources hold no paragraphs')
    return titles, paragraphs


def make_report(rng, titles, paragraphs, size):
    parts = [rng.choice(titles), '']
    length = len(parts[0].encode('utf-8'))
    while length < size:
        p = rng.choice(paragraphs)
        parts.append(p)
        parts.append('')
        length += len(p.encode('utf-8')) + 2
    return '\n'.join(parts)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--out', required=True, help='output folder (created)')
    ap.add_argument('--count', required=True, type=int, help='number of reports')
    ap.add_argument('--seed', type=int, default=1, help='random seed (default 1)')
    ap.add_argument('--size', type=int, default=10000, help='bytes per report (default 10000)')
    ap.add_argument('--source', action='append', help='folder of source reports (repeatable)')
    args = ap.parse_args()

    if args.count < 0 or args.size <= 0:
        sys.exit('gen-corpus: --count must be >= 0 and --size > 0')

    titles, paragraphs = load_sources(args.source or default_sources())
    total = 0
    for i in range(args.count):
        # One generator per report: report i is the same whatever --count is.
        rng = random.Random(f'{args.seed}:{i}')
        folder = os.path.join(args.out, f'{i // FILES_PER_FOLDER:04d}')
        os.makedirs(folder, exist_ok=True)
        data = make_report(rng, titles, paragraphs, args.size).encode('utf-8')
        with open(os.path.join(folder, f'r{i:07d}.txt'), 'wb') as f:
            f.write(data)
        total += len(data)
    print(f'gen-corpus: {args.count} reports, {total / 1e6:.1f} MB in {args.out} '
          f'({len(paragraphs)} source paragraphs)')


if __name__ == '__main__':
    main()
