/* figures-chart-view-private.h: what the chart view's files share
 *
 * figures-chart-view.c: loading, drawing, mentions, compared cities;
 * figures-chart-view-options.c: the years, the labels of other figures,
 * and how the chart reads (the Options popover).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "figures-chart-view.h"
#include "figures-library.h"

G_BEGIN_DECLS

struct _FiguresChartView
{
  GtkWidget parent_instance;

  gboolean compare;
  FiguresLibrary *library;
  GSettings *settings;
  GCancellable *cancellable;
  GCancellable *load_cancellable;
  GCancellable *mentions_cancellable;
  gboolean setting_up;
  gboolean reload_pending;

  FiguresChartData *data;
  FiguresChartLayout *layout;
  FiguresChartTheme layout_theme;
  GPtrArray *cities; /* chosen, compare only; NULL-terminated */
  GtkStringList *all_cities;
  GtkStringFilter *city_filter;
  GPtrArray *city_checks; /* bound check buttons, unowned */
  gboolean syncing_checks;
  int focus_mark;

  /* the rest of the chart request: see fill_request() */
  gboolean by_year;
  int year_from; /* 0: open */
  int year_to;
  GStrv labels; /* of `other`, chosen; NULL: the most mentioned */
  gboolean exact;
  FiguresChartScale scale;
  char *title; /* NULL: the chart's own */
  char *subtitle;
  gboolean syncing_labels;
  char *choices_scope; /* the years and cities the choices were read for;
                        * NULL: to read again (the index changed) */

  AdwFlap *flap;
  GtkDropDown *metric_dropdown;
  GtkStringList *metric_model;
  GtkDropDown *aggregate_dropdown;
  GtkDropDown *by_dropdown;
  GtkDropDown *year_from_dropdown;
  GtkDropDown *year_to_dropdown;
  GtkStringList *years_model;
  GtkMenuButton *labels_button;
  GtkBox *labels_box;
  GtkMenuButton *options_button;
  GtkDropDown *values_dropdown;
  GtkDropDown *scale_dropdown;
  GtkEntry *title_entry;
  GtkEntry *subtitle_entry;
  GtkFlowBox *chips_box;
  GtkDrawingArea *drawing_area;
  GtkLabel *hint_label;
  GtkWidget *cities_button;
  GtkSearchEntry *city_filter_entry;
  GtkListView *cities_list;
  GtkLabel *mentions_label;
  GListStore *mentions_store;
};

/* figures-chart-view.c */
const char *_figures_chart_view_get_metric (FiguresChartView *self);
void _figures_chart_view_clear_mentions (FiguresChartView *self);

/* figures-chart-view-options.c */
void _figures_chart_view_options_class_init (GtkWidgetClass *widget_class);
/* the values and scale kept in @settings */
void _figures_chart_view_setup_options (FiguresChartView *self, GSettings *settings);
/* the years and labels the index has, for the dropdowns and Labels */
void _figures_chart_view_read_choices (FiguresChartView *self);
/* the Labels checks as the chart shows them */
void _figures_chart_view_sync_labels (FiguresChartView *self);
void _figures_chart_view_update_labels_button (FiguresChartView *self);

G_END_DECLS
