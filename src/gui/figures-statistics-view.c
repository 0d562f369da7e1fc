/* figures-statistics-view.c: every figure of the index in one table
 *
 * The rows are read in a worker thread through the library, then sorted by
 * the column view's sorter and filtered on the main thread. Corrections made
 * here go through the library, which tells every view to refresh.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "figures-statistics-view"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "figures-format.h"
#include "figures-statistic-item.h"
#include "figures-statistic-table.h"
#include "figures-statistics-view.h"
#include "figures-worker.h"

struct _FiguresStatisticsView
{
  GtkWidget parent_instance;

  FiguresLibrary *library;
  GCancellable *load_cancellable;
  GCancellable *cancellable; /* corrections; cancelled in dispose */

  GListStore *store;
  GtkFilterListModel *filter_model;
  GtkSortListModel *sort_model;
  GtkMultiSelection *selection;
  GtkCustomFilter *filter;
  GtkStringList *cities;
  GtkStringList *labels;
  GtkStringList *years;

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

  /* approx has its own column */
  return figures_format_value (figures_decimal_to_double (statistic->value),
                               figures_format_unit_name (unit, style), FALSE, style);
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

static int
compare_value (const FiguresStatisticRow *a, const FiguresStatisticRow *b)
{
  double x = figures_decimal_to_double (a->statistic->value);
  double y = figures_decimal_to_double (b->statistic->value);

  return (x > y) - (x < y);
}

static int
compare_year (const FiguresStatisticRow *a, const FiguresStatisticRow *b)
{
  return (a->statistic->year > b->statistic->year) - (a->statistic->year < b->statistic->year);
}

typedef struct
{
  const char *id;
  const char *title; /* translatable */
  CellText text;
  int (*compare) (const FiguresStatisticRow *a, const FiguresStatisticRow *b); /* NULL: text */
  gboolean expand;
  gboolean numeric;
} Column;

static const Column columns[] = {
  { "mark", "", cell_mark, NULL, FALSE, FALSE },
  { "metric", N_ ("Metric"), cell_metric, NULL, FALSE, FALSE },
  { "label", N_ ("Label"), cell_label, NULL, FALSE, FALSE },
  { "value", N_ ("Value"), cell_value, compare_value, FALSE, TRUE },
  { "approx", N_ ("Approx."), cell_approx, NULL, FALSE, FALSE },
  { "city", N_ ("City"), cell_city, NULL, FALSE, FALSE },
  { "place", N_ ("Place"), cell_place, NULL, FALSE, FALSE },
  { "year", N_ ("Year"), cell_year, compare_year, FALSE, TRUE },
  { "title", N_ ("Report"), cell_title, NULL, FALSE, FALSE },
  { "evidence", N_ ("Evidence"), cell_evidence, NULL, TRUE, FALSE },
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
  gtk_list_item_set_child (item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory, GtkListItem *item, const Column *column)
{
  FiguresStatisticItem *statistic = gtk_list_item_get_item (item);
  g_autofree char *text = column->text (figures_statistic_item_get_row (statistic));

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text != NULL ? text : "");
  if (column->text == cell_evidence || column->text == cell_title)
    gtk_widget_set_tooltip_text (gtk_list_item_get_child (item), text);
}

static int
sort_cb (gconstpointer a, gconstpointer b, gpointer user_data)
{
  const Column *column = user_data;
  const FiguresStatisticRow *x = figures_statistic_item_get_row ((FiguresStatisticItem *) a);
  const FiguresStatisticRow *y = figures_statistic_item_get_row ((FiguresStatisticItem *) b);
  g_autofree char *s = NULL;
  g_autofree char *t = NULL;

  if (column->compare != NULL)
    return column->compare (x, y);
  s = column->text (x);
  t = column->text (y);
  return g_utf8_collate (s != NULL ? s : "", t != NULL ? t : "");
}

static void
add_columns (FiguresStatisticsView *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      const Column *column = &columns[i];
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr (GtkColumnViewColumn) view_column = NULL;
      g_autoptr (GtkSorter) sorter = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), (gpointer) column);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), (gpointer) column);
      view_column =
        gtk_column_view_column_new (column->title[0] != '\0' ? _ (column->title) : "", factory);
      sorter = GTK_SORTER (gtk_custom_sorter_new (sort_cb, (gpointer) column, NULL));
      gtk_column_view_column_set_sorter (view_column, sorter);
      gtk_column_view_column_set_resizable (view_column, TRUE);
      gtk_column_view_column_set_expand (view_column, column->expand);
      gtk_column_view_append_column (self->column_view, view_column);
    }
}

/* ---- filters ---- */

static void search_changed_cb (FiguresStatisticsView *self);

static gboolean
contains (const char *haystack, const char *needle)
{
  g_autofree char *folded = NULL;

  if (haystack == NULL)
    return FALSE;
  folded = g_utf8_casefold (haystack, -1);
  return strstr (folded, needle) != NULL;
}

static gboolean
filter_cb (gpointer item, gpointer user_data)
{
  FiguresStatisticsView *self = user_data;
  const FiguresStatisticRow *row = figures_statistic_item_get_row (item);
  const FiguresStatistic *statistic = row->statistic;

  if (self->metric != NULL &&
      g_strcmp0 (figures_metric_to_key (statistic->metric), self->metric) != 0)
    return FALSE;
  if (self->city != NULL && g_strcmp0 (statistic->city, self->city) != 0)
    return FALSE;
  if (self->label != NULL && g_strcmp0 (statistic->label, self->label) != 0)
    return FALSE;
  /* a figure of no known year is outside every bounded range */
  if (self->year_from > 0 && statistic->year < self->year_from)
    return FALSE;
  if (self->year_to > 0 && (statistic->year == 0 || statistic->year > self->year_to))
    return FALSE;
  if (self->search != NULL && self->search[0] != '\0')
    return contains (statistic->label, self->search) ||
           contains (statistic->evidence, self->search) || contains (row->title, self->search) ||
           contains (statistic->city, self->search) || contains (statistic->place, self->search);
  return TRUE;
}

static void
update_count (FiguresStatisticsView *self)
{
  guint shown;
  g_autofree char *text = NULL;

  /* items-changed may come while the template is disposed */
  if (self->count_label == NULL)
    return;
  shown = g_list_model_get_n_items (G_LIST_MODEL (self->sort_model));
  text =
    /* Translators: the Statistics view's count of the figures shown */
    g_strdup_printf (ngettext ("%u figure", "%u figures", shown), shown);

  gtk_label_set_text (self->count_label, text);
}

static void
refilter (FiguresStatisticsView *self)
{
  /* the dropdowns get their models before the table has its own */
  if (self->filter == NULL)
    return;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_count (self);
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
  refilter (self);
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
  refilter (self);
}

static void
search_changed_cb (FiguresStatisticsView *self)
{
  g_free (self->search);
  self->search = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), -1);
  refilter (self);
}

static int
collate_names (gconstpointer a, gconstpointer b)
{
  return g_utf8_collate (*(const char *const *) a, *(const char *const *) b);
}

static int
compare_years (gconstpointer a, gconstpointer b)
{
  return atoi (*(const char *const *) a) - atoi (*(const char *const *) b);
}

/* Refills @list with @names (sorted by @compare, after @all), keeping what
 * @dropdown had chosen when it is still there. */
static void
fill_choices (FiguresStatisticsView *self,
              GtkDropDown *dropdown,
              GtkStringList *list,
              GPtrArray *names,
              GCompareFunc compare,
              const char *all)
{
  g_autofree char *chosen = dup_chosen (dropdown, list);
  g_autoptr (GPtrArray) entries = g_ptr_array_sized_new (names->len + 2);

  g_ptr_array_sort (names, compare);
  g_ptr_array_add (entries, (gpointer) all);
  g_ptr_array_extend (entries, names, NULL, NULL);
  g_ptr_array_add (entries, NULL);
  self->updating_choices = TRUE;
  gtk_string_list_splice (list, 0, g_list_model_get_n_items (G_LIST_MODEL (list)),
                          (const char *const *) entries->pdata);
  choose (dropdown, list, chosen);
  self->updating_choices = FALSE;
}

/* The dropdowns list the cities, labels and years of the rows read. */
static void
fill_dropdowns (FiguresStatisticsView *self, GPtrArray *rows)
{
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, NULL);
  g_autoptr (GPtrArray) cities = g_ptr_array_new ();
  g_autoptr (GPtrArray) labels = g_ptr_array_new ();
  g_autoptr (GPtrArray) years = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GHashTable) seen_years = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < rows->len; i++)
    {
      FiguresStatistic *statistic =
        ((FiguresStatisticRow *) g_ptr_array_index (rows, i))->statistic;

      /* a label and a city may be the same text: two tables */
      if (statistic->city != NULL && !g_hash_table_contains (seen, statistic->city))
        {
          g_hash_table_add (seen, statistic->city);
          g_ptr_array_add (cities, statistic->city);
        }
      if (statistic->year > 0 && g_hash_table_add (seen_years, GINT_TO_POINTER (statistic->year)))
        g_ptr_array_add (years, g_strdup_printf ("%d", statistic->year));
    }
  g_hash_table_remove_all (seen);
  for (guint i = 0; i < rows->len; i++)
    {
      FiguresStatistic *statistic =
        ((FiguresStatisticRow *) g_ptr_array_index (rows, i))->statistic;

      if (statistic->label != NULL && statistic->label[0] != '\0' &&
          g_hash_table_add (seen, statistic->label))
        g_ptr_array_add (labels, statistic->label);
    }
  fill_choices (self, self->city_dropdown, self->cities, cities, collate_names, _ ("All Cities"));
  fill_choices (self, self->label_dropdown, self->labels, labels, collate_names, _ ("All Labels"));
  /* the two year lists share one model */
  {
    g_autofree char *to = dup_chosen (self->year_to_dropdown, self->years);

    fill_choices (self, self->year_from_dropdown, self->years, years, compare_years,
                  _ ("Any Year"));
    self->updating_choices = TRUE;
    choose (self->year_to_dropdown, self->years, to);
    self->updating_choices = FALSE;
  }
  choice_selected_cb (self);
}

/* ---- loading ---- */

static void
loaded_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (FiguresStatisticsView) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows =
    figures_library_list_statistics_finish (FIGURES_LIBRARY (object), result, &error);
  g_autoptr (GPtrArray) items = NULL;

  if (rows == NULL)
    {
      if (!figures_worker_error_is_cancelled (error))
        gtk_widget_activate_action (GTK_WIDGET (self), "win.show-message", "s", error->message);
      return;
    }

  fill_dropdowns (self, rows);
  items = g_ptr_array_new_full (rows->len, g_object_unref);
  /* the items take the rows */
  g_ptr_array_set_free_func (rows, NULL);
  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_add (items, figures_statistic_item_new (g_ptr_array_index (rows, i)));
  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       items->pdata, items->len);
  update_count (self);
  g_signal_emit (self, signals[SIGNAL_LOADED], 0);
}

void
figures_statistics_view_reload (FiguresStatisticsView *self)
{
  g_return_if_fail (FIGURES_IS_STATISTICS_VIEW (self));

  if (self->library == NULL)
    return;
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();
  figures_library_list_statistics_async (self->library, NULL, NULL, 0, self->load_cancellable,
                                         loaded_cb, g_object_ref (self));
}

static void
library_reset_cb (FiguresStatisticsView *self)
{
  g_cancellable_cancel (self->load_cancellable);
  g_list_store_remove_all (self->store);
  update_count (self);
}

static void
library_changed_cb (FiguresStatisticsView *self, gboolean finished)
{
  /* as Charts: an empty table fills while indexing, a full one waits */
  if (finished || g_list_model_get_n_items (G_LIST_MODEL (self->store)) == 0)
    figures_statistics_view_reload (self);
}

void
figures_statistics_view_set_library (FiguresStatisticsView *self, FiguresLibrary *library)
{
  g_return_if_fail (FIGURES_IS_STATISTICS_VIEW (self));
  g_return_if_fail (FIGURES_IS_LIBRARY (library));
  g_return_if_fail (self->library == NULL);

  self->library = g_object_ref (library);
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
  return G_LIST_MODEL (self->sort_model);
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

/* The selected items, in the order shown. */
static GPtrArray *
selected_items (FiguresStatisticsView *self)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GtkBitset) selected =
    gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  GtkBitsetIter iter;
  guint position;

  for (gboolean ok = gtk_bitset_iter_init_first (&iter, selected, &position); ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (self->selection), position));
  return items;
}

char *
figures_statistics_view_dup_selected_tsv (FiguresStatisticsView *self)
{
  g_autoptr (GPtrArray) items = NULL;
  g_autofree char *header = NULL;
  GString *out;

  g_return_val_if_fail (FIGURES_IS_STATISTICS_VIEW (self), NULL);

  items = selected_items (self);
  if (items->len == 0)
    return NULL;
  /* the statistic columns as everywhere, then where the figure is from */
  header = g_strjoinv ("\t", (char **) figures_statistic_columns);
  out = g_string_new (header);
  g_string_append (out, "\tcitation\n");
  for (guint i = 0; i < items->len; i++)
    {
      const FiguresStatisticRow *row = figures_statistic_item_get_row (items->pdata[i]);
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
copy_action (GtkWidget *widget, const char *name, GVariant *param)
{
  FiguresStatisticsView *self = FIGURES_STATISTICS_VIEW (widget);
  g_autofree char *tsv = figures_statistics_view_dup_selected_tsv (self);

  if (tsv != NULL)
    gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), tsv);
}

static void
activate_cb (FiguresStatisticsView *self, guint position)
{
  g_autoptr (FiguresStatisticItem) item =
    g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  const FiguresStatisticRow *row;

  if (item == NULL)
    return;
  row = figures_statistic_item_get_row (item);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.open-document", "(xu)", row->document_id,
                              row->statistic->start);
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

/* Records one correction of each selected figure. */
static void
correct_selected (FiguresStatisticsView *self,
                  FiguresCorrectionAction action,
                  FiguresCorrectionField field,
                  const char *new_value,
                  gboolean undo)
{
  g_autoptr (GPtrArray) items = selected_items (self);

  if (self->library == NULL)
    return;
  for (guint i = 0; i < items->len; i++)
    {
      const FiguresStatisticRow *row = figures_statistic_item_get_row (items->pdata[i]);
      g_autoptr (FiguresCorrection) correction = figures_correction_new ();

      correction->hash = g_strdup (row->hash);
      correction->file = g_strdup (row->path);
      correction->start = row->statistic->start;
      correction->action = action;
      correction->field = field;
      correction->old_value = figures_correction_field_dup_value (field, row->statistic);
      correction->new_value = g_strdup (new_value);
      figures_library_correct_async (self->library, correction, undo, self->cancellable,
                                     corrected_cb, g_object_ref (self));
    }
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

static void
change_action (GtkWidget *widget, const char *name, GVariant *param)
{
  FiguresStatisticsView *self = FIGURES_STATISTICS_VIEW (widget);
  g_autoptr (GPtrArray) items = selected_items (self);
  const char *key = g_variant_get_string (param, NULL);
  const ChangeField *change = NULL;
  const FiguresStatisticRow *row;
  GtkWidget *dialog, *child;
  GtkRoot *root = gtk_widget_get_root (widget);
  FiguresCorrectionField field;

  if (items->len == 0 || !figures_correction_field_from_key (key, &field))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (change_fields); i++)
    if (change_fields[i].field == field)
      change = &change_fields[i];
  if (change == NULL)
    return;
  row = figures_statistic_item_get_row (items->pdata[0]);
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
  g_free (self->metric);
  g_free (self->city);
  g_free (self->label);
  g_free (self->search);
  G_OBJECT_CLASS (figures_statistics_view_parent_class)->finalize (object);
}

static void
figures_statistics_view_class_init (FiguresStatisticsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = figures_statistics_view_dispose;
  object_class->finalize = figures_statistics_view_finalize;

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
  self->store = g_list_store_new (FIGURES_TYPE_STATISTIC_ITEM);
  self->filter = gtk_custom_filter_new (filter_cb, self, NULL);
  self->filter_model =
    gtk_filter_list_model_new (G_LIST_MODEL (self->store), GTK_FILTER (self->filter));
  self->sort_model =
    gtk_sort_list_model_new (G_LIST_MODEL (self->filter_model),
                             g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->selection = gtk_multi_selection_new (G_LIST_MODEL (self->sort_model));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "selection-changed", G_CALLBACK (selection_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sort_model, "items-changed", G_CALLBACK (update_count), self,
                           G_CONNECT_SWAPPED);
  selection_changed_cb (self);
  update_count (self);
}
