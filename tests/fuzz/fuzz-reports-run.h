/* fuzz-reports-run.h: the path the report fuzzer drives (PDF, HTML, DOCX,
 * .doc readers through figures_report_new_from_bytes()), shared with the
 * regression test so that both replay inputs the same way.
 *
 * Input: one byte choosing the file name's extension, then the file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <string.h>

#include "figures-report.h"
#include "fuzz-figures-run.h"

static inline void
fuzz_reports_run (const guint8 *data, gsize size)
{
  static const char *const names[] = { "fuzz.pdf", "fuzz.html", "fuzz.docx", "fuzz.doc",
                                       "fuzz.txt" };
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (FiguresReport) report = NULL;

  if (size == 0)
    return;
  bytes = g_bytes_new (data + 1, size - 1);
  /* OCR is left out: a page of Tesseract per input would starve the fuzzer */
  report = figures_report_new_from_bytes (names[data[0] % G_N_ELEMENTS (names)], bytes,
                                          FIGURES_REPORT_NO_OCR, NULL, &error);
  if (report == NULL)
    {
      FUZZ_CHECK (error != NULL && error->message != NULL && error->message[0] != '\0');
      return;
    }
  FUZZ_CHECK (error == NULL);
  FUZZ_CHECK (g_utf8_validate (report->text->display, report->text->display_len, NULL));
  FUZZ_CHECK (report->title != NULL && g_utf8_validate (report->title, -1, NULL));
  FUZZ_CHECK (report->statistics != NULL);
  for (guint p = 0; p < report->n_pages; p++)
    {
      FUZZ_CHECK (report->page_starts[p] <= report->text->n_chars);
      FUZZ_CHECK (p == 0 || report->page_starts[p - 1] <= report->page_starts[p]);
    }
  for (guint i = 0; i < report->statistics->len; i++)
    {
      const FiguresStatistic *s = report->statistics->pdata[i];
      guint page = figures_report_page_at (report, s->start);

      FUZZ_CHECK (s->start <= s->end && s->end <= report->text->n_chars);
      FUZZ_CHECK (report->n_pages == 0 ? page == 0 : page >= 1 && page <= report->n_pages);
    }
}
