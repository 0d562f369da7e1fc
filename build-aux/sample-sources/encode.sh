#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Encodes the UTF-8 drafts in this folder into the bundled sample reports in
# data/samples/. The drafts are the sources to edit; data/samples/ holds the
# encoded files the application and the tests read. Run from anywhere:
#   build-aux/sample-sources/encode.sh
set -eu

src=$(cd "$(dirname "$0")" && pwd)
out="$src/../../data/samples"
mkdir -p "$out"

# Web pages are edited where they are bundled (data/samples/*.html); the
# PDF and DOCX samples are written from the *.pages and *.paragraphs drafts
# by the build's write-samples:
#   build/tests/write-samples build-aux/sample-sources data/samples

for draft in "$src"/*.txt; do
  name=$(basename "$draft")
  case "$name" in
    02-*)
      # UTF-8 with a byte-order mark
      { printf '\357\273\277'; cat "$draft"; } > "$out/$name" ;;
    03-*)
      # UTF-16 little-endian with a byte-order mark
      { printf '\377\376'; iconv -f UTF-8 -t UTF-16LE "$draft"; } > "$out/$name" ;;
    04-*)
      iconv -f UTF-8 -t GB18030 "$draft" > "$out/$name" ;;
    08-*)
      iconv -f UTF-8 -t BIG5 "$draft" > "$out/$name" ;;
    *)
      cp "$draft" "$out/$name" ;;
  esac
done
