/* figures-report.h: reading one report, whatever its format
 *
 * The one step from a file's bytes to what Figures knows about it: the
 * format, the display text (with page offsets for paged formats), title,
 * date, city and statistics. Used by the index's update pipeline and by
 * `figures extract`; each format has its reader (figures-report-*.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "figures-statistic.h"
#include "figures-text.h"

G_BEGIN_DECLS

#define FIGURES_REPORT_ERROR (figures_report_error_quark ())

/* The messages of these errors are the reasons `figures index` records
 * for a skipped file ("password-protected", "corrupt PDF", …). */
typedef enum
{
  FIGURES_REPORT_ERROR_UNSUPPORTED, /* a format Figures does not read */
  FIGURES_REPORT_ERROR_PASSWORD,    /* password-protected */
  FIGURES_REPORT_ERROR_CORRUPT,     /* corrupt PDF, corrupt DOCX, … */
  FIGURES_REPORT_ERROR_LIMIT,       /* too many pages, too large unpacked, too slow */
  FIGURES_REPORT_ERROR_NO_TEXT,     /* nothing to read (a scan with OCR off) */
  FIGURES_REPORT_ERROR_CANCELLED,
} FiguresReportError;

GQuark figures_report_error_quark (void);

typedef enum
{
  FIGURES_REPORT_FORMAT_NONE, /* not a report: not looked at */
  FIGURES_REPORT_FORMAT_UNSUPPORTED,
  FIGURES_REPORT_FORMAT_TEXT,
  FIGURES_REPORT_FORMAT_PDF,
  FIGURES_REPORT_FORMAT_DOCX,
  FIGURES_REPORT_FORMAT_DOC,
  FIGURES_REPORT_FORMAT_HTML,
} FiguresReportFormat;

/* What a file's name says: the index's walker takes files whose format is
 * not NONE, and records UNSUPPORTED ones (.wps, .xls, …) as skipped. */
FiguresReportFormat figures_report_format_from_name (const char *name);
/* "text", "pdf", "docx", "doc", "html"; NULL for NONE and UNSUPPORTED */
const char *figures_report_format_to_key (FiguresReportFormat format);

#define FIGURES_REPORT_UNSUPPORTED_REASON "unsupported format (save it as .docx or PDF)"

typedef enum
{
  FIGURES_REPORT_FLAGS_NONE = 0,
  FIGURES_REPORT_NO_OCR = 1 << 0, /* pages without a text layer stay empty */
} FiguresReportFlags;

typedef struct
{
  FiguresReportFormat format;
  FiguresText *text;
  char *title;
  char *date;            /* yyyy-mm-dd or NULL */
  char *city;            /* the document's place, NULL when none */
  GPtrArray *statistics; /* FiguresStatistic*, never NULL */
  guint n_pages;         /* 0 for formats without pages */
  guint *page_starts;    /* n_pages code-point offsets into text->chars */
  guint n_ocr_pages;     /* pages read by OCR */
} FiguresReport;

/* Reads @data (the whole file; @name gives its extension, may be NULL).
 * The format comes from the content where it tells (PDF, zip, OLE2), else
 * from the name. Thread-safe. */
FiguresReport *figures_report_new_from_bytes (const char *name,
                                              GBytes *data,
                                              FiguresReportFlags flags,
                                              GCancellable *cancellable,
                                              GError **error);
/* Called from the reading thread as scanned pages are read by OCR (which
 * runs on every core): @done of @total, starting with 0. */
typedef void (*FiguresReportPageFunc) (guint done, guint total, gpointer user_data);

/* figures_report_new_from_bytes(), telling @page_func (may be NULL) how
 * the OCR of scanned pages goes. @cancellable stops it between pages, and
 * within a page. */
FiguresReport *figures_report_new_from_bytes_full (const char *name,
                                                   GBytes *data,
                                                   FiguresReportFlags flags,
                                                   FiguresReportPageFunc page_func,
                                                   gpointer page_data,
                                                   GCancellable *cancellable,
                                                   GError **error);
/* Reads a regular file of at most @max_size bytes (0: the default). */
FiguresReport *figures_report_new_from_file (const char *path,
                                             gsize max_size,
                                             FiguresReportFlags flags,
                                             GCancellable *cancellable,
                                             GError **error);
void figures_report_free (FiguresReport *report);

/* The 1-based page of code point @offset among @n_pages pages starting at
 * @page_starts; 0 when there are no pages. */
guint figures_page_at (const guint *page_starts, guint n_pages, gsize offset);

/* The 1-based page of code point @offset; 0 for formats without pages. */
guint figures_report_page_at (const FiguresReport *report, gsize offset);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FiguresReport, figures_report_free)

G_END_DECLS
