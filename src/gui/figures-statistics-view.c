/* figures-statistics-view.c: every figure of the index in one table
 *
 * The rows are a FiguresStatisticList: read a page at a time on a worker
 * thread, filtered and sorted by SQLite, so that a million figures scroll
 * smoothly. Corrections made here go through the library, which tells every
 * view to refresh.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "figures-statistics-view"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "figures-format.h"
#include "figures-statistic-item.h"
#include "figures-statistic-list.h"
#include "figures-statistic-table.h"
#include "figures-statistics-view.h"
#include "figures-worker.h"

struct _FiguresStatisticsView
{
  GtkWidget parent_instance;

  FiguresLibrary *library;
  GCancellable *load_cancellable; /* the dropdowns' choices */
  GCancellable *cancellable;      /* corrections, copies; cancelled in dispose */

  FiguresStatisticList *list;
  GtkMultiSelection *selection;
  GtkStringList *cities;
  GtkStringList *labels;
  GtkStringList *years;
  FiguresStatisticSort sort;
  gboolean descending;
  gboolean choices_loading;
  gboolean reload_pending; /* hidden: read when shown */
  gboolean probing;        /* asking the column view which column sorts */
  const void *sort_column; /* the Column it answered with */

  char *metric; /* filters */
  char *city;
  char *label;
  int year_from; /* 0: open */
  int year_to;
  char *search;
  gboolean updating_choices; /* the dropdowns' lists are being refilled */

  /* Template widgets */
  GtkColumnView *column_view;
  GtkDropDown *metric_dropdown;
  GtkDropDown *city_dropdown;
  GtkDropDown *label_dropdown;
  GtkDropDown *year_from_dropdown;
  GtkDropDown *year_to_dropdown;
  GtkSearchEntry *search_entry;
  GtkLabel *count_label;
};

G_DEFINE_FINAL_TYPE (FiguresStatisticsView, figures_statistics_view, GTK_TYPE_WIDGET)

enum
{
  SIGNAL_LOADED,
  SIGNAL_CORRECTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- columns ---- */

typedef char *(*CellText) (const FiguresStatisticRow *row);

static char *
cell_mark (const FiguresStatisticRow *row)
{
  return g_strdup (row->corrected ? "✎" : "");
}

static char *
cell_metric (const FiguresStatisticRow *row)
{
  return g_strdup (figures_format_metric_name (figures_metric_to_key (row->statistic->metric),
                                               figures_number_style_from_locale ()));
}

static char *
cell_label (const FiguresStatisticRow *row)
{
  return g_strdup (row->statistic->label);
}

static char *
cell_value (const FiguresStatisticRow *row)
{
  const FiguresStatistic *statistic = row->statistic;
  FiguresNumberStyle style = figures_number_style_from_locale ();
  g_autofree char *unit =
    figures_format_base_unit (figures_metric_to_key (statistic->metric), statistic->unit);

  /* exact, as the analyst checks it against the report; approx has its
   * own column */
  return figures_format_value_full (figures_decimal_to_double (statistic->value), unit, FALSE, TRUE,
                                    style);
}

static char *
cell_approx (const FiguresStatisticRow *row)
{
  return g_strdup (row->statistic->approx ? "≈" : "");
}

static char *
cell_city (const FiguresStatisticRow *row)
{
  return g_strdup (row->statistic->city);
}

static char *
cell_place (const FiguresStatisticRow *row)
{
  return g_strdup (row->statistic->place);
}

static char *
cell_year (const FiguresStatisticRow *row)
{
  return row->statistic->year > 0 ? g_strdup_printf ("%d", row->statistic->year) : g_strdup ("");
}

static char *
cell_title (const FiguresStatisticRow *row)
{
  return g_strdup (row->title);
}

static char *
cell_evidence (const FiguresStatisticRow *row)
{
  return g_strdup (row->statistic->evidence);
}

typedef struct
{
  const char *id;
  const char *title; /* translatable */
  CellText text;
  FiguresStatisticSort sort; /* SQLite's order for it; POSITION: none */
  gboolean expand;
  gboolean numeric;
} Column;

static const Column columns[] = {
  { "mark", "", cell_mark, FIGURES_STATISTIC_SORT_CORRECTED, FALSE, FALSE },
  { "metric", N_ ("Metric"), cell_metric, FIGURES_STATISTIC_SORT_METRIC, FALSE, FALSE },
  { "label", N_ ("Label"), cell_label, FIGURES_STATISTIC_SORT_LABEL, FALSE, FALSE },
  { "value", N_ ("Value"), cell_value, FIGURES_STATISTIC_SORT_VALUE, FALSE, TRUE },
  { "approx", N_ ("Approx."), cell_approx, FIGURES_STATISTIC_SORT_APPROX, FALSE, FALSE },
  { "city", N_ ("City"), cell_city, FIGURES_STATISTIC_SORT_CITY, FALSE, FALSE },
  { "place", N_ ("Place"), cell_place, FIGURES_STATISTIC_SORT_PLACE, FALSE, FALSE },
  { "year", N_ ("Year"), cell_year, FIGURES_STATISTIC_SORT_YEAR, FALSE, TRUE },
  { "title", N_ ("Report"), cell_title, FIGURES_STATISTIC_SORT_TITLE, FALSE, FALSE },
  /* not sorted on: sorting would cut every row's from its report's text */
  { "evidence", N_ ("Evidence"), cell_evidence, FIGURES_STATISTIC_SORT_POSITION, TRUE, FALSE },
};

static void
setup_cell_cb (GtkSignalListItemFactory *factory, GtkListItem *item, const Column *column)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), column->numeric ? 1 : 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  if (column->numeric)
    gtk_widget_add_css_class (label, "numeric");
  if (column->text == cell_mark)
    {
      gtk_widget_add_css_class (label, "accent");
      gtk_widget_set_tooltip_text (label, _ ("Corrected"));
    }
  g_object_set_data (G_OBJECT (label), "column", (gpointer) column);
  gtk_list_item_set_child (item, label);
}

/* Shows @item's row in @label: empty while its page is being read. */
static void
show_cell (FiguresStatisticItem *item, GParamSpec *pspec, GtkLabel *label)
{
  const Column *column = g_object_get_data (G_OBJECT (label), "column");
  const FiguresStatisticRow *row = figures_statistic_item_get_row (item);
  g_autofree char *text = row != NULL ? column->text (row) : NULL;

  gtk_label_set_text (label, text != NULL ? text : "");
  if (column->text == cell_evidence || column->text == cell_title)
    gtk_widget_set_tooltip_text (GTK_WIDGET (label), text);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory, GtkListItem *item, const Column *column)
{
  FiguresStatisticItem *statistic = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);

  show_cell (statistic, NULL, GTK_LABEL (label));
  g_signal_connect_object (statistic, "notify::loaded", G_CALLBACK (show_cell), label, 0);
}

static void
unbind_cell_cb (GtkSignalListItemFactory *factory, GtkListItem *item, const Column *column)
{
  g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (item), show_cell,
                                        gtk_list_item_get_child (item));
}

/* The columns' sorters only answer the probe below: SQLite sorts. */
static int
sort_cb (gconstpointer a, gconstpointer b, gpointer user_data)
{
  FiguresStatisticsView *self = g_object_get_data (G_OBJECT (user_data), "view");
  const Column *column = g_object_get_data (G_OBJECT (user_data), "column");

  if (self == NULL || !self->probing || self->sort_column != NULL)
    return GTK_ORDERING_EQUAL;
  self->sort_column = column;
  return GTK_ORDERING_LARGER;
}

static void update_query (FiguresStatisticsView *self);

/* Which column sorts, and which way. GTK 4.8 has no
 * gtk_column_view_sorter_get_primary_sort_column() (4.10): the column
 * view's sorter asks its columns' sorters in order, primary first, and
 * turns the answer round when descending, so one comparison tells. */
static void
sorter_changed_cb (GtkSorter *sorter, GtkSorterChange change, FiguresStatisticsView *self)
{
  g_autoptr (FiguresStatisticItem) a = figures_statistic_item_new_placeholder ();
  g_autoptr (FiguresStatisticItem) b = figures_statistic_item_new_placeholder ();
  GtkOrdering order;

  self->probing = TRUE;
  self->sort_column = NULL;
  order = gtk_sorter_compare (sorter, a, b);
  self->probing = FALSE;
  if (self->sort_column == NULL || order == GTK_ORDERING_EQUAL)
    self->sort = FIGURES_STATISTIC_SORT_POSITION, self->descending = FALSE;
  else
    {
      self->sort = ((const Column *) self->sort_column)->sort;
      self->descending = order == GTK_ORDERING_SMALLER;
    }
  update_query (self);
}

static void
add_columns (FiguresStatisticsView *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      const Column *column = &columns[i];
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr (GtkColumnViewColumn) view_column = NULL;
      GtkSorter *sorter = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), (gpointer) column);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), (gpointer) column);
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell_cb), (gpointer) column);
      view_column =
        gtk_column_view_column_new (column->title[0] != '\0' ? _ (column->title) : "", factory);
      if (column->sort != FIGURES_STATISTIC_SORT_POSITION)
        {
          sorter = GTK_SORTER (gtk_custom_sorter_new (sort_cb, NULL, NULL));
          gtk_custom_sorter_set_sort_func (GTK_CUSTOM_SORTER (sorter), sort_cb, sorter, NULL);
          g_object_set_data (G_OBJECT (sorter), "view", self);
          g_object_set_data (G_OBJECT (sorter), "column", (gpointer) column);
          gtk_column_view_column_set_sorter (view_column, sorter);
          g_object_unref (sorter);
        }
      gtk_column_view_column_set_resizable (view_column, TRUE);
      gtk_column_view_column_set_expand (view_column, column->expand);
      gtk_column_view_append_column (self->column_view, view_column);
    }
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (sorter_changed_cb), self, 0);
}

/* ---- filters ---- */

static void search_changed_cb (FiguresStatisticsView *self);

static void
update_count (FiguresStatisticsView *self)
{
  guint shown;
  g_autofree char *text = NULL;

  /* items-changed may come while the template is disposed */
  if (self->count_label == NULL || self->list == NULL)
    return;
  shown = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  text =
    /* Translators: the Statistics view's count of the figures shown */
    g_strdup_printf (ngettext ("%u figure", "%u figures", shown), shown);

  gtk_label_set_text (self->count_label, text);
}

/* The filters and the sort, to the list: it reads from the top again. */
static void
update_query (FiguresStatisticsView *self)
{
  FiguresStatisticQuery query = {
    .metric = self->metric,
    .city = self->city,
    .label = self->label,
    .year_from = self->year_from,
    .year_to = self->year_to,
    .text = self->search,
    .sort = self->sort,
    .descending = self->descending,
  };

  /* the dropdowns get their models before the table has its list, and
   * the columns go (the sorter changes) after it */
  if (self->list != NULL && self->column_view != NULL)
    figures_statistic_list_set_query (self->list, &query);
}

void
figures_statistics_view_set_metric (FiguresStatisticsView *self, const char *metric)
{
  FiguresMetric value;

  g_return_if_fail (FIGURES_IS_STATISTICS_VIEW (self));

  if (metric != NULL && figures_metric_from_key (metric, &value))
    gtk_drop_down_set_selected (self->metric_dropdown, value + 1);
  else
    gtk_drop_down_set_selected (self->metric_dropdown, 0);
}

/* Selects @text in @dropdown's @list (its first entry, "All …", when
 * @text is NULL or not listed). */
static void
choose (GtkDropDown *dropdown, GtkStringList *list, const char *text)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  for (guint i = 1; text != NULL && i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (list, i), text) == 0)
      {
        gtk_drop_down_set_selected (dropdown, i);
        return;
      }
  gtk_drop_down_set_selected (dropdown, 0);
}

void
figures_statistics_view_set_city (FiguresStatisticsView *self, const char *city)
{
  g_return_if_fail (FIGURES_IS_STATISTICS_VIEW (self));
  choose (self->city_dropdown, self->cities, city);
}

void
figures_statistics_view_set_label (FiguresStatisticsView *self, const char *label)
{
  g_return_if_fail (FIGURES_IS_STATISTICS_VIEW (self));
  choose (self->label_dropdown, self->labels, label);
}

void
figures_statistics_view_set_years (FiguresStatisticsView *self, int from, int to)
{
  g_autofree char *a = from > 0 ? g_strdup_printf ("%d", from) : NULL;
  g_autofree char *b = to > 0 ? g_strdup_printf ("%d", to) : NULL;

  g_return_if_fail (FIGURES_IS_STATISTICS_VIEW (self));
  choose (self->year_from_dropdown, self->years, a);
  choose (self->year_to_dropdown, self->years, b);
}

void
figures_statistics_view_set_search (FiguresStatisticsView *self, const char *text)
{
  g_return_if_fail (FIGURES_IS_STATISTICS_VIEW (self));
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  /* now, not after the entry's typing delay */
  search_changed_cb (self);
}

static void
metric_selected_cb (FiguresStatisticsView *self)
{
  guint selected = gtk_drop_down_get_selected (self->metric_dropdown);

  g_clear_pointer (&self->metric, g_free);
  if (selected != GTK_INVALID_LIST_POSITION && selected > 0)
    self->metric = g_strdup (figures_metric_to_key (selected - 1));
  update_query (self);
}

/* The chosen entry of a dropdown of names; NULL for its "All …" entry. */
static char *
dup_chosen (GtkDropDown *dropdown, GtkStringList *list)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (selected == GTK_INVALID_LIST_POSITION || selected == 0)
    return NULL;
  return g_strdup (gtk_string_list_get_string (list, selected));
}

static void
choice_selected_cb (FiguresStatisticsView *self)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (self->updating_choices)
    return;
  g_free (self->city);
  self->city = dup_chosen (self->city_dropdown, self->cities);
  g_free (self->label);
  self->label = dup_chosen (self->label_dropdown, self->labels);
  from = dup_chosen (self->year_from_dropdown, self->years);
  to = dup_chosen (self->year_to_dropdown, self->years);
  self->year_from = from != NULL ? atoi (from) : 0;
  self->year_to = to != NULL ? atoi (to) : 0;
  update_query (self);
}

static void
search_changed_cb (FiguresStatisticsView *self)
{
  g_free (self->search);
  self->search = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  update_query (self);
}

static int
collate_names (gconstpointer a, gconstpointer b)
{
  return g_utf8_collate (*(const char *const *) a, *(const char *const *) b);
}

/* Refills @list with @names (sorted by @compare when not NULL, after
 * @all), keeping what @dropdown had chosen when it is still there. */
static void
fill_choices (FiguresStatisticsView *self,
              GtkDropDown *dropdown,
              GtkStringList *list,
              GStrv names,
              GCompareFunc compare,
              const char *all)
{
  g_autofree char *chosen = dup_chosen (dropdown, list);
  g_autoptr (GPtrArray) entries = g_ptr_array_new ();

  g_ptr_array_add (entries, (gpointer) all);
  for (guint i = 0; names[i] != NULL; i++)
    g_ptr_array_add (entries, names[i]);
  if (compare != NULL)
    g_qsort_with_data (entries->pdata + 1, entries->len - 1, sizeof (gpointer),
                       (GCompareDataFunc) compare, NULL);
  g_ptr_array_add (entries, NULL);
  self->updating_choices = TRUE;
  gtk_string_list_splice (list, 0, g_list_model_get_n_items (G_LIST_MODEL (list)),
                          (const char *const *) entries->pdata);
  choose (dropdown, list, chosen);
  self->updating_choices = FALSE;
}

/* ---- loading ---- */

/* What the dropdowns offer: the index's cities, labels and years */
typedef struct
{
  GStrv cities;
  GStrv labels;
  GStrv years;
} Choices;

static void
choices_free (Choices *choices)
{
  g_strfreev (choices->cities);
  g_strfreev (choices->labels);
  g_strfreev (choices->years);
  g_free (choices);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Choices, choices_free)

static gpointer
choices_job (FiguresIndex *index, gpointer data, GCancellable *cancellable, GError **error)
{
  g_autoptr (Choices) choices = g_new0 (Choices, 1);

  if ((choices->cities = figures_index_list_cities (index, NULL, error)) == NULL ||
      (choices->labels = figures_index_list_labels (index, NULL, error)) == NULL ||
      (choices->years = figures_index_list_years (index, NULL, error)) == NULL)
    return NULL;
  return g_steal_pointer (&choices);
}

static void loading_cb (FiguresStatisticsView *self);

static void
choices_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (FiguresStatisticsView) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (Choices) choices = figures_worker_finish (result, &error);

  if (figures_worker_error_is_cancelled (error))
    return; /* another reload took over */
  self->choices_loading = FALSE;
  if (choices == NULL)
    {
      loading_cb (self);
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-message", "s", error->message);
      return;
    }
  fill_choices (self, self->city_dropdown, self->cities, choices->cities, collate_names,
                _ ("All Cities"));
  fill_choices (self, self->label_dropdown, self->labels, choices->labels, collate_names,
                _ ("All Labels"));
  /* the two year lists share one model, oldest first as listed */
  {
    g_autofree char *to = dup_chosen (self->year_to_dropdown, self->years);

    fill_choices (self, self->year_from_dropdown, self->years, choices->years, NULL,
                  _ ("Any Year"));
    self->updating_choices = TRUE;
    choose (self->year_to_dropdown, self->years, to);
    self->updating_choices = FALSE;
  }
  /* a choice no longer listed went back to "All …" */
  choice_selected_cb (self);
  loading_cb (self);
}

void
figures_statistics_view_reload (FiguresStatisticsView *self)
{
  g_return_if_fail (FIGURES_IS_STATISTICS_VIEW (self));

  if (self->library == NULL)
    return;
  /* as Charts: a hidden table reads the index when it is shown, not
   * while the reports the user sees are being read */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->reload_pending = TRUE;
      return;
    }
  self->reload_pending = FALSE;
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();
  self->choices_loading = TRUE;
  figures_worker_run (self, figures_library_get_index_path (self->library), choices_job, NULL, NULL,
                      (GDestroyNotify) choices_free, self->load_cancellable, choices_cb,
                      g_object_ref (self));
  figures_statistic_list_reload (self->list);
}

static void
loading_cb (FiguresStatisticsView *self)
{
  if (!figures_statistics_view_get_loading (self))
    g_signal_emit (self, signals[SIGNAL_LOADED], 0);
}

static void
library_reset_cb (FiguresStatisticsView *self)
{
  g_cancellable_cancel (self->load_cancellable);
  self->choices_loading = FALSE;
  figures_statistic_list_clear (self->list);
}

static void
library_changed_cb (FiguresStatisticsView *self, gboolean finished)
{
  /* as Charts: an empty table fills while indexing, a full one waits */
  if (finished || g_list_model_get_n_items (G_LIST_MODEL (self->list)) == 0)
    figures_statistics_view_reload (self);
}

void
figures_statistics_view_set_library (FiguresStatisticsView *self, FiguresLibrary *library)
{
  g_return_if_fail (FIGURES_IS_STATISTICS_VIEW (self));
  g_return_if_fail (FIGURES_IS_LIBRARY (library));
  g_return_if_fail (self->library == NULL);

  self->library = g_object_ref (library);
  self->list = figures_statistic_list_new (figures_library_get_index_path (library));
  update_query (self);
  gtk_multi_selection_set_model (self->selection, G_LIST_MODEL (self->list));
  g_signal_connect_object (self->list, "items-changed", G_CALLBACK (update_count), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list, "notify::loading", G_CALLBACK (loading_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (library, "reset", G_CALLBACK (library_reset_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (library, "changed", G_CALLBACK (library_changed_cb), self,
                           G_CONNECT_SWAPPED);
  figures_statistics_view_reload (self);
}

GListModel *
figures_statistics_view_get_rows (FiguresStatisticsView *self)
{
  g_return_val_if_fail (FIGURES_IS_STATISTICS_VIEW (self), NULL);
  return G_LIST_MODEL (self->selection);
}

gboolean
figures_statistics_view_get_loading (FiguresStatisticsView *self)
{
  g_return_val_if_fail (FIGURES_IS_STATISTICS_VIEW (self), FALSE);
  return self->choices_loading ||
         (self->list != NULL && figures_statistic_list_get_loading (self->list));
}

GtkSelectionModel *
figures_statistics_view_get_selection (FiguresStatisticsView *self)
{
  g_return_val_if_fail (FIGURES_IS_STATISTICS_VIEW (self), NULL);
  return GTK_SELECTION_MODEL (self->selection);
}

GtkColumnView *
figures_statistics_view_get_column_view (FiguresStatisticsView *self)
{
  g_return_val_if_fail (FIGURES_IS_STATISTICS_VIEW (self), NULL);
  return self->column_view;
}

/* ---- the selection: copy, open, correct ---- */

/* Rows wherever they are (read or not yet): each action reads the rows it
 * acts on from the index, on a worker thread, then goes on in @func. */
typedef void (*RowsFunc) (FiguresStatisticsView *self, GPtrArray *rows, gpointer data);

typedef struct
{
  FiguresStatisticsView *self; /* a reference */
  RowsFunc func;
  gpointer data;
  GDestroyNotify data_free;
} RowsRequest;

static void
rows_read_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  RowsRequest *request = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows =
    figures_statistic_list_read_rows_finish (FIGURES_STATISTIC_LIST (object), result, &error);

  if (rows == NULL)
    {
      if (!figures_worker_error_is_cancelled (error))
        gtk_widget_activate_action (GTK_WIDGET (request->self), "win.show-message", "s",
                                    error->message);
    }
  else if (rows->len > 0)
    request->func (request->self, rows, request->data);
  if (request->data_free != NULL)
    request->data_free (request->data);
  g_object_unref (request->self);
  g_free (request);
}

static void
read_rows (FiguresStatisticsView *self,
           GArray *positions,
           RowsFunc func,
           gpointer data,
           GDestroyNotify data_free)
{
  RowsRequest *request;

  if (positions->len == 0 || self->list == NULL)
    {
      if (data_free != NULL)
        data_free (data);
      return;
    }
  request = g_new0 (RowsRequest, 1);
  request->self = g_object_ref (self);
  request->func = func;
  request->data = data;
  request->data_free = data_free;
  figures_statistic_list_read_rows_async (self->list, positions, self->cancellable, rows_read_cb,
                                          request);
}

/* The selected positions, in the order shown */
static void
read_selected_rows (FiguresStatisticsView *self,
                    RowsFunc func,
                    gpointer data,
                    GDestroyNotify data_free)
{
  g_autoptr (GArray) positions = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GtkBitset) selected =
    gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  GtkBitsetIter iter;
  guint position;

  for (gboolean ok = gtk_bitset_iter_init_first (&iter, selected, &position); ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    g_array_append_val (positions, position);
  read_rows (self, positions, func, data, data_free);
}

/* The statistic columns as everywhere, then where the figure is from */
static char *
rows_to_tsv (GPtrArray *rows)
{
  g_autofree char *header = g_strjoinv ("\t", (char **) figures_statistic_columns);
  GString *out = g_string_new (header);

  g_string_append (out, "\tcitation\n");
  for (guint i = 0; i < rows->len; i++)
    {
      const FiguresStatisticRow *row = g_ptr_array_index (rows, i);
      g_autofree char *file = figures_display_path (row->path, NULL);
      g_auto (GStrv) fields = figures_statistic_fields (file, row->statistic);

      for (guint j = 0; fields[j] != NULL; j++)
        {
          /* a field never breaks the table */
          g_strdelimit (fields[j], "\t\n\r", ' ');
          g_string_append (out, fields[j]);
          g_string_append_c (out, '\t');
        }
      g_string_append_printf (out, "%s, %s, %s\n", row->title != NULL ? row->title : "",
                              row->date != NULL ? row->date : _ ("undated"), file);
    }
  return g_string_free (out, FALSE);
}

static void
copy_rows (FiguresStatisticsView *self, GPtrArray *rows, gpointer data)
{
  g_autofree char *tsv = rows_to_tsv (rows);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), tsv);
}

static void
copy_action (GtkWidget *widget, const char *name, GVariant *param)
{
  read_selected_rows (FIGURES_STATISTICS_VIEW (widget), copy_rows, NULL, NULL);
}

static void
open_row (FiguresStatisticsView *self, GPtrArray *rows, gpointer data)
{
  const FiguresStatisticRow *row = g_ptr_array_index (rows, 0);

  gtk_widget_activate_action (GTK_WIDGET (self), "win.open-document", "(xu)", row->document_id,
                              row->statistic->start);
}

static void
activate_cb (FiguresStatisticsView *self, guint position)
{
  g_autoptr (GArray) positions = g_array_new (FALSE, FALSE, sizeof (guint));

  g_array_append_val (positions, position);
  read_rows (self, positions, open_row, NULL, NULL);
}

static void
corrected_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (FiguresStatisticsView) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!figures_library_correct_finish (FIGURES_LIBRARY (object), result, &error))
    {
      if (!figures_worker_error_is_cancelled (error))
        gtk_widget_activate_action (GTK_WIDGET (self), "win.show-message", "s", error->message);
      return;
    }
  g_signal_emit (self, signals[SIGNAL_CORRECTED], 0);
}

/* One correction, to make of each selected figure */
typedef struct
{
  FiguresCorrectionAction action;
  FiguresCorrectionField field;
  char *new_value;
  gboolean undo;
} Change;

static void
change_free (Change *change)
{
  g_free (change->new_value);
  g_free (change);
}

static void
correct_rows (FiguresStatisticsView *self, GPtrArray *rows, gpointer data)
{
  const Change *change = data;

  if (self->library == NULL)
    return;
  for (guint i = 0; i < rows->len; i++)
    {
      const FiguresStatisticRow *row = g_ptr_array_index (rows, i);
      g_autoptr (FiguresCorrection) correction = figures_correction_new ();

      correction->hash = g_strdup (row->hash);
      correction->file = g_strdup (row->path);
      correction->start = row->statistic->start;
      correction->action = change->action;
      correction->field = change->field;
      correction->old_value = figures_correction_field_dup_value (change->field, row->statistic);
      correction->new_value = g_strdup (change->new_value);
      figures_library_correct_async (self->library, correction, change->undo, self->cancellable,
                                     corrected_cb, g_object_ref (self));
    }
}

/* Records one correction of each selected figure. */
static void
correct_selected (FiguresStatisticsView *self,
                  FiguresCorrectionAction action,
                  FiguresCorrectionField field,
                  const char *new_value,
                  gboolean undo)
{
  Change *change = g_new0 (Change, 1);

  change->action = action;
  change->field = field;
  change->new_value = g_strdup (new_value);
  change->undo = undo;
  read_selected_rows (self, correct_rows, change, (GDestroyNotify) change_free);
}

static void
confirm_action (GtkWidget *widget, const char *name, GVariant *param)
{
  correct_selected (FIGURES_STATISTICS_VIEW (widget), FIGURES_CORRECTION_CONFIRM,
                    FIGURES_CORRECTION_FIELD_NONE, NULL, FALSE);
}

static void
reject_action (GtkWidget *widget, const char *name, GVariant *param)
{
  correct_selected (FIGURES_STATISTICS_VIEW (widget), FIGURES_CORRECTION_REJECT,
                    FIGURES_CORRECTION_FIELD_NONE, NULL, FALSE);
}

static void
undo_action (GtkWidget *widget, const char *name, GVariant *param)
{
  correct_selected (FIGURES_STATISTICS_VIEW (widget), FIGURES_CORRECTION_CONFIRM,
                    FIGURES_CORRECTION_FIELD_NONE, NULL, TRUE);
}

static void
set_action (GtkWidget *widget, const char *name, GVariant *param)
{
  const char *key, *value;
  FiguresCorrectionField field;

  g_variant_get (param, "(&s&s)", &key, &value);
  if (figures_correction_field_from_key (key, &field) && field != FIGURES_CORRECTION_FIELD_NONE)
    correct_selected (FIGURES_STATISTICS_VIEW (widget), FIGURES_CORRECTION_SET, field, value,
                      FALSE);
}

/* What the Change dialog asks for each field. */
typedef struct
{
  FiguresCorrectionField field;
  const char *title; /* translatable */
  const char *body;
} ChangeField;

static const ChangeField change_fields[] = {
  { FIGURES_CORRECTION_FIELD_METRIC, N_ ("Change Metric"),
    N_ ("What the selected figures count.") },
  { FIGURES_CORRECTION_FIELD_CITY, N_ ("Change City"),
    N_ ("The city the selected figures count for.") },
  { FIGURES_CORRECTION_FIELD_VALUE, N_ ("Change Value"),
    N_ (
      "The value as a plain number in the base unit: yuan for money, so 6.29亿元 is 629000000.") },
  { FIGURES_CORRECTION_FIELD_YEAR, N_ ("Change Year"),
    N_ ("The year the selected figures refer to.") },
};

static void
change_response_cb (AdwMessageDialog *dialog, const char *response, FiguresStatisticsView *self)
{
  GtkWidget *child = adw_message_dialog_get_extra_child (dialog);
  const char *key = g_object_get_data (G_OBJECT (dialog), "field");
  const char *value;

  if (g_strcmp0 (response, "change") != 0)
    return;
  if (GTK_IS_DROP_DOWN (child))
    value = figures_metric_to_key (gtk_drop_down_get_selected (GTK_DROP_DOWN (child)));
  else
    value = gtk_editable_get_text (GTK_EDITABLE (child));
  if (value[0] != '\0')
    gtk_widget_activate_action (GTK_WIDGET (self), "statistics.set", "(ss)", key, value);
}

/* The Change dialog, filled in with the first selected figure's value */
static void
present_change (FiguresStatisticsView *self, GPtrArray *rows, gpointer data)
{
  const char *key = data;
  const ChangeField *change = NULL;
  const FiguresStatisticRow *row = g_ptr_array_index (rows, 0);
  GtkWidget *dialog, *child;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  FiguresCorrectionField field;

  if (!figures_correction_field_from_key (key, &field))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (change_fields); i++)
    if (change_fields[i].field == field)
      change = &change_fields[i];
  if (change == NULL)
    return;
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _ (change->title), _ (change->body));
  if (field == FIGURES_CORRECTION_FIELD_METRIC)
    {
      FiguresNumberStyle style = figures_number_style_from_locale ();
      g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);

      for (guint i = 0; i < FIGURES_N_METRICS; i++)
        gtk_string_list_append (names,
                                figures_format_metric_name (figures_metric_to_key (i), style));
      child = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&names)), NULL);
      gtk_drop_down_set_selected (GTK_DROP_DOWN (child), row->statistic->metric);
    }
  else
    {
      g_autofree char *text = figures_correction_field_dup_value (field, row->statistic);

      child = gtk_entry_new ();
      gtk_editable_set_text (GTK_EDITABLE (child), text);
      gtk_entry_set_activates_default (GTK_ENTRY (child), TRUE);
      if (field != FIGURES_CORRECTION_FIELD_CITY)
        gtk_entry_set_input_purpose (GTK_ENTRY (child), GTK_INPUT_PURPOSE_NUMBER);
    }
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), child);
  g_object_set_data_full (G_OBJECT (dialog), "field", g_strdup (key), g_free);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"), "change",
                                    _ ("_Change"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "change",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "change");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (change_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
change_action (GtkWidget *widget, const char *name, GVariant *param)
{
  read_selected_rows (FIGURES_STATISTICS_VIEW (widget), present_change,
                      g_variant_dup_string (param, NULL), g_free);
}

static void
selection_changed_cb (FiguresStatisticsView *self)
{
  g_autoptr (GtkBitset) selected =
    gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  gboolean any = !gtk_bitset_is_empty (selected);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "statistics.copy", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "statistics.confirm", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "statistics.reject", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "statistics.change", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "statistics.set", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "statistics.undo", any);
}

/* ---- GObject ---- */

static void
figures_statistics_view_dispose (GObject *object)
{
  FiguresStatisticsView *self = FIGURES_STATISTICS_VIEW (object);

  g_cancellable_cancel (self->load_cancellable);
  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), FIGURES_TYPE_STATISTICS_VIEW);
  /* the template's unnamed box */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (figures_statistics_view_parent_class)->dispose (object);
}

static void
figures_statistics_view_finalize (GObject *object)
{
  FiguresStatisticsView *self = FIGURES_STATISTICS_VIEW (object);

  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->library);
  g_clear_object (&self->selection);
  g_clear_object (&self->list);
  g_free (self->metric);
  g_free (self->city);
  g_free (self->label);
  g_free (self->search);
  G_OBJECT_CLASS (figures_statistics_view_parent_class)->finalize (object);
}

static void
figures_statistics_view_map (GtkWidget *widget)
{
  FiguresStatisticsView *self = FIGURES_STATISTICS_VIEW (widget);

  GTK_WIDGET_CLASS (figures_statistics_view_parent_class)->map (widget);
  if (self->reload_pending)
    figures_statistics_view_reload (self);
}

static void
figures_statistics_view_class_init (FiguresStatisticsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = figures_statistics_view_dispose;
  object_class->finalize = figures_statistics_view_finalize;
  widget_class->map = figures_statistics_view_map;

  /* The rows were read and are shown. */
  signals[SIGNAL_LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                         NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* A correction was recorded and applied to the index. */
  signals[SIGNAL_CORRECTED] = g_signal_new ("corrected", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/figures-statistics-view.ui");
  gtk_widget_class_bind_template_child (widget_class, FiguresStatisticsView, column_view);
  gtk_widget_class_bind_template_child (widget_class, FiguresStatisticsView, metric_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FiguresStatisticsView, city_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FiguresStatisticsView, label_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FiguresStatisticsView, year_from_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FiguresStatisticsView, year_to_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FiguresStatisticsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, FiguresStatisticsView, count_label);
  gtk_widget_class_bind_template_callback (widget_class, metric_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, choice_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);

  gtk_widget_class_install_action (widget_class, "statistics.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "statistics.confirm", NULL, confirm_action);
  gtk_widget_class_install_action (widget_class, "statistics.reject", NULL, reject_action);
  gtk_widget_class_install_action (widget_class, "statistics.change", "s", change_action);
  gtk_widget_class_install_action (widget_class, "statistics.set", "(ss)", set_action);
  gtk_widget_class_install_action (widget_class, "statistics.undo", NULL, undo_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "statistics.copy",
                                       NULL);
}

static void
figures_statistics_view_init (FiguresStatisticsView *self)
{
  g_autoptr (GtkStringList) metrics = gtk_string_list_new (NULL);
  FiguresNumberStyle style = figures_number_style_from_locale ();

  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_string_list_append (metrics, _ ("All Metrics"));
  for (guint i = 0; i < FIGURES_N_METRICS; i++)
    gtk_string_list_append (metrics, figures_format_metric_name (figures_metric_to_key (i), style));
  gtk_drop_down_set_model (self->metric_dropdown, G_LIST_MODEL (metrics));

  self->cities = gtk_string_list_new (NULL);
  gtk_string_list_append (self->cities, _ ("All Cities"));
  gtk_drop_down_set_model (self->city_dropdown, G_LIST_MODEL (self->cities));
  g_object_unref (self->cities); /* the dropdown keeps it */
  self->labels = gtk_string_list_new (NULL);
  gtk_string_list_append (self->labels, _ ("All Labels"));
  gtk_drop_down_set_model (self->label_dropdown, G_LIST_MODEL (self->labels));
  g_object_unref (self->labels);
  self->years = gtk_string_list_new (NULL);
  gtk_string_list_append (self->years, _ ("Any Year"));
  gtk_drop_down_set_model (self->year_from_dropdown, G_LIST_MODEL (self->years));
  gtk_drop_down_set_model (self->year_to_dropdown, G_LIST_MODEL (self->years));
  g_object_unref (self->years);

  add_columns (self);
  /* empty until the library comes with its list */
  self->selection = gtk_multi_selection_new (NULL);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "selection-changed", G_CALLBACK (selection_changed_cb),
                           self, G_CONNECT_SWAPPED);
  selection_changed_cb (self);
  update_count (self);
}
