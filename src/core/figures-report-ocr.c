/* figures-report-ocr.c: reading a page image with Tesseract's C API
 *
 * TessBaseAPIs are kept, idle ones in a list, for the process's life:
 * loading the Chinese models takes far longer than reading a page. They are
 * ended at exit, before Tesseract's own caches are torn down (which
 * otherwise complain on the terminal about objects still in use).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "figures-report"

#include "config.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <tesseract/capi.h>

#include "figures-report-private.h"

/* Simplified and Traditional Chinese (with Latin letters and digits),
 * from Debian's tesseract-ocr-chi-sim and tesseract-ocr-chi-tra.
 * $FIGURES_OCR_LANGUAGES overrides it (the benchmark uses the same value). */
#define OCR_LANGUAGES "chi_sim+chi_tra"

G_LOCK_DEFINE_STATIC (idle);
static GPtrArray *idle_apis; /* TessBaseAPI*, ready for a page */

static void
end_idle_apis (void)
{
  G_LOCK (idle);
  for (guint i = 0; idle_apis != NULL && i < idle_apis->len; i++)
    {
      TessBaseAPIEnd (idle_apis->pdata[i]);
      TessBaseAPIDelete (idle_apis->pdata[i]);
    }
  g_clear_pointer (&idle_apis, g_ptr_array_unref);
  G_UNLOCK (idle);
}

static TessBaseAPI *
take_api (GError **error)
{
  static gsize registered = 0;
  TessBaseAPI *api = NULL;
  const char *languages = g_getenv ("FIGURES_OCR_LANGUAGES");

  G_LOCK (idle);
  if (idle_apis != NULL && idle_apis->len > 0)
    api = g_ptr_array_steal_index_fast (idle_apis, idle_apis->len - 1);
  G_UNLOCK (idle);
  if (api != NULL)
    return api;

  if (languages == NULL || *languages == '\0')
    languages = OCR_LANGUAGES;
  api = TessBaseAPICreate ();
  if (TessBaseAPIInit3 (api, NULL, languages) != 0)
    {
      TessBaseAPIDelete (api);
      g_set_error (error, FIGURES_REPORT_ERROR, FIGURES_REPORT_ERROR_NO_TEXT,
                   "no text layer, and OCR is unavailable (install tesseract-ocr-chi-sim and "
                   "tesseract-ocr-chi-tra for “%s”)",
                   languages);
      return NULL;
    }
  /* automatic page segmentation, without orientation detection */
  TessBaseAPISetPageSegMode (api, PSM_AUTO);
  /* registered after Tesseract's statics exist, so it runs before they go */
  if (g_once_init_enter (&registered))
    {
      atexit (end_idle_apis);
      g_once_init_leave (&registered, 1);
    }
  return api;
}

static void
give_back_api (TessBaseAPI *api)
{
  TessBaseAPIClear (api);
  G_LOCK (idle);
  if (idle_apis == NULL)
    idle_apis = g_ptr_array_new ();
  g_ptr_array_add (idle_apis, api);
  G_UNLOCK (idle);
}

static bool
cancel_cb (void *cancel_this, int words)
{
  return g_cancellable_is_cancelled (cancel_this);
}

char *
_figures_report_ocr_image (const guint8 *grey,
                           int width,
                           int height,
                           int stride,
                           int dpi,
                           GCancellable *cancellable,
                           GError **error)
{
  TessBaseAPI *api = take_api (error);
  ETEXT_DESC *monitor;
  char *tess_text;
  char *text;
  int status;

  if (api == NULL)
    return NULL;

  TessBaseAPISetImage (api, grey, width, height, 1, stride);
  TessBaseAPISetSourceResolution (api, dpi);
  monitor = TessMonitorCreate ();
  TessMonitorSetDeadlineMSecs (monitor, FIGURES_REPORT_OCR_PAGE_MSECS);
  if (cancellable != NULL)
    {
      TessMonitorSetCancelThis (monitor, cancellable);
      TessMonitorSetCancelFunc (monitor, cancel_cb);
    }
  status = TessBaseAPIRecognize (api, monitor);
  TessMonitorDelete (monitor);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      give_back_api (api);
      return NULL;
    }
  if (status != 0)
    {
      give_back_api (api);
      g_set_error (error, FIGURES_REPORT_ERROR, FIGURES_REPORT_ERROR_LIMIT,
                   "OCR failed or took longer than %d s on a page",
                   FIGURES_REPORT_OCR_PAGE_MSECS / 1000);
      return NULL;
    }

  tess_text = TessBaseAPIGetUTF8Text (api);
  give_back_api (api);
  text = g_strdup (tess_text != NULL ? tess_text : "");
  TessDeleteText (tess_text);
  if (!g_utf8_validate (text, -1, NULL))
    {
      char *valid = g_utf8_make_valid (text, -1);

      g_free (text);
      text = valid;
    }
  _figures_report_tidy_spaces (text);
  return text;
}

/* Han characters and CJK punctuation (、。「」，：％ …) */
static gboolean
is_cjk (gunichar c)
{
  return g_unichar_get_script (c) == G_UNICODE_SCRIPT_HAN || (c >= 0x3000 && c <= 0x303F) ||
         (c >= 0xFF00 && c <= 0xFFEF);
}

void
_figures_report_tidy_spaces (char *text)
{
  char *out = text;
  const char *p = text;
  gunichar prev = 0;

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);

      if (c == ' ' || c == 0x3000)
        {
          const char *q = p;
          gunichar next;

          while (*q == ' ' || g_utf8_get_char (q) == 0x3000)
            q = g_utf8_next_char (q);
          next = g_utf8_get_char (q);
          /* OCR spaces Chinese out word by word: "培训 12 期" */
          if (is_cjk (prev) || (*q != '\0' && is_cjk (next)))
            {
              p = q;
              continue;
            }
          memmove (out, p, q - p);
          out += q - p;
          p = q;
          prev = ' ';
          continue;
        }
      {
        int w = g_utf8_next_char (p) - p;

        memmove (out, p, w);
        out += w;
        p += w;
        prev = c;
      }
    }
  *out = '\0';
}
