/* fuzz-figures.c: libFuzzer target for decoding, normalisation and
 * extraction. See tests/fuzz/README.md.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "fuzz-figures-run.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  fuzz_figures_run (data, size);
  return 0;
}
