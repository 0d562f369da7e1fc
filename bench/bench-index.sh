#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The index benchmark at 5,000 and 20,000 reports (about 50 and 200 MB):
#   bench/bench-index.sh [BUILD_DIR] [WORK_DIR]
# BUILD_DIR defaults to build-bench (configure it with -Dbuildtype=release);
# corpora and databases go to WORK_DIR (default /tmp/figures-bench-index).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build-bench}
work=${2:-/tmp/figures-bench-index}

ninja -C "$build" src/figures bench/bench-index
mkdir -p "$work"
for count in 5000 20000; do
  corpus="$work/corpus-$count"
  if [ ! -d "$corpus" ]; then
    "$here/gen-corpus.py" --out "$corpus" --count "$count" --seed 1
  fi
  echo "==== $count reports ===="
  "$build/bench/bench-index" "$build/src/figures" "$corpus" "$work/db-$count"
  echo
done
