/* figures-reader.c: one report, its search hits and statistics highlighted
 *
 * Offsets from the index are code points into the display text; a
 * GtkTextBuffer counts characters the same way, so they map directly to
 * iters. Each statistic gets a tag in its metric's chart colour.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "figures-reader"

#include "config.h"

#include <glib/gi18n.h>

#include "figures-chart-palette.h"
#include "figures-chart-view.h"
#include "figures-format.h"
#include "figures-list-row.h"
#include "figures-query.h"
#include "figures-figure-actions.h"
#include "figures-extractor.h"
#include "figures-reader.h"
#include "figures-report.h"
#include "figures-worker.h"

/* ---- a text view that keeps a comfortable line length ---- */

#define FIGURES_TYPE_TEXT_VIEW (figures_text_view_get_type ())
G_DECLARE_FINAL_TYPE (FiguresTextView, figures_text_view, FIGURES, TEXT_VIEW, GtkTextView)

struct _FiguresTextView
{
  GtkTextView parent_instance;

  GArray *page_starts; /* guint: where each page of a PDF starts */
};

G_DEFINE_FINAL_TYPE (FiguresTextView, figures_text_view, GTK_TYPE_TEXT_VIEW)

/* About 40 CJK characters a line at the reader's font size. */
#define MAX_TEXT_WIDTH 720
#define MIN_MARGIN 24

static void
figures_text_view_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  int margin = MAX (MIN_MARGIN, (width - MAX_TEXT_WIDTH) / 2);
  GtkTextView *view = GTK_TEXT_VIEW (widget);

  if (gtk_text_view_get_left_margin (view) != margin)
    {
      gtk_text_view_set_left_margin (view, margin);
      gtk_text_view_set_right_margin (view, margin);
    }

  GTK_WIDGET_CLASS (figures_text_view_parent_class)
    ->size_allocate (widget, width, height, baseline);
}

#define PAGE_GAP 28

/* A rule and the page's number above the first line of each page after the
 * first: drawn, not inserted, so that offsets into the text stay as they are */
static void
figures_text_view_snapshot_layer (GtkTextView *view, GtkTextViewLayer layer, GtkSnapshot *snapshot)
{
  FiguresTextView *self = (FiguresTextView *) view;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GdkRectangle visible;
  GdkRGBA color;

  if (layer != GTK_TEXT_VIEW_LAYER_ABOVE_TEXT || self->page_starts->len < 2)
    return;
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (view)), &color);
  color.alpha *= 0.45;
  gtk_text_view_get_visible_rect (view, &visible);
  for (guint p = 1; p < self->page_starts->len; p++)
    {
      GtkTextIter iter;
      int y, height;
      g_autofree char *label = NULL;
      g_autoptr (PangoLayout) layout = NULL;
      int label_width, label_height;
      int left = gtk_text_view_get_left_margin (view);
      int right = visible.x + visible.width - gtk_text_view_get_right_margin (view);

      gtk_text_buffer_get_iter_at_offset (buffer, &iter,
                                          g_array_index (self->page_starts, guint, p));
      /* a page that starts within a paragraph run over from the one
       * before has no gap of its own: the paragraph's marker stands */
      if (!gtk_text_iter_starts_line (&iter))
        continue;
      /* the line's range includes the gap above it */
      gtk_text_view_get_line_yrange (view, &iter, &y, &height);
      if (y + height < visible.y || y > visible.y + visible.height)
        continue;
      /* Translators: the page marker in the reader */
      label = g_strdup_printf (_ ("Page %u"), p + 1);
      layout = gtk_widget_create_pango_layout (GTK_WIDGET (view), label);
      {
        PangoAttrList *attrs = pango_attr_list_new ();

        pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
        pango_layout_set_attributes (layout, attrs);
        pango_attr_list_unref (attrs);
      }
      pango_layout_get_pixel_size (layout, &label_width, &label_height);
      right -= 4;
      gtk_snapshot_append_color (
        snapshot, &color,
        &GRAPHENE_RECT_INIT (left, y + PAGE_GAP / 2, MAX (0, right - left - label_width - 8), 1));
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (
        snapshot, &GRAPHENE_POINT_INIT (right - label_width, y + PAGE_GAP / 2 - label_height / 2));
      gtk_snapshot_append_layout (snapshot, layout, &color);
      gtk_snapshot_restore (snapshot);
    }
}

static void
figures_text_view_finalize (GObject *object)
{
  g_array_unref (((FiguresTextView *) object)->page_starts);
  G_OBJECT_CLASS (figures_text_view_parent_class)->finalize (object);
}

static void
figures_text_view_class_init (FiguresTextViewClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = figures_text_view_finalize;
  GTK_WIDGET_CLASS (klass)->size_allocate = figures_text_view_size_allocate;
  GTK_TEXT_VIEW_CLASS (klass)->snapshot_layer = figures_text_view_snapshot_layer;
}

/* Marks where pages start (@n_pages offsets, NULL for none), leaving room
 * above each for its marker. */
static void
figures_text_view_set_pages (FiguresTextView *self, const guint *page_starts, guint n_pages)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextTag *tag =
    gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "page-start");

  if (tag == NULL)
    tag = gtk_text_buffer_create_tag (buffer, "page-start", "pixels-above-lines", PAGE_GAP, NULL);
  g_array_set_size (self->page_starts, 0);
  if (page_starts != NULL)
    g_array_append_vals (self->page_starts, page_starts, n_pages);
  for (guint p = 1; p < self->page_starts->len; p++)
    {
      GtkTextIter start, end;

      gtk_text_buffer_get_iter_at_offset (buffer, &start,
                                          g_array_index (self->page_starts, guint, p));
      end = start;
      gtk_text_iter_forward_to_line_end (&end);
      gtk_text_buffer_apply_tag (buffer, tag, &start, &end);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
figures_text_view_init (FiguresTextView *self)
{
  self->page_starts = g_array_new (FALSE, FALSE, sizeof (guint));
}

/* ---- the reader ---- */

struct _FiguresReader
{
  GtkWidget parent_instance;

  char *index_path;
  GCancellable *cancellable;
  gint64 document_id;
  char *path; /* the report's file, for Open Original */
  char *title; /* the report's, as Correct Report… shows them */
  char *date;
  char *city;
  guint load_generation;

  GArray *hits; /* FiguresRange */
  int current_hit;
  GPtrArray *statistics; /* FiguresStatistic*, by offset */
  GtkPopover *popover;
  GtkLabel *popover_label;
  GtkWidget *popover_buttons; /* figures_figure_actions[], in order */

  GtkStack *stack;
  GtkLabel *title_label;
  GtkLabel *meta_label;
  GtkWidget *hit_box;
  GtkLabel *hit_label;
  GtkTextView *text_view;
  GtkLabel *stats_label;
  GListStore *stats_store;
};

G_DEFINE_FINAL_TYPE (FiguresReader, figures_reader, GTK_TYPE_WIDGET)

enum
{
  SIGNAL_LOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  gint64 document_id;
  char *query;
} LoadRequest;

typedef struct
{
  FiguresDocumentInfo *info;
  char *text;
  GPtrArray *rows; /* FiguresStatisticRow* */
  GArray *matches; /* FiguresRange */
} LoadResult;

static void
load_request_free (LoadRequest *request)
{
  g_free (request->query);
  g_free (request);
}

static void
load_result_free (LoadResult *result)
{
  g_clear_pointer (&result->info, figures_document_info_free);
  g_free (result->text);
  g_clear_pointer (&result->rows, g_ptr_array_unref);
  g_clear_pointer (&result->matches, g_array_unref);
  g_free (result);
}

static gpointer
load_job (FiguresIndex *index, gpointer data, GCancellable *cancellable, GError **error)
{
  LoadRequest *request = data;
  LoadResult *result = g_new0 (LoadResult, 1);
  FiguresStatisticsFilter filter = { NULL, NULL, request->document_id, 0 };

  result->info = figures_index_get_document (index, request->document_id, error);
  if (result->info == NULL)
    goto failed;
  result->text = figures_index_dup_document_text (index, request->document_id, error);
  if (result->text == NULL)
    goto failed;
  result->rows = figures_index_list_statistics (index, &filter, error);
  if (result->rows == NULL)
    goto failed;

  if (request->query != NULL && request->query[0] != '\0')
    {
      g_autoptr (FiguresQuery) query = figures_query_parse (request->query);

      if (query != NULL && !figures_query_is_empty (query))
        result->matches = figures_query_find_matches (query, result->text);
    }
  if (result->matches == NULL)
    result->matches = g_array_new (FALSE, FALSE, sizeof (FiguresRange));

  return result;

failed:
  load_result_free (result);
  return NULL;
}

static void
update_hit_label (FiguresReader *self)
{
  g_autofree char *text = NULL;

  gtk_widget_set_visible (self->hit_box, self->hits->len > 0);
  if (self->hits->len == 0)
    return;

  if (self->current_hit < 0)
    text = g_strdup_printf (ngettext ("%u match", "%u matches", self->hits->len), self->hits->len);
  else
    /* Translators: the current search match of all in the report */
    text = g_strdup_printf (_ ("%d of %u"), self->current_hit + 1, self->hits->len);
  gtk_label_set_text (self->hit_label, text);
}

static void
scroll_to_offset (FiguresReader *self, guint start, guint end)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start_iter;
  GtkTextMark *mark;

  gtk_text_buffer_get_iter_at_offset (buffer, &start_iter, start);
  mark = gtk_text_buffer_get_mark (buffer, "target");
  if (mark == NULL)
    mark = gtk_text_buffer_create_mark (buffer, "target", &start_iter, TRUE);
  else
    gtk_text_buffer_move_mark (buffer, mark, &start_iter);
  gtk_text_buffer_place_cursor (buffer, &start_iter);
  gtk_text_view_scroll_to_mark (self->text_view, mark, 0.05, TRUE, 0.0, 0.3);
}

static void
show_current_hit (FiguresReader *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;
  FiguresRange *range;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag_by_name (buffer, "current-hit", &start, &end);

  if (self->current_hit < 0 || (guint) self->current_hit >= self->hits->len)
    return;

  range = &g_array_index (self->hits, FiguresRange, self->current_hit);
  gtk_text_buffer_get_iter_at_offset (buffer, &start, range->start);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, range->end);
  gtk_text_buffer_apply_tag_by_name (buffer, "current-hit", &start, &end);

  {
    GtkTextMark *mark = gtk_text_buffer_get_mark (buffer, "target");

    if (mark == NULL)
      mark = gtk_text_buffer_create_mark (buffer, "target", &start, TRUE);
    else
      gtk_text_buffer_move_mark (buffer, mark, &start);
    gtk_text_buffer_place_cursor (buffer, &start);
    gtk_text_view_scroll_to_mark (self->text_view, mark, 0.05, TRUE, 0.0, 0.3);
  }
  update_hit_label (self);
}

void
figures_reader_move_hit (FiguresReader *self, gboolean forward)
{
  g_return_if_fail (FIGURES_IS_READER (self));

  if (self->hits->len == 0)
    return;

  if (self->current_hit < 0)
    self->current_hit = forward ? 0 : (int) self->hits->len - 1;
  else if (forward)
    self->current_hit = (self->current_hit + 1) % self->hits->len;
  else
    self->current_hit = (self->current_hit + self->hits->len - 1) % self->hits->len;

  show_current_hit (self);
}

static void
setup_tags (FiguresReader *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);
  FiguresChartTheme theme = figures_gui_get_chart_theme ();
  gboolean dark = theme == FIGURES_CHART_THEME_DARK;

  for (guint m = 0; m < FIGURES_N_METRICS; m++)
    {
      g_autofree char *name = g_strdup_printf ("metric-%u", m);
      FiguresChartColor c = figures_chart_palette_get_series (theme, m);
      GdkRGBA background = { c.red, c.green, c.blue, dark ? 0.38 : 0.24 };
      GdkRGBA underline = { c.red, c.green, c.blue, 1.0 };
      GtkTextTag *tag = gtk_text_tag_table_lookup (table, name);

      if (tag == NULL)
        tag = gtk_text_buffer_create_tag (buffer, name, NULL);
      g_object_set (tag, "background-rgba", &background, "underline", PANGO_UNDERLINE_SINGLE,
                    "underline-rgba", &underline, NULL);
    }

  if (gtk_text_tag_table_lookup (table, "search-hit") == NULL)
    gtk_text_buffer_create_tag (buffer, "search-hit", "weight", PANGO_WEIGHT_BOLD, NULL);
  if (gtk_text_tag_table_lookup (table, "current-hit") == NULL)
    gtk_text_buffer_create_tag (buffer, "current-hit", NULL);
  if (gtk_text_tag_table_lookup (table, "evidence") == NULL)
    gtk_text_buffer_create_tag (buffer, "evidence", NULL);

  {
    GdkRGBA hit = dark ? (GdkRGBA){ 0.80, 0.62, 0.0, 0.55 } : (GdkRGBA){ 1.0, 0.85, 0.2, 0.75 };
    GdkRGBA current = dark ? (GdkRGBA){ 0.95, 0.55, 0.1, 0.85 } : (GdkRGBA){ 1.0, 0.6, 0.1, 0.9 };
    GdkRGBA evidence = dark ? (GdkRGBA){ 1, 1, 1, 0.08 } : (GdkRGBA){ 0, 0, 0, 0.05 };

    g_object_set (gtk_text_tag_table_lookup (table, "search-hit"), "background-rgba", &hit, NULL);
    g_object_set (gtk_text_tag_table_lookup (table, "current-hit"), "background-rgba", &current,
                  NULL);
    g_object_set (gtk_text_tag_table_lookup (table, "evidence"), "paragraph-background-rgba",
                  &evidence, NULL);
  }
  /* Search hits stay visible over statistics. */
  gtk_text_tag_set_priority (gtk_text_tag_table_lookup (table, "search-hit"),
                             gtk_text_tag_table_get_size (table) - 1);
  gtk_text_tag_set_priority (gtk_text_tag_table_lookup (table, "current-hit"),
                             gtk_text_tag_table_get_size (table) - 1);
}

static char *
format_statistic_value (const FiguresStatistic *statistic)
{
  const char *key = figures_metric_to_key (statistic->metric);
  g_autofree char *unit = figures_format_base_unit (key, statistic->unit);
  FiguresNumberStyle style = figures_number_style_from_locale ();

  return figures_format_value (figures_decimal_to_double (statistic->value),
                               figures_format_unit_name (unit, style), statistic->approx, style);
}

static void
load_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  FiguresReader *self = FIGURES_READER (object);
  g_autoptr (GError) error = NULL;
  LoadResult *loaded = figures_worker_finish (result, &error);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  FiguresNumberStyle style = figures_number_style_from_locale ();
  g_autofree char *meta = NULL;
  g_autofree char *stats_text = NULL;
  guint offset = GPOINTER_TO_UINT (user_data);
  GtkTextIter start, end;

  if (loaded == NULL)
    {
      if (!figures_worker_error_is_cancelled (error))
        {
          g_warning ("Could not open the report: %s", error->message);
          gtk_stack_set_visible_child_name (self->stack, "empty");
        }
      return;
    }

  self->document_id = loaded->info->id;
  g_free (self->path);
  self->path = g_strdup (loaded->info->path);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reader.open-original", TRUE);
  gtk_label_set_text (self->title_label, loaded->info->title);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reader.correct-report", TRUE);
  g_free (self->title);
  self->title = g_strdup (loaded->info->title);
  g_free (self->date);
  self->date = g_strdup (loaded->info->date);
  g_free (self->city);
  self->city = g_strdup (loaded->info->city);
  if (loaded->info->page_count > 0)
    {
      g_autofree char *pages = g_strdup_printf (
        ngettext ("%u page", "%u pages", loaded->info->page_count), loaded->info->page_count);

      meta = g_strdup_printf ("%s · %s · %s%s · %s",
                              loaded->info->city ? loaded->info->city : _ ("No city"),
                              loaded->info->date ? loaded->info->date : _ ("Undated"), pages,
                              loaded->info->ocr_pages > 0 ? " · OCR" : "", loaded->info->path);
    }
  else
    meta =
      g_strdup_printf ("%s · %s · %s", loaded->info->city ? loaded->info->city : _ ("No city"),
                       loaded->info->date ? loaded->info->date : _ ("Undated"), loaded->info->path);
  if (loaded->info->corrected)
    {
      /* Translators: the reader's line about a report whose title, date or
       * city the analyst corrected */
      g_autofree char *marked = g_strdup_printf (_ ("✎ Corrected · %s"), meta);

      g_free (meta);
      meta = g_steal_pointer (&marked);
    }
  gtk_label_set_text (self->meta_label, meta);

  setup_tags (self);
  gtk_text_buffer_set_text (buffer, loaded->text, -1);
  figures_text_view_set_pages ((FiguresTextView *) self->text_view, loaded->info->page_starts,
                               loaded->info->page_count);

  g_ptr_array_set_size (self->statistics, 0);
  g_list_store_remove_all (self->stats_store);
  for (guint i = 0; i < loaded->rows->len; i++)
    {
      FiguresStatisticRow *row = g_ptr_array_index (loaded->rows, i);
      FiguresStatistic *statistic = row->statistic;
      g_autofree char *tag = g_strdup_printf ("metric-%u", (guint) statistic->metric);
      g_autofree char *dot = g_strdup_printf ("metric-dot-%u", (guint) statistic->metric);
      g_autofree char *value = format_statistic_value (statistic);
      const char *metric =
        figures_format_metric_name (figures_metric_to_key (statistic->metric), style);
      g_autofree char *subtitle = NULL;
      const char *classes[] = { "metric-dot", dot, NULL };
      g_autoptr (FiguresListRow) item = NULL;

      gtk_text_buffer_get_iter_at_offset (buffer, &start, statistic->start);
      gtk_text_buffer_get_iter_at_offset (buffer, &end, statistic->end);
      gtk_text_buffer_apply_tag_by_name (buffer, tag, &start, &end);

      subtitle =
        g_strdup_printf ("%s · %s", metric, statistic->place ? statistic->place : statistic->city);
      item = figures_list_row_new (value, subtitle, NULL, statistic->evidence);
      figures_list_row_set_classes (item, classes);
      figures_list_row_set_target (item, self->document_id, statistic->start, NULL);
      figures_list_row_take_statistic (item, figures_statistic_copy (statistic));
      g_list_store_append (self->stats_store, item);
      g_ptr_array_add (self->statistics, figures_statistic_copy (statistic));
    }

  stats_text = g_strdup_printf (ngettext ("%u Statistic", "%u Statistics", loaded->rows->len),
                                loaded->rows->len);
  gtk_label_set_text (self->stats_label, stats_text);

  g_array_set_size (self->hits, 0);
  g_array_append_vals (self->hits, loaded->matches->data, loaded->matches->len);
  for (guint i = 0; i < self->hits->len; i++)
    {
      FiguresRange *range = &g_array_index (self->hits, FiguresRange, i);

      gtk_text_buffer_get_iter_at_offset (buffer, &start, range->start);
      gtk_text_buffer_get_iter_at_offset (buffer, &end, range->end);
      gtk_text_buffer_apply_tag_by_name (buffer, "search-hit", &start, &end);
    }

  gtk_stack_set_visible_child_name (self->stack, "document");

  self->current_hit = -1;
  if (offset == G_MAXUINT && self->hits->len > 0)
    {
      self->current_hit = 0;
      show_current_hit (self);
    }
  else
    {
      /* The first match at or after the offset becomes the current one. */
      if (offset != G_MAXUINT)
        for (guint i = 0; i < self->hits->len; i++)
          if (g_array_index (self->hits, FiguresRange, i).end > offset)
            {
              self->current_hit = (int) i - 1;
              break;
            }
      scroll_to_offset (self, offset == G_MAXUINT ? 0 : offset, offset == G_MAXUINT ? 0 : offset);
      update_hit_label (self);
    }

  load_result_free (loaded);
  g_signal_emit (self, signals[SIGNAL_LOADED], 0);
}

void
figures_reader_load (FiguresReader *self, gint64 document_id, guint offset, const char *query)
{
  LoadRequest *request;

  g_return_if_fail (FIGURES_IS_READER (self));
  g_return_if_fail (self->index_path != NULL);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  request = g_new0 (LoadRequest, 1);
  request->document_id = document_id;
  request->query = g_strdup (query);
  figures_worker_run (self, self->index_path, load_job, request, (GDestroyNotify) load_request_free,
                      (GDestroyNotify) load_result_free, self->cancellable, load_cb,
                      GUINT_TO_POINTER (offset));
}

void
figures_reader_clear_hits (FiguresReader *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_if_fail (FIGURES_IS_READER (self));

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  for (guint i = 0; i < 2; i++)
    {
      const char *name = i == 0 ? "search-hit" : "current-hit";

      /* The tags exist once a report has been shown. */
      if (gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), name) != NULL)
        gtk_text_buffer_remove_tag_by_name (buffer, name, &start, &end);
    }
  g_array_set_size (self->hits, 0);
  self->current_hit = -1;
  update_hit_label (self);
}

void
figures_reader_clear (FiguresReader *self)
{
  g_return_if_fail (FIGURES_IS_READER (self));

  g_cancellable_cancel (self->cancellable);
  self->document_id = 0;
  g_clear_pointer (&self->path, g_free);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reader.open-original", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reader.correct-report", FALSE);
  g_array_set_size (self->hits, 0);
  g_ptr_array_set_size (self->statistics, 0);
  g_list_store_remove_all (self->stats_store);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), "", 0);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

/* the extractor's reasons in the interface's language */
static const char *
translate (const char *text)
{
  return _ (text);
}

/* ---- the popover of a highlighted figure ---- */

static const FiguresStatistic *
find_statistic (FiguresReader *self, guint offset)
{
  for (guint i = 0; i < self->statistics->len; i++)
    {
      const FiguresStatistic *statistic = g_ptr_array_index (self->statistics, i);

      if (statistic->start <= offset && offset < statistic->end)
        return statistic;
    }
  return NULL;
}

const char *
figures_reader_get_popover_text (FiguresReader *self)
{
  g_return_val_if_fail (FIGURES_IS_READER (self), NULL);

  return gtk_label_get_text (self->popover_label);
}

gboolean
figures_reader_show_statistic_at (FiguresReader *self, guint offset)
{
  const FiguresStatistic *statistic;
  GtkTextBuffer *buffer;
  GtkTextIter iter;
  GdkRectangle location;
  FiguresNumberStyle style = figures_number_style_from_locale ();
  g_autofree char *value = NULL;
  g_autofree char *unit = NULL;
  g_autofree char *markup = NULL;
  g_autofree char *number = NULL;
  int x, y;

  g_return_val_if_fail (FIGURES_IS_READER (self), FALSE);

  statistic = find_statistic (self, offset);
  if (statistic == NULL)
    return FALSE;

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, statistic->start);
  gtk_text_view_get_iter_location (self->text_view, &iter, &location);
  gtk_text_view_buffer_to_window_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET, location.x,
                                         location.y, &x, &y);
  /* The popover hangs off the reader, which presents it when allocated. */
  {
    double rx = 0, ry = 0;

    gtk_widget_translate_coordinates (GTK_WIDGET (self->text_view), GTK_WIDGET (self), x, y, &rx,
                                      &ry);
    location.x = (int) rx;
    location.y = (int) ry;
  }

  value = format_statistic_value (statistic);
  unit = figures_format_base_unit (figures_metric_to_key (statistic->metric), statistic->unit);
  number = figures_format_digits (figures_decimal_to_double (statistic->value));
  markup = g_markup_printf_escaped (
    "<b>%s</b>\n%s: %s\n%s: %s\n%s: %s\n%s: %s",
    figures_format_metric_name (figures_metric_to_key (statistic->metric), style), _ ("Value"),
    value, _ ("Exact value"), number, _ ("City"), statistic->city ? statistic->city : _ ("Unknown"),
    _ ("Unit"), statistic->unit ? statistic->unit : "");
  {
    /* where it stands, and why it was read so: an analyst who doubts a
     * number sees at once where it came from */
    GString *more = g_string_new (markup);

    if (statistic->year > 0)
      g_string_append_printf (more, "\n%s: %d", _ ("Year"), statistic->year);
    if (statistic->page > 0)
      g_string_append_printf (more, "\n%s: %u", _ ("Page"), statistic->page);
    if (statistic->why_metric != NULL)
      {
        g_autofree char *why =
          figures_extractor_translate_reason (statistic->why_metric, translate);
        g_autofree char *line =
          g_markup_printf_escaped ("\n<small>%s: %s</small>", _ ("Why this metric"), why);
        g_string_append (more, line);
      }
    if (statistic->why_city != NULL)
      {
        g_autofree char *why = figures_extractor_translate_reason (statistic->why_city, translate);
        g_autofree char *line =
          g_markup_printf_escaped ("\n<small>%s: %s</small>", _ ("Why this city"), why);
        g_string_append (more, line);
      }
    g_free (markup);
    markup = g_string_free (more, FALSE);
  }
  gtk_label_set_markup (self->popover_label, markup);
  gtk_widget_set_visible (self->popover_buttons, self->path != NULL);
  if (self->path != NULL)
    {
      guint i = 0;

      for (GtkWidget *button = gtk_widget_get_first_child (self->popover_buttons); button != NULL;
           button = gtk_widget_get_next_sibling (button), i++)
        {
          gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(sus)", self->path,
                                            statistic->start, figures_figure_actions[i].key);
          gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.correct-figure");
        }
    }
  gtk_popover_set_pointing_to (self->popover, &location);
  gtk_popover_popup (self->popover);
  /* else the focus lands in the selectable text, which then shows all
   * selected */
  if (self->path != NULL)
    gtk_widget_grab_focus (gtk_widget_get_first_child (self->popover_buttons));
  gtk_label_select_region (self->popover_label, 0, 0);
  return TRUE;
}

static void
text_pressed_cb (GtkGestureClick *gesture, int n_press, double x, double y, FiguresReader *self)
{
  GtkTextIter iter;
  int bx, by;

  gtk_text_view_window_to_buffer_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET, (int) x, (int) y,
                                         &bx, &by);
  if (!gtk_text_view_get_iter_at_location (self->text_view, &iter, bx, by))
    return;
  figures_reader_show_statistic_at (self, gtk_text_iter_get_offset (&iter));
}

static void
stats_activate_cb (FiguresReader *self, guint position)
{
  g_autoptr (FiguresListRow) item =
    g_list_model_get_item (G_LIST_MODEL (self->stats_store), position);
  FiguresStatistic *statistic;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  if (item == NULL)
    return;
  statistic = figures_list_row_get_statistic (item);

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag_by_name (buffer, "evidence", &start, &end);
  gtk_text_buffer_get_iter_at_offset (buffer, &start, statistic->evidence_start);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, statistic->evidence_end);
  gtk_text_buffer_apply_tag_by_name (buffer, "evidence", &start, &end);
  scroll_to_offset (self, statistic->start, statistic->end);
}

const char *
figures_reader_get_path (FiguresReader *self)
{
  g_return_val_if_fail (FIGURES_IS_READER (self), NULL);
  return self->path;
}

gint64
figures_reader_get_document_id (FiguresReader *self)
{
  g_return_val_if_fail (FIGURES_IS_READER (self), 0);
  return self->document_id;
}

guint
figures_reader_get_n_hits (FiguresReader *self)
{
  g_return_val_if_fail (FIGURES_IS_READER (self), 0);
  return self->hits->len;
}

int
figures_reader_get_current_hit (FiguresReader *self)
{
  g_return_val_if_fail (FIGURES_IS_READER (self), -1);
  return self->current_hit;
}

guint
figures_reader_get_n_statistics (FiguresReader *self)
{
  g_return_val_if_fail (FIGURES_IS_READER (self), 0);
  return self->statistics->len;
}

GtkTextView *
figures_reader_get_text_view (FiguresReader *self)
{
  g_return_val_if_fail (FIGURES_IS_READER (self), NULL);
  return self->text_view;
}

void
figures_reader_setup (FiguresReader *self, const char *index_path)
{
  g_return_if_fail (FIGURES_IS_READER (self));

  g_free (self->index_path);
  self->index_path = g_strdup (index_path);
}

static void
theme_changed_cb (FiguresReader *self)
{
  setup_tags (self);
}

static void
figures_reader_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  FiguresReader *self = FIGURES_READER (widget);

  GTK_WIDGET_CLASS (figures_reader_parent_class)->size_allocate (widget, width, height, baseline);
  if (self->popover != NULL)
    gtk_popover_present (self->popover);
}

static void
figures_reader_dispose (GObject *object)
{
  FiguresReader *self = FIGURES_READER (object);

  g_cancellable_cancel (self->cancellable);
  if (self->popover != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->popover));
      self->popover = NULL;
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), FIGURES_TYPE_READER);

  G_OBJECT_CLASS (figures_reader_parent_class)->dispose (object);
}

static void
figures_reader_finalize (GObject *object)
{
  FiguresReader *self = FIGURES_READER (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->hits, g_array_unref);
  g_clear_pointer (&self->statistics, g_ptr_array_unref);
  g_free (self->index_path);
  g_free (self->path);
  g_free (self->title);
  g_free (self->date);
  g_free (self->city);

  G_OBJECT_CLASS (figures_reader_parent_class)->finalize (object);
}

/* The file itself in the desktop's viewer: the reader shows its text only */
/* Correct Report…: what the report's fields are, and what they become */
typedef struct
{
  const char *key;   /* a FiguresCorrectionField key */
  const char *label; /* translatable */
  gsize offset;      /* of the current value in FiguresReader */
} ReportField;

static const ReportField report_fields[] = {
  { "title", N_ ("Title"), G_STRUCT_OFFSET (FiguresReader, title) },
  { "report-city", N_ ("City"), G_STRUCT_OFFSET (FiguresReader, city) },
  { "date", N_ ("Date"), G_STRUCT_OFFSET (FiguresReader, date) },
};

static void
correct_report_response_cb (AdwMessageDialog *dialog, const char *response, FiguresReader *self)
{
  GtkGrid *grid = GTK_GRID (adw_message_dialog_get_extra_child (dialog));

  if (g_strcmp0 (response, "save") != 0 || self->path == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (report_fields); i++)
    {
      const char *now = G_STRUCT_MEMBER (char *, self, report_fields[i].offset);
      const char *text = gtk_editable_get_text (GTK_EDITABLE (gtk_grid_get_child_at (grid, 1, i)));

      if (text[0] != '\0' && g_strcmp0 (text, now) != 0)
        gtk_widget_activate_action (GTK_WIDGET (self), "win.correct-report", "(sss)", self->path,
                                    report_fields[i].key, text);
    }
}

static void
correct_report_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  FiguresReader *self = FIGURES_READER (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog, *grid;

  if (self->path == NULL)
    return;
  dialog = adw_message_dialog_new (
    GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _ ("Correct Report"),
    _ ("Fix what was read from the report. The change is kept with your corrections, and the "
       "report’s file is left as it is."));
  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  for (guint i = 0; i < G_N_ELEMENTS (report_fields); i++)
    {
      const char *now = G_STRUCT_MEMBER (char *, self, report_fields[i].offset);
      GtkWidget *label = gtk_label_new (_ (report_fields[i].label));
      GtkWidget *entry = gtk_entry_new ();

      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_editable_set_text (GTK_EDITABLE (entry), now != NULL ? now : "");
      gtk_widget_set_hexpand (entry, TRUE);
      gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                      label, NULL, -1);
      if (g_strcmp0 (report_fields[i].key, "date") == 0)
        gtk_entry_set_placeholder_text (GTK_ENTRY (entry), "yyyy-mm-dd");
      gtk_grid_attach (GTK_GRID (grid), label, 0, i, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), entry, 1, i, 1, 1);
    }
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), grid);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"), "save",
                                    _ ("_Save"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (correct_report_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_original_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  FiguresReader *self = FIGURES_READER (widget);
  FiguresTextView *view = (FiguresTextView *) self->text_view;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter cursor;
  g_autoptr (GFile) file = NULL;
  g_autofree char *uri = NULL;

  if (self->path == NULL)
    return;
  file = g_file_new_for_path (self->path);
  uri = g_file_get_uri (file);
  /* a PDF opens at the page being read: the search hit's, the figure's */
  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  gtk_widget_activate_action (widget, "win.open-file-at-page", "(su)", uri,
                              (guint32) figures_page_at ((const guint *) view->page_starts->data,
                                                         view->page_starts->len,
                                                         gtk_text_iter_get_offset (&cursor)));
}

static void
figures_reader_class_init (FiguresReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = figures_reader_dispose;
  object_class->finalize = figures_reader_finalize;
  widget_class->size_allocate = figures_reader_size_allocate;

  /* Emitted when a report has been shown. */
  signals[SIGNAL_LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                         NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (FIGURES_TYPE_TEXT_VIEW);
  g_type_ensure (FIGURES_TYPE_LIST_ROW);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/figures-reader.ui");
  gtk_widget_class_bind_template_child (widget_class, FiguresReader, stack);
  gtk_widget_class_bind_template_child (widget_class, FiguresReader, title_label);
  gtk_widget_class_bind_template_child (widget_class, FiguresReader, meta_label);
  gtk_widget_class_bind_template_child (widget_class, FiguresReader, hit_box);
  gtk_widget_class_bind_template_child (widget_class, FiguresReader, hit_label);
  gtk_widget_class_bind_template_child (widget_class, FiguresReader, text_view);
  gtk_widget_class_bind_template_child (widget_class, FiguresReader, stats_label);
  gtk_widget_class_bind_template_child (widget_class, FiguresReader, stats_store);
  gtk_widget_class_bind_template_callback (widget_class, stats_activate_cb);

  gtk_widget_class_install_action (widget_class, "reader.open-original", NULL,
                                   open_original_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "reader.open-original", NULL);
  gtk_widget_class_install_action (widget_class, "reader.correct-report", NULL,
                                   correct_report_action);
}

static void
figures_reader_init (FiguresReader *self)
{
  GtkGesture *click;

  self->hits = g_array_new (FALSE, FALSE, sizeof (FiguresRange));
  self->statistics = g_ptr_array_new_with_free_func ((GDestroyNotify) figures_statistic_free);
  self->current_hit = -1;
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reader.open-original", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reader.correct-report", FALSE);

  click = gtk_gesture_click_new ();
  g_signal_connect (click, "released", G_CALLBACK (text_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), GTK_EVENT_CONTROLLER (click));

  self->popover_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->popover_label, 0);
  gtk_label_set_selectable (self->popover_label, TRUE);
  self->popover = GTK_POPOVER (gtk_popover_new ());
  {
    GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

    /* the figure's corrections, as everywhere a figure is shown */
    self->popover_buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
    for (guint i = 0; figures_figure_actions[i].key != NULL; i++)
      {
        GtkWidget *button = gtk_button_new_with_mnemonic (_ (figures_figure_actions[i].label));

        gtk_widget_set_tooltip_text (button, _ (figures_figure_actions[i].tooltip));
        g_signal_connect_swapped (button, "clicked", G_CALLBACK (gtk_popover_popdown),
                                  self->popover);
        gtk_box_append (GTK_BOX (self->popover_buttons), button);
      }
    gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->popover_label));
    gtk_box_append (GTK_BOX (box), self->popover_buttons);
    gtk_popover_set_child (self->popover, box);
  }
  gtk_widget_set_parent (GTK_WIDGET (self->popover), GTK_WIDGET (self));

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (theme_changed_cb), self, G_CONNECT_SWAPPED);
}
