/* figures-chart-view.c: a chart of the index, or cities compared side by side
 *
 * Rows are aggregated on a worker thread into a FiguresChartData; the
 * layout is computed on the main thread when the data or the size changes
 * and kept, so drawing, tooltips and clicks all read the same rectangles.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "figures-chart-view"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "figures-chart-view-private.h"
#include "figures-figure-actions.h"
#include "figures-csv.h"
#include "figures-library.h"
#include "figures-list-row.h"
#include "figures-worker.h"

#define MIN_CITIES 2
#define MAX_CITIES 12

G_DEFINE_FINAL_TYPE (FiguresChartView, figures_chart_view, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_COMPARE,
  N_PROPS
};

enum
{
  SIGNAL_DATA_CHANGED,
  SIGNAL_MENTIONS_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

FiguresChartTheme
figures_gui_get_chart_theme (void)
{
  /* The style manager knows the real dark state (the desktop's preference
   * or the app's own), unlike the theme's name. */
  if (adw_style_manager_get_dark (adw_style_manager_get_default ()))
    return FIGURES_CHART_THEME_DARK;
  return FIGURES_CHART_THEME_LIGHT;
}

const char *
_figures_chart_view_get_metric (FiguresChartView *self)
{
  guint position = gtk_drop_down_get_selected (self->metric_dropdown);

  if (position == GTK_INVALID_LIST_POSITION || position >= FIGURES_N_METRICS)
    position = FIGURES_METRIC_TRAINEES;
  return figures_metric_to_key (position);
}

static FiguresAggregate
selected_aggregate (FiguresChartView *self)
{
  switch (gtk_drop_down_get_selected (self->aggregate_dropdown))
    {
      case 1:
        return FIGURES_AGGREGATE_SUM;
      case 2:
        return FIGURES_AGGREGATE_COUNT;
      default:
        return FIGURES_AGGREGATE_MAX;
    }
}

/* ---- loading ---- */

static void
set_data (FiguresChartView *self, FiguresChartData *data)
{
  g_clear_pointer (&self->data, figures_chart_data_unref);
  g_clear_pointer (&self->layout, figures_chart_layout_unref);
  self->data = data;
  self->focus_mark = -1;
  if (self->labels == NULL)
    _figures_chart_view_sync_labels (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->drawing_area));
  g_signal_emit (self, signals[SIGNAL_DATA_CHANGED], 0);
}

static void
load_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (FiguresChartView) self = user_data;
  g_autoptr (GError) error = NULL;
  FiguresChartData *data =
    figures_library_chart_data_finish (FIGURES_LIBRARY (object), result, &error);

  /* A newer load cancelled this one: its answer is an error. */
  if (data == NULL)
    {
      if (!figures_worker_error_is_cancelled (error))
        g_warning ("Could not read the chart's statistics: %s", error->message);
      return;
    }

  set_data (self, data);
}

static gpointer
cities_job (FiguresIndex *index, gpointer data, GCancellable *cancellable, GError **error)
{
  return figures_index_list_cities (index, NULL, error);
}

static void
cities_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  FiguresChartView *self = FIGURES_CHART_VIEW (object);
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) cities = figures_worker_finish (result, &error);

  if (cities == NULL)
    {
      if (!figures_worker_error_is_cancelled (error))
        g_warning ("Could not list cities: %s", error->message);
      return;
    }

  gtk_string_list_splice (self->all_cities, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->all_cities)),
                          (const char *const *) cities);
}

static void
update_hint (FiguresChartView *self)
{
  guint n = self->cities->len - 1;

  if (self->compare && n < MIN_CITIES)
    {
      gtk_label_set_text (self->hint_label,
                          _ ("Choose two to twelve cities under Cities to compare them."));
      gtk_widget_set_visible (GTK_WIDGET (self->hint_label), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->hint_label), FALSE);
}

/* What the view shows, asked as `figures chart` asks: Compare is every
 * metric of the chosen cities, Charts one metric of every city, by city
 * or by year. @metrics: storage for one metric. */
static void
fill_request (FiguresChartView *self, FiguresChartRequest *request, const char **metrics)
{
  request->kind = self->compare   ? FIGURES_CHART_COMPARE
                  : self->by_year ? FIGURES_CHART_YEARS
                                  : FIGURES_CHART_BARS;
  request->metrics = self->compare ? NULL : metrics;
  request->cities = self->compare ? (const char *const *) self->cities->pdata : NULL;
  request->aggregate = selected_aggregate (self);
  request->year_from = self->year_from;
  request->year_to = self->year_to;
  request->labels = (const char *const *) self->labels;
  request->exact = self->exact;
  request->scale = self->scale;
  request->title = self->title;
  request->subtitle = self->subtitle;
}

void
figures_chart_view_reload (FiguresChartView *self)
{
  g_return_if_fail (FIGURES_IS_CHART_VIEW (self));

  if (self->library == NULL)
    return;

  /* A hidden view reads the index when it is shown, not before: at start
   * the aggregates would compete with the list the user sees. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->reload_pending = TRUE;
      return;
    }
  self->reload_pending = FALSE;

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();

  update_hint (self);
  _figures_chart_view_read_choices (self);
  if (self->compare)
    figures_worker_run (self, figures_library_get_index_path (self->library), cities_job, NULL,
                        NULL, (GDestroyNotify) g_strfreev, self->cancellable, cities_cb, NULL);

  if (self->compare && self->cities->len - 1 < MIN_CITIES)
    {
      set_data (self, NULL);
      return;
    }

  {
    const char *metrics[2] = { _figures_chart_view_get_metric (self), NULL };
    FiguresChartRequest request = { 0 };

    fill_request (self, &request, metrics);
    figures_library_chart_data_async (self->library, &request, self->load_cancellable, load_cb,
                                      g_object_ref (self));
  }
}

void
_figures_chart_view_clear_mentions (FiguresChartView *self)
{
  g_cancellable_cancel (self->mentions_cancellable);
  g_list_store_remove_all (self->mentions_store);
  gtk_label_set_text (self->mentions_label, _ ("Click a bar to list the mentions behind it."));
  g_signal_emit (self, signals[SIGNAL_MENTIONS_CHANGED], 0);
}

static void
options_changed_cb (FiguresChartView *self)
{
  self->by_year = !self->compare && gtk_drop_down_get_selected (self->by_dropdown) == 1;
  _figures_chart_view_update_labels_button (self);
  if (self->setting_up || self->settings == NULL)
    return;

  if (!self->compare)
    {
      g_settings_set_string (self->settings, "chart-metric", _figures_chart_view_get_metric (self));
      g_settings_set_boolean (self->settings, "chart-by-year", self->by_year);
    }
  g_settings_set_enum (self->settings, "chart-aggregation", (int) selected_aggregate (self));
  /* The mentions listed belong to a bar of the old chart. */
  _figures_chart_view_clear_mentions (self);
  figures_chart_view_reload (self);
}

/* ---- drawing ---- */

static FiguresChartLayout *
ensure_layout (FiguresChartView *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self->drawing_area));
  int height = gtk_widget_get_height (GTK_WIDGET (self->drawing_area));
  FiguresChartTheme theme = figures_gui_get_chart_theme ();

  if (self->data == NULL || width < 160 || height < 120)
    return NULL;

  if (self->layout != NULL && (int) figures_chart_layout_get_width (self->layout) == width &&
      (int) figures_chart_layout_get_height (self->layout) == height && self->layout_theme == theme)
    return self->layout;

  g_clear_pointer (&self->layout, figures_chart_layout_unref);
  self->layout = figures_chart_layout_new (self->data, width, height, theme,
                                           gtk_widget_get_scale_factor (GTK_WIDGET (self)));
  self->layout_theme = theme;
  return self->layout;
}

static void
draw_cb (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer user_data)
{
  FiguresChartView *self = user_data;
  FiguresChartLayout *layout = ensure_layout (self);
  FiguresChartMark mark;

  if (layout == NULL)
    return;

  figures_chart_layout_draw (layout, cr);

  /* The bar chosen with the keyboard. */
  if (self->focus_mark >= 0 && gtk_widget_has_focus (GTK_WIDGET (area)) &&
      figures_chart_layout_get_mark (layout, self->focus_mark, &mark))
    {
      const FiguresChartPalette *palette = figures_chart_palette_get (self->layout_theme);

      cairo_set_source_rgba (cr, palette->foreground.red, palette->foreground.green,
                             palette->foreground.blue, 0.8);
      cairo_set_line_width (cr, 2);
      cairo_rectangle (cr, mark.rect.x - 2, mark.rect.y - 2, mark.rect.width + 4,
                       mark.rect.height + 4);
      cairo_stroke (cr);
    }
}

static void
resize_cb (FiguresChartView *self)
{
  /* The layout is remade at the next draw, for the new size. */
  g_clear_pointer (&self->layout, figures_chart_layout_unref);
}

static void
theme_changed_cb (FiguresChartView *self)
{
  g_clear_pointer (&self->layout, figures_chart_layout_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self->drawing_area));
}

/* The exact value with thousands grouped: "42,000", "1,234.5". */
static char *
mark_description (const FiguresChartMark *mark)
{
  FiguresNumberStyle style = figures_number_style_from_locale ();
  g_autofree char *exact = figures_format_digits (mark->value);
  g_autofree char *counts = NULL;
  g_autofree char *mentions = NULL;
  g_autofree char *reports = NULL;

  mentions =
    g_strdup_printf (ngettext ("%u mention", "%u mentions", mark->mentions), mark->mentions);
  reports =
    g_strdup_printf (ngettext ("%u report", "%u reports", mark->documents), mark->documents);
  /* Translators: "9 mentions in 2 reports" */
  counts = g_strdup_printf (_ ("%s in %s"), mentions, reports);
  return g_strdup_printf ("%s · %s\n%s (%s %s)\n%s", mark->city ? mark->city : "",
                          figures_format_metric_name (mark->metric, style), mark->label, exact,
                          mark->unit ? figures_format_unit_name (mark->unit, style) : "", counts);
}

static gboolean
query_tooltip_cb (FiguresChartView *self, int x, int y, gboolean keyboard, GtkTooltip *tooltip)
{
  FiguresChartLayout *layout = ensure_layout (self);
  FiguresChartMark mark;
  g_autofree char *text = NULL;

  if (layout == NULL)
    return FALSE;

  if (keyboard)
    {
      if (self->focus_mark < 0 || !figures_chart_layout_get_mark (layout, self->focus_mark, &mark))
        return FALSE;
    }
  else if (!figures_chart_layout_hit_test (layout, x, y, &mark) ||
           (mark.kind != FIGURES_CHART_MARK_BAR && mark.kind != FIGURES_CHART_MARK_POINT))
    return FALSE;

  text = mark_description (&mark);
  gtk_tooltip_set_text (tooltip, text);
  gtk_tooltip_set_tip_area (
    tooltip, &(GdkRectangle){ mark.rect.x, mark.rect.y, mark.rect.width, mark.rect.height });
  return TRUE;
}

/* ---- mentions behind a bar ---- */

/* A mention's label shows three lines: the figure must be in the first.
 * The sentence is cut around it, never before it. */
#define SNIPPET_BEFORE 12
#define SNIPPET_AFTER 60

static char *
evidence_markup (const FiguresStatistic *statistic)
{
  const char *evidence = statistic->evidence ? statistic->evidence : "";
  glong n = g_utf8_strlen (evidence, -1);
  guint start = statistic->start >= statistic->evidence_start
                  ? statistic->start - statistic->evidence_start
                  : 0;
  guint end =
    statistic->end >= statistic->evidence_start ? statistic->end - statistic->evidence_start : 0;
  guint from, to;
  const char *f, *a, *b, *t;
  g_autofree char *before = NULL;
  g_autofree char *number = NULL;
  g_autofree char *after = NULL;

  start = MIN (start, (guint) n);
  end = CLAMP (end, start, (guint) n);
  from = start > SNIPPET_BEFORE ? start - SNIPPET_BEFORE : 0;
  to = MIN ((guint) n, end + SNIPPET_AFTER);
  f = g_utf8_offset_to_pointer (evidence, from);
  a = g_utf8_offset_to_pointer (evidence, start);
  b = g_utf8_offset_to_pointer (evidence, end);
  t = g_utf8_offset_to_pointer (evidence, to);
  before = g_markup_escape_text (f, a - f);
  number = g_markup_escape_text (a, b - a);
  after = g_markup_escape_text (b, t - b);
  return g_strdup_printf ("%s%s<b>%s</b>%s%s", from > 0 ? "…" : "", before, number, after,
                          to < (guint) n ? "…" : "");
}

typedef struct
{
  FiguresChartView *view;
  char *title;
} MentionsRequest;

static void
mentions_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  MentionsRequest *request = user_data;
  g_autoptr (FiguresChartView) self = request->view;
  g_autofree char *title = request->title;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows =
    figures_library_list_statistics_finish (FIGURES_LIBRARY (object), result, &error);
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *heading = NULL;
  FiguresNumberStyle style = figures_number_style_from_locale ();

  g_free (request);

  if (rows == NULL)
    {
      if (!figures_worker_error_is_cancelled (error))
        g_warning ("Could not list the mentions: %s", error->message);
      return;
    }

  for (guint i = 0; i < rows->len; i++)
    {
      FiguresStatisticRow *row = g_ptr_array_index (rows, i);
      FiguresStatistic *statistic = row->statistic;
      const char *key = figures_metric_to_key (statistic->metric);
      g_autofree char *unit = figures_format_base_unit (key, statistic->unit);
      g_autofree char *value =
        figures_format_value (figures_decimal_to_double (statistic->value),
                              figures_format_unit_name (unit, style), statistic->approx, style);
      g_autofree char *markup = evidence_markup (statistic);
      FiguresListRow *item = figures_list_row_new (value, row->title, markup, NULL);

      figures_list_row_set_target (item, row->document_id, statistic->start, row->path);
      figures_list_row_take_statistic (item, figures_statistic_copy (statistic));
      {
        g_autoptr (GMenuModel) menu = figures_figure_menu_new (row->path, statistic->start);

        figures_list_row_set_menu (item, menu);
      }
      g_ptr_array_add (items, item);
    }

  g_list_store_splice (self->mentions_store, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->mentions_store)), items->pdata,
                       items->len);
  heading =
    g_strdup_printf (ngettext ("%s: %u mention", "%s: %u mentions", rows->len), title, rows->len);
  gtk_label_set_text (self->mentions_label, heading);
  /* Folded, the pane is hidden: show what the click asked for. */
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, TRUE);
  g_signal_emit (self, signals[SIGNAL_MENTIONS_CHANGED], 0);
}

static void
list_mentions (FiguresChartView *self, const FiguresChartMark *mark)
{
  MentionsRequest *request = g_new0 (MentionsRequest, 1);
  FiguresNumberStyle style = figures_number_style_from_locale ();

  request->view = g_object_ref (self);
  request->title = g_strdup_printf ("%s · %s", mark->city ? mark->city : "",
                                    figures_format_metric_name (mark->metric, style));
  g_cancellable_cancel (self->mentions_cancellable);
  g_clear_object (&self->mentions_cancellable);
  self->mentions_cancellable = g_cancellable_new ();
  figures_library_list_statistics_async (self->library, mark, self->mentions_cancellable,
                                         mentions_cb, request);
}

gboolean
figures_chart_view_activate_at (FiguresChartView *self, double x, double y)
{
  FiguresChartLayout *layout;
  FiguresChartMark mark;

  g_return_val_if_fail (FIGURES_IS_CHART_VIEW (self), FALSE);

  layout = ensure_layout (self);
  if (layout == NULL || !figures_chart_layout_hit_test (layout, x, y, &mark) ||
      (mark.kind != FIGURES_CHART_MARK_BAR && mark.kind != FIGURES_CHART_MARK_POINT))
    return FALSE;

  for (guint i = 0; i < figures_chart_layout_get_n_marks (layout); i++)
    {
      FiguresChartMark other;

      if (figures_chart_layout_get_mark (layout, i, &other) && other.rect.x == mark.rect.x &&
          other.rect.y == mark.rect.y)
        self->focus_mark = i;
    }
  gtk_widget_queue_draw (GTK_WIDGET (self->drawing_area));
  list_mentions (self, &mark);
  return TRUE;
}

static void
pressed_cb (GtkGestureClick *gesture, int n_press, double x, double y, FiguresChartView *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->drawing_area));
  figures_chart_view_activate_at (self, x, y);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint keyval,
                guint keycode,
                GdkModifierType state,
                FiguresChartView *self)
{
  FiguresChartLayout *layout = ensure_layout (self);
  guint n = layout ? figures_chart_layout_get_n_marks (layout) : 0;
  FiguresChartMark mark;

  if (n == 0)
    return FALSE;

  switch (keyval)
    {
      case GDK_KEY_Down:
      case GDK_KEY_Right:
        self->focus_mark = self->focus_mark < 0 ? 0 : MIN (self->focus_mark + 1, (int) n - 1);
        break;
      case GDK_KEY_Up:
      case GDK_KEY_Left:
        self->focus_mark = self->focus_mark <= 0 ? 0 : self->focus_mark - 1;
        break;
      case GDK_KEY_Return:
      case GDK_KEY_KP_Enter:
      case GDK_KEY_space:
        if (self->focus_mark >= 0 &&
            figures_chart_layout_get_mark (layout, self->focus_mark, &mark))
          list_mentions (self, &mark);
        return TRUE;
      default:
        return FALSE;
    }

  gtk_widget_queue_draw (GTK_WIDGET (self->drawing_area));
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self->drawing_area));
  return TRUE;
}

static void
mention_activate_cb (FiguresChartView *self, guint position)
{
  g_autoptr (FiguresListRow) row =
    g_list_model_get_item (G_LIST_MODEL (self->mentions_store), position);

  if (row == NULL)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "win.open-document", "(xu)",
                              (gint64) figures_list_row_get_document_id (row),
                              (guint32) figures_list_row_get_offset (row));
}

/* ---- cities (compare) ---- */

static gboolean
is_chosen (FiguresChartView *self, const char *city)
{
  return g_strv_contains ((const char *const *) self->cities->pdata, city);
}

static void rebuild_chips (FiguresChartView *self);

static void
cities_changed (FiguresChartView *self)
{
  rebuild_chips (self);
  if (self->settings != NULL && !self->setting_up)
    g_settings_set_strv (self->settings, "compare-cities",
                         (const char *const *) self->cities->pdata);
  /* Check boxes follow the chosen set. */
  self->syncing_checks = TRUE;
  for (guint i = 0; i < self->city_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->city_checks, i);
      const char *city = g_object_get_data (G_OBJECT (check), "city");

      if (city != NULL)
        gtk_check_button_set_active (check, is_chosen (self, city));
    }
  self->syncing_checks = FALSE;
  figures_chart_view_reload (self);
}

static void
toggle_city (FiguresChartView *self, const char *city, gboolean chosen)
{
  if (chosen == is_chosen (self, city))
    return;

  if (chosen)
    {
      if (self->cities->len - 1 >= MAX_CITIES)
        {
          gtk_widget_activate_action (GTK_WIDGET (self), "win.show-message", "s",
                                      _ ("At most twelve cities can be compared at once."));
          cities_changed (self);
          return;
        }
      g_ptr_array_insert (self->cities, self->cities->len - 1, g_strdup (city));
    }
  else
    for (guint i = 0; i + 1 < self->cities->len; i++)
      if (g_strcmp0 (g_ptr_array_index (self->cities, i), city) == 0)
        {
          g_ptr_array_remove_index (self->cities, i);
          break;
        }

  cities_changed (self);
}

void
figures_chart_view_set_cities (FiguresChartView *self, const char *const *cities)
{
  g_return_if_fail (FIGURES_IS_CHART_VIEW (self));

  g_ptr_array_set_size (self->cities, 0);
  for (guint i = 0; cities != NULL && cities[i] != NULL && i < MAX_CITIES; i++)
    /* Not yet NULL-terminated here: no g_strv_contains (). */
    if (!g_ptr_array_find_with_equal_func (self->cities, cities[i], g_str_equal, NULL))
      g_ptr_array_add (self->cities, g_strdup (cities[i]));
  g_ptr_array_add (self->cities, NULL);
  cities_changed (self);
}

const char *const *
figures_chart_view_get_cities (FiguresChartView *self)
{
  g_return_val_if_fail (FIGURES_IS_CHART_VIEW (self), NULL);
  return (const char *const *) self->cities->pdata;
}

static void
chip_remove_cb (GtkButton *button, FiguresChartView *self)
{
  const char *city = g_object_get_data (G_OBJECT (button), "city");

  toggle_city (self, city, FALSE);
}

static void
rebuild_chips (FiguresChartView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->chips_box))) != NULL)
    gtk_flow_box_remove (self->chips_box, child);

  for (guint i = 0; i + 1 < self->cities->len; i++)
    {
      const char *city = g_ptr_array_index (self->cities, i);
      GtkWidget *chip = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
      GtkWidget *button = gtk_button_new_from_icon_name ("window-close-symbolic");
      g_autofree char *tooltip = g_strdup_printf (_ ("Remove %s"), city);

      gtk_widget_add_css_class (chip, "chip");
      gtk_box_append (GTK_BOX (chip), gtk_label_new (city));
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_add_css_class (button, "circular");
      gtk_widget_set_tooltip_text (button, tooltip);
      g_object_set_data_full (G_OBJECT (button), "city", g_strdup (city), g_free);
      g_signal_connect_object (button, "clicked", G_CALLBACK (chip_remove_cb), self, 0);
      gtk_box_append (GTK_BOX (chip), button);
      gtk_flow_box_append (self->chips_box, chip);
    }
}

static void
city_toggled_cb (GtkCheckButton *check, FiguresChartView *self)
{
  const char *city = g_object_get_data (G_OBJECT (check), "city");

  if (city != NULL && !self->syncing_checks)
    toggle_city (self, city, gtk_check_button_get_active (check));
}

static void
city_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, FiguresChartView *self)
{
  GtkWidget *check = gtk_check_button_new ();

  gtk_widget_set_margin_start (check, 6);
  g_signal_connect_object (check, "toggled", G_CALLBACK (city_toggled_cb), self, 0);
  gtk_list_item_set_child (item, check);
  gtk_list_item_set_activatable (item, FALSE);
}

static void
city_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, FiguresChartView *self)
{
  GtkCheckButton *check = GTK_CHECK_BUTTON (gtk_list_item_get_child (item));
  const char *city = gtk_string_object_get_string (gtk_list_item_get_item (item));

  g_object_set_data (G_OBJECT (check), "city", NULL);
  gtk_check_button_set_label (check, city);
  gtk_check_button_set_active (check, is_chosen (self, city));
  g_object_set_data_full (G_OBJECT (check), "city", g_strdup (city), g_free);
  g_ptr_array_add (self->city_checks, check);
}

static void
city_unbind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, FiguresChartView *self)
{
  GtkWidget *check = gtk_list_item_get_child (item);

  g_ptr_array_remove (self->city_checks, check);
  g_object_set_data (G_OBJECT (check), "city", NULL);
}

static void
city_filter_changed_cb (FiguresChartView *self)
{
  gtk_string_filter_set_search (self->city_filter,
                                gtk_editable_get_text (GTK_EDITABLE (self->city_filter_entry)));
}

/* ---- public ---- */

void
figures_chart_view_set_metric (FiguresChartView *self, const char *metric_key)
{
  FiguresMetric metric;

  g_return_if_fail (FIGURES_IS_CHART_VIEW (self));

  if (figures_metric_from_key (metric_key, &metric))
    gtk_drop_down_set_selected (self->metric_dropdown, metric);
}

gboolean
figures_chart_view_get_compare (FiguresChartView *self)
{
  g_return_val_if_fail (FIGURES_IS_CHART_VIEW (self), FALSE);
  return self->compare;
}

FiguresChartData *
figures_chart_view_get_data (FiguresChartView *self)
{
  g_return_val_if_fail (FIGURES_IS_CHART_VIEW (self), NULL);
  return self->data;
}

FiguresChartLayout *
figures_chart_view_get_layout (FiguresChartView *self)
{
  g_return_val_if_fail (FIGURES_IS_CHART_VIEW (self), NULL);
  return ensure_layout (self);
}

GListModel *
figures_chart_view_get_mentions (FiguresChartView *self)
{
  g_return_val_if_fail (FIGURES_IS_CHART_VIEW (self), NULL);
  return G_LIST_MODEL (self->mentions_store);
}

GtkWidget *
figures_chart_view_get_drawing_area (FiguresChartView *self)
{
  g_return_val_if_fail (FIGURES_IS_CHART_VIEW (self), NULL);
  return GTK_WIDGET (self->drawing_area);
}

void
figures_chart_view_export_csv (FiguresChartView *self, GFile *file)
{
  const char *metrics[2] = { NULL, NULL };
  FiguresStatisticsFilter filter = { 0 };

  g_return_if_fail (FIGURES_IS_CHART_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));

  /* the statistics of the chart: its cities or metric, and its years; the
   * labels of Other when picked (Compare's other metrics have none) */
  metrics[0] = _figures_chart_view_get_metric (self);
  filter.cities = self->compare ? (const char *const *) self->cities->pdata : NULL;
  filter.metrics = self->compare ? NULL : metrics;
  filter.year_from = self->year_from;
  filter.year_to = self->year_to;
  if (!self->compare && self->labels != NULL &&
      strcmp (metrics[0], figures_metric_to_key (FIGURES_METRIC_OTHER)) == 0)
    filter.labels = (const char *const *) self->labels;
  figures_csv_export_async (self, figures_library_get_index_path (self->library), &filter, file,
                            self->cancellable, figures_csv_export_done_cb, g_object_ref (file));
}

/* The library's reports changed identity: nothing shown may stay. */
static void
library_reset_cb (FiguresChartView *self)
{
  g_cancellable_cancel (self->load_cancellable);
  g_clear_pointer (&self->choices_scope, g_free);
  set_data (self, NULL);
  _figures_chart_view_clear_mentions (self);
  gtk_string_list_splice (self->all_cities, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->all_cities)), NULL);
  if (self->compare)
    figures_chart_view_set_cities (self, NULL);
}

static void
library_changed_cb (FiguresChartView *self, gboolean finished)
{
  /* While the index is built, an empty chart fills in; a full one waits
   * for the end rather than re-aggregate every few hundred reports. */
  if (finished || self->data == NULL)
    {
      /* the years and labels offered may have changed too */
      g_clear_pointer (&self->choices_scope, g_free);
      figures_chart_view_reload (self);
    }
}

void
figures_chart_view_set_library (FiguresChartView *self, FiguresLibrary *library)
{
  g_return_if_fail (FIGURES_IS_CHART_VIEW (self));
  g_return_if_fail (FIGURES_IS_LIBRARY (library));
  g_return_if_fail (self->library == NULL);

  self->library = g_object_ref (library);
  g_signal_connect_object (library, "reset", G_CALLBACK (library_reset_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (library, "changed", G_CALLBACK (library_changed_cb), self,
                           G_CONNECT_SWAPPED);
  figures_chart_view_reload (self);
}

void
figures_chart_view_setup (FiguresChartView *self, GSettings *settings)
{
  g_return_if_fail (FIGURES_IS_CHART_VIEW (self));

  g_set_object (&self->settings, settings);

  self->setting_up = TRUE;
  figures_chart_view_set_metric (self, g_settings_get_string (settings, "chart-metric"));
  if (!self->compare)
    figures_chart_view_set_by_year (self, g_settings_get_boolean (settings, "chart-by-year"));
  switch (g_settings_get_enum (settings, "chart-aggregation"))
    {
      case FIGURES_AGGREGATE_SUM:
        gtk_drop_down_set_selected (self->aggregate_dropdown, 1);
        break;
      case FIGURES_AGGREGATE_COUNT:
        gtk_drop_down_set_selected (self->aggregate_dropdown, 2);
        break;
      default:
        gtk_drop_down_set_selected (self->aggregate_dropdown, 0);
    }
  if (self->compare)
    {
      g_auto (GStrv) cities = g_settings_get_strv (settings, "compare-cities");
      figures_chart_view_set_cities (self, (const char *const *) cities);
    }
  self->setting_up = FALSE;
  _figures_chart_view_setup_options (self, settings);
}

/* ---- GObject ---- */

static void
figures_chart_view_set_property (GObject *object,
                                 guint prop_id,
                                 const GValue *value,
                                 GParamSpec *pspec)
{
  FiguresChartView *self = FIGURES_CHART_VIEW (object);

  switch (prop_id)
    {
      case PROP_COMPARE:
        self->compare = g_value_get_boolean (value);
        gtk_widget_set_visible (GTK_WIDGET (self->metric_dropdown), !self->compare);
        gtk_widget_set_visible (GTK_WIDGET (self->chips_box), self->compare);
        gtk_widget_set_visible (self->cities_button, self->compare);
        /* Compare is by city: the years are a range */
        gtk_widget_set_visible (GTK_WIDGET (self->by_dropdown), !self->compare);
        _figures_chart_view_update_labels_button (self);
        update_hint (self);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
figures_chart_view_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  FiguresChartView *self = FIGURES_CHART_VIEW (object);

  switch (prop_id)
    {
      case PROP_COMPARE:
        g_value_set_boolean (value, self->compare);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
figures_chart_view_map (GtkWidget *widget)
{
  FiguresChartView *self = FIGURES_CHART_VIEW (widget);

  GTK_WIDGET_CLASS (figures_chart_view_parent_class)->map (widget);
  if (self->reload_pending)
    figures_chart_view_reload (self);
}

static void
figures_chart_view_dispose (GObject *object)
{
  FiguresChartView *self = FIGURES_CHART_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->load_cancellable);
  g_cancellable_cancel (self->mentions_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), FIGURES_TYPE_CHART_VIEW);
  g_clear_object (&self->settings);
  g_clear_object (&self->library);
  g_clear_object (&self->all_cities);
  g_clear_pointer (&self->layout, figures_chart_layout_unref);
  g_clear_pointer (&self->data, figures_chart_data_unref);

  G_OBJECT_CLASS (figures_chart_view_parent_class)->dispose (object);
}

static void
figures_chart_view_finalize (GObject *object)
{
  FiguresChartView *self = FIGURES_CHART_VIEW (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->mentions_cancellable);
  g_clear_pointer (&self->cities, g_ptr_array_unref);
  g_clear_pointer (&self->city_checks, g_ptr_array_unref);
  g_clear_pointer (&self->labels, g_strfreev);
  g_free (self->choices_scope);
  g_free (self->title);
  g_free (self->subtitle);

  G_OBJECT_CLASS (figures_chart_view_parent_class)->finalize (object);
}

static void
figures_chart_view_class_init (FiguresChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = figures_chart_view_dispose;
  object_class->finalize = figures_chart_view_finalize;
  object_class->set_property = figures_chart_view_set_property;
  object_class->get_property = figures_chart_view_get_property;
  widget_class->map = figures_chart_view_map;

  properties[PROP_COMPARE] =
    g_param_spec_boolean ("compare", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted when new chart data is shown. */
  signals[SIGNAL_DATA_CHANGED] =
    g_signal_new ("data-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
  /* Emitted when the mentions behind a bar have been listed. */
  signals[SIGNAL_MENTIONS_CHANGED] =
    g_signal_new ("mentions-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 0);

  g_type_ensure (FIGURES_TYPE_LIST_ROW);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/figures-chart-view.ui");
  gtk_widget_class_bind_template_child (widget_class, FiguresChartView, flap);
  gtk_widget_class_bind_template_child (widget_class, FiguresChartView, metric_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FiguresChartView, metric_model);
  gtk_widget_class_bind_template_child (widget_class, FiguresChartView, aggregate_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FiguresChartView, chips_box);
  gtk_widget_class_bind_template_child (widget_class, FiguresChartView, drawing_area);
  gtk_widget_class_bind_template_child (widget_class, FiguresChartView, hint_label);
  gtk_widget_class_bind_template_child (widget_class, FiguresChartView, cities_button);
  gtk_widget_class_bind_template_child (widget_class, FiguresChartView, city_filter_entry);
  gtk_widget_class_bind_template_child (widget_class, FiguresChartView, cities_list);
  gtk_widget_class_bind_template_child (widget_class, FiguresChartView, mentions_label);
  gtk_widget_class_bind_template_child (widget_class, FiguresChartView, mentions_store);
  gtk_widget_class_bind_template_callback (widget_class, options_changed_cb);
  _figures_chart_view_options_class_init (widget_class);
  gtk_widget_class_bind_template_callback (widget_class, query_tooltip_cb);
  gtk_widget_class_bind_template_callback (widget_class, resize_cb);
  gtk_widget_class_bind_template_callback (widget_class, city_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, mention_activate_cb);
}

static void
figures_chart_view_init (FiguresChartView *self)
{
  FiguresNumberStyle style = figures_number_style_from_locale ();
  GtkListItemFactory *factory;
  GtkFilterListModel *filtered;
  GtkGesture *click;
  GtkEventController *keys;

  self->cancellable = g_cancellable_new ();
  self->cities = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->cities, NULL);
  self->city_checks = g_ptr_array_new ();
  self->focus_mark = -1;

  self->setting_up = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint m = 0; m < FIGURES_N_METRICS; m++)
    gtk_string_list_append (self->metric_model,
                            figures_format_metric_name (figures_metric_to_key (m), style));
  gtk_drop_down_set_selected (self->metric_dropdown, FIGURES_METRIC_TRAINEES);
  gtk_widget_set_visible (GTK_WIDGET (self->chips_box), FALSE);
  gtk_string_list_append (self->years_model, _ ("Any Year"));
  self->setting_up = FALSE;

  gtk_drawing_area_set_draw_func (self->drawing_area, draw_cb, self, NULL);

  click = gtk_gesture_click_new ();
  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->drawing_area), GTK_EVENT_CONTROLLER (click));
  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->drawing_area), keys);

  self->all_cities = gtk_string_list_new (NULL);
  self->city_filter =
    gtk_string_filter_new (gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->all_cities)),
                                        GTK_FILTER (self->city_filter));
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (city_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (city_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (city_unbind_cb), self);
  gtk_list_view_set_model (self->cities_list,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (filtered))));
  gtk_list_view_set_factory (self->cities_list, factory);
  g_object_unref (factory);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (theme_changed_cb), self, G_CONNECT_SWAPPED);
}
