/* figures-documents-view.c: the list of reports, search results and the reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "figures-documents-view"

#include "config.h"

#include <glib/gi18n.h>

#include "figures-csv.h"
#include "figures-document-list.h"
#include "figures-documents-view.h"
#include "figures-library.h"
#include "figures-list-row.h"
#include "figures-worker.h"

#define SEARCH_LIMIT 200

struct _FiguresDocumentsView
{
  GtkWidget parent_instance;

  FiguresLibrary *library;
  GSettings *settings;
  FiguresDocumentList *documents;
  GCancellable *cancellable;
  GCancellable *search_cancellable;
  char *query;
  int n_results_total;
  gboolean updating_cities;
  gboolean selecting;

  AdwLeaflet *leaflet;
  GtkWidget *reader_box;
  AdwStatusPage *no_documents_page;
  GtkStack *toolbar_stack;
  GtkDropDown *city_dropdown;
  GtkStringList *city_model;
  GtkDropDown *sort_dropdown;
  GtkStack *list_stack;
  GtkListView *documents_list;
  GtkSingleSelection *documents_selection;
  GtkLabel *results_label;
  GListStore *results_store;
  FiguresReader *reader;
};

G_DEFINE_FINAL_TYPE (FiguresDocumentsView, figures_documents_view, GTK_TYPE_WIDGET)

enum
{
  SIGNAL_SEARCH_FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_list_page (FiguresDocumentsView *self)
{
  if (self->query != NULL)
    return;

  gtk_stack_set_visible_child_name (self->toolbar_stack, "filters");
  if (self->documents != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->documents)) > 0)
    gtk_stack_set_visible_child_name (self->list_stack, "documents");
  else
    gtk_stack_set_visible_child_name (self->list_stack, "no-documents");
}

/* ---- cities ---- */

static gpointer
cities_job (FiguresIndex *index, gpointer data, GCancellable *cancellable, GError **error)
{
  return figures_index_list_cities (index, NULL, error);
}

static void
cities_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  FiguresDocumentsView *self = FIGURES_DOCUMENTS_VIEW (object);
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) cities = figures_worker_finish (result, &error);
  g_autofree char *selected = NULL;
  guint n, position = 0;

  if (cities == NULL)
    {
      if (!figures_worker_error_is_cancelled (error))
        g_warning ("Could not list cities: %s", error->message);
      return;
    }

  if (self->documents != NULL)
    selected = g_strdup (figures_document_list_get_city (self->documents));

  self->updating_cities = TRUE;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->city_model));
  gtk_string_list_splice (self->city_model, 1, n > 0 ? n - 1 : 0, (const char *const *) cities);
  for (guint i = 0; cities[i] != NULL; i++)
    if (g_strcmp0 (cities[i], selected) == 0)
      position = i + 1;
  gtk_drop_down_set_selected (self->city_dropdown, position);
  self->updating_cities = FALSE;

  /* The chosen city is gone from the index: show every report again. */
  if (position == 0 && selected != NULL)
    figures_document_list_set_city (self->documents, NULL);
}

static void
city_selected_cb (FiguresDocumentsView *self)
{
  guint position = gtk_drop_down_get_selected (self->city_dropdown);
  const char *city = NULL;

  if (self->updating_cities || self->documents == NULL)
    return;

  if (position != GTK_INVALID_LIST_POSITION && position > 0)
    city = gtk_string_list_get_string (self->city_model, position);
  figures_document_list_set_city (self->documents, city);
}

static void
sort_selected_cb (FiguresDocumentsView *self)
{
  guint position = gtk_drop_down_get_selected (self->sort_dropdown);

  if (self->documents == NULL)
    return;

  figures_document_list_set_sort (self->documents, position == 1 ? FIGURES_DOCUMENT_SORT_TITLE
                                                                 : FIGURES_DOCUMENT_SORT_DATE);
  g_settings_set_enum (self->settings, "document-sort", position == 1 ? 1 : 0);
}

/* ---- folding: list and reader side by side, or one at a time ---- */

static void
show_reader (FiguresDocumentsView *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->reader_box);
}

static void
back_clicked_cb (FiguresDocumentsView *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* ---- the list of reports ---- */

static void open_item (FiguresDocumentsView *self, FiguresDocumentItem *item);

static void
item_loaded_cb (FiguresDocumentItem *item, GParamSpec *pspec, FiguresDocumentsView *self)
{
  g_signal_handlers_disconnect_by_func (item, item_loaded_cb, self);
  if (gtk_single_selection_get_selected_item (self->documents_selection) == (gpointer) item)
    open_item (self, item);
}

static void
open_item (FiguresDocumentsView *self, FiguresDocumentItem *item)
{
  if (!figures_document_item_get_loaded (item))
    {
      /* A placeholder row: open it when its page arrives. */
      g_signal_connect_object (item, "notify::loaded", G_CALLBACK (item_loaded_cb), self, 0);
      return;
    }
  show_reader (self);
  if (figures_document_item_get_id (item) == figures_reader_get_document_id (self->reader))
    return;
  figures_reader_load (self->reader, figures_document_item_get_id (item), 0, NULL);
}

static void
document_selected_cb (FiguresDocumentsView *self)
{
  FiguresDocumentItem *item = gtk_single_selection_get_selected_item (self->documents_selection);

  if (item != NULL && !self->selecting)
    open_item (self, item);
}

/* Shows which report the reader has open, without opening it again (and
 * scrolls to it when @scroll). */
static void
select_document (FiguresDocumentsView *self, gint64 document_id, gboolean scroll)
{
  guint position = GTK_INVALID_LIST_POSITION;

  if (self->documents == NULL)
    return;
  if (!figures_document_list_find (self->documents, document_id, &position))
    position = GTK_INVALID_LIST_POSITION;

  self->selecting = TRUE;
  gtk_single_selection_set_selected (self->documents_selection, position);
  self->selecting = FALSE;
  if (scroll && position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->documents_list), "list.scroll-to-item", "u",
                                position);
}

static void
documents_changed_cb (FiguresDocumentsView *self)
{
  update_list_page (self);
}

/* ---- search ---- */

/* The snippet with its matches in bold, as Pango markup. */
static char *
snippet_markup (const FiguresSearchHit *hit)
{
  g_autoptr (GString) markup = g_string_new (NULL);
  const char *snippet = hit->snippet ? hit->snippet : "";
  glong n_chars = g_utf8_strlen (snippet, -1);
  guint position = 0;

  for (guint i = 0; hit->snippet_matches != NULL && i <= hit->snippet_matches->len; i++)
    {
      guint start = n_chars, end = n_chars;
      const char *from, *to;
      g_autofree char *plain = NULL;

      if (i < hit->snippet_matches->len)
        {
          FiguresRange *range = &g_array_index (hit->snippet_matches, FiguresRange, i);

          start = MIN (range->start, (guint) n_chars);
          end = MIN (range->end, (guint) n_chars);
        }
      if (start < position)
        start = position;
      if (end < start)
        end = start;

      from = g_utf8_offset_to_pointer (snippet, position);
      to = g_utf8_offset_to_pointer (snippet, start);
      plain = g_markup_escape_text (from, to - from);
      g_string_append (markup, plain);

      if (end > start)
        {
          g_autofree char *bold = NULL;

          from = to;
          to = g_utf8_offset_to_pointer (snippet, end);
          bold = g_markup_escape_text (from, to - from);
          g_string_append_printf (markup, "<b>%s</b>", bold);
        }
      position = end;
    }

  if (hit->snippet_matches == NULL)
    {
      g_autofree char *plain = g_markup_escape_text (snippet, -1);
      g_string_append (markup, plain);
    }

  return g_string_free (g_steal_pointer (&markup), FALSE);
}

static void
search_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (FiguresDocumentsView) self = user_data;
  g_autoptr (GError) error = NULL;
  guint total = 0;
  g_autoptr (GPtrArray) hits =
    figures_library_search_finish (FIGURES_LIBRARY (object), result, &total, &error);
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *count = NULL;

  /* A newer search (or none) cancelled this one. */
  if (hits == NULL && figures_worker_error_is_cancelled (error))
    return;
  if (self->query == NULL)
    return;
  if (hits == NULL)
    {
      g_autofree char *message = g_strdup_printf (_ ("Search failed: %s"), error->message);

      /* a query too long, or a damaged index: say so, never nothing */
      gtk_widget_activate_action (
        GTK_WIDGET (self), "win.show-index-error", "(sb)", message,
        g_error_matches (error, FIGURES_INDEX_ERROR, FIGURES_INDEX_ERROR_CORRUPT));
      hits = g_ptr_array_new ();
    }

  for (guint i = 0; i < hits->len; i++)
    {
      FiguresSearchHit *hit = g_ptr_array_index (hits, i);
      g_autofree char *markup = snippet_markup (hit);
      g_autofree char *meta = NULL;
      FiguresListRow *row;

      if (hit->city != NULL && hit->date != NULL)
        meta = g_strdup_printf ("%s · %s", hit->city, hit->date);
      else
        meta = g_strdup (hit->city ? hit->city : hit->date ? hit->date : _ ("No city or date"));

      row = figures_list_row_new (hit->title, meta, markup, NULL);
      figures_list_row_set_target (row, hit->document_id, hit->first_match, hit->path);
      g_ptr_array_add (rows, row);
    }

  g_list_store_splice (self->results_store, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->results_store)), rows->pdata,
                       rows->len);
  self->n_results_total = total;

  if (total > hits->len)
    /* Translators: shown above search results when only the best are listed */
    count = g_strdup_printf (_ ("%u reports match, the best %u shown"), total, hits->len);
  else
    count = g_strdup_printf (ngettext ("%u report matches", "%u reports match", total), total);
  gtk_label_set_text (self->results_label, count);
  gtk_stack_set_visible_child_name (self->toolbar_stack, "results");
  gtk_stack_set_visible_child_name (self->list_stack, rows->len > 0 ? "results" : "no-results");

  g_signal_emit (self, signals[SIGNAL_SEARCH_FINISHED], 0);
}

static void
run_search (FiguresDocumentsView *self)
{
  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);

  if (self->query == NULL || self->library == NULL)
    return;

  self->search_cancellable = g_cancellable_new ();
  figures_library_search_async (self->library, self->query, SEARCH_LIMIT, self->search_cancellable,
                                search_cb, g_object_ref (self));
}

void
figures_documents_view_set_query (FiguresDocumentsView *self, const char *query)
{
  g_autofree char *stripped = NULL;

  g_return_if_fail (FIGURES_IS_DOCUMENTS_VIEW (self));

  stripped = g_strstrip (g_strdup (query ? query : ""));
  if (g_strcmp0 (stripped[0] != '\0' ? stripped : NULL, self->query) == 0)
    return;
  /* The open report's highlights and "2 of 10" belong to the old query. */
  figures_reader_clear_hits (self->reader);
  g_clear_pointer (&self->query, g_free);
  self->n_results_total = -1;
  if (stripped[0] != '\0')
    self->query = g_steal_pointer (&stripped);

  if (self->query == NULL)
    {
      g_list_store_remove_all (self->results_store);
      update_list_page (self);
    }
  run_search (self);
}

static void
open_result (FiguresDocumentsView *self, guint position)
{
  g_autoptr (FiguresListRow) row =
    g_list_model_get_item (G_LIST_MODEL (self->results_store), position);

  if (row == NULL)
    return;
  show_reader (self);
  figures_reader_load (self->reader, figures_list_row_get_document_id (row), G_MAXUINT,
                       self->query);
}

static void
result_activate_cb (FiguresDocumentsView *self, guint position)
{
  open_result (self, position);
}

void
figures_documents_view_activate_first_result (FiguresDocumentsView *self)
{
  g_return_if_fail (FIGURES_IS_DOCUMENTS_VIEW (self));

  open_result (self, 0);
}

void
figures_documents_view_open_document (FiguresDocumentsView *self, gint64 document_id, guint offset)
{
  g_return_if_fail (FIGURES_IS_DOCUMENTS_VIEW (self));

  show_reader (self);
  figures_reader_load (self->reader, document_id, offset, self->query);
  select_document (self, document_id, TRUE);
}

void
figures_documents_view_move_hit (FiguresDocumentsView *self, gboolean forward)
{
  g_return_if_fail (FIGURES_IS_DOCUMENTS_VIEW (self));

  figures_reader_move_hit (self->reader, forward);
}

/* ---- export ---- */

void
figures_documents_view_export_csv (FiguresDocumentsView *self, GFile *file)
{
  const char *cities[2] = { NULL, NULL };
  FiguresStatisticsFilter filter = { 0 };

  g_return_if_fail (FIGURES_IS_DOCUMENTS_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));

  cities[0] = figures_document_list_get_city (self->documents);
  filter.cities = cities[0] != NULL ? cities : NULL;
  figures_csv_export_async (self, figures_library_get_index_path (self->library), &filter, file,
                            self->cancellable, figures_csv_export_done_cb, g_object_ref (file));
}

/* ---- setup ---- */

void
figures_documents_view_reload (FiguresDocumentsView *self)
{
  g_return_if_fail (FIGURES_IS_DOCUMENTS_VIEW (self));

  if (self->documents == NULL)
    return;

  figures_document_list_reload (self->documents);
  figures_worker_run (self, figures_library_get_index_path (self->library), cities_job, NULL, NULL,
                      (GDestroyNotify) g_strfreev, self->cancellable, cities_cb, NULL);
  if (self->query != NULL)
    run_search (self);
}

/* ---- following the library ---- */

static void
update_empty_page (FiguresDocumentsView *self)
{
  guint done = 0, total = 0;

  if (self->library == NULL || !figures_library_get_indexing (self->library))
    {
      adw_status_page_set_title (self->no_documents_page, _ ("No Reports Yet"));
      adw_status_page_set_description (self->no_documents_page,
                                       _ ("Open a folder of reports to index them."));
      return;
    }

  figures_library_get_progress (self->library, &done, &total);
  adw_status_page_set_title (self->no_documents_page, _ ("Indexing Reports…"));
  if (total == 0)
    adw_status_page_set_description (self->no_documents_page, _ ("Looking for reports…"));
  else
    {
      g_autofree char *text = g_strdup_printf (
        ngettext ("%u of %u report read", "%u of %u reports read", total), done, total);
      adw_status_page_set_description (self->no_documents_page, text);
    }
}

static void
library_reset_cb (FiguresDocumentsView *self)
{
  g_cancellable_cancel (self->search_cancellable);
  figures_reader_clear (self->reader);
  g_list_store_remove_all (self->results_store);
  self->updating_cities = TRUE;
  gtk_drop_down_set_selected (self->city_dropdown, 0);
  gtk_string_list_splice (self->city_model, 1,
                          g_list_model_get_n_items (G_LIST_MODEL (self->city_model)) - 1, NULL);
  self->updating_cities = FALSE;
  figures_document_list_set_city (self->documents, NULL);
  figures_document_list_clear (self->documents);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  update_list_page (self);
}

static void
library_changed_cb (FiguresDocumentsView *self, gboolean finished)
{
  /* While the index is built the list fills in as reports are committed
   * (the rows shown stay where they are); the cities and the search follow
   * at the end. */
  if (finished)
    figures_documents_view_reload (self);
  else
    figures_document_list_reload (self->documents);
}

/* Rows re-read in place may hold other reports now: the one the reader
 * shows stays the one selected (or none is), without scrolling. */
static void
documents_loading_cb (FiguresDocumentsView *self)
{
  gint64 document_id = figures_reader_get_document_id (self->reader);

  /* (a row chosen before the reader has opened it is left alone) */
  if (figures_document_list_get_loading (self->documents) || document_id <= 0 ||
      figures_documents_view_get_selected_id (self) == document_id)
    return;
  select_document (self, document_id, FALSE);
}

void
figures_documents_view_set_library (FiguresDocumentsView *self, FiguresLibrary *library)
{
  const char *index_path;

  g_return_if_fail (FIGURES_IS_DOCUMENTS_VIEW (self));
  g_return_if_fail (FIGURES_IS_LIBRARY (library));
  g_return_if_fail (self->library == NULL);

  self->library = g_object_ref (library);
  index_path = figures_library_get_index_path (library);
  self->documents = figures_document_list_new (index_path);
  figures_document_list_set_sort (self->documents,
                                  gtk_drop_down_get_selected (self->sort_dropdown) == 1
                                    ? FIGURES_DOCUMENT_SORT_TITLE
                                    : FIGURES_DOCUMENT_SORT_DATE);
  g_signal_connect_object (self->documents, "items-changed", G_CALLBACK (documents_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->documents, "notify::loading", G_CALLBACK (documents_loading_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_single_selection_set_model (self->documents_selection, G_LIST_MODEL (self->documents));
  figures_reader_setup (self->reader, index_path);

  g_signal_connect_object (library, "reset", G_CALLBACK (library_reset_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (library, "changed", G_CALLBACK (library_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (library, "progress", G_CALLBACK (update_empty_page), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (library, "notify::indexing", G_CALLBACK (update_empty_page), self,
                           G_CONNECT_SWAPPED);
  update_empty_page (self);
  update_list_page (self);
  figures_documents_view_reload (self);
}

void
figures_documents_view_setup (FiguresDocumentsView *self, GSettings *settings)
{
  g_return_if_fail (FIGURES_IS_DOCUMENTS_VIEW (self));
  g_return_if_fail (self->settings == NULL);

  self->settings = g_object_ref (settings);
  gtk_drop_down_set_selected (self->sort_dropdown,
                              g_settings_get_enum (settings, "document-sort") == 1 ? 1 : 0);
}

gint64
figures_documents_view_get_selected_id (FiguresDocumentsView *self)
{
  FiguresDocumentItem *item;

  g_return_val_if_fail (FIGURES_IS_DOCUMENTS_VIEW (self), 0);
  item = gtk_single_selection_get_selected_item (self->documents_selection);
  return item != NULL ? figures_document_item_get_id (item) : 0;
}

FiguresReader *
figures_documents_view_get_reader (FiguresDocumentsView *self)
{
  g_return_val_if_fail (FIGURES_IS_DOCUMENTS_VIEW (self), NULL);
  return self->reader;
}

GListModel *
figures_documents_view_get_documents (FiguresDocumentsView *self)
{
  g_return_val_if_fail (FIGURES_IS_DOCUMENTS_VIEW (self), NULL);
  return G_LIST_MODEL (self->documents);
}

GListModel *
figures_documents_view_get_results (FiguresDocumentsView *self)
{
  g_return_val_if_fail (FIGURES_IS_DOCUMENTS_VIEW (self), NULL);
  return G_LIST_MODEL (self->results_store);
}

int
figures_documents_view_get_n_results_total (FiguresDocumentsView *self)
{
  g_return_val_if_fail (FIGURES_IS_DOCUMENTS_VIEW (self), -1);
  return self->n_results_total;
}

static void
figures_documents_view_dispose (GObject *object)
{
  FiguresDocumentsView *self = FIGURES_DOCUMENTS_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->search_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), FIGURES_TYPE_DOCUMENTS_VIEW);
  g_clear_object (&self->documents);
  g_clear_object (&self->settings);
  g_clear_object (&self->library);

  G_OBJECT_CLASS (figures_documents_view_parent_class)->dispose (object);
}

static void
figures_documents_view_finalize (GObject *object)
{
  FiguresDocumentsView *self = FIGURES_DOCUMENTS_VIEW (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->search_cancellable);
  g_free (self->query);

  G_OBJECT_CLASS (figures_documents_view_parent_class)->finalize (object);
}

static void
figures_documents_view_class_init (FiguresDocumentsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = figures_documents_view_dispose;
  object_class->finalize = figures_documents_view_finalize;

  /* Emitted when the results of a search are shown. */
  signals[SIGNAL_SEARCH_FINISHED] =
    g_signal_new ("search-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 0);

  g_type_ensure (FIGURES_TYPE_READER);
  g_type_ensure (FIGURES_TYPE_LIST_ROW);
  g_type_ensure (FIGURES_TYPE_DOCUMENT_ITEM);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/figures-documents-view.ui");
  gtk_widget_class_bind_template_child (widget_class, FiguresDocumentsView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, FiguresDocumentsView, reader_box);
  gtk_widget_class_bind_template_child (widget_class, FiguresDocumentsView, no_documents_page);
  gtk_widget_class_bind_template_child (widget_class, FiguresDocumentsView, toolbar_stack);
  gtk_widget_class_bind_template_child (widget_class, FiguresDocumentsView, city_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FiguresDocumentsView, city_model);
  gtk_widget_class_bind_template_child (widget_class, FiguresDocumentsView, sort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FiguresDocumentsView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, FiguresDocumentsView, documents_list);
  gtk_widget_class_bind_template_child (widget_class, FiguresDocumentsView, documents_selection);
  gtk_widget_class_bind_template_child (widget_class, FiguresDocumentsView, results_label);
  gtk_widget_class_bind_template_child (widget_class, FiguresDocumentsView, results_store);
  gtk_widget_class_bind_template_child (widget_class, FiguresDocumentsView, reader);
  gtk_widget_class_bind_template_callback (widget_class, city_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, sort_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, document_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, result_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
}

static void
figures_documents_view_init (FiguresDocumentsView *self)
{
  self->cancellable = g_cancellable_new ();
  self->n_results_total = -1;

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_string_list_append (self->city_model, _ ("All Cities"));
}
