/* figures-report-pdf.c: the text of a PDF, page by page, through poppler-glib
 *
 * Pages with a text layer give poppler's text in reading order. Pages
 * without one (scans) are rendered at OCR_DPI into a Cairo image surface
 * and read by Tesseract, unless OCR is off. Running headers, footers and
 * page numbers are then dropped (figures-report-furniture.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "figures-report"

#include "config.h"

#include <cairo.h>
#include <math.h>
#include <poppler.h>
#include <string.h>

#include "figures-report-private.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_surface_t, cairo_surface_destroy)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_t, cairo_destroy)

#define OCR_DPI 300
/* lines at the top and at the bottom of a page that may be furniture */
#define FURNITURE_LINES 2
#define PAGE_NUMBER_MAX_CHARS 24
/* a scanned page rendered larger than this is read at a lower resolution */
#define OCR_MAX_PIXELS (40 * 1000 * 1000)

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* A scanned page, rendered, waiting for Tesseract */
typedef struct
{
  guint index; /* in the document's pages */
  guint8 *grey;
  int width;
  int height;
  int dpi;
} OcrPage;

static void
ocr_page_free (OcrPage *page)
{
  g_free (page->grey);
  g_free (page);
}

/* Renders @page to grey pixels at OCR_DPI (less for a huge page).
 * Poppler is not thread-safe within a document: rendering stays in the
 * reading thread, only Tesseract runs in parallel. */
static OcrPage *
render_page (PopplerPage *page, GError **error)
{
  double width_pt, height_pt, scale;
  int width, height, stride;
  g_autoptr (cairo_surface_t) surface = NULL;
  g_autoptr (cairo_t) cr = NULL;
  g_autofree guint8 *grey = NULL;
  const guint8 *pixels;
  OcrPage *rendered;
  int dpi = OCR_DPI;

  poppler_page_get_size (page, &width_pt, &height_pt);
  if (!(width_pt > 0 && height_pt > 0 && width_pt < 20000 && height_pt < 20000))
    {
      g_set_error_literal (error, FIGURES_REPORT_ERROR, FIGURES_REPORT_ERROR_CORRUPT,
                           "corrupt PDF (a page has no size)");
      return NULL;
    }
  scale = dpi / 72.0;
  if (width_pt * scale * height_pt * scale > OCR_MAX_PIXELS)
    {
      scale = sqrt (OCR_MAX_PIXELS / (width_pt * height_pt));
      dpi = (int) (scale * 72.0);
    }
  width = MAX (1, (int) (width_pt * scale));
  height = MAX (1, (int) (height_pt * scale));

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render (page, cr);
  cairo_surface_flush (surface);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, FIGURES_REPORT_ERROR, FIGURES_REPORT_ERROR_LIMIT,
                   "cannot render a page for OCR: %s",
                   cairo_status_to_string (cairo_surface_status (surface)));
      return NULL;
    }

  /* Tesseract reads grey bytes; RGB24 is 0x00RRGGBB in native order */
  pixels = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  grey = g_malloc ((gsize) width * height);
  for (int y = 0; y < height; y++)
    {
      const guint32 *row = (const guint32 *) (pixels + (gsize) y * stride);
      guint8 *out = grey + (gsize) y * width;

      for (int x = 0; x < width; x++)
        {
          guint32 v = row[x];

          out[x] =
            (guint8) ((((v >> 16) & 0xFF) * 77 + ((v >> 8) & 0xFF) * 150 + (v & 0xFF) * 29) >> 8);
        }
    }
  g_clear_pointer (&cr, cairo_destroy);
  g_clear_pointer (&surface, cairo_surface_destroy);

  rendered = g_new0 (OcrPage, 1);
  rendered->grey = g_steal_pointer (&grey);
  rendered->width = width;
  rendered->height = height;
  rendered->dpi = dpi;
  return rendered;
}

/* The pages of one document being read by Tesseract, on every core */
typedef struct
{
  GMutex mutex;
  GCond cond;
  GPtrArray *texts; /* the document's pages: OCR results replace "" */
  GCancellable *cancellable;
  GError *error; /* the first page that failed */
  guint in_flight;
  guint done;
} OcrJobs;

static void
ocr_worker (gpointer data, gpointer user_data)
{
  OcrPage *page = data;
  OcrJobs *jobs = user_data;
  g_autoptr (GError) error = NULL;
  char *text = NULL;

  if (!g_cancellable_is_cancelled (jobs->cancellable))
    text = _figures_report_ocr_image (page->grey, page->width, page->height, page->width, page->dpi,
                                      jobs->cancellable, &error);
  else
    g_cancellable_set_error_if_cancelled (jobs->cancellable, &error);

  g_mutex_lock (&jobs->mutex);
  if (text != NULL)
    {
      g_free (jobs->texts->pdata[page->index]);
      jobs->texts->pdata[page->index] = text;
    }
  else if (jobs->error == NULL)
    jobs->error = g_steal_pointer (&error);
  jobs->in_flight--;
  jobs->done++;
  g_cond_broadcast (&jobs->cond);
  g_mutex_unlock (&jobs->mutex);
  ocr_page_free (page);
}

/* Waits until at most @max_in_flight pages are being read, reporting each
 * page read from this (the calling) thread. */
static void
ocr_jobs_wait (OcrJobs *jobs,
               guint max_in_flight,
               guint n_ocr_pages,
               FiguresReportPageFunc page_func,
               gpointer page_data)
{
  g_mutex_lock (&jobs->mutex);
  while (jobs->in_flight > max_in_flight)
    {
      guint done = jobs->done;

      g_cond_wait (&jobs->cond, &jobs->mutex);
      if (page_func != NULL && jobs->done != done)
        {
          done = jobs->done;
          g_mutex_unlock (&jobs->mutex);
          page_func (done, n_ocr_pages, page_data);
          g_mutex_lock (&jobs->mutex);
        }
    }
  g_mutex_unlock (&jobs->mutex);
}

static gboolean
page_has_images (PopplerPage *page)
{
  GList *images = poppler_page_get_image_mapping (page);
  gboolean any = images != NULL;

  poppler_page_free_image_mapping (images);
  return any;
}

/* ---- running headers, footers, page numbers ---- */

/* "3", "- 3 -", "第 3 页", "第3页 共12页", "3/12", "Page 3": nothing but a
 * number and the words around page numbers. */
static gboolean
is_page_number (const char *line)
{
  static const char decorations[] = "-—–_·•.,/|()[]第页共PpAaGgEe ";
  guint n = 0, digits = 0;

  for (const char *p = line; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      n++;
      if (g_unichar_isdigit (c))
        digits++;
      else if (!g_unichar_isspace (c) && g_utf8_strchr (decorations, -1, c) == NULL)
        return FALSE;
    }
  return digits > 0 && n <= PAGE_NUMBER_MAX_CHARS;
}

/* A line with its numbers and spaces taken out: a header that carries the
 * page number or the date is the same on every page. */
static char *
furniture_key (const char *line)
{
  GString *key = g_string_new (NULL);

  for (const char *p = line; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isdigit (c))
        {
          if (key->len == 0 || key->str[key->len - 1] != '#')
            g_string_append_c (key, '#');
        }
      else if (!g_unichar_isspace (c))
        g_string_append_unichar (key, c);
    }
  return g_string_free (key, FALSE);
}

/* The indices in @lines of the first and last FURNITURE_LINES non-blank lines */
static guint
furniture_candidates (GStrv lines, guint *out)
{
  guint n_lines = g_strv_length (lines), n = 0, seen = 0;

  for (guint i = 0; i < n_lines && seen < FURNITURE_LINES; i++)
    if (g_strstrip (lines[i])[0] != '\0')
      out[n++] = i, seen++;
  seen = 0;
  for (guint i = n_lines; i > 0 && seen < FURNITURE_LINES; i--)
    if (lines[i - 1][0] != '\0')
      {
        gboolean dup = FALSE;

        for (guint k = 0; k < n; k++)
          dup |= out[k] == i - 1;
        if (!dup)
          out[n++] = i - 1;
        seen++;
      }
  return n;
}

void
_figures_report_drop_page_furniture (GPtrArray *pages)
{
  g_autoptr (GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GPtrArray) split = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  guint needed = MAX (2, (pages->len + 1) / 2);

  /* how many pages have each key at their top or bottom */
  for (guint p = 0; p < pages->len; p++)
    {
      GStrv lines = g_strsplit (pages->pdata[p], "\n", -1);
      g_autoptr (GHashTable) on_page =
        g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      guint candidates[2 * FURNITURE_LINES];
      guint n = furniture_candidates (lines, candidates);

      g_ptr_array_add (split, lines);
      for (guint k = 0; k < n; k++)
        {
          char *key = furniture_key (lines[candidates[k]]);

          if (g_hash_table_add (on_page, key))
            {
              gpointer count = g_hash_table_lookup (counts, key);

              g_hash_table_replace (counts, g_strdup (key),
                                    GUINT_TO_POINTER (GPOINTER_TO_UINT (count) + 1));
            }
        }
    }

  for (guint p = 0; p < pages->len; p++)
    {
      GStrv lines = split->pdata[p];
      guint candidates[2 * FURNITURE_LINES];
      guint n = furniture_candidates (lines, candidates);
      gboolean dropped = FALSE;

      for (guint k = 0; k < n; k++)
        {
          char *line = lines[candidates[k]];
          g_autofree char *key = furniture_key (line);

          if (is_page_number (line) ||
              (pages->len >= 2 && GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)) >= needed))
            {
              line[0] = '\0';
              dropped = TRUE;
            }
        }
      if (dropped)
        {
          g_free (pages->pdata[p]);
          pages->pdata[p] = g_strjoinv ("\n", lines);
        }
    }
}

gboolean
_figures_report_read_pdf (GBytes *data,
                          FiguresReportFlags flags,
                          FiguresReportPageFunc page_func,
                          gpointer page_data,
                          GCancellable *cancellable,
                          FiguresReportSource *source,
                          GError **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (PopplerDocument) document = NULL;
  g_autoptr (GTimer) timer = g_timer_new ();
  g_autoptr (GArray) scanned = g_array_new (FALSE, FALSE, sizeof (guint));
  gsize total = 0;
  int n_pages;

  document = poppler_document_new_from_bytes (data, NULL, &local_error);
  if (document == NULL)
    {
      if (g_error_matches (local_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
        g_set_error_literal (error, FIGURES_REPORT_ERROR, FIGURES_REPORT_ERROR_PASSWORD,
                             "password-protected");
      else
        g_set_error_literal (error, FIGURES_REPORT_ERROR, FIGURES_REPORT_ERROR_CORRUPT,
                             "corrupt PDF");
      return FALSE;
    }

  n_pages = poppler_document_get_n_pages (document);
  if (n_pages <= 0)
    {
      g_set_error_literal (error, FIGURES_REPORT_ERROR, FIGURES_REPORT_ERROR_CORRUPT,
                           "corrupt PDF (no pages)");
      return FALSE;
    }
  if (n_pages > FIGURES_REPORT_MAX_PAGES)
    {
      g_set_error (error, FIGURES_REPORT_ERROR, FIGURES_REPORT_ERROR_LIMIT,
                   "too many pages: %d, the limit is %d", n_pages, FIGURES_REPORT_MAX_PAGES);
      return FALSE;
    }

  /* the text layer of every page; scans are only noted here. The time
   * limit is on this part: each OCRed page has a deadline of its own. */
  for (int i = 0; i < n_pages; i++)
    {
      g_autoptr (PopplerPage) page = NULL;
      char *text;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (g_timer_elapsed (timer, NULL) > FIGURES_REPORT_MAX_SECONDS)
        {
          g_set_error (error, FIGURES_REPORT_ERROR, FIGURES_REPORT_ERROR_LIMIT,
                       "too slow: page %d of %d after %d s", i + 1, n_pages,
                       FIGURES_REPORT_MAX_SECONDS);
          return FALSE;
        }

      page = poppler_document_get_page (document, i);
      if (page == NULL)
        {
          g_set_error (error, FIGURES_REPORT_ERROR, FIGURES_REPORT_ERROR_CORRUPT,
                       "corrupt PDF (page %d cannot be read)", i + 1);
          return FALSE;
        }
      text = poppler_page_get_text (page);
      if (is_blank (text) && !(flags & FIGURES_REPORT_NO_OCR) && page_has_images (page))
        {
          guint index = i;

          g_array_append_val (scanned, index);
          g_clear_pointer (&text, g_free);
        }
      if (text == NULL)
        text = g_strdup ("");
      total += strlen (text);
      g_ptr_array_add (source->pages, text);
      if (total > FIGURES_REPORT_MAX_CHARS)
        {
          g_set_error (error, FIGURES_REPORT_ERROR, FIGURES_REPORT_ERROR_LIMIT,
                       "too large: more than %d MB of text", FIGURES_REPORT_MAX_CHARS >> 20);
          return FALSE;
        }
    }

  if (scanned->len > 0)
    {
      OcrJobs jobs = { 0 };
      GThreadPool *pool;
      guint n_threads = MAX (1, g_get_num_processors ());
      gboolean ok = TRUE;

      g_mutex_init (&jobs.mutex);
      g_cond_init (&jobs.cond);
      jobs.texts = source->pages;
      jobs.cancellable = cancellable;
      pool = g_thread_pool_new (ocr_worker, &jobs, n_threads, FALSE, NULL);
      if (page_func != NULL)
        page_func (0, scanned->len, page_data);
      for (guint k = 0; k < scanned->len && ok; k++)
        {
          guint index = g_array_index (scanned, guint, k);
          g_autoptr (PopplerPage) page = poppler_document_get_page (document, index);
          OcrPage *rendered;

          /* at most one rendered page waits for a free thread */
          ocr_jobs_wait (&jobs, n_threads, scanned->len, page_func, page_data);
          g_mutex_lock (&jobs.mutex);
          ok = jobs.error == NULL && !g_cancellable_is_cancelled (cancellable);
          g_mutex_unlock (&jobs.mutex);
          if (!ok)
            break;
          rendered = render_page (page, &local_error);
          if (rendered == NULL)
            {
              ok = FALSE;
              break;
            }
          rendered->index = index;
          g_mutex_lock (&jobs.mutex);
          jobs.in_flight++;
          g_mutex_unlock (&jobs.mutex);
          g_thread_pool_push (pool, rendered, NULL);
        }
      ocr_jobs_wait (&jobs, 0, scanned->len, page_func, page_data);
      g_thread_pool_free (pool, FALSE, TRUE);
      g_mutex_clear (&jobs.mutex);
      g_cond_clear (&jobs.cond);

      if (local_error != NULL || jobs.error != NULL)
        {
          g_propagate_error (error, local_error != NULL ? g_steal_pointer (&local_error)
                                                        : g_steal_pointer (&jobs.error));
          g_clear_error (&jobs.error);
          return FALSE;
        }
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      source->n_ocr_pages = scanned->len;
      for (guint k = 0; k < scanned->len; k++)
        total += strlen (source->pages->pdata[g_array_index (scanned, guint, k)]);
      if (total > FIGURES_REPORT_MAX_CHARS)
        {
          g_set_error (error, FIGURES_REPORT_ERROR, FIGURES_REPORT_ERROR_LIMIT,
                       "too large: more than %d MB of text", FIGURES_REPORT_MAX_CHARS >> 20);
          return FALSE;
        }
    }

  _figures_report_drop_page_furniture (source->pages);
  return TRUE;
}
