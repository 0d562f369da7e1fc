/* figures-chart-view-options.c: the years a chart shows, the labels of
 * other figures it charts, and how it reads (the Options popover)
 *
 * The years and labels change what is read, so the chart is read again;
 * values, scale, title and subtitle change only how it is laid out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "figures-chart-view"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "figures-chart-view-private.h"
#include "figures-worker.h"

/* The year a year dropdown has chosen; 0 for "Any Year" */
static int
chosen_year (GtkDropDown *dropdown, GtkStringList *years)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (selected == GTK_INVALID_LIST_POSITION || selected == 0)
    return 0;
  return atoi (gtk_string_list_get_string (years, selected));
}

static void
choose_year (GtkDropDown *dropdown, GtkStringList *years, int year)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (years));

  for (guint i = 1; year > 0 && i < n; i++)
    if (atoi (gtk_string_list_get_string (years, i)) == year)
      {
        gtk_drop_down_set_selected (dropdown, i);
        return;
      }
  gtk_drop_down_set_selected (dropdown, 0);
}

static void
years_changed_cb (FiguresChartView *self)
{
  int from, to;

  if (self->setting_up)
    return;
  from = chosen_year (self->year_from_dropdown, self->years_model);
  to = chosen_year (self->year_to_dropdown, self->years_model);
  if (from == self->year_from && to == self->year_to)
    return;
  self->year_from = from;
  self->year_to = to;
  _figures_chart_view_clear_mentions (self);
  figures_chart_view_reload (self);
}

void
figures_chart_view_set_years (FiguresChartView *self, int from, int to)
{
  g_return_if_fail (FIGURES_IS_CHART_VIEW (self));

  self->setting_up = TRUE;
  choose_year (self->year_from_dropdown, self->years_model, from);
  choose_year (self->year_to_dropdown, self->years_model, to);
  self->setting_up = FALSE;
  years_changed_cb (self);
}

void
figures_chart_view_set_by_year (FiguresChartView *self, gboolean by_year)
{
  g_return_if_fail (FIGURES_IS_CHART_VIEW (self));
  gtk_drop_down_set_selected (self->by_dropdown, by_year ? 1 : 0);
}

/* Both dropdowns list the years of the index, keeping what they chose */
static void
fill_years (FiguresChartView *self, GStrv years)
{
  g_autoptr (GPtrArray) entries = g_ptr_array_new ();

  g_ptr_array_add (entries, (gpointer) _ ("Any Year"));
  for (guint i = 0; years[i] != NULL; i++)
    g_ptr_array_add (entries, years[i]);
  g_ptr_array_add (entries, NULL);
  self->setting_up = TRUE;
  gtk_string_list_splice (self->years_model, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->years_model)),
                          (const char *const *) entries->pdata);
  choose_year (self->year_from_dropdown, self->years_model, self->year_from);
  choose_year (self->year_to_dropdown, self->years_model, self->year_to);
  self->setting_up = FALSE;
  /* a year no longer in the index is open again */
  years_changed_cb (self);
}

void
_figures_chart_view_update_labels_button (FiguresChartView *self)
{
  gboolean other = self->compare || strcmp (_figures_chart_view_get_metric (self),
                                            figures_metric_to_key (FIGURES_METRIC_OTHER)) == 0;

  gtk_widget_set_visible (GTK_WIDGET (self->labels_button), other);
}

static void
label_toggled_cb (FiguresChartView *self)
{
  g_autoptr (GStrvBuilder) chosen = g_strv_builder_new ();

  if (self->syncing_labels)
    return;
  for (GtkWidget *check = gtk_widget_get_first_child (GTK_WIDGET (self->labels_box)); check != NULL;
       check = gtk_widget_get_next_sibling (check))
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)))
      g_strv_builder_add (chosen, g_object_get_data (G_OBJECT (check), "label"));
  g_strfreev (self->labels);
  self->labels = g_strv_builder_end (chosen);
  _figures_chart_view_clear_mentions (self);
  figures_chart_view_reload (self);
}

/* The checks say which labels the chart shows: the chosen ones, or the
 * ones it took when none were chosen */
void
_figures_chart_view_sync_labels (FiguresChartView *self)
{
  self->syncing_labels = TRUE;
  for (GtkWidget *check = gtk_widget_get_first_child (GTK_WIDGET (self->labels_box)); check != NULL;
       check = gtk_widget_get_next_sibling (check))
    {
      const char *label = g_object_get_data (G_OBJECT (check), "label");
      g_autofree char *key = g_strconcat (FIGURES_OTHER_LABEL_PREFIX, label, NULL);
      gboolean shown = FALSE;

      if (self->labels != NULL)
        shown = g_strv_contains ((const char *const *) self->labels, label);
      else if (self->data != NULL)
        shown = figures_chart_data_has_metric (self->data, key);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), shown);
    }
  self->syncing_labels = FALSE;
}

/* "示范单位 (个) · 7": what @label counts, its unit and its mentions */
static void
show_count (GtkWidget *check, const char *label, guint n)
{
  const char *space = strrchr (label, ' ');
  g_autofree char *text =
    space != NULL && space > label
      ? g_strdup_printf ("%.*s (%s) · %u", (int) (space - label), label, space + 1, n)
      : g_strdup_printf ("%s · %u", label, n);
  g_autofree char *tooltip = g_strdup_printf (ngettext ("%u mention", "%u mentions", n), n);

  gtk_check_button_set_label (GTK_CHECK_BUTTON (check), text);
  gtk_widget_set_tooltip_text (check, tooltip);
}

static void
fill_labels (FiguresChartView *self, GStrv labels, GHashTable *counts)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->labels_box));
  guint i = 0;

  /* the same labels: the checks stay as the user left them, their counts
   * those of the chart's years */
  for (; child != NULL && labels[i] != NULL; child = gtk_widget_get_next_sibling (child), i++)
    if (g_strcmp0 (g_object_get_data (G_OBJECT (child), "label"), labels[i]) != 0)
      break;
  if (child == NULL && labels[i] == NULL)
    {
      i = 0;
      for (child = gtk_widget_get_first_child (GTK_WIDGET (self->labels_box)); child != NULL;
           child = gtk_widget_get_next_sibling (child), i++)
        show_count (child, labels[i], GPOINTER_TO_UINT (g_hash_table_lookup (counts, labels[i])));
      return;
    }
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->labels_box))) != NULL)
    gtk_box_remove (self->labels_box, child);
  for (i = 0; labels[i] != NULL; i++)
    {
      GtkWidget *check = gtk_check_button_new ();

      show_count (check, labels[i], GPOINTER_TO_UINT (g_hash_table_lookup (counts, labels[i])));
      g_object_set_data_full (G_OBJECT (check), "label", g_strdup (labels[i]), g_free);
      gtk_widget_set_margin_start (check, 6);
      gtk_widget_set_margin_end (check, 6);
      g_signal_connect_object (check, "toggled", G_CALLBACK (label_toggled_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_box_append (self->labels_box, check);
    }
  _figures_chart_view_sync_labels (self);
}

/* What the dropdowns and the Labels popover offer */
typedef struct
{
  GStrv years;
  GStrv labels;       /* of other, the most mentioned first */
  GHashTable *counts; /* label → mentions in the index */
} Choices;

static void
choices_free (Choices *choices)
{
  g_strfreev (choices->years);
  g_strfreev (choices->labels);
  g_clear_pointer (&choices->counts, g_hash_table_unref);
  g_free (choices);
}

/* the most mentioned first, as the chart takes them */
static int
compare_by_count (gconstpointer a, gconstpointer b, gpointer user_data)
{
  GHashTable *counts = user_data;
  const char *x = *(const char *const *) a, *y = *(const char *const *) b;
  guint nx = GPOINTER_TO_UINT (g_hash_table_lookup (counts, x));
  guint ny = GPOINTER_TO_UINT (g_hash_table_lookup (counts, y));

  if (nx != ny)
    return nx > ny ? -1 : 1;
  return strcmp (x, y);
}

/* Where the labels' mentions are counted: the chart's years and cities */
typedef struct
{
  int year_from;
  int year_to;
  GStrv cities; /* NULL: all */
} Scope;

static void
scope_free (Scope *scope)
{
  g_strfreev (scope->cities);
  g_free (scope);
}

static gpointer
choices_job (FiguresIndex *index, gpointer data, GCancellable *cancellable, GError **error)
{
  const Scope *scope = data;
  Choices *choices = g_new0 (Choices, 1);

  if ((choices->years = figures_index_list_years (index, NULL, error)) == NULL ||
      (choices->labels = figures_index_list_labels (
         index, figures_metric_to_key (FIGURES_METRIC_OTHER), error)) == NULL)
    {
      choices_free (choices);
      return NULL;
    }
  /* how many mentions each has where the chart looks, to list them as it
   * picks them */
  {
    const char *other[] = { figures_metric_to_key (FIGURES_METRIC_OTHER), NULL };
    FiguresStatisticsFilter filter = {
      .metrics = other,
      .cities = (const char *const *) scope->cities,
      .year_from = scope->year_from,
      .year_to = scope->year_to,
    };
    g_autoptr (GPtrArray) rows =
      figures_index_aggregate (index, &filter, FIGURES_GROUP_BY_OTHER_LABEL, error);

    if (rows == NULL)
      {
        choices_free (choices);
        return NULL;
      }
    choices->counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    for (guint i = 0; i < rows->len; i++)
      {
        FiguresAggregateRow *row = g_ptr_array_index (rows, i);
        const char *label = figures_metric_key_get_label (row->metric);

        if (label != NULL)
          g_hash_table_insert (
            choices->counts, g_strdup (label),
            GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (choices->counts, label)) +
                              row->mentions));
      }
    g_qsort_with_data (choices->labels, g_strv_length (choices->labels), sizeof (char *),
                       compare_by_count, choices->counts);
  }
  return choices;
}

static void
choices_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  FiguresChartView *self = FIGURES_CHART_VIEW (object);
  g_autoptr (GError) error = NULL;
  Choices *choices = figures_worker_finish (result, &error);

  if (choices == NULL)
    {
      if (!figures_worker_error_is_cancelled (error))
        g_warning ("Could not list the years and labels: %s", error->message);
      return;
    }
  fill_years (self, choices->years);
  fill_labels (self, choices->labels, choices->counts);
  choices_free (choices);
}

/* Values, scale, title and subtitle change how the chart reads, not what
 * it shows: the data is laid out again, not read again */
static void
apply_display (FiguresChartView *self)
{
  FiguresChartData *data;

  if (self->data == NULL)
    return;
  /* the Export window's worker may be drawing the data shown: change a copy */
  data = figures_chart_data_copy (self->data);
  figures_chart_data_unref (self->data);
  self->data = data;
  figures_chart_data_set_exact_values (self->data, self->exact);
  figures_chart_data_set_scale (self->data, self->scale);
  figures_chart_data_set_title (self->data, self->title);
  figures_chart_data_set_subtitle (self->data, self->subtitle);
  g_clear_pointer (&self->layout, figures_chart_layout_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self->drawing_area));
}

static void
display_changed_cb (FiguresChartView *self)
{
  self->exact = gtk_drop_down_get_selected (self->values_dropdown) == 1;
  /* the dropdown lists the scales in FiguresChartScale's order */
  self->scale = gtk_drop_down_get_selected (self->scale_dropdown);
  if (self->scale > FIGURES_CHART_SCALE_BROKEN)
    self->scale = FIGURES_CHART_SCALE_LINEAR;
  if (!self->setting_up && self->settings != NULL)
    {
      g_settings_set_enum (self->settings, "chart-values", self->exact ? 1 : 0);
      g_settings_set_enum (self->settings, "chart-scale", (int) self->scale);
    }
  apply_display (self);
}

static char *
dup_entry_text (GtkEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  return text[0] != '\0' ? g_strdup (text) : NULL;
}

static void
titles_changed_cb (FiguresChartView *self)
{
  g_free (self->title);
  self->title = dup_entry_text (self->title_entry);
  g_free (self->subtitle);
  self->subtitle = dup_entry_text (self->subtitle_entry);
  apply_display (self);
}

void
figures_chart_view_set_display (FiguresChartView *self,
                                gboolean exact,
                                FiguresChartScale scale,
                                const char *title,
                                const char *subtitle)
{
  g_return_if_fail (FIGURES_IS_CHART_VIEW (self));

  gtk_drop_down_set_selected (self->values_dropdown, exact ? 1 : 0);
  gtk_drop_down_set_selected (self->scale_dropdown, scale);
  gtk_editable_set_text (GTK_EDITABLE (self->title_entry), title != NULL ? title : "");
  gtk_editable_set_text (GTK_EDITABLE (self->subtitle_entry), subtitle != NULL ? subtitle : "");
}

void
figures_chart_view_set_labels (FiguresChartView *self, const char *const *labels)
{
  g_return_if_fail (FIGURES_IS_CHART_VIEW (self));

  g_strfreev (self->labels);
  self->labels = g_strdupv ((char **) labels);
  _figures_chart_view_sync_labels (self);
  _figures_chart_view_clear_mentions (self);
  figures_chart_view_reload (self);
}

static void
options_action (GtkWidget *widget, const char *name, GVariant *param)
{
  gtk_menu_button_popup (FIGURES_CHART_VIEW (widget)->options_button);
}

void
_figures_chart_view_read_choices (FiguresChartView *self)
{
  Scope *scope;
  g_autofree char *cities =
    self->compare ? g_strjoinv ("\x1f", (char **) self->cities->pdata) : NULL;
  g_autofree char *key =
    g_strdup_printf ("%d\x1f%d\x1f%s", self->year_from, self->year_to, cities ? cities : "");

  /* a reload for another metric, aggregation or option asks the same */
  if (g_strcmp0 (key, self->choices_scope) == 0)
    return;
  g_free (self->choices_scope);
  self->choices_scope = g_steal_pointer (&key);
  scope = g_new0 (Scope, 1);

  scope->year_from = self->year_from;
  scope->year_to = self->year_to;
  if (self->compare)
    scope->cities = g_strdupv ((char **) self->cities->pdata);
  figures_worker_run (self, figures_library_get_index_path (self->library), choices_job, scope,
                      (GDestroyNotify) scope_free, (GDestroyNotify) choices_free, self->cancellable,
                      choices_cb, NULL);
}

void
_figures_chart_view_setup_options (FiguresChartView *self, GSettings *settings)
{
  self->setting_up = TRUE;
  gtk_drop_down_set_selected (self->values_dropdown,
                              g_settings_get_enum (settings, "chart-values"));
  gtk_drop_down_set_selected (self->scale_dropdown, g_settings_get_enum (settings, "chart-scale"));
  self->setting_up = FALSE;
  display_changed_cb (self);
}

void
_figures_chart_view_options_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, FiguresChartView, by_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FiguresChartView, year_from_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FiguresChartView, year_to_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FiguresChartView, years_model);
  gtk_widget_class_bind_template_child (widget_class, FiguresChartView, labels_button);
  gtk_widget_class_bind_template_child (widget_class, FiguresChartView, labels_box);
  gtk_widget_class_bind_template_child (widget_class, FiguresChartView, options_button);
  gtk_widget_class_bind_template_child (widget_class, FiguresChartView, values_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FiguresChartView, scale_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FiguresChartView, title_entry);
  gtk_widget_class_bind_template_child (widget_class, FiguresChartView, subtitle_entry);
  gtk_widget_class_bind_template_callback (widget_class, years_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, display_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, titles_changed_cb);
  gtk_widget_class_install_action (widget_class, "chart.options", NULL, options_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_ALT_MASK, "chart.options",
                                       NULL);
}
