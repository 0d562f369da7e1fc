/* figures-report-private.h: what each format's reader hands to the report step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "figures-report.h"

G_BEGIN_DECLS

/* Limits on hostile files. */
#define FIGURES_REPORT_MAX_PAGES 2000
#define FIGURES_REPORT_MAX_UNPACKED (64 * 1024 * 1024) /* bytes of XML out of a zip */
#define FIGURES_REPORT_MAX_CHARS (32 * 1024 * 1024)    /* bytes of text from one report */
#define FIGURES_REPORT_MAX_SECONDS 120                 /* a PDF's text layer; OCR has its own */
#define FIGURES_REPORT_OCR_PAGE_MSECS 60000

typedef struct
{
  GPtrArray *pages; /* char*: UTF-8 text of each page; one for formats without pages */
  gboolean paged;
  char *title; /* from the markup (HTML), else NULL */
  char *date;  /* from the markup, else NULL */
  guint n_ocr_pages;
} FiguresReportSource;

FiguresReportSource *_figures_report_source_new (gboolean paged);
void _figures_report_source_free (FiguresReportSource *source);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FiguresReportSource, _figures_report_source_free)

gboolean _figures_report_read_pdf (GBytes *data,
                                   FiguresReportFlags flags,
                                   FiguresReportPageFunc page_func,
                                   gpointer page_data,
                                   GCancellable *cancellable,
                                   FiguresReportSource *source,
                                   GError **error);
gboolean _figures_report_read_html (GBytes *data, FiguresReportSource *source, GError **error);
gboolean _figures_report_read_docx (GBytes *data, FiguresReportSource *source, GError **error);
gboolean _figures_report_read_doc (GBytes *data, FiguresReportSource *source, GError **error);

/* Drops running headers, footers and page numbers from @pages, in place. */
void _figures_report_drop_page_furniture (GPtrArray *pages);

/* OCR of one page image (8-bit grey, @stride bytes a row) at @dpi. NULL
 * with @error when Tesseract or its Chinese data is missing. */
char *_figures_report_ocr_image (const guint8 *grey,
                                 int width,
                                 int height,
                                 int stride,
                                 int dpi,
                                 GCancellable *cancellable,
                                 GError **error);
/* Removes the spaces OCR and HTML line breaks put between Han characters
 * (and CJK punctuation), in place. */
void _figures_report_tidy_spaces (char *text);

G_END_DECLS
