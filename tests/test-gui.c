/* test-gui.c: the application driven as a user would, under Xvfb
 *
 * One application and window for the whole run, on the bundled sample
 * reports and a fresh index: first-run indexing, search, the reader, the
 * charts, Compare, export. Screenshots of each view go to the build dir.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-gui"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <gtk/gtk.h>

#include "figures-application.h"
#include "figures-chart-view.h"
#include "figures-corrections-window.h"
#include "figures-document-list.h"
#include "figures-documents-view.h"
#include "figures-export-window.h"
#include "figures-list-row.h"
#include "figures-skipped-window.h"
#include "figures-statistic-item.h"
#include "figures-statistic-table.h"
#include "figures-statistics-view.h"
#include "figures-window-private.h"
#include "gui-test-util.h"

static FiguresApplication *app;
static FiguresWindow *window;
static char *tmpdir;

static void
indexing_cb (FiguresWindow *self, GParamSpec *pspec, gboolean *saw_progress)
{
  if (figures_window_get_indexing (self) && gtk_revealer_get_reveal_child (self->progress_revealer))
    *saw_progress = TRUE;
}

static void
test_first_run (void)
{
  FiguresDocumentsView *documents = window->documents_view;
  GListModel *model;
  gboolean saw_progress = FALSE;
  gulong id;
  gint64 pdf_id = 0;

  /* Indexing starts with the window (nothing has run the main loop yet)
   * and shows its progress. */
  g_assert_null (figures_library_get_last_summary (window->library));
  id = g_signal_connect (window, "notify::indexing", G_CALLBACK (indexing_cb), &saw_progress);
  RUN_AND_WAIT (window, "index-updated", (void) 0);
  g_signal_handler_disconnect (window, id);
  g_assert_true (saw_progress);
  g_assert_nonnull (figures_library_get_last_summary (window->library));
  g_assert_cmpuint (figures_library_get_last_summary (window->library)->indexed, >, 0);
  g_assert_false (figures_window_get_indexing (window));
  g_assert_false (gtk_revealer_get_reveal_child (window->progress_revealer));
  /* No folder of the user's: the samples banner offers Open Folder…. */
  g_assert_true (gtk_revealer_get_reveal_child (window->samples_revealer));

  settle (300);
  model = figures_documents_view_get_documents (documents);
  /* the list counts its rows on a worker thread, which may be busy */
  {
    gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

    while (g_list_model_get_n_items (model) == 0 && g_get_monotonic_time () < deadline)
      g_main_context_iteration (NULL, TRUE);
  }
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 0);
  {
    g_autoptr (FiguresDocumentItem) first = g_list_model_get_item (model, 0);
    gboolean loaded = figures_document_item_get_loaded (first);

    if (!loaded)
      {
        g_signal_connect (first, "notify::loaded", G_CALLBACK (notify_flag_cb), &loaded);
        wait_for_flag (&loaded, "the first page of reports");
      }
    g_assert_nonnull (figures_document_item_get_title (first));
    g_assert_cmpint (figures_document_item_get_id (first), >, 0);
  }
  /* the samples' PDF, Word file and web page say what they are (issue 10) */
  {
    guint n_pdf = 0, n_word = 0, n_web = 0;

    for (guint i = 0; i < g_list_model_get_n_items (model); i++)
      {
        g_autoptr (FiguresDocumentItem) item = g_list_model_get_item (model, i);
        g_autofree char *meta = NULL;
        gboolean loaded = figures_document_item_get_loaded (item);

        if (!loaded)
          {
            g_signal_connect (item, "notify::loaded", G_CALLBACK (notify_flag_cb), &loaded);
            wait_for_flag (&loaded, "a page of reports");
          }
        meta = figures_document_item_dup_meta (item);
        if (strstr (meta, " · PDF · ") != NULL)
          pdf_id = figures_document_item_get_id (item);
        n_pdf += strstr (meta, " · PDF · ") != NULL && strstr (meta, " pages") != NULL;
        n_word += strstr (meta, " · Word") != NULL;
        n_web += strstr (meta, " · Web page") != NULL;
      }
    g_assert_cmpuint (n_pdf, ==, 1);
    g_assert_cmpuint (n_word, ==, 1);
    g_assert_cmpuint (n_web, ==, 1);
  }
  /* the PDF in the reader: a marker above each page after the first */
  {
    FiguresReader *reader = figures_documents_view_get_reader (documents);
    GtkTextView *view = figures_reader_get_text_view (reader);
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
    GtkTextTag *page_start;
    GtkTextIter iter;
    guint n_marked = 0;

    RUN_AND_WAIT (reader, "loaded",
                  gtk_widget_activate_action (GTK_WIDGET (documents), "win.open-document", "(xu)",
                                              pdf_id, (guint32) 0));
    page_start = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "page-start");
    g_assert_nonnull (page_start);
    gtk_text_buffer_get_start_iter (buffer, &iter);
    while (gtk_text_iter_forward_to_tag_toggle (&iter, page_start))
      if (gtk_text_iter_starts_tag (&iter, page_start))
        n_marked++;
    /* the sample PDF has three pages; the third starts within the
     * paragraph that runs over from the second, which shares its gap */
    g_assert_cmpuint (n_marked, ==, 1);
    settle (200);
    save_screenshot (GTK_WIDGET (window), "screenshot-pdf.png");
  }
  save_screenshot (GTK_WIDGET (window), "screenshot-first-run.png");
}

static void
test_search (void)
{
  FiguresDocumentsView *documents = window->documents_view;
  GListModel *results = figures_documents_view_get_results (documents);
  g_autoptr (FiguresListRow) row = NULL;

  /* Typing in the entry searches (after its short delay). */
  RUN_AND_WAIT (documents, "search-finished",
                gtk_editable_set_text (GTK_EDITABLE (window->search_entry), "培训"));
  g_assert_cmpuint (g_list_model_get_n_items (results), >, 0);
  g_assert_cmpint (figures_documents_view_get_n_results_total (documents), >=,
                   (int) g_list_model_get_n_items (results));
  row = g_list_model_get_item (results, 0);
  g_assert_nonnull (strstr (figures_list_row_get_markup (row), "<b>"));
  g_assert_cmpint (figures_list_row_get_document_id (row), >, 0);

  /* Nothing matches: the empty state. */
  RUN_AND_WAIT (
    documents, "search-finished",
    gtk_editable_set_text (GTK_EDITABLE (window->search_entry), "zzqqxxnotawordanywhere"));
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 0);

  RUN_AND_WAIT (documents, "search-finished",
                gtk_editable_set_text (GTK_EDITABLE (window->search_entry), "培训"));
  g_assert_cmpuint (g_list_model_get_n_items (results), >, 0);
  save_screenshot (GTK_WIDGET (window), "screenshot-search.png");
}

static void
test_open_result (void)
{
  FiguresReader *reader = figures_documents_view_get_reader (window->documents_view);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (figures_reader_get_text_view (reader));
  GtkTextTag *current;
  GtkTextIter iter;
  g_autoptr (FiguresListRow) row =
    g_list_model_get_item (figures_documents_view_get_results (window->documents_view), 0);
  g_autofree char *hit_text = NULL;
  GtkTextIter end;

  /* Enter in the search entry opens the first result at its first hit. */
  RUN_AND_WAIT (reader, "loaded", g_signal_emit_by_name (window->search_entry, "activate"));
  g_assert_cmpint (figures_reader_get_document_id (reader), ==,
                   figures_list_row_get_document_id (row));
  g_assert_cmpuint (figures_reader_get_n_hits (reader), >, 0);
  g_assert_cmpint (figures_reader_get_current_hit (reader), ==, 0);

  current = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "current-hit");
  g_assert_nonnull (current);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, figures_list_row_get_offset (row));
  g_assert_true (gtk_text_iter_has_tag (&iter, current));
  end = iter;
  gtk_text_iter_forward_to_tag_toggle (&end, current);
  hit_text = gtk_text_iter_get_text (&iter, &end);
  g_assert_cmpstr (hit_text, ==, "培训");

  /* Ctrl+G moves to the next hit. */
  if (figures_reader_get_n_hits (reader) > 1)
    {
      gtk_widget_activate_action (GTK_WIDGET (window), "win.next-hit", NULL);
      g_assert_cmpint (figures_reader_get_current_hit (reader), ==, 1);
      gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-hit", NULL);
      g_assert_cmpint (figures_reader_get_current_hit (reader), ==, 0);
    }

  save_screenshot (GTK_WIDGET (window), "screenshot-documents.png");

  /* Item 2: a new search drops the old one's highlights and counter, even
   * when it finds nothing. */
  {
    GtkTextTag *hit_tag =
      gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "search-hit");
    g_autofree char *previous =
      g_strdup (gtk_editable_get_text (GTK_EDITABLE (window->search_entry)));

    RUN_AND_WAIT (
      window->documents_view, "search-finished",
      gtk_editable_set_text (GTK_EDITABLE (window->search_entry), "zzqqxxnotawordanywhere"));
    g_assert_cmpuint (figures_reader_get_n_hits (reader), ==, 0);
    g_assert_cmpint (figures_reader_get_current_hit (reader), ==, -1);
    gtk_text_buffer_get_start_iter (buffer, &iter);
    g_assert_false (gtk_text_iter_starts_tag (&iter, hit_tag) ||
                    gtk_text_iter_forward_to_tag_toggle (&iter, hit_tag));
    RUN_AND_WAIT (window->documents_view, "search-finished",
                  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), previous));
    RUN_AND_WAIT (reader, "loaded", g_signal_emit_by_name (window->search_entry, "activate"));
  }

  /* A highlighted figure shows its popover. */
  if (figures_reader_get_n_statistics (reader) > 0)
    {
      GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);
      gboolean found = FALSE;

      gtk_text_buffer_get_start_iter (buffer, &iter);
      do
        for (guint m = 0; m < 5 && !found; m++)
          {
            g_autofree char *name = g_strdup_printf ("metric-%u", m);
            GtkTextTag *tag = gtk_text_tag_table_lookup (table, name);

            if (tag && gtk_text_iter_has_tag (&iter, tag))
              found = TRUE;
          }
      while (!found && gtk_text_iter_forward_char (&iter));
      g_assert_true (found);
      g_assert_true (figures_reader_show_statistic_at (reader, gtk_text_iter_get_offset (&iter)));
      /* and says why it was read so (issue 8): the extractor's reasons,
       * kept in the index */
      g_test_message ("popover: %s", figures_reader_get_popover_text (reader));
      g_assert_nonnull (strstr (figures_reader_get_popover_text (reader), "Why this metric: "));
      g_assert_nonnull (strstr (figures_reader_get_popover_text (reader), "Why this city: "));
    }
}

/* Item 6: the window shrinks to 800×600, list and reader still side by
 * side, and the reader gets more room than the list. */
static void
test_small_window (void)
{
  FiguresReader *reader = figures_documents_view_get_reader (window->documents_view);
  int min_width = 0, min_height = 0, view_width, reader_width;

  figures_window_set_view (window, "documents");
  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL,
                      NULL);
  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_VERTICAL, 800, &min_height, NULL, NULL,
                      NULL);
  g_assert_cmpint (min_width, <=, 800);
  g_assert_cmpint (min_height, <=, 600);

  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  settle (400);
  /* The default size counts the frame: the widget gets a little less. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 800);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), >, 700);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (reader)));
  view_width = gtk_widget_get_width (GTK_WIDGET (window->documents_view));
  reader_width = gtk_widget_get_width (GTK_WIDGET (reader));
  g_test_message ("at 800 px: documents view %d, reader %d", view_width, reader_width);
  g_assert_cmpint (reader_width, <, view_width); /* the list is still there */
  g_assert_cmpint (reader_width, >, view_width - reader_width);
  save_screenshot (GTK_WIDGET (window), "screenshot-800x600-documents.png");

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 760);
  settle (300);
}

/* Clicks @mark and waits for the mentions behind it: as many as it says */
static void
click_mark (FiguresChartView *view, const FiguresChartMark *mark)
{
  RUN_AND_WAIT (
    view, "mentions-changed",
    g_assert_true (figures_chart_view_activate_at (view, mark->rect.x + mark->rect.width / 2,
                                                   mark->rect.y + mark->rect.height / 2)));
  g_assert_cmpuint (g_list_model_get_n_items (figures_chart_view_get_mentions (view)), ==,
                    mark->mentions);
}

static void
test_charts (void)
{
  FiguresChartView *view = window->charts_view;
  FiguresChartLayout *layout;
  FiguresChartMark mark;
  GListModel *mentions = figures_chart_view_get_mentions (view);
  gboolean have_data = figures_chart_view_get_data (view) != NULL;

  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), "");
  figures_window_set_view (window, "charts");
  if (!have_data)
    RUN_AND_WAIT (view, "data-changed", (void) 0);
  settle (300);

  layout = wait_for_layout (view);
  g_assert_nonnull (layout);
  g_assert_cmpuint (figures_chart_layout_get_n_marks (layout), >, 0);
  g_assert_true (figures_chart_layout_get_mark (layout, 0, &mark));

  /* Clicking the first bar lists exactly the mentions behind it. */
  click_mark (view, &mark);
  for (guint i = 0; i < g_list_model_get_n_items (mentions); i++)
    {
      g_autoptr (FiguresListRow) row = g_list_model_get_item (mentions, i);
      FiguresStatistic *statistic = figures_list_row_get_statistic (row);

      g_assert_cmpstr (statistic->city, ==, mark.city);
      g_assert_cmpstr (figures_metric_to_key (statistic->metric), ==, mark.metric);

      /* Item 3: the snippet shows its figure, near its start (the label
       * keeps three lines and cuts the end). */
      {
        const char *evidence = statistic->evidence;
        const char *a =
          g_utf8_offset_to_pointer (evidence, statistic->start - statistic->evidence_start);
        const char *b =
          g_utf8_offset_to_pointer (evidence, statistic->end - statistic->evidence_start);
        g_autofree char *figure = g_markup_escape_text (a, b - a);
        g_autofree char *bold = g_strdup_printf ("<b>%s</b>", figure);
        const char *markup = figures_list_row_get_markup (row);
        const char *at = strstr (markup, bold);

        g_assert_nonnull (at);
        g_assert_cmpint (g_utf8_strlen (markup, at - markup), <=, 16);
      }
    }
  save_screenshot (GTK_WIDGET (window), "screenshot-charts.png");

  /* Item 2: another metric, another chart: the mentions of the old one go. */
  RUN_AND_WAIT (view, "data-changed", figures_chart_view_set_metric (view, "funding"));
  g_assert_cmpuint (g_list_model_get_n_items (mentions), ==, 0);
  RUN_AND_WAIT (view, "data-changed", figures_chart_view_set_metric (view, "trainees"));
  settle (200);
  layout = wait_for_layout (view);
  g_assert_true (figures_chart_layout_get_mark (layout, 0, &mark));
  click_mark (view, &mark);

  /* Clicking a mention opens its report at that sentence, and selects the
   * report in the list. */
  {
    FiguresReader *reader = figures_documents_view_get_reader (window->documents_view);
    g_autoptr (FiguresListRow) row = g_list_model_get_item (mentions, 0);

    RUN_AND_WAIT (reader, "loaded",
                  gtk_widget_activate_action (GTK_WIDGET (view), "win.open-document", "(xu)",
                                              (gint64) figures_list_row_get_document_id (row),
                                              (guint32) figures_list_row_get_offset (row)));
    g_assert_cmpint (figures_reader_get_document_id (reader), ==,
                     figures_list_row_get_document_id (row));
    g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->stack), ==, "documents");
    g_assert_cmpint (figures_documents_view_get_selected_id (window->documents_view), ==,
                     figures_list_row_get_document_id (row));
  }
}

static void
test_compare (void)
{
  FiguresChartView *view = window->compare_view;
  g_autoptr (FiguresIndex) index = NULL;
  g_auto (GStrv) cities = NULL;
  g_autoptr (GError) error = NULL;
  FiguresChartLayout *layout;
  FiguresChartColor color;

  index = figures_index_open (figures_window_get_index_path (window), &error);
  g_assert_no_error (error);
  cities = figures_index_list_cities (index, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (cities), >=, 3);

  figures_window_set_view (window, "compare");
  {
    const char *two[] = { cities[0], cities[1], NULL };
    RUN_AND_WAIT (view, "data-changed", figures_chart_view_set_cities (view, two));
  }
  settle (200);
  layout = wait_for_layout (view);
  g_assert_nonnull (layout);
  g_assert_cmpint (figures_chart_layout_get_kind (layout), ==, FIGURES_CHART_COMPARE);
  g_assert_true (figures_chart_layout_get_city_color (layout, cities[0], &color));
  g_assert_true (figures_chart_layout_get_city_color (layout, cities[1], &color));
  g_assert_false (figures_chart_layout_get_city_color (layout, cities[2], &color));

  /* A third city changes the chart's model. */
  {
    const char *three[] = { cities[0], cities[1], cities[2], NULL };
    RUN_AND_WAIT (view, "data-changed", figures_chart_view_set_cities (view, three));
  }
  settle (200);
  layout = wait_for_layout (view);
  g_assert_true (figures_chart_layout_get_city_color (layout, cities[2], &color));
  g_assert_cmpstrv (figures_chart_view_get_cities (view),
                    ((const char *[]){ cities[0], cities[1], cities[2], NULL }));
  save_screenshot (GTK_WIDGET (window), "screenshot-compare.png");
}

/* Item 10: Compare at the default window size shows enough cities to
 * choose from and enough mentions to read. */
static void
test_compare_room (void)
{
  FiguresChartView *view = window->compare_view;
  GSettings *settings = figures_window_get_settings (window);
  g_autoptr (GVariant) width = g_settings_get_default_value (settings, "window-width");
  g_autoptr (GVariant) height = g_settings_get_default_value (settings, "window-height");
  FiguresChartLayout *layout;
  FiguresChartMark mark, most = { 0 };
  GtkWidget *cities_button, *cities_list, *mentions_list;
  double city_rows, mention_rows;

  gtk_window_set_default_size (GTK_WINDOW (window), g_variant_get_int32 (width),
                               g_variant_get_int32 (height));
  figures_window_set_view (window, "compare");
  if (figures_chart_view_get_data (view) == NULL)
    RUN_AND_WAIT (view, "data-changed", (void) 0);
  settle (300);

  /* the bar with the most mentions behind it */
  layout = wait_for_layout (view);
  g_assert_nonnull (layout);
  for (guint i = 0; i < figures_chart_layout_get_n_marks (layout); i++)
    if (figures_chart_layout_get_mark (layout, i, &mark) && mark.city != NULL &&
        mark.mentions > most.mentions)
      most = mark;
  g_assert_cmpuint (most.mentions, >=, 3);
  RUN_AND_WAIT (view, "mentions-changed",
                g_assert_true (figures_chart_view_activate_at (
                  view, most.rect.x + most.rect.width / 2, most.rect.y + most.rect.height / 2)));
  settle (300);
  save_screenshot (GTK_WIDGET (window), "screenshot-compare-default-size.png");

  mentions_list = find_widget_by_id (GTK_WIDGET (view), "mentions_list");
  g_assert_nonnull (mentions_list);
  mention_rows = count_visible_rows (mentions_list);

  /* the cities are chosen in a popover of their own */
  cities_button = find_widget_by_id (GTK_WIDGET (view), "cities_button");
  g_assert_true (GTK_IS_MENU_BUTTON (cities_button));
  g_assert_true (gtk_widget_get_mapped (cities_button));
  gtk_menu_button_popup (GTK_MENU_BUTTON (cities_button));
  settle (300);
  cities_list = find_widget_by_id (
    GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (cities_button))), "cities_list");
  g_assert_nonnull (cities_list);
  city_rows = count_visible_rows (cities_list);
  save_screenshot (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (cities_button))),
                   "screenshot-compare-cities.png");
  gtk_menu_button_popdown (GTK_MENU_BUTTON (cities_button));
  g_test_message ("at %dx%d: %.1f city rows, %.1f mentions", g_variant_get_int32 (width),
                  g_variant_get_int32 (height), city_rows, mention_rows);
  g_assert_cmpfloat (city_rows, >=, 8);
  g_assert_cmpfloat (mention_rows, >=, 3);

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 760);
  settle (300);
}

static void
exported_cb (FiguresExportWindow *export, const char *message, char **result)
{
  *result = g_strdup (message ? message : "");
}

static void
test_export (void)
{
  GtkWindow *export;
  g_autofree char *path = g_build_filename (tmpdir, "chart.png", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GdkTexture) texture = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *result = NULL;
  gint64 deadline = g_get_monotonic_time () + GUI_TEST_TIMEOUT_SECONDS * G_TIME_SPAN_SECOND;

  figures_window_set_view (window, "charts");
  figures_chart_view_set_metric (window->charts_view, "trainees");
  if (figures_chart_view_get_data (window->charts_view) == NULL)
    RUN_AND_WAIT (window->charts_view, "data-changed", (void) 0);
  export = figures_export_window_new (GTK_WINDOW (window), window->charts_view,
                                      figures_window_get_settings (window));
  g_signal_connect (export, "exported", G_CALLBACK (exported_cb), &result);
  gtk_window_present (export);
  figures_export_window_set_size (FIGURES_EXPORT_WINDOW (export), 640, 400, 2);

  /* Item 7: the file is named after the chart and the day, and the chooser
   * opens where the last export went (Pictures at first). */
  {
    g_autoptr (GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *suffix = g_date_time_format (now, "-%Y-%m-%d.png");
    const char *name = figures_export_window_get_suggested_name (FIGURES_EXPORT_WINDOW (export));
    g_autoptr (GFile) folder = NULL;
    g_autofree char *folder_path = NULL;

    g_test_message ("suggested name: %s", name);
    g_assert_true (g_str_has_prefix (name, "Trainees-by-city"));
    g_assert_true (g_str_has_suffix (name, suffix));
    g_settings_set_string (figures_window_get_settings (window), "export-folder", "");
    folder = figures_export_dup_folder (figures_window_get_settings (window));
    folder_path = g_file_get_path (folder);
    g_assert_true (g_strcmp0 (folder_path, g_get_user_special_dir (G_USER_DIRECTORY_PICTURES)) ==
                     0 ||
                   g_strcmp0 (folder_path, g_get_home_dir ()) == 0);
  }
  save_screenshot (GTK_WIDGET (export), "screenshot-export.png");
  forget_toast (window);
  figures_export_window_export_to (FIGURES_EXPORT_WINDOW (export), file);
  while (result == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (result, ==, "");
  {
    g_autofree char *last =
      g_settings_get_string (figures_window_get_settings (window), "export-folder");
    g_assert_cmpstr (last, ==, tmpdir);
  }

  /* Success is a toast with Open and Show in Folder, not a warning. */
  {
    AdwToast *toast = wait_for_toast (window);
    g_autofree char *uri = g_file_get_uri (file);
    g_autofree char *target = NULL;
    GtkWidget *title = adw_toast_get_custom_title (toast);
    GtkWidget *show = title ? gtk_widget_get_last_child (title) : NULL;

    g_assert_cmpstr (adw_toast_get_button_label (toast), ==, _ ("Open"));
    g_assert_cmpstr (adw_toast_get_action_name (toast), ==, "win.open-file");
    target = g_variant_dup_string (adw_toast_get_action_target_value (toast), NULL);
    g_assert_cmpstr (target, ==, uri);
    g_assert_true (GTK_IS_BUTTON (show));
    g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (show)), ==,
                     "win.show-in-folder");
  }

  texture = gdk_texture_new_from_filename (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 1280);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 800);

  /* `figures chart` with the same request draws the same bytes: one core
   * request, one source line (the index's date, the statistics drawn) */
  if (g_getenv ("FIGURES_EXE") != NULL)
    {
      g_autofree char *cli_path = g_build_filename (tmpdir, "chart-cli.png", NULL);
      g_autofree char *db_arg = g_strdup_printf ("--db=%s", figures_window_get_index_path (window));
      g_autofree char *metric_arg = g_strdup_printf ("--metric=%s", "trainees");
      g_autofree char *aggregate =
        g_settings_get_string (figures_window_get_settings (window), "chart-aggregation");
      g_autofree char *aggregate_arg = g_strdup_printf ("--aggregate=%s", aggregate);
      g_autofree char *output_arg = g_strdup_printf ("--output=%s", cli_path);
      const char *argv[] = {
        g_getenv ("FIGURES_EXE"), "chart",     db_arg,     metric_arg, aggregate_arg, "--width=640",
        "--height=400",           "--scale=2", output_arg, NULL
      };
      g_autofree char *window_bytes = NULL;
      g_autofree char *cli_bytes = NULL;
      gsize window_len = 0, cli_len = 0;
      int status = 0;

      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status,
                    &error);
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      g_assert_true (g_file_get_contents (path, &window_bytes, &window_len, NULL));
      g_assert_true (g_file_get_contents (cli_path, &cli_bytes, &cli_len, NULL));
      g_assert_cmpmem (window_bytes, window_len, cli_bytes, cli_len);
    }
  else
    g_test_message ("no $FIGURES_EXE: the PNG of `figures chart` is not compared");
}

/* Broken, the third scale of the Options popover, is kept and drawn */
static void
test_chart_broken_axis (void)
{
  FiguresChartView *view = window->charts_view;
  GSettings *settings = figures_window_get_settings (window);
  GtkDropDown *scale = GTK_DROP_DOWN (find_widget_by_id (GTK_WIDGET (view), "scale_dropdown"));
  GtkDropDown *other =
    GTK_DROP_DOWN (find_widget_by_id (GTK_WIDGET (window->compare_view), "scale_dropdown"));
  g_autofree char *kept = NULL;

  g_assert_nonnull (scale);
  figures_window_set_view (window, "charts");
  if (figures_chart_view_get_data (view) == NULL)
    RUN_AND_WAIT (view, "data-changed", (void) 0);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (scale)), ==, 3);

  gtk_drop_down_set_selected (scale, 2);
  kept = g_settings_get_string (settings, "chart-scale");
  g_assert_cmpstr (kept, ==, "broken");
  g_assert_cmpint (figures_chart_data_get_scale (figures_chart_view_get_data (view)), ==,
                   FIGURES_CHART_SCALE_BROKEN);
  g_assert_nonnull (wait_for_layout (view));
  g_assert_cmpuint (figures_chart_layout_get_n_marks (wait_for_layout (view)), >, 0);

  /* A view set up again reads it back */
  figures_chart_view_setup (window->compare_view, settings);
  g_assert_cmpuint (gtk_drop_down_get_selected (other), ==, 2);

  gtk_drop_down_set_selected (scale, 0);
  figures_chart_view_setup (window->compare_view, settings);
  g_assert_cmpuint (gtk_drop_down_get_selected (other), ==, 0);
}

static void
test_csv (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "stats.csv", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;
  AdwToast *toast;

  forget_toast (window);
  figures_chart_view_export_csv (window->charts_view, file);
  toast = wait_for_toast (window);
  /* The toast offers to open what was written. */
  g_assert_cmpstr (adw_toast_get_action_name (toast), ==, "win.open-file");

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF"
                                             "file,city,place,metric,value,approx,unit,start,end,"
                                             "label,evidence,year\r\n"));
  g_assert_true (g_utf8_validate (contents, -1, NULL));
  /* The rows behind the chart: its metric only. */
  g_assert_nonnull (strstr (contents, ",trainees,"));
  g_assert_null (strstr (contents, ",funding,"));

  /* one schema and one writer: `figures stats --format=csv` writes the same
   * bytes (run from / so that it writes the same absolute paths) */
  if (g_getenv ("FIGURES_EXE") != NULL)
    {
      g_autofree char *db_arg = g_strdup_printf ("--db=%s", figures_window_get_index_path (window));
      const char *argv[] = { g_getenv ("FIGURES_EXE"), "stats",        db_arg,
                             "--metric=trainees",      "--format=csv", NULL };
      g_autofree char *out = NULL;
      int status = 0;

      g_spawn_sync ("/", (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status,
                    &error);
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      g_assert_cmpstr (out, ==, contents);
    }

  /* the chart's years too: as `figures stats --years` writes them */
  if (g_getenv ("FIGURES_EXE") != NULL)
    {
      g_autofree char *db_arg = g_strdup_printf ("--db=%s", figures_window_get_index_path (window));
      const char *argv[] = { g_getenv ("FIGURES_EXE"), "stats",        db_arg, "--metric=trainees",
                             "--years=2024",           "--format=csv", NULL };
      g_autofree char *out = NULL;
      g_autofree char *ranged = NULL;
      int status = 0;

      figures_chart_view_set_years (window->charts_view, 2024, 2024);
      forget_toast (window);
      figures_chart_view_export_csv (window->charts_view, file);
      wait_for_toast (window);
      g_assert_true (g_file_get_contents (path, &ranged, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (ranged, !=, contents);
      g_assert_nonnull (strstr (ranged, ",2024\r\n"));
      g_assert_null (strstr (ranged, ",2023\r\n"));
      g_spawn_sync ("/", (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status,
                    &error);
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      g_assert_cmpstr (out, ==, ranged);

      /* any year again, and a bar's mentions listed, as /gui/charts left
       * it for the tests after */
      {
        g_autofree char *shown = g_strdup (adw_view_stack_get_visible_child_name (window->stack));
        FiguresChartView *view = window->charts_view;
        FiguresChartLayout *layout;
        FiguresChartMark mark;

        figures_window_set_view (window, "charts");
        RUN_AND_WAIT (view, "data-changed", figures_chart_view_set_years (view, 0, 0));
        settle (200);
        layout = wait_for_layout (view);
        g_assert_true (figures_chart_layout_get_mark (layout, 0, &mark));
        RUN_AND_WAIT (
          view, "mentions-changed",
          g_assert_true (figures_chart_view_activate_at (view, mark.rect.x + mark.rect.width / 2,
                                                         mark.rect.y + mark.rect.height / 2)));
        figures_window_set_view (window, shown);
      }
    }
}

static void
test_skipped (void)
{
  GtkWindow *skipped =
    figures_skipped_window_new (GTK_WINDOW (window), figures_window_get_index_path (window));
  g_autoptr (FiguresIndex) index = NULL;
  g_autoptr (GPtrArray) files = NULL;
  g_autoptr (GError) error = NULL;

  RUN_AND_WAIT (skipped, "loaded", gtk_window_present (skipped));
  index = figures_index_open (figures_window_get_index_path (window), &error);
  g_assert_no_error (error);
  files = figures_index_list_skipped (index, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (
    g_list_model_get_n_items (figures_skipped_window_get_files (FIGURES_SKIPPED_WINDOW (skipped))),
    ==, files->len);
  gtk_window_destroy (skipped);
}

/* ---- the Statistics view (issue 12) ---- */

/* The row at @position, once its page has been read */
static const FiguresStatisticRow *
row_at (GListModel *rows, guint position)
{
  g_autoptr (FiguresStatisticItem) item = g_list_model_get_item (rows, position);
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  g_assert_nonnull (item);
  while (!figures_statistic_item_get_loaded (item))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("row %u of the table was never read", position);
      g_main_context_iteration (NULL, TRUE);
    }
  /* the list keeps the item alive until it reads again */
  return figures_statistic_item_get_row (item);
}

/* Until the table has read what its filters and sort select */
static void
wait_for_table (FiguresStatisticsView *view)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (figures_statistics_view_get_loading (view) ||
         g_list_model_get_n_items (figures_statistics_view_get_rows (view)) == 0)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("the table was never read");
      g_main_context_iteration (NULL, TRUE);
    }
}

/* A filter or sort, then the table read again */
#define TABLE(view, call)  \
  G_STMT_START             \
  {                        \
    call;                  \
    wait_for_table (view); \
  }                        \
  G_STMT_END

static GPtrArray *
index_statistics (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FiguresIndex) index =
    figures_index_open (figures_window_get_index_path (window), &error);
  FiguresStatisticsFilter filter = { 0 };
  GPtrArray *rows;

  g_assert_no_error (error);
  rows = figures_index_list_statistics (index, &filter, &error);
  g_assert_no_error (error);
  return rows;
}

static GtkColumnViewColumn *
column_at (GtkColumnView *column_view, guint position)
{
  g_autoptr (GtkColumnViewColumn) column =
    g_list_model_get_item (gtk_column_view_get_columns (column_view), position);

  return column;
}

static void
clipboard_text_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  char **text = user_data;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, NULL);
  if (*text == NULL)
    *text = g_strdup ("");
}

static void
test_statistics_table (void)
{
  FiguresStatisticsView *view = window->statistics_view;
  GListModel *rows = figures_statistics_view_get_rows (view);
  GtkColumnView *column_view = figures_statistics_view_get_column_view (view);
  GtkSelectionModel *selection = figures_statistics_view_get_selection (view);
  g_autoptr (GPtrArray) all = index_statistics ();
  guint n_all, n;
  g_autofree char *city = NULL;

  figures_window_set_view (window, "statistics");
  wait_for_table (view);
  /* every statistic of the index, one row each */
  n_all = g_list_model_get_n_items (rows);
  g_assert_cmpuint (n_all, ==, all->len);
  g_assert_cmpuint (n_all, >, 1);
  settle (300);
  save_screenshot (GTK_WIDGET (window), "screenshot-statistics.png");

  /* Sorting by Value (column 3), largest first, then by City. */
  TABLE (view, gtk_column_view_sort_by_column (column_view, column_at (column_view, 3),
                                               GTK_SORT_DESCENDING));
  for (guint i = 1; i < n_all; i++)
    g_assert_cmpfloat (figures_decimal_to_double (row_at (rows, i - 1)->statistic->value), >=,
                       figures_decimal_to_double (row_at (rows, i)->statistic->value));
  g_assert_cmpfloat (figures_decimal_to_double (row_at (rows, 0)->statistic->value), >,
                     figures_decimal_to_double (row_at (rows, n_all - 1)->statistic->value));
  TABLE (view, gtk_column_view_sort_by_column (column_view, column_at (column_view, 5),
                                               GTK_SORT_ASCENDING));
  for (guint i = 1; i < n_all; i++)
    g_assert_cmpint (g_utf8_collate (row_at (rows, i - 1)->statistic->city ?: "",
                                     row_at (rows, i)->statistic->city ?: ""),
                     <=, 0);

  /* Filters: a metric, a city, free text, and back to everything. */
  TABLE (view, figures_statistics_view_set_metric (view, "trainees"));
  n = g_list_model_get_n_items (rows);
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (n, <, n_all);
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (row_at (rows, i)->statistic->metric, ==, FIGURES_METRIC_TRAINEES);
  city = g_strdup (row_at (rows, 0)->statistic->city);
  TABLE (view, figures_statistics_view_set_metric (view, NULL));
  TABLE (view, figures_statistics_view_set_city (view, city));
  n = g_list_model_get_n_items (rows);
  g_assert_cmpuint (n, >, 0);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (row_at (rows, i)->statistic->city, ==, city);
  TABLE (view, figures_statistics_view_set_city (view, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n_all);
  TABLE (view, figures_statistics_view_set_search (view, "培训"));
  n = g_list_model_get_n_items (rows);
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (n, <, n_all);
  for (guint i = 0; i < n; i++)
    {
      const FiguresStatisticRow *row = row_at (rows, i);

      g_assert_true (strstr (row->statistic->evidence ?: "", "培训") != NULL ||
                     strstr (row->statistic->label ?: "", "培训") != NULL ||
                     strstr (row->title ?: "", "培训") != NULL);
    }
  TABLE (view, figures_statistics_view_set_search (view, ""));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n_all);

  /* A label; a year range, whose bounds are included. */
  {
    g_autofree char *label = NULL;
    int first = G_MAXINT, last = 0;

    for (guint i = 0; i < n_all && label == NULL; i++)
      if (row_at (rows, i)->statistic->label != NULL && row_at (rows, i)->statistic->label[0])
        label = g_strdup (row_at (rows, i)->statistic->label);
    g_assert_nonnull (label);
    TABLE (view, figures_statistics_view_set_label (view, label));
    n = g_list_model_get_n_items (rows);
    g_assert_cmpuint (n, >, 0);
    for (guint i = 0; i < n; i++)
      g_assert_cmpstr (row_at (rows, i)->statistic->label, ==, label);
    TABLE (view, figures_statistics_view_set_label (view, NULL));
    g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n_all);

    for (guint i = 0; i < n_all; i++)
      {
        int year = row_at (rows, i)->statistic->year;

        if (year > 0)
          first = MIN (first, year), last = MAX (last, year);
      }
    g_assert_cmpint (last, >, first); /* the samples span years */
    TABLE (view, figures_statistics_view_set_years (view, last, 0));
    n = g_list_model_get_n_items (rows);
    g_assert_cmpuint (n, >, 0);
    g_assert_cmpuint (n, <, n_all);
    for (guint i = 0; i < n; i++)
      g_assert_cmpint (row_at (rows, i)->statistic->year, >=, last);
    TABLE (view, figures_statistics_view_set_years (view, first, first));
    n = g_list_model_get_n_items (rows);
    g_assert_cmpuint (n, >, 0);
    for (guint i = 0; i < n; i++)
      g_assert_cmpint (row_at (rows, i)->statistic->year, ==, first);
    TABLE (view, figures_statistics_view_set_years (view, 0, 0));
    g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n_all);
  }

  /* Copy: Ctrl+C's action puts the selected rows on the clipboard as TSV,
   * the statistic columns and a citation. */
  gtk_selection_model_select_range (selection, 0, 2, TRUE);
  {
    g_autofree char *text = NULL;
    g_auto (GStrv) lines = NULL;
    g_autofree char *header = g_strjoinv ("\t", (char **) figures_statistic_columns);
    GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (view));

    /* the rows are read from the index first: wait for the clipboard */
    RUN_AND_WAIT (
      clipboard, "changed",
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "statistics.copy", NULL)));
    gdk_clipboard_read_text_async (clipboard, NULL, clipboard_text_cb, &text);
    while (text == NULL)
      g_main_context_iteration (NULL, TRUE);
    lines = g_strsplit (text, "\n", -1);
    g_assert_cmpuint (g_strv_length (lines), ==, 4); /* header, 2 rows, "" */
    g_assert_true (g_str_has_prefix (lines[0], header));
    for (guint i = 0; i < 2; i++)
      {
        const FiguresStatisticRow *row = row_at (rows, i);
        g_auto (GStrv) fields = g_strsplit (lines[i + 1], "\t", -1);
        g_autofree char *start = g_strdup_printf ("%u", row->statistic->start);

        g_assert_cmpuint (g_strv_length (fields), ==, FIGURES_N_STATISTIC_COLUMNS + 1);
        g_assert_cmpstr (fields[7], ==, start);
        g_assert_cmpstr (fields[1], ==, row->statistic->city);
        g_assert_true (g_str_has_prefix (fields[FIGURES_N_STATISTIC_COLUMNS], row->title));
        g_assert_nonnull (strstr (fields[FIGURES_N_STATISTIC_COLUMNS], fields[0]));
      }
  }

  /* Double-click (activate) opens the report at the figure. */
  {
    FiguresReader *reader = figures_documents_view_get_reader (window->documents_view);
    const FiguresStatisticRow *row = row_at (rows, 1);
    gint64 id = row->document_id;

    RUN_AND_WAIT (reader, "loaded", g_signal_emit_by_name (column_view, "activate", 1));
    g_assert_cmpint (figures_reader_get_document_id (reader), ==, id);
    g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->stack), ==, "documents");
  }
  gtk_selection_model_unselect_all (selection);
}

static guint
count_csv_rows (GBytes *csv, const char *file, guint start, guint end)
{
  g_autofree char *needle = g_strdup_printf (",%u,%u,", start, end);
  g_auto (GStrv) lines = g_strsplit (g_bytes_get_data (csv, NULL), "\r\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], file) && strstr (lines[i], needle) != NULL)
      n++;
  return n;
}

/* The bar of @city in the chart on screen: its mentions, 0 when it has none. */
static guint
chart_mentions (const char *city)
{
  FiguresChartLayout *layout;
  FiguresChartMark mark;

  figures_window_set_view (window, "charts");
  settle (100);
  layout = wait_for_layout (window->charts_view);
  for (guint i = 0; i < figures_chart_layout_get_n_marks (layout); i++)
    if (figures_chart_layout_get_mark (layout, i, &mark) && mark.kind == FIGURES_CHART_MARK_BAR &&
        g_strcmp0 (mark.city, city) == 0)
      return mark.mentions;
  return 0;
}

/* Corrects the selected figure through @action and waits until the table
 * and the chart have read the index again. */
static void
correct_and_wait_for (FiguresStatisticsView *view, const char *action, GVariant *param)
{
  gboolean table = FALSE, chart = FALSE, corrected = FALSE;
  gulong a = g_signal_connect (view, "loaded", G_CALLBACK (set_flag_cb), &table);
  gulong b =
    g_signal_connect (window->charts_view, "data-changed", G_CALLBACK (set_flag_cb), &chart);
  gulong c = g_signal_connect (view, "corrected", G_CALLBACK (set_flag_cb), &corrected);

  /* a hidden chart or table reads the index when shown: show each */
  figures_window_set_view (window, "charts");
  if (param != NULL)
    g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (view), action, param));
  else
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), action, NULL));
  wait_for_flag (&corrected, "the correction");
  /* the chart on screen reads the index again after the correction */
  chart = FALSE;
  wait_for_flag (&chart, "the chart after a correction");
  table = FALSE;
  figures_window_set_view (window, "statistics");
  wait_for_flag (&table, "the table after a correction");
  g_signal_handler_disconnect (view, a);
  g_signal_handler_disconnect (window->charts_view, b);
  g_signal_handler_disconnect (view, c);
}

/* The message dialog a view just presented. */
static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel))
        return ADW_MESSAGE_DIALOG (toplevel);
    }
  return NULL;
}

static void
correct_and_wait (FiguresStatisticsView *view, const char *action)
{
  correct_and_wait_for (view, action, NULL);
}

static gboolean
select_figure (FiguresStatisticsView *view, const char *hash, guint start)
{
  GListModel *rows = figures_statistics_view_get_rows (view);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    if (g_strcmp0 (row_at (rows, i)->hash, hash) == 0 &&
        row_at (rows, i)->statistic->start == start)
      {
        gtk_selection_model_select_item (figures_statistics_view_get_selection (view), i, TRUE);
        return TRUE;
      }
  return FALSE;
}

static void
test_statistics_correct (void)
{
  FiguresStatisticsView *view = window->statistics_view;
  GListModel *rows = figures_statistics_view_get_rows (view);
  g_autoptr (GPtrArray) before = NULL;
  g_autoptr (GPtrArray) after = NULL;
  g_autoptr (GBytes) csv_before = NULL;
  g_autoptr (GBytes) csv_after = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *file = NULL;
  g_autofree char *city = NULL;
  guint start = 0, end = 0, n_all, mentions;
  FiguresChartMark mark;

  /* the figure: one behind the first bar of the trainees chart */
  figures_window_set_view (window, "charts");
  /* another metric first, so that setting trainees always reloads */
  RUN_AND_WAIT (window->charts_view, "data-changed",
                figures_chart_view_set_metric (window->charts_view, "funding"));
  RUN_AND_WAIT (window->charts_view, "data-changed",
                figures_chart_view_set_metric (window->charts_view, "trainees"));
  settle (100);
  g_assert_true (figures_chart_layout_get_mark (wait_for_layout (window->charts_view), 0, &mark));
  city = g_strdup (mark.city);
  mentions = chart_mentions (city);
  g_assert_cmpuint (mentions, >, 0);

  figures_window_set_view (window, "statistics");
  wait_for_table (view);
  n_all = g_list_model_get_n_items (rows);
  TABLE (view, figures_statistics_view_set_metric (view, "trainees"));
  TABLE (view, figures_statistics_view_set_city (view, city));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, mentions);
  hash = g_strdup (row_at (rows, 0)->hash);
  start = row_at (rows, 0)->statistic->start;
  end = row_at (rows, 0)->statistic->end;
  file = figures_display_path (row_at (rows, 0)->path, NULL);
  g_assert_false (row_at (rows, 0)->corrected);
  before = index_statistics ();
  csv_before = figures_statistics_to_csv (before, NULL);
  g_assert_cmpuint (count_csv_rows (csv_before, file, start, end), ==, 1);

  /* Confirm: the figure stays, marked corrected. */
  g_assert_true (select_figure (view, hash, start));
  correct_and_wait (view, "statistics.confirm");
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, mentions);
  g_assert_true (select_figure (view, hash, start));
  g_assert_true (row_at (rows, 0)->corrected);
  correct_and_wait (view, "statistics.undo");
  g_assert_true (select_figure (view, hash, start));
  g_assert_false (row_at (rows, 0)->corrected);

  /* Not a Statistic: it leaves the table, the chart and the CSV. */
  correct_and_wait (view, "statistics.reject");
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, mentions - 1);
  g_assert_false (select_figure (view, hash, start));
  TABLE (view, figures_statistics_view_set_city (view, NULL));
  TABLE (view, figures_statistics_view_set_metric (view, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n_all - 1);
  g_assert_cmpuint (chart_mentions (city), ==, mentions - 1);
  after = index_statistics ();
  csv_after = figures_statistics_to_csv (after, NULL);
  g_assert_cmpuint (after->len, ==, before->len - 1);
  g_assert_cmpuint (count_csv_rows (csv_after, file, start, end), ==, 0);

  /* Undo brings it back everywhere. */
  {
    g_autoptr (FiguresCorrection) undo = figures_correction_new ();
    gboolean done = FALSE;

    /* the table no longer shows it: undo through the library, as the
     * reader's popover would */
    undo->hash = g_strdup (hash);
    undo->start = start;
    figures_window_set_view (window, "statistics");
    {
      gulong id = g_signal_connect (view, "loaded", G_CALLBACK (set_flag_cb), &done);

      figures_library_correct_async (window->library, undo, TRUE, NULL, NULL, NULL);
      wait_for_flag (&done, "the table after undo");
      g_signal_handler_disconnect (view, id);
    }
    g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n_all);
  }
  settle (100);
  g_assert_cmpuint (chart_mentions (city), ==, mentions);

  /* Change Value through its dialog, as a user would. */
  figures_window_set_view (window, "statistics");
  TABLE (view, figures_statistics_view_set_metric (view, "trainees"));
  TABLE (view, figures_statistics_view_set_city (view, city));
  g_assert_true (select_figure (view, hash, start));
  {
    AdwMessageDialog *dialog;
    gboolean table = FALSE;
    gulong id = g_signal_connect (view, "loaded", G_CALLBACK (set_flag_cb), &table);
    const FiguresStatisticRow *row;

    g_assert_true (
      gtk_widget_activate_action (GTK_WIDGET (view), "statistics.change", "s", "value"));
    /* once the selected figure has been read */
    while ((dialog = find_message_dialog ()) == NULL)
      g_main_context_iteration (NULL, TRUE);
    g_assert_nonnull (dialog);
    gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), "123457");
    adw_message_dialog_response (dialog, "change");
    gtk_window_destroy (GTK_WINDOW (dialog));
    wait_for_flag (&table, "the table after Change Value");
    g_signal_handler_disconnect (view, id);
    g_assert_true (select_figure (view, hash, start));
    row = row_at (rows, 0);
    g_assert_cmpfloat (figures_decimal_to_double (row->statistic->value), ==, 123457);
    g_assert_true (row->corrected);
  }
  {
    g_autoptr (GPtrArray) changed = index_statistics ();
    g_autoptr (GBytes) csv = figures_statistics_to_csv (changed, NULL);

    g_assert_nonnull (g_strstr_len (g_bytes_get_data (csv, NULL), -1, ",123457,"));
  }

  /* Change Year: the year filter finds it in that year alone. */
  correct_and_wait_for (view, "statistics.set", g_variant_new ("(ss)", "year", "1999"));
  g_assert_true (select_figure (view, hash, start));
  g_assert_cmpint (row_at (rows, 0)->statistic->year, ==, 1999);
  TABLE (view, figures_statistics_view_set_city (view, NULL));
  TABLE (view, figures_statistics_view_set_years (view, 1999, 1999));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 1);
  g_assert_cmpuint (row_at (rows, 0)->statistic->start, ==, start);
  TABLE (view, figures_statistics_view_set_years (view, 0, 0));
  TABLE (view, figures_statistics_view_set_city (view, city));
  /* other filters read other rows: the selection went with them */
  g_assert_true (select_figure (view, hash, start));

  /* Change Metric: it leaves the trainees bar of its city. */
  correct_and_wait_for (view, "statistics.set", g_variant_new ("(ss)", "metric", "projects"));
  g_assert_false (select_figure (view, hash, start));
  g_assert_cmpuint (chart_mentions (city), ==, mentions - 1);
  figures_window_set_view (window, "statistics");
  TABLE (view, figures_statistics_view_set_metric (view, "projects"));
  g_assert_true (select_figure (view, hash, start));

  /* Undo, latest first, back to the figure as read. */
  correct_and_wait (view, "statistics.undo");
  TABLE (view, figures_statistics_view_set_metric (view, "trainees"));
  g_assert_true (select_figure (view, hash, start));
  g_assert_cmpint (row_at (rows, 0)->statistic->year, ==, 1999);
  correct_and_wait (view, "statistics.undo");
  g_assert_true (select_figure (view, hash, start));
  correct_and_wait (view, "statistics.undo");
  g_assert_true (select_figure (view, hash, start));
  g_assert_false (row_at (rows, 0)->corrected);
  TABLE (view, figures_statistics_view_set_city (view, NULL));
  TABLE (view, figures_statistics_view_set_metric (view, NULL));
  settle (100);
  g_assert_cmpuint (chart_mentions (city), ==, mentions);
}

/* The Corrections window: every correction in force, undone from there,
 * exported and imported as TSV, and an orphaned one listed, not dropped. */
static FiguresCorrectionsWindow *
find_corrections_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (FIGURES_IS_CORRECTIONS_WINDOW (toplevel))
        return FIGURES_CORRECTIONS_WINDOW (toplevel);
    }
  return NULL;
}

static const char *
correction_row_title (GListModel *rows, guint position)
{
  g_autoptr (FiguresListRow) row = g_list_model_get_item (rows, position);

  return figures_list_row_get_title (row); /* the store keeps it */
}

static void
test_corrections_window (void)
{
  FiguresStatisticsView *view = window->statistics_view;
  GListModel *table = figures_statistics_view_get_rows (view);
  FiguresCorrectionsWindow *corrections;
  GListModel *rows;
  g_autofree char *hash = NULL;
  g_autofree char *other_hash = NULL;
  g_autofree char *city = NULL;
  g_autofree char *exported = g_build_filename (tmpdir, "shared-corrections.tsv", NULL);
  g_autofree char *foreign = g_build_filename (tmpdir, "foreign-corrections.tsv", NULL);
  g_autofree char *contents = NULL;
  guint start, other_start, n_all;

  figures_window_set_view (window, "statistics");
  wait_for_table (view);
  n_all = g_list_model_get_n_items (table);
  hash = g_strdup (row_at (table, 0)->hash);
  start = row_at (table, 0)->statistic->start;
  other_hash = g_strdup (row_at (table, 1)->hash);
  other_start = row_at (table, 1)->statistic->start;
  city = g_strdup (row_at (table, 1)->statistic->city);

  /* two corrections: one figure rejected, another moved to a city */
  g_assert_true (select_figure (view, hash, start));
  correct_and_wait (view, "statistics.reject");
  g_assert_true (select_figure (view, other_hash, other_start));
  correct_and_wait_for (
    view, "statistics.set",
    g_variant_new ("(ss)", "city", g_strcmp0 (city, "北京市") == 0 ? "天津市" : "北京市"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-corrections", NULL));
  corrections = find_corrections_window ();
  g_assert_nonnull (corrections);
  rows = figures_corrections_window_get_rows (corrections);
  if (g_list_model_get_n_items (rows) == 0)
    RUN_AND_WAIT (corrections, "loaded", (void) 0);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 2);
  g_assert_cmpstr (correction_row_title (rows, 0), ==, "Not a statistic");
  g_assert_true (g_str_has_prefix (correction_row_title (rows, 1), "City: "));
  settle (200);
  save_screenshot (GTK_WIDGET (corrections), "screenshot-corrections.png");

  /* Export: the contract's TSV, both corrections */
  RUN_AND_WAIT (corrections, "loaded", {
    g_autoptr (GFile) file = g_file_new_for_path (exported);
    figures_corrections_window_export (corrections, file);
  });
  g_assert_true (g_file_get_contents (exported, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "file\tstart\taction\tfield\told\tnew\twhen"));
  g_assert_nonnull (strstr (contents, "\treject\t"));
  g_assert_nonnull (strstr (contents, hash));

  /* Undo from the window: the rejected figure is back in the table */
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (
                                       find_widget_by_id (GTK_WIDGET (corrections), "list")))),
                                     0);
  RUN_AND_WAIT (corrections, "loaded",
                g_assert_true (
                  gtk_widget_activate_action (GTK_WIDGET (corrections), "corrections.undo", NULL)));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 1);
  /* the table reads its rows again after the count */
  while (g_list_model_get_n_items (table) != n_all || figures_statistics_view_get_loading (view))
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (select_figure (view, hash, start));

  /* Import: a colleague's correction of a report this index does not have
   * is kept and listed as orphaned */
  {
    g_autofree char *line =
      g_strdup_printf ("file\tstart\taction\tfield\told\tnew\twhen\thash\n"
                       "elsewhere/report.txt\t12\treject\t\t\t\t2026-01-02T03:04:05Z\t%s\n",
                       "0123456789abcdef0123456789abcdef01234567");

    g_assert_true (g_file_set_contents (foreign, line, -1, NULL));
  }
  RUN_AND_WAIT (corrections, "loaded", {
    g_autoptr (GFile) file = g_file_new_for_path (foreign);
    figures_corrections_window_import (corrections, file);
  });
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 2);
  {
    g_autoptr (FiguresListRow) row = g_list_model_get_item (rows, 1);

    g_assert_nonnull (strstr (figures_list_row_get_subtitle (row), "Orphaned"));
  }
  /* a file that is not corrections: nothing imported, the list as it was */
  RUN_AND_WAIT (corrections, "loaded", {
    g_autoptr (GFile) file = g_file_new_for_path (exported);
    g_assert_true (g_file_set_contents (exported, "not\ta header\n", -1, NULL));
    figures_corrections_window_import (corrections, file);
  });
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 2);

  /* the city change undone too, for the tests after this one */
  g_assert_true (select_figure (view, other_hash, other_start));
  correct_and_wait (view, "statistics.undo");
  gtk_window_destroy (GTK_WINDOW (corrections));
}

/* A figure corrected where it is shown: from a chart's mentions (each has
 * a menu of corrections) and from the reader's popover (its buttons). */
static void
test_figure_corrections (void)
{
  FiguresChartView *view = window->charts_view;
  GListModel *mentions = figures_chart_view_get_mentions (view);
  FiguresReader *reader = figures_documents_view_get_reader (window->documents_view);
  FiguresChartMark mark;
  g_autofree char *path = NULL;
  g_autofree char *city = NULL;
  GVariant *reject = NULL;
  guint start, n_mentions, n_highlighted;
  gint64 document_id;

  figures_window_set_view (window, "charts");
  RUN_AND_WAIT (view, "data-changed", figures_chart_view_set_metric (view, "funding"));
  RUN_AND_WAIT (view, "data-changed", figures_chart_view_set_metric (view, "trainees"));
  settle (100);
  g_assert_true (figures_chart_layout_get_mark (wait_for_layout (view), 0, &mark));
  city = g_strdup (mark.city);
  n_mentions = mark.mentions;
  RUN_AND_WAIT (view, "mentions-changed",
                g_assert_true (figures_chart_view_activate_at (
                  view, mark.rect.x + mark.rect.width / 2, mark.rect.y + mark.rect.height / 2)));

  /* the first mention's menu: Confirm, Not a Statistic, Undo, on it */
  {
    g_autoptr (FiguresListRow) row = g_list_model_get_item (mentions, 0);
    GMenuModel *menu = figures_list_row_get_menu (row);
    g_autofree char *action = NULL;

    g_assert_nonnull (menu);
    g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 3);
    path = g_strdup (figures_list_row_get_path (row));
    start = figures_list_row_get_statistic (row)->start;
    document_id = figures_list_row_get_document_id (row);
    g_assert_true (
      g_menu_model_get_item_attribute (menu, 1, G_MENU_ATTRIBUTE_ACTION, "s", &action));
    g_assert_cmpstr (action, ==, "win.correct-figure");
    reject = g_menu_model_get_item_attribute_value (menu, 1, G_MENU_ATTRIBUTE_TARGET,
                                                    G_VARIANT_TYPE ("(sus)"));
    g_assert_nonnull (reject);
    {
      const char *target_path, *key;
      guint target_start;

      g_variant_get (reject, "(&su&s)", &target_path, &target_start, &key);
      g_assert_cmpstr (target_path, ==, path);
      g_assert_cmpuint (target_start, ==, start);
      g_assert_cmpstr (key, ==, "reject");
    }
  }

  settle (200);
  save_screenshot (GTK_WIDGET (window), "screenshot-mentions-menu.png");

  /* Not a Statistic from the menu: the bar loses the mention */
  RUN_AND_WAIT (view, "data-changed",
                g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (view),
                                                                   "win.correct-figure", reject)));
  settle (100);
  g_assert_cmpuint (chart_mentions (city), ==, n_mentions - 1);

  /* the reader opens the report; the rejected figure is not highlighted,
   * and Undo in a figure's popover brings it back */
  RUN_AND_WAIT (
    reader, "loaded",
    gtk_widget_activate_action (GTK_WIDGET (window), "win.open-document", "(xu)", document_id, 0));
  n_highlighted = figures_reader_get_n_statistics (reader);
  g_assert_cmpuint (n_highlighted, >, 0);
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (figures_reader_get_text_view (reader));
    GtkTextIter iter;
    guint offset = 0;
    GtkWidget *undo = NULL;

    /* any highlighted figure: Undo acts on the figure whose popover it is,
     * so give it the one rejected by showing the popover of another and
     * checking the targets */
    gtk_text_buffer_get_start_iter (buffer, &iter);
    for (; offset < (guint) gtk_text_buffer_get_char_count (buffer); offset++)
      if (figures_reader_show_statistic_at (reader, offset))
        break;
    settle (200);
    save_screenshot (GTK_WIDGET (window), "screenshot-figure-popover.png");
    undo = find_widget_by_label (GTK_WIDGET (reader), "_Undo Correction");
    g_assert_nonnull (undo);
    /* the popover is a surface of its own: not in the window's picture */
    save_screenshot (gtk_widget_get_ancestor (undo, GTK_TYPE_POPOVER),
                     "screenshot-figure-popover-buttons.png");
    {
      GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (undo));
      const char *target_path, *key;
      guint target_start;

      g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (undo)), ==,
                       "win.correct-figure");
      g_variant_get (target, "(&su&s)", &target_path, &target_start, &key);
      g_assert_cmpstr (target_path, ==, path);
      g_assert_cmpuint (target_start, <=, offset);
      g_assert_cmpstr (key, ==, "undo");
    }
    /* the same button on the rejected figure */
    gtk_actionable_set_action_target (GTK_ACTIONABLE (undo), "(sus)", path, start, "undo");
    {
      gboolean loaded = FALSE, charted = FALSE;
      gulong a = g_signal_connect (reader, "loaded", G_CALLBACK (set_flag_cb), &loaded);
      gulong b = g_signal_connect (view, "data-changed", G_CALLBACK (set_flag_cb), &charted);

      /* a hidden chart reads the index when shown: show it */
      figures_window_set_view (window, "charts");
      g_signal_emit_by_name (undo, "clicked");
      wait_for_flag (&loaded, "the reader after Undo");
      wait_for_flag (&charted, "the chart after Undo");
      g_signal_handler_disconnect (reader, a);
      g_signal_handler_disconnect (view, b);
    }
  }
  g_assert_cmpuint (figures_reader_get_n_statistics (reader), ==, n_highlighted + 1);
  settle (100);
  g_assert_cmpuint (chart_mentions (city), ==, n_mentions);
  g_variant_unref (reject);
}

/* Correct Report…: the reader's dialog changes the report's title in the
 * index, the reader says it is corrected, and an undo takes it back. */
static void
test_correct_report (void)
{
  FiguresReader *reader = figures_documents_view_get_reader (window->documents_view);
  g_autoptr (GError) error = NULL;
  g_autoptr (FiguresDocumentInfo) before = NULL;
  g_autoptr (FiguresDocumentInfo) after = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *grid;
  gint64 id;

  figures_window_set_view (window, "documents");
  id = figures_documents_view_get_selected_id (window->documents_view);
  if (figures_reader_get_document_id (reader) <= 0)
    RUN_AND_WAIT (
      reader, "loaded",
      gtk_widget_activate_action (GTK_WIDGET (window), "win.open-document", "(xu)", id, 0));
  id = figures_reader_get_document_id (reader);
  {
    g_autoptr (FiguresIndex) index =
      figures_index_open (figures_window_get_index_path (window), &error);

    g_assert_no_error (error);
    before = figures_index_get_document (index, id, &error);
    g_assert_no_error (error);
  }
  g_assert_false (before->corrected);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (reader), "reader.correct-report", NULL));
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  grid = adw_message_dialog_get_extra_child (dialog);
  /* title, city, date: as the report has them */
  g_assert_cmpstr (
    gtk_editable_get_text (GTK_EDITABLE (gtk_grid_get_child_at (GTK_GRID (grid), 1, 0))), ==,
    before->title);
  gtk_editable_set_text (GTK_EDITABLE (gtk_grid_get_child_at (GTK_GRID (grid), 1, 0)),
                         "一份更正过标题的报告");
  RUN_AND_WAIT (reader, "loaded", adw_message_dialog_response (dialog, "save"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  {
    g_autoptr (FiguresIndex) index =
      figures_index_open (figures_window_get_index_path (window), &error);

    g_assert_no_error (error);
    after = figures_index_get_document (index, id, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpstr (after->title, ==, "一份更正过标题的报告");
  g_assert_cmpstr (after->date, ==, before->date);
  g_assert_true (after->corrected);
  g_assert_nonnull (
    strstr (gtk_label_get_text (GTK_LABEL (find_widget_by_id (GTK_WIDGET (reader), "meta_label"))),
            "Corrected"));

  /* undone from the Corrections window: the title as read again */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-corrections", NULL));
  {
    FiguresCorrectionsWindow *corrections = find_corrections_window ();
    GListModel *rows = figures_corrections_window_get_rows (corrections);
    guint n;

    if (g_list_model_get_n_items (rows) == 0)
      RUN_AND_WAIT (corrections, "loaded", (void) 0);
    n = g_list_model_get_n_items (rows);
    g_assert_cmpuint (n, >, 0);
    g_assert_true (g_str_has_prefix (correction_row_title (rows, n - 1), "Report title: "));
    gtk_single_selection_set_selected (
      GTK_SINGLE_SELECTION (gtk_list_view_get_model (
        GTK_LIST_VIEW (find_widget_by_id (GTK_WIDGET (corrections), "list")))),
      n - 1);
    RUN_AND_WAIT (corrections, "loaded",
                  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (corrections),
                                                             "corrections.undo", NULL)));
    g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n - 1);
    gtk_window_destroy (GTK_WINDOW (corrections));
  }
  {
    g_autoptr (FiguresIndex) index =
      figures_index_open (figures_window_get_index_path (window), &error);
    g_autoptr (FiguresDocumentInfo) undone = NULL;

    g_assert_no_error (error);
    undone = figures_index_get_document (index, id, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (undone->title, ==, before->title);
    g_assert_false (undone->corrected);
  }
}

/* Item 4 of the brief: look at it, in every size and both themes. */
static void
test_screenshots (void)
{
  save_screenshot_matrix (window, "en");
}

static void
test_views_and_actions (void)
{
  /* The view switcher's pages, and the Alt+N actions behind them. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "compare");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->stack), ==, "compare");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "documents");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->stack), ==, "documents");

  /* Ctrl+F focuses the search entry. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  settle (100);
  {
    /* The window's focus widget, whether or not Xvfb made it active. */
    GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (window));

    g_assert_nonnull (focus);
    g_assert_true (focus == GTK_WIDGET (window->search_entry) ||
                   gtk_widget_is_ancestor (focus, GTK_WIDGET (window->search_entry)));
  }

  /* Item 1: after Open Folder nothing of the samples stays on screen, and
   * only the user's report is listed. */
  {
    g_autofree char *folder = g_build_filename (tmpdir, "reports", NULL);
    g_autofree char *report = g_build_filename (folder, "report.txt", NULL);
    FiguresReader *reader = figures_documents_view_get_reader (window->documents_view);
    GListModel *documents = figures_documents_view_get_documents (window->documents_view);
    FiguresChartData *data;

    /* The samples are on screen: a report open, mentions listed, cities
     * compared. */
    g_assert_cmpint (figures_reader_get_document_id (reader), >, 0);
    g_assert_cmpuint (
      g_list_model_get_n_items (figures_chart_view_get_mentions (window->charts_view)), >, 0);
    g_assert_nonnull (figures_chart_view_get_cities (window->compare_view)[0]);

    g_mkdir_with_parents (folder, 0700);
    g_assert_true (g_file_set_contents (report,
                                        "乌海市2025年职业培训工作总结\n\n"
                                        "2025年，乌海市共举办职业技能培训班12期，培训800人次。\n",
                                        -1, NULL));
    figures_library_add_folder (window->library, folder);
    /* At once, before the index has changed. */
    g_assert_cmpint (figures_reader_get_document_id (reader), ==, 0);
    g_assert_cmpuint (
      g_list_model_get_n_items (figures_chart_view_get_mentions (window->charts_view)), ==, 0);
    g_assert_null (figures_chart_view_get_cities (window->compare_view)[0]);
    g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 0);

    RUN_AND_WAIT (window, "index-updated", (void) 0);
    settle (300);
    g_assert_false (gtk_revealer_get_reveal_child (window->samples_revealer));
    g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 1);
    g_assert_cmpint (figures_reader_get_document_id (reader), ==, 0);

    /* The chart, once shown, has only the user's city. */
    figures_window_set_view (window, "charts");
    data = figures_chart_view_get_data (window->charts_view);
    if (data == NULL)
      RUN_AND_WAIT (window->charts_view, "data-changed", (void) 0);
    settle (200);
    {
      FiguresChartLayout *layout = wait_for_layout (window->charts_view);
      FiguresChartMark mark;

      g_assert_nonnull (layout);
      for (guint i = 0; i < figures_chart_layout_get_n_marks (layout); i++)
        if (figures_chart_layout_get_mark (layout, i, &mark) && mark.city != NULL)
          g_assert_cmpstr (mark.city, ==, "乌海市");
    }
    figures_window_set_view (window, "documents");

    RUN_AND_WAIT (window, "index-updated", figures_library_remove_folder (window->library, folder));
    g_assert_true (gtk_revealer_get_reveal_child (window->samples_revealer));
  }
}

static void
test_index_errors (void)
{
  FiguresDocumentsView *documents = window->documents_view;
  g_autoptr (GString) query = g_string_new ("培训");
  g_autoptr (GError) damaged = NULL;
  AdwToast *toast;

  /* a pasted list of words: refused with a message, not searched for ever */
  for (guint i = 0; i < 40; i++)
    g_string_append_printf (query, " OR 词%u", i);
  forget_toast (window);
  RUN_AND_WAIT (documents, "search-finished",
                gtk_editable_set_text (GTK_EDITABLE (window->search_entry), query->str));
  toast = wait_for_toast (window);
  g_assert_nonnull (strstr (adw_toast_get_title (toast), "at most"));
  g_assert_null (adw_toast_get_action_name (toast));
  /* (libadwaita 1.2 frees a toast twice when the one shown is dismissed
   * while the one it replaced still fades out) */
  settle (600);
  adw_toast_dismiss (toast);
  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), "");
  settle (600);

  /* a damaged index: Rebuild Index is offered, and rebuilds it */
  damaged = g_error_new_literal (FIGURES_INDEX_ERROR, FIGURES_INDEX_ERROR_CORRUPT, "damaged");
  forget_toast (window);
  figures_window_show_index_error (window, "The index is damaged", damaged);
  toast = wait_for_toast (window);
  g_assert_cmpstr (adw_toast_get_action_name (toast), ==, "win.rebuild-index");
  g_assert_nonnull (adw_toast_get_button_label (toast));
  RUN_AND_WAIT (
    window, "index-updated",
    gtk_widget_activate_action (GTK_WIDGET (window), adw_toast_get_action_name (toast), NULL));
  {
    GListModel *list = figures_documents_view_get_documents (window->documents_view);
    gint64 deadline = g_get_monotonic_time () + GUI_TEST_TIMEOUT_SECONDS * G_TIME_SPAN_SECOND;

    /* the list reads the rebuilt index on its own */
    while (g_list_model_get_n_items (list) == 0 && g_get_monotonic_time () < deadline)
      g_main_context_iteration (NULL, TRUE);
    g_assert_cmpuint (g_list_model_get_n_items (list), >, 0);
  }
  settle (600);
  adw_toast_dismiss (toast);
  settle (600);
}

static void
record_change_cb (GListModel *list, guint position, guint removed, guint added, GArray *changes)
{
  guint change[3] = { position, removed, added };

  g_array_append_vals (changes, change, 3);
}

static void
wait_for_n_items (GListModel *list, guint n)
{
  gint64 deadline = g_get_monotonic_time () + GUI_TEST_TIMEOUT_SECONDS * G_TIME_SPAN_SECOND;

  while ((g_list_model_get_n_items (list) != n ||
          figures_document_list_get_loading (FIGURES_DOCUMENT_LIST (list))) &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, n);
}

/* Item 8: while the index is built the list fills as reports are
 * committed; the rows shown stay where they are (new ones come at the
 * end) and the report open stays the one selected. */
static void
test_list_fills (void)
{
  GListModel *list = figures_documents_view_get_documents (window->documents_view);
  FiguresReader *reader = figures_documents_view_get_reader (window->documents_view);
  g_autofree char *folder = g_build_filename (tmpdir, "more-reports", NULL);
  g_autoptr (GArray) changes = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (FiguresDocumentItem) first = NULL;
  g_autoptr (GError) error = NULL;
  gint64 open_id;
  guint n;
  gulong id;

  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), "");
  figures_window_set_view (window, "documents");
  if (figures_window_get_indexing (window))
    RUN_AND_WAIT (window, "index-updated", (void) 0);
  n = g_list_model_get_n_items (list);
  wait_for_n_items (list, n);
  g_assert_cmpuint (n, >, 0);
  first = g_list_model_get_item (list, 0);
  open_id = figures_document_item_get_id (first);
  RUN_AND_WAIT (reader, "loaded", figures_window_open_document (window, open_id, 0));
  g_assert_cmpint (figures_documents_view_get_selected_id (window->documents_view), ==, open_id);

  /* three reports committed by the update under way (another connection) */
  g_mkdir_with_parents (folder, 0700);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("extra-%u.txt", i);
      g_autofree char *path = g_build_filename (folder, name, NULL);
      /* dated after every sample: they come first, the rows below move */
      g_autofree char *text = g_strdup_printf (
        "临河市第%u份工作报告\n2030年1月%u日\n\n临河市举办培训班%u期。\n", i + 1, i + 5, i + 4);

      g_assert_true (g_file_set_contents (path, text, -1, NULL));
    }
  {
    const char *roots[] = { folder, NULL };
    FiguresIndex *writer = figures_index_open (figures_window_get_index_path (window), &error);

    g_assert_no_error (error);
    g_assert_true (figures_index_update (writer, roots, NULL, NULL, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
    figures_index_close (writer);
  }

  /* as the library says each half second while it indexes */
  id = g_signal_connect (list, "items-changed", G_CALLBACK (record_change_cb), changes);
  g_signal_emit_by_name (window->library, "changed", FALSE);
  wait_for_n_items (list, n + 3);
  g_signal_handler_disconnect (list, id);
  g_assert_cmpuint (changes->len, ==, 3);
  g_assert_cmpuint (g_array_index (changes, guint, 0), ==, n); /* at the end */
  g_assert_cmpuint (g_array_index (changes, guint, 1), ==, 0); /* nothing removed */
  g_assert_cmpuint (g_array_index (changes, guint, 2), ==, 3);
  /* the rows were read again in place, and the report open is still the
   * one selected where it went */
  {
    g_autoptr (FiguresDocumentItem) top = g_list_model_get_item (list, 0);

    g_assert_true (g_str_has_prefix (figures_document_item_get_title (top), "临河市第"));
  }
  g_assert_cmpint (figures_reader_get_document_id (reader), ==, open_id);
  g_assert_cmpint (figures_documents_view_get_selected_id (window->documents_view), ==, open_id);

  /* the library's own update drops what is under none of its folders */
  RUN_AND_WAIT (window, "index-updated", figures_library_update (window->library));
  wait_for_n_items (list, n);

  /* the progress banner, to look at: a folder large enough to take a
   * moment (the picture is taken if the banner is still there) */
  {
    g_autofree char *many = g_build_filename (tmpdir, "many-reports", NULL);
    gboolean progressed = FALSE;

    g_mkdir_with_parents (many, 0700);
    for (guint i = 0; i < 12000; i++)
      {
        g_autofree char *name = g_strdup_printf ("r%05u.txt", i);
        g_autofree char *path = g_build_filename (many, name, NULL);
        g_autofree char *text =
          g_strdup_printf ("临河市第%u份报告\n\n临河市举办培训班%u期。\n", i + 1, i % 40 + 1);

        g_assert_true (g_file_set_contents (path, text, -1, NULL));
      }
    id = g_signal_connect (window->library, "progress", G_CALLBACK (set_flag_cb), &progressed);
    figures_library_add_folder (window->library, many);
    wait_for_flag (&progressed, "progress");
    g_signal_handler_disconnect (window->library, id);
    /* (the first reports are committed after half a second) */
    while (figures_window_get_indexing (window) && g_list_model_get_n_items (list) == 0)
      g_main_context_iteration (NULL, TRUE);
    g_test_message ("%u reports listed while indexing", g_list_model_get_n_items (list));
    if (figures_window_get_indexing (window))
      save_screenshot (GTK_WIDGET (window), "screenshot-indexing.png");
    if (figures_window_get_indexing (window))
      RUN_AND_WAIT (window, "index-updated", (void) 0);
    RUN_AND_WAIT (window, "index-updated", figures_library_remove_folder (window->library, many));
  }
}

/* ---- time, other figures by label, charts for a report (issue 12) ---- */

/* Until @dropdown lists more than its "Any Year" */
static void
wait_for_years (FiguresChartView *view)
{
  GtkDropDown *from = GTK_DROP_DOWN (find_widget_by_id (GTK_WIDGET (view), "year_from_dropdown"));
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  g_assert_nonnull (from);
  while (g_list_model_get_n_items (gtk_drop_down_get_model (from)) < 2)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

static void
test_charts_by_year (void)
{
  FiguresChartView *view = window->charts_view;
  GListModel *mentions = figures_chart_view_get_mentions (view);
  FiguresChartLayout *layout;
  FiguresChartMark mark, point = { 0 };
  int first = G_MAXINT, last = 0;

  figures_window_set_view (window, "charts");
  RUN_AND_WAIT (view, "data-changed", figures_chart_view_set_metric (view, "funding"));
  RUN_AND_WAIT (view, "data-changed", figures_chart_view_set_metric (view, "trainees"));
  RUN_AND_WAIT (view, "data-changed", figures_chart_view_set_by_year (view, TRUE));
  /* kept for the next session */
  g_assert_true (g_settings_get_boolean (figures_window_get_settings (window), "chart-by-year"));
  settle (200);
  layout = wait_for_layout (view);
  g_assert_cmpint (figures_chart_layout_get_kind (layout), ==, FIGURES_CHART_YEARS);
  g_assert_cmpuint (figures_chart_layout_get_n_marks (layout), >, 1);
  for (guint i = 0; i < figures_chart_layout_get_n_marks (layout); i++)
    {
      g_assert_true (figures_chart_layout_get_mark (layout, i, &mark));
      g_assert_cmpint (mark.kind, ==, FIGURES_CHART_MARK_POINT);
      g_assert_cmpint (mark.year, >, 0);
      first = MIN (first, mark.year);
      last = MAX (last, mark.year);
      if (point.mentions == 0 || mark.mentions > point.mentions)
        point = mark;
    }
  g_assert_cmpint (first, <, last); /* the samples span years */
  save_screenshot (GTK_WIDGET (window), "screenshot-charts-by-year.png");

  /* a point lists the mentions of its city and year */
  RUN_AND_WAIT (
    view, "mentions-changed",
    g_assert_true (figures_chart_view_activate_at (view, point.rect.x + point.rect.width / 2,
                                                   point.rect.y + point.rect.height / 2)));
  g_assert_cmpuint (g_list_model_get_n_items (mentions), ==, point.mentions);
  for (guint i = 0; i < g_list_model_get_n_items (mentions); i++)
    {
      g_autoptr (FiguresListRow) row = g_list_model_get_item (mentions, i);
      FiguresStatistic *statistic = figures_list_row_get_statistic (row);

      g_assert_cmpint (statistic->year, ==, point.year);
      g_assert_cmpstr (statistic->city, ==, point.city);
    }

  /* the year range: only the last year is drawn, and the subtitle says so */
  wait_for_years (view);
  RUN_AND_WAIT (view, "data-changed", figures_chart_view_set_years (view, last, last));
  settle (100);
  layout = wait_for_layout (view);
  g_assert_cmpuint (figures_chart_layout_get_n_marks (layout), >, 0);
  for (guint i = 0; i < figures_chart_layout_get_n_marks (layout); i++)
    {
      g_assert_true (figures_chart_layout_get_mark (layout, i, &mark));
      g_assert_cmpint (mark.year, ==, last);
    }
  {
    g_autofree char *year = g_strdup_printf ("%d", last);
    gboolean said = FALSE;
    FiguresChartLabel label;

    for (guint i = 0; i < figures_chart_layout_get_n_labels (layout); i++)
      if (figures_chart_layout_get_label (layout, i, &label) &&
          label.role == FIGURES_CHART_LABEL_SUBTITLE && strstr (label.text, year) != NULL)
        said = TRUE;
    g_assert_true (said);
  }

  /* by city, the range holds too: a bar's mentions are of those years */
  RUN_AND_WAIT (view, "data-changed", figures_chart_view_set_by_year (view, FALSE));
  g_assert_false (g_settings_get_boolean (figures_window_get_settings (window), "chart-by-year"));
  settle (100);
  layout = wait_for_layout (view);
  g_assert_cmpint (figures_chart_layout_get_kind (layout), ==, FIGURES_CHART_BARS);
  g_assert_true (figures_chart_layout_get_mark (layout, 0, &mark));
  click_mark (view, &mark);
  for (guint i = 0; i < g_list_model_get_n_items (mentions); i++)
    {
      g_autoptr (FiguresListRow) row = g_list_model_get_item (mentions, i);

      g_assert_cmpint (figures_list_row_get_statistic (row)->year, ==, last);
    }
  RUN_AND_WAIT (view, "data-changed", figures_chart_view_set_years (view, 0, 0));

  /* Compare has the range too */
  figures_window_set_view (window, "compare");
  wait_for_years (window->compare_view);
  if (figures_chart_view_get_data (window->compare_view) != NULL)
    {
      RUN_AND_WAIT (window->compare_view, "data-changed",
                    figures_chart_view_set_years (window->compare_view, last, last));
      settle (100);
      layout = wait_for_layout (window->compare_view);
      for (guint i = 0; i < figures_chart_layout_get_n_marks (layout); i++)
        {
          g_assert_true (figures_chart_layout_get_mark (layout, i, &mark));
          g_assert_cmpint (mark.year_from, ==, last);
          g_assert_cmpint (mark.year_to, ==, last);
        }
      RUN_AND_WAIT (window->compare_view, "data-changed",
                    figures_chart_view_set_years (window->compare_view, 0, 0));
    }
  figures_window_set_view (window, "charts");
}

static void
test_charts_other_by_label (void)
{
  FiguresChartView *view = window->charts_view;
  GListModel *mentions = figures_chart_view_get_mentions (view);
  GtkWidget *labels_box = find_widget_by_id (GTK_WIDGET (view), "labels_box");
  GtkWidget *labels_button = find_widget_by_id (GTK_WIDGET (view), "labels_button");
  FiguresChartLayout *layout;
  FiguresChartMark mark;
  g_autofree char *kept = NULL;
  g_autoptr (GHashTable) panels = g_hash_table_new (g_str_hash, g_str_equal);

  figures_window_set_view (window, "charts");
  g_assert_false (gtk_widget_get_visible (labels_button));
  RUN_AND_WAIT (view, "data-changed", figures_chart_view_set_metric (view, "other"));
  g_assert_true (gtk_widget_get_visible (labels_button));
  settle (200);
  layout = wait_for_layout (view);

  /* one panel per label: counts of different things are never added up */
  g_assert_cmpuint (figures_chart_layout_get_n_panels (layout), >, 1);
  g_assert_cmpuint (figures_chart_layout_get_n_panels (layout), <=, 4);
  for (guint i = 0; i < figures_chart_layout_get_n_marks (layout); i++)
    {
      g_assert_true (figures_chart_layout_get_mark (layout, i, &mark));
      g_assert_nonnull (figures_metric_key_get_label (mark.metric));
      g_hash_table_add (panels, (gpointer) mark.metric);
      if (kept == NULL)
        kept = g_strdup (figures_metric_key_get_label (mark.metric));
    }
  g_assert_cmpuint (g_hash_table_size (panels), >, 1);
  /* each panel has the cities that have its label, none without */
  for (guint i = 0; i < figures_chart_layout_get_n_labels (layout); i++)
    {
      FiguresChartLabel label;

      g_assert_true (figures_chart_layout_get_label (layout, i, &label));
      g_assert_cmpstr (label.text, !=, "no data");
    }
  save_screenshot (GTK_WIDGET (window), "screenshot-charts-other.png");

  /* the Labels popover: its checks are the panels shown; unchecking all
   * but one charts that one alone */
  wait_for_years (view); /* the labels come with the years */
  g_assert_nonnull (gtk_widget_get_first_child (labels_box));
  for (GtkWidget *check = gtk_widget_get_first_child (labels_box); check != NULL;
       check = gtk_widget_get_next_sibling (check))
    {
      const char *label = (const char *) g_object_get_data (G_OBJECT (check), "label");
      g_autofree char *key = g_strconcat (FIGURES_OTHER_LABEL_PREFIX, label, NULL);

      g_assert_cmpint (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)), ==,
                       g_hash_table_contains (panels, key));
      /* shown with its unit and its mentions: "示范单位 (个) · 7" */
      g_assert_nonnull (strstr (gtk_check_button_get_label (GTK_CHECK_BUTTON (check)), ") · "));
    }
  gtk_menu_button_popup (GTK_MENU_BUTTON (labels_button));
  settle (200);
  save_screenshot (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (labels_button))),
                   "screenshot-charts-labels.png");
  for (GtkWidget *check = gtk_widget_get_first_child (labels_box); check != NULL;
       check = gtk_widget_get_next_sibling (check))
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)) &&
        g_strcmp0 ((const char *) g_object_get_data (G_OBJECT (check), "label"), kept) != 0)
      RUN_AND_WAIT (view, "data-changed",
                    gtk_check_button_set_active (GTK_CHECK_BUTTON (check), FALSE));
  gtk_menu_button_popdown (GTK_MENU_BUTTON (labels_button));
  settle (100);
  layout = wait_for_layout (view);
  /* one label: bars by city, as for any one metric */
  g_assert_cmpint (figures_chart_layout_get_kind (layout), ==, FIGURES_CHART_BARS);
  g_assert_cmpuint (figures_chart_layout_get_n_marks (layout), >, 0);
  for (guint i = 0; i < figures_chart_layout_get_n_marks (layout); i++)
    {
      g_assert_true (figures_chart_layout_get_mark (layout, i, &mark));
      g_assert_cmpstr (figures_metric_key_get_label (mark.metric), ==, kept);
    }
  g_assert_true (figures_chart_layout_get_mark (layout, 0, &mark));

  /* its bars list the mentions of that label only */
  click_mark (view, &mark);
  for (guint i = 0; i < g_list_model_get_n_items (mentions); i++)
    {
      g_autoptr (FiguresListRow) row = g_list_model_get_item (mentions, i);
      FiguresStatistic *statistic = figures_list_row_get_statistic (row);

      g_assert_cmpint (statistic->metric, ==, FIGURES_METRIC_OTHER);
      g_assert_cmpstr (statistic->label, ==, kept);
    }

  RUN_AND_WAIT (view, "data-changed", figures_chart_view_set_labels (view, NULL));
  RUN_AND_WAIT (view, "data-changed", figures_chart_view_set_metric (view, "trainees"));
}

static void
test_chart_options (void)
{
  FiguresChartView *view = window->charts_view;
  GSettings *settings = figures_window_get_settings (window);
  GtkWidget *options = find_widget_by_id (GTK_WIDGET (view), "options_button");
  GtkDropDown *values = GTK_DROP_DOWN (find_widget_by_id (GTK_WIDGET (view), "values_dropdown"));
  GtkDropDown *scale = GTK_DROP_DOWN (find_widget_by_id (GTK_WIDGET (view), "scale_dropdown"));
  GtkEditable *title = GTK_EDITABLE (find_widget_by_id (GTK_WIDGET (view), "title_entry"));
  GtkEditable *subtitle = GTK_EDITABLE (find_widget_by_id (GTK_WIDGET (view), "subtitle_entry"));
  g_autofree char *svg = g_build_filename (tmpdir, "options.pdf", NULL);
  FiguresChartLayout *layout;
  FiguresChartMark mark;
  FiguresChartLabel label;
  gboolean exact_seen = FALSE;

  figures_window_set_view (window, "charts");
  RUN_AND_WAIT (view, "data-changed", figures_chart_view_set_metric (view, "funding"));
  settle (100);
  g_assert_cmpint (g_settings_get_enum (settings, "chart-values"), ==, 0);

  /* Alt+O opens the popover; its controls change the chart at once */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "chart.options", NULL));
  settle (200);
  g_assert_true (
    gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (options)))));
  gtk_drop_down_set_selected (values, 1);
  gtk_drop_down_set_selected (scale, 1);
  gtk_editable_set_text (title, "Money for training");
  gtk_editable_set_text (subtitle, "As each report states it");
  save_screenshot (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (options))),
                   "screenshot-chart-options.png");
  gtk_menu_button_popdown (GTK_MENU_BUTTON (options));
  settle (200);
  layout = wait_for_layout (view);
  g_assert_true (figures_chart_layout_get_mark (layout, 0, &mark));
  for (guint i = 0; i < figures_chart_layout_get_n_labels (layout); i++)
    {
      g_assert_true (figures_chart_layout_get_label (layout, i, &label));
      if (label.role == FIGURES_CHART_LABEL_TITLE)
        g_assert_cmpstr (label.text, ==, "Money for training");
      if (label.role == FIGURES_CHART_LABEL_SUBTITLE)
        {
          g_assert_true (g_str_has_prefix (label.text, "As each report states it"));
          g_assert_nonnull (strstr (label.text, "log scale"));
        }
      if (label.role == FIGURES_CHART_LABEL_VALUE && strstr (label.text, ",000") != NULL)
        exact_seen = TRUE;
      /* log ticks are powers of ten: 1, 10, 100… before the multiplier */
      if (label.role == FIGURES_CHART_LABEL_TICK)
        g_assert_true (label.text[0] == '1' &&
                       strspn (label.text + 1, "0") == strspn (label.text + 1, "0123456789"));
    }
  g_assert_true (exact_seen);
  save_screenshot (GTK_WIDGET (window), "screenshot-chart-options-applied.png");

  /* kept for the next session; and the export draws the same chart */
  g_assert_cmpint (g_settings_get_enum (settings, "chart-values"), ==, 1);
  g_assert_cmpint (g_settings_get_enum (settings, "chart-scale"), ==, FIGURES_CHART_SCALE_LOG);
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (FiguresChartLayout) exported = figures_chart_layout_new (
      figures_chart_view_get_data (view), 1200, 800, FIGURES_CHART_THEME_LIGHT, 1);

    g_assert_true (figures_chart_export (figures_chart_view_get_data (view), svg, 1200, 800, 1,
                                         FIGURES_CHART_THEME_LIGHT, &error));
    g_assert_no_error (error);
    for (guint i = 0; i < figures_chart_layout_get_n_labels (exported); i++)
      if (figures_chart_layout_get_label (exported, i, &label) &&
          label.role == FIGURES_CHART_LABEL_TITLE)
        g_assert_cmpstr (label.text, ==, "Money for training");
  }

  /* back as they were */
  figures_chart_view_set_display (view, FALSE, FIGURES_CHART_SCALE_LINEAR, NULL, NULL);
  RUN_AND_WAIT (view, "data-changed", figures_chart_view_set_metric (view, "trainees"));
  g_assert_cmpint (g_settings_get_enum (settings, "chart-values"), ==, 0);
}

int
main (int argc, char **argv)
{
  int status;

  g_log_set_writer_func (log_writer, NULL, NULL);
  /* As main.c does: the UI follows the locale (LANG=zh_CN.UTF-8 → Chinese). */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("figures-gui-XXXXXX", NULL);
  app = start_application (tmpdir, &window);

  g_test_add_func ("/gui/first-run", test_first_run);
  g_test_add_func ("/gui/search", test_search);
  g_test_add_func ("/gui/open-result", test_open_result);
  g_test_add_func ("/gui/small-window", test_small_window);
  g_test_add_func ("/gui/charts", test_charts);
  g_test_add_func ("/gui/compare", test_compare);
  g_test_add_func ("/gui/compare-room", test_compare_room);
  g_test_add_func ("/gui/export", test_export);
  g_test_add_func ("/gui/chart-broken-axis", test_chart_broken_axis);
  g_test_add_func ("/gui/csv", test_csv);
  g_test_add_func ("/gui/skipped", test_skipped);
  g_test_add_func ("/gui/screenshots", test_screenshots);
  g_test_add_func ("/gui/views-and-actions", test_views_and_actions);
  g_test_add_func ("/gui/statistics-table", test_statistics_table);
  g_test_add_func ("/gui/statistics-correct", test_statistics_correct);
  g_test_add_func ("/gui/corrections-window", test_corrections_window);
  g_test_add_func ("/gui/figure-corrections", test_figure_corrections);
  g_test_add_func ("/gui/correct-report", test_correct_report);
  g_test_add_func ("/gui/charts-by-year", test_charts_by_year);
  g_test_add_func ("/gui/charts-other-by-label", test_charts_other_by_label);
  g_test_add_func ("/gui/chart-options", test_chart_options);
  g_test_add_func ("/gui/index-errors", test_index_errors);
  g_test_add_func ("/gui/list-fills", test_list_fills);

  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  settle (200);
  g_clear_object (&app);
  {
    const char *files[] = {
      "reports/report.txt", "reports",        "chart.png", "stats.csv",
      "index.db-wal",       "index.db-shm",   "index.db",  "corrections.db-wal",
      "corrections.db-shm", "corrections.db", NULL
    };

    for (guint i = 0; files[i] != NULL; i++)
      {
        g_autofree char *path = g_build_filename (tmpdir, files[i], NULL);
        g_remove (path);
      }
    g_rmdir (tmpdir);
  }
  g_free (tmpdir);
  return status;
}
