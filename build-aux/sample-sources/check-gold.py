#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Sanity checks for data/samples/gold.tsv (not a substitute for reading it).

For every gold row: the sample file exists, the evidence occurs in the file's
text after a rough normalisation (NFKC, pinyin glosses removed, page-broken
lines joined), and a `none` row's number occurs in its evidence. Then lists
every number followed by a core unit that no gold evidence covers, to help
keep the annotation exhaustive. Run: build-aux/sample-sources/check-gold.py
"""
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLES = os.path.join(HERE, '..', '..', 'data', 'samples')
COMMON = '的一是在和了人民族工作市年中大有为以上不全区发展项目资金培训'
CORE = {'training_sessions', 'trainees', 'funding', 'investment', 'projects'}


def decode(data):
    if data.startswith(b'\xef\xbb\xbf'):
        return data[3:].decode('utf-8')
    if data.startswith(b'\xff\xfe'):
        return data[2:].decode('utf-16-le')
    try:
        return data.decode('utf-8')
    except UnicodeDecodeError:
        pass
    # GB18030 and Big5 both accept most byte strings: keep the reading with
    # more of the characters common to Simplified and Traditional reports.
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
        raise ValueError('undecodable')
    return best


# The PDF and DOCX samples are written from these drafts (write-samples)
DRAFTS = {'.pdf': '.pages', '.docx': '.paragraphs'}


def read_sample(fname):
    stem, ext = os.path.splitext(fname)
    if ext in DRAFTS:
        with open(os.path.join(HERE, stem + DRAFTS[ext]), encoding='utf-8') as f:
            return f.read()
    with open(os.path.join(SAMPLES, fname), 'rb') as f:
        text = decode(f.read())
    if ext in ('.html', '.htm'):
        text = re.sub(r'(?is)<(script|style)\b.*?</\1>', '', text)
        text = re.sub(r'(?i)<br\s*/?>|</(p|div|h[1-6]|li|tr|title)>', '\n', text)
        text = re.sub(r'<[^>]+>', '', text)
    return text


def normalise(text):
    text = unicodedata.normalize('NFKC', text)
    text = re.sub(r'(?<=[\u4e00-\u9fff])\([a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]+\)', '', text)
    lines = text.split('\n')
    out = []
    pending = None
    for line in lines:
        if pending is not None:
            if line.strip() == '':
                continue
            out[-1] = out[-1] + line
            pending = None
        else:
            out.append(line)
        last = out[-1]
        heading = len(last) < 40 and not re.search('[,、;:。]', last)
        if last.strip() and not heading and not re.search('[。!?;)」”]$', last):
            pending = True
    return '\n'.join(out)


def main():
    gold = os.path.join(SAMPLES, 'gold.tsv')
    rows = []
    with open(gold, encoding='utf-8') as f:
        for n, line in enumerate(f, 1):
            if line.startswith('#') or not line.strip():
                continue
            cols = line.rstrip('\n').split('\t')
            if cols[0] == 'file':
                continue
            if len(cols) != 8:
                print(f'gold.tsv:{n}: {len(cols)} columns')
                continue
            rows.append((n, cols))
    texts = {}
    errors = 0
    for n, (fname, city, place, metric, value, approx, unit, evidence) in rows:
        if fname not in texts:
            texts[fname] = normalise(read_sample(fname))
        text = texts[fname]
        count = text.count(evidence)
        if count == 0:
            print(f'gold.tsv:{n}: evidence not found: {evidence}')
            errors += 1
        elif count > 1:
            print(f'gold.tsv:{n}: note: evidence occurs {count} times: {evidence}')
        if metric == 'none' and value not in evidence:
            print(f'gold.tsv:{n}: none value {value} not in evidence')
            errors += 1
    units = '(期|班|次|场|場|轮|輪|人次|人|名|元|万元|萬元|亿元|億元|个|個|项|項)'
    num = r'[0-9.零〇一二两兩三四五六七八九十百千万萬亿億]+[余餘多]?[万萬亿億]?'
    for fname, text in texts.items():
        covered = [(m.start(), m.end()) for _, c in rows if c[0] == fname
                   for m in re.finditer(re.escape(c[7]), text)]
        for m in re.finditer(num + units, text):
            if not any(a <= m.start() and m.end() <= b for a, b in covered):
                print(f'{fname}: not annotated: {text[max(0, m.start() - 8):m.end() + 2]}')
    print(f'{len(rows)} rows, {errors} errors')
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main())
