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

  char *metric; /* filters */
  char *city;
  char *search;
  gboolean updating_cities;

  /* Template widgets */
  GtkColumnView *column_view;
  GtkDropDown *metric_dropdown;
  GtkDropDown *city_dropdown;
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

void
figures_statistics_view_set_city (FiguresStatisticsView *self, const char *city)
{
  guint n;

  g_return_if_fail (FIGURES_IS_STATISTICS_VIEW (self));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->cities));
  for (guint i = 1; city != NULL && i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (self->cities, i), city) == 0)
      {
        gtk_drop_down_set_selected (self->city_dropdown, i);
        return;
      }
  gtk_drop_down_set_selected (self->city_dropdown, 0);
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

static void
city_selected_cb (FiguresStatisticsView *self)
{
  guint selected = gtk_drop_down_get_selected (self->city_dropdown);

  if (self->updating_cities)
    return;
  g_clear_pointer (&self->city, g_free);
  if (selected != GTK_INVALID_LIST_POSITION && selected > 0)
    self->city = g_strdup (gtk_string_list_get_string (self->cities, selected));
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

/* The city dropdown lists the cities of the rows read, keeping the one
 * chosen when it is still there. */
static void
fill_cities (FiguresStatisticsView *self, GPtrArray *rows)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  g_autofree char *chosen = g_strdup (self->city);

  for (guint i = 0; i < rows->len; i++)
    {
      FiguresStatisticRow *row = g_ptr_array_index (rows, i);

      if (row->statistic->city != NULL && g_hash_table_add (seen, row->statistic->city))
        g_ptr_array_add (names, row->statistic->city);
    }
  g_ptr_array_sort (names, collate_names);
  g_ptr_array_insert (names, 0, (gpointer) _ ("All Cities"));
  g_ptr_array_add (names, NULL);

  self->updating_cities = TRUE;
  gtk_string_list_splice (self->cities, 0, g_list_model_get_n_items (G_LIST_MODEL (self->cities)),
                          (const char *const *) names->pdata);
  self->updating_cities = FALSE;
  figures_statistics_view_set_city (self, chosen);
  city_selected_cb (self);
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

  fill_cities (self, rows);
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
      if (field == FIGURES_CORRECTION_FIELD_CITY)
        correction->old_value = g_strdup (row->statistic->city);
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
set_city_action (GtkWidget *widget, const char *name, GVariant *param)
{
  correct_selected (FIGURES_STATISTICS_VIEW (widget), FIGURES_CORRECTION_SET,
                    FIGURES_CORRECTION_FIELD_CITY, g_variant_get_string (param, NULL), FALSE);
}

static void
city_response_cb (AdwMessageDialog *dialog, const char *response, FiguresStatisticsView *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  const char *city = gtk_editable_get_text (entry);

  if (g_strcmp0 (response, "change") == 0 && city[0] != '\0')
    gtk_widget_activate_action (GTK_WIDGET (self), "statistics.set-city", "s", city);
}

static void
change_city_action (GtkWidget *widget, const char *name, GVariant *param)
{
  FiguresStatisticsView *self = FIGURES_STATISTICS_VIEW (widget);
  g_autoptr (GPtrArray) items = selected_items (self);
  GtkWidget *dialog, *entry;
  GtkRoot *root = gtk_widget_get_root (widget);

  if (items->len == 0)
    return;
  dialog =
    adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _ ("Change City"),
                            _ ("The city the selected figures count for."));
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry),
                         figures_statistic_item_get_row (items->pdata[0])->statistic->city ?: "");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"), "change",
                                    _ ("_Change"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "change",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "change");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (city_response_cb), self, 0);
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
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "statistics.change-city", any);
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
  gtk_widget_class_bind_template_child (widget_class, FiguresStatisticsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, FiguresStatisticsView, count_label);
  gtk_widget_class_bind_template_callback (widget_class, metric_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, city_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);

  gtk_widget_class_install_action (widget_class, "statistics.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "statistics.confirm", NULL, confirm_action);
  gtk_widget_class_install_action (widget_class, "statistics.reject", NULL, reject_action);
  gtk_widget_class_install_action (widget_class, "statistics.change-city", NULL,
                                   change_city_action);
  gtk_widget_class_install_action (widget_class, "statistics.set-city", "s", set_city_action);
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
