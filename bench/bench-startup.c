/* bench-startup.c: time to first frame of the Figures window on a big index
 *
 *   bench-startup INDEX.db CORPUS_DIR [RUNS]
 *
 * Opens the main window on an existing index (20,000 reports: see
 * README.md; built from CORPUS_DIR first when INDEX.db is missing) and
 * measures the time from creating the window to its first painted frame,
 * next to the same measure for an empty GtkApplicationWindow with a header
 * bar, in the same process. Also the time until the first rows of the
 * report list are shown. Medians of RUNS (default 7) after one warm-up.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bench-startup"

#include "config.h"

#include <glib/gi18n.h>
#include <gtk/gtk.h>
#include <locale.h>
#include <stdio.h>

#include "bench-util.h"
#include "figures-application.h"
#include "figures-document-list.h"
#include "figures-window-private.h"

static void
iterate_until (gboolean *flag)
{
  while (!*flag)
    g_main_context_iteration (NULL, TRUE);
}

static void
painted_cb (GdkFrameClock *clock, gboolean *flag)
{
  *flag = TRUE;
}

/* Presents @window and returns the seconds from @start to its first frame. */
static double
time_first_frame (GtkWindow *window, gint64 start)
{
  gboolean painted = FALSE;
  GdkFrameClock *clock;
  gulong id;

  gtk_window_present (window);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_assert (clock != NULL);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (painted_cb), &painted);
  iterate_until (&painted);
  g_signal_handler_disconnect (clock, id);
  return (g_get_monotonic_time () - start) / 1e6;
}

static void
settle (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

static double
run_empty (FiguresApplication *app)
{
  gint64 start = g_get_monotonic_time ();
  GtkWidget *window = gtk_application_window_new (GTK_APPLICATION (app));
  double seconds;

  gtk_window_set_titlebar (GTK_WINDOW (window), gtk_header_bar_new ());
  gtk_window_set_title (GTK_WINDOW (window), "Empty");
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  seconds = time_first_frame (GTK_WINDOW (window), start);
  gtk_window_destroy (GTK_WINDOW (window));
  settle (100);
  return seconds;
}

static double
run_figures (FiguresApplication *app,
             double *built_seconds,
             double *rows_seconds,
             guint *n_documents)
{
  gint64 start = g_get_monotonic_time ();
  FiguresWindow *window = figures_window_new (app);
  double built = (g_get_monotonic_time () - start) / 1e6;
  GListModel *documents;
  double seconds;

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  seconds = time_first_frame (GTK_WINDOW (window), start);
  *built_seconds = built;

  /* The first rows of the report list, read on a worker thread. A reload
   * replaces the placeholder rows, so ask again each time. */
  documents = figures_documents_view_get_documents (window->documents_view);
  for (;;)
    {
      g_autoptr (FiguresDocumentItem) first = NULL;

      if (g_list_model_get_n_items (documents) > 0)
        first = g_list_model_get_item (documents, 0);
      if (first != NULL && figures_document_item_get_loaded (first))
        break;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (500);
    }
  *rows_seconds = (g_get_monotonic_time () - start) / 1e6;

  *n_documents = g_list_model_get_n_items (documents);

  gtk_window_destroy (GTK_WINDOW (window));
  settle (200);
  return seconds;
}

static gboolean
ensure_index (const char *index_path, const char *corpus)
{
  g_autoptr (FiguresIndex) index = NULL;
  g_autoptr (GError) error = NULL;
  const char *roots[] = { corpus, NULL };
  FiguresIndexSummary summary = { 0 };
  gint64 start;

  if (g_file_test (index_path, G_FILE_TEST_EXISTS))
    return TRUE;

  printf ("building the index of %s (once)…\n", corpus);
  start = g_get_monotonic_time ();
  index = figures_index_open (index_path, &error);
  if (index == NULL ||
      !figures_index_update (index, roots, NULL, NULL, NULL, NULL, &summary, &error))
    {
      g_printerr ("bench-startup: %s\n", error->message);
      return FALSE;
    }
  printf ("indexed %u reports in %.1f s\n", summary.indexed,
          (g_get_monotonic_time () - start) / 1e6);
  return TRUE;
}

int
main (int argc, char **argv)
{
  g_autoptr (FiguresApplication) app = NULL;
  g_autoptr (GArray) empty = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) figures = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) rows = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) built = g_array_new (FALSE, FALSE, sizeof (double));
  guint runs = 7, n_documents = 0;
  double e, f, r, unused;

  setlocale (LC_ALL, "");
  if (argc < 3)
    {
      g_printerr ("usage: bench-startup INDEX.db CORPUS_DIR [RUNS]\n"
                  "  e.g. bench/gen-corpus.py --out /tmp/corpus-200 --count 20000 --seed 1\n"
                  "       bench-startup /tmp/startup-20000.db /tmp/corpus-200\n");
      return 2;
    }
  if (argc > 3)
    runs = MAX (1, (guint) g_ascii_strtoull (argv[3], NULL, 10));

  /* The window's own background update walks CORPUS_DIR (all unchanged)
   * while it starts, as it would for a user. */
  g_setenv ("FIGURES_INDEX_PATH", argv[1], TRUE);
  g_setenv ("FIGURES_SAMPLES_DIR", argv[2], TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("FIGURES_NO_PORTAL", "1", TRUE);

  if (!ensure_index (argv[1], argv[2]))
    return 1;

  figures_application_setup_uninstalled ();
  app = figures_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, NULL))
    return 1;

  /* Warm-up: one-time costs (fonts, CSS, types) are not start-up. */
  run_empty (app);
  run_figures (app, &unused, &unused, &n_documents);

  for (guint i = 0; i < runs; i++)
    {
      double seconds = run_empty (app);
      double rows_seconds = 0, built_seconds = 0;

      g_array_append_val (empty, seconds);
      seconds = run_figures (app, &built_seconds, &rows_seconds, &n_documents);
      g_array_append_val (figures, seconds);
      g_array_append_val (built, built_seconds);
      g_array_append_val (rows, rows_seconds);
    }

  e = bench_median (empty);
  f = bench_median (figures);
  r = bench_median (rows);
  printf ("index: %s, %u reports\n", argv[1], n_documents);
  printf ("first frame, median of %u:\n", runs);
  printf ("  empty GtkApplicationWindow   %7.1f ms  (reference)\n", e * 1e3);
  printf ("  Figures window               %7.1f ms  %.2f× the reference (target < 2×)\n", f * 1e3,
          f / e);
  printf ("    of which building widgets %7.1f ms\n", bench_median (built) * 1e3);
  printf ("  Figures first rows listed    %7.1f ms\n", r * 1e3);
  return 0;
}
