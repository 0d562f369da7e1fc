#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Regenerates data/fold.tsv, the Traditional→Simplified fold table, from
# ICU's Hant-Hans transliterator plus build-aux/fold-variants.tsv.
# Not part of the normal build: run it by hand when ICU or the variant list
# changes, and commit the new data/fold.tsv.
#
#   build-aux/gen-fold.sh            (from the repository root)
#
# Needs a C compiler and the ICU development files (libicu-dev).
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

${CC:-cc} -O2 -Wall -o "$tmp/gen-fold" "$top/build-aux/gen-fold.c" \
  $(pkg-config --cflags --libs icu-i18n icu-uc)
"$tmp/gen-fold" "$top/build-aux/fold-variants.tsv" "$top/data/fold.tsv"
