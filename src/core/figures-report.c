/* figures-report.c: reading one report, whatever its format
 *
 * detect the format → the format's reader gives UTF-8 text per page →
 * decode/normalise (figures-text) → title and date → statistics.
 *
 * Page offsets: the pages are normalised together (so a sentence cut by a
 * page break is joined again), and each page's own normalised text is
 * then walked along the whole to find where it starts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "figures-report"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "figures-extractor.h"
#include "figures-file.h"
#include "figures-metadata.h"
#include "figures-report-private.h"

/* clang-format would put spaces into the registered name */
/* clang-format off */
G_DEFINE_QUARK (figures-report-error-quark, figures_report_error)
/* clang-format on */

typedef struct
{
  const char *suffix;
  FiguresReportFormat format;
} SuffixFormat;

/* Report-like formats Figures reads, and those it names as unsupported
 * (office, e-document and archive formats that reports are published in). */
static const SuffixFormat suffix_formats[] = {
  { ".txt", FIGURES_REPORT_FORMAT_TEXT },         { ".md", FIGURES_REPORT_FORMAT_TEXT },
  { ".pdf", FIGURES_REPORT_FORMAT_PDF },          { ".docx", FIGURES_REPORT_FORMAT_DOCX },
  { ".doc", FIGURES_REPORT_FORMAT_DOC },          { ".html", FIGURES_REPORT_FORMAT_HTML },
  { ".htm", FIGURES_REPORT_FORMAT_HTML },         { ".shtml", FIGURES_REPORT_FORMAT_HTML },
  { ".wps", FIGURES_REPORT_FORMAT_UNSUPPORTED },  { ".wpt", FIGURES_REPORT_FORMAT_UNSUPPORTED },
  { ".xls", FIGURES_REPORT_FORMAT_UNSUPPORTED },  { ".xlsx", FIGURES_REPORT_FORMAT_UNSUPPORTED },
  { ".et", FIGURES_REPORT_FORMAT_UNSUPPORTED },   { ".ppt", FIGURES_REPORT_FORMAT_UNSUPPORTED },
  { ".pptx", FIGURES_REPORT_FORMAT_UNSUPPORTED }, { ".dps", FIGURES_REPORT_FORMAT_UNSUPPORTED },
  { ".rtf", FIGURES_REPORT_FORMAT_UNSUPPORTED },  { ".odt", FIGURES_REPORT_FORMAT_UNSUPPORTED },
  { ".ofd", FIGURES_REPORT_FORMAT_UNSUPPORTED },  { ".caj", FIGURES_REPORT_FORMAT_UNSUPPORTED },
  { ".docm", FIGURES_REPORT_FORMAT_UNSUPPORTED }, { ".dot", FIGURES_REPORT_FORMAT_UNSUPPORTED },
  { ".dotx", FIGURES_REPORT_FORMAT_UNSUPPORTED },
};

static const char *const format_keys[] = {
  [FIGURES_REPORT_FORMAT_TEXT] = "text", [FIGURES_REPORT_FORMAT_PDF] = "pdf",
  [FIGURES_REPORT_FORMAT_DOCX] = "docx", [FIGURES_REPORT_FORMAT_DOC] = "doc",
  [FIGURES_REPORT_FORMAT_HTML] = "html",
};

FiguresReportFormat
figures_report_format_from_name (const char *name)
{
  const char *dot;

  g_return_val_if_fail (name != NULL, FIGURES_REPORT_FORMAT_NONE);

  dot = strrchr (name, '.');
  if (dot == NULL || strchr (dot, G_DIR_SEPARATOR) != NULL)
    return FIGURES_REPORT_FORMAT_NONE;
  for (guint i = 0; i < G_N_ELEMENTS (suffix_formats); i++)
    if (g_ascii_strcasecmp (dot, suffix_formats[i].suffix) == 0)
      return suffix_formats[i].format;
  return FIGURES_REPORT_FORMAT_NONE;
}

const char *
figures_report_format_to_key (FiguresReportFormat format)
{
  if ((guint) format >= G_N_ELEMENTS (format_keys))
    return NULL;
  return format_keys[format];
}

/* The content decides where it can: a .txt that is really a PDF is read
 * as a PDF, a zip that is not a Word document is not read as text. */
static FiguresReportFormat
detect_format (const char *name, const guint8 *data, gsize len)
{
  static const guint8 ole2_magic[] = { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };
  FiguresReportFormat by_name =
    name != NULL ? figures_report_format_from_name (name) : FIGURES_REPORT_FORMAT_NONE;

  if (by_name == FIGURES_REPORT_FORMAT_UNSUPPORTED)
    return by_name;
  if (len >= 5 && memcmp (data, "%PDF-", 5) == 0)
    return FIGURES_REPORT_FORMAT_PDF;
  if (len >= 4 && memcmp (data, "PK\3\4", 4) == 0)
    return FIGURES_REPORT_FORMAT_DOCX; /* its reader says when it is not Word */
  if (len >= sizeof ole2_magic && memcmp (data, ole2_magic, sizeof ole2_magic) == 0)
    return FIGURES_REPORT_FORMAT_DOC;
  if (by_name == FIGURES_REPORT_FORMAT_NONE)
    return FIGURES_REPORT_FORMAT_TEXT;
  /* a .pdf or .docx without its signature is still read by its reader,
   * which then calls it corrupt */
  return by_name;
}

FiguresReportSource *
_figures_report_source_new (gboolean paged)
{
  FiguresReportSource *source = g_new0 (FiguresReportSource, 1);

  source->pages = g_ptr_array_new_with_free_func (g_free);
  source->paged = paged;
  return source;
}

void
_figures_report_source_free (FiguresReportSource *source)
{
  if (source == NULL)
    return;
  g_ptr_array_unref (source->pages);
  g_free (source->title);
  g_free (source->date);
  g_free (source);
}

void
figures_report_free (FiguresReport *report)
{
  if (report == NULL)
    return;
  g_clear_pointer (&report->text, figures_text_free);
  g_free (report->title);
  g_free (report->date);
  g_free (report->city);
  g_clear_pointer (&report->statistics, g_ptr_array_unref);
  g_free (report->page_starts);
  g_free (report);
}

guint
figures_page_at (const guint *page_starts, guint n_pages, gsize offset)
{
  guint lo = 0, hi;

  if (n_pages == 0 || page_starts == NULL)
    return 0;
  /* the last page starting at or before @offset */
  hi = n_pages;
  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;

      if (page_starts[mid] <= offset)
        lo = mid;
      else
        hi = mid;
    }
  return lo + 1;
}

guint
figures_report_page_at (const FiguresReport *report, gsize offset)
{
  g_return_val_if_fail (report != NULL, 0);

  return figures_page_at (report->page_starts, report->n_pages, offset);
}

/* Where each page starts in @text: walks each page's normalised text along
 * the whole, where the only differences are the line breaks that joining
 * removed (or made a space); any other difference is stepped over. */
static guint *
find_page_starts (const FiguresText *text, GPtrArray *pages)
{
  guint *starts = g_new0 (guint, pages->len);
  gsize c = 0;

  for (guint p = 0; p < pages->len; p++)
    {
      g_autofree char *page = figures_text_normalise (pages->pdata[p], -1);
      const char *k = page;

      while (c < text->n_chars && text->chars[c] == '\n')
        c++;
      starts[p] = c;
      while (*k != '\0' && c < text->n_chars)
        {
          gunichar want = g_utf8_get_char (k);
          gunichar have = text->chars[c];

          if (want == have)
            {
              k = g_utf8_next_char (k);
              c++;
            }
          else if (have == '\n')
            c++;
          else if (want == '\n')
            {
              k++;
              if (have == ' ')
                c++;
            }
          else
            {
              k = g_utf8_next_char (k);
              c++;
            }
        }
    }
  return starts;
}

/* Title, date, city and statistics of @report's text; @title and @date
 * come from the markup when it has them. */
static void
describe (FiguresReport *report, const char *title, const char *date)
{
  g_autoptr (FiguresExtraction) extraction = NULL;

  report->title =
    title != NULL ? g_strdup (title) : figures_metadata_find_title (report->text->display);
  report->date =
    date != NULL ? g_strdup (date) : figures_metadata_find_date (report->text->display);
  extraction = figures_extract (report->text, figures_gazetteer_get_default ());
  if (extraction != NULL)
    {
      report->city = g_steal_pointer (&extraction->city);
      report->statistics = g_steal_pointer (&extraction->statistics);
    }
  if (report->statistics == NULL)
    report->statistics = g_ptr_array_new_with_free_func ((GDestroyNotify) figures_statistic_free);
  /* every figure has a year: its sentence's, else the report's */
  figures_statistics_fill_years (report->statistics, report->date);
  for (guint i = 0; i < report->statistics->len; i++)
    {
      FiguresStatistic *s = report->statistics->pdata[i];

      s->page = figures_report_page_at (report, s->start);
    }
}

static FiguresReport *
report_from_source (FiguresReportFormat format, FiguresReportSource *source, GError **error)
{
  g_autoptr (FiguresReport) report = g_new0 (FiguresReport, 1);
  g_autoptr (GString) all = g_string_new (NULL);

  for (guint p = 0; p < source->pages->len; p++)
    {
      if (p > 0)
        g_string_append_c (all, '\n');
      g_string_append (all, source->pages->pdata[p]);
      if (all->len > FIGURES_REPORT_MAX_CHARS)
        {
          g_set_error (error, FIGURES_REPORT_ERROR, FIGURES_REPORT_ERROR_LIMIT,
                       "too large: more than %d MB of text", FIGURES_REPORT_MAX_CHARS >> 20);
          return NULL;
        }
    }

  report->format = format;
  report->n_ocr_pages = source->n_ocr_pages;
  report->text = figures_text_new_from_bytes ((const guint8 *) all->str, all->len, error);
  if (report->text == NULL)
    {
      /* a scanned PDF read without OCR has no text at all */
      if (source->paged && error != NULL && *error != NULL &&
          g_error_matches (*error, FIGURES_TEXT_ERROR, FIGURES_TEXT_ERROR_EMPTY))
        {
          g_clear_error (error);
          g_set_error_literal (error, FIGURES_REPORT_ERROR, FIGURES_REPORT_ERROR_NO_TEXT,
                               "no text layer (a scan: turn on OCR to read it)");
        }
      return NULL;
    }

  if (source->paged)
    {
      report->n_pages = source->pages->len;
      report->page_starts = find_page_starts (report->text, source->pages);
    }

  describe (report, source->title, source->date);
  return g_steal_pointer (&report);
}

FiguresReport *
figures_report_new_from_bytes (const char *name,
                               GBytes *data,
                               FiguresReportFlags flags,
                               GCancellable *cancellable,
                               GError **error)
{
  return figures_report_new_from_bytes_full (name, data, flags, NULL, NULL, cancellable, error);
}

FiguresReport *
figures_report_new_from_bytes_full (const char *name,
                                    GBytes *data,
                                    FiguresReportFlags flags,
                                    FiguresReportPageFunc page_func,
                                    gpointer page_data,
                                    GCancellable *cancellable,
                                    GError **error)
{
  g_autoptr (FiguresReportSource) source = NULL;
  FiguresReportFormat format;
  gsize len;
  const guint8 *bytes;
  gboolean ok = FALSE;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = g_bytes_get_data (data, &len);
  format = detect_format (name, bytes, len);
  source = _figures_report_source_new (format == FIGURES_REPORT_FORMAT_PDF);

  switch (format)
    {
      case FIGURES_REPORT_FORMAT_NONE:
      case FIGURES_REPORT_FORMAT_UNSUPPORTED:
        g_set_error_literal (error, FIGURES_REPORT_ERROR, FIGURES_REPORT_ERROR_UNSUPPORTED,
                             FIGURES_REPORT_UNSUPPORTED_REASON);
        return NULL;
      case FIGURES_REPORT_FORMAT_TEXT:
        {
          /* plain text is decoded by figures-text itself: its encoding
           * detection needs the bytes */
          g_autoptr (FiguresReport) report = g_new0 (FiguresReport, 1);

          report->format = format;
          report->text = figures_text_new_from_bytes (bytes, len, error);
          if (report->text == NULL)
            return NULL;
          describe (report, NULL, NULL);
          return g_steal_pointer (&report);
        }
      case FIGURES_REPORT_FORMAT_PDF:
        ok =
          _figures_report_read_pdf (data, flags, page_func, page_data, cancellable, source, error);
        break;
      case FIGURES_REPORT_FORMAT_HTML:
        ok = _figures_report_read_html (data, source, error);
        break;
      case FIGURES_REPORT_FORMAT_DOCX:
        ok = _figures_report_read_docx (data, source, error);
        break;
      case FIGURES_REPORT_FORMAT_DOC:
        ok = _figures_report_read_doc (data, source, error);
        break;
      default:
        g_assert_not_reached ();
    }
  if (!ok)
    return NULL;

  return report_from_source (format, source, error);
}

FiguresReport *
figures_report_new_from_file (const char *path,
                              gsize max_size,
                              FiguresReportFlags flags,
                              GCancellable *cancellable,
                              GError **error)
{
  g_autoptr (GBytes) bytes = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* the same bounded read of regular files only as everywhere else */
  bytes = figures_file_read (path, max_size, error);
  if (bytes == NULL)
    return NULL;
  return figures_report_new_from_bytes (path, bytes, flags, cancellable, error);
}
