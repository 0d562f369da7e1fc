/* fuzz-reports.c: libFuzzer target for the report readers (PDF, HTML,
 * DOCX, .doc). See tests/fuzz/README.md.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>

#include "fuzz-reports-run.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  fuzz_reports_run (data, size);
  return 0;
}
