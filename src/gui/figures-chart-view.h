/* figures-chart-view.h: a chart of the index, or cities compared side by side
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "figures-chart.h"
#include "figures-library.h"

G_BEGIN_DECLS

#define FIGURES_TYPE_CHART_VIEW (figures_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (FiguresChartView, figures_chart_view, FIGURES, CHART_VIEW, GtkWidget)

/* Options from @settings; then the reports of @library, followed as they
 * change. */
void figures_chart_view_setup (FiguresChartView *self, GSettings *settings);
void figures_chart_view_set_library (FiguresChartView *self, FiguresLibrary *library);
/* Re-reads the chart's rows on a worker thread. */
void figures_chart_view_reload (FiguresChartView *self);
gboolean figures_chart_view_get_compare (FiguresChartView *self);
/* What is drawn; NULL until the first rows arrive. */
FiguresChartData *figures_chart_view_get_data (FiguresChartView *self);
/* The layout on screen; NULL before the first draw. */
FiguresChartLayout *figures_chart_view_get_layout (FiguresChartView *self);
void figures_chart_view_set_metric (FiguresChartView *self, const char *metric_key);
/* Charts only: a line per city over the years, or bars by city */
void figures_chart_view_set_by_year (FiguresChartView *self, gboolean by_year);
/* The years charted, @from to @to included; 0 leaves an end open (a year
 * not in the index is open too) */
void figures_chart_view_set_years (FiguresChartView *self, int from, int to);
/* The labels of `other` charted, each in a panel; NULL: the most mentioned */
void figures_chart_view_set_labels (FiguresChartView *self, const char *const *labels);
/* How the chart reads (the Options popover): laid out again, not re-read */
void figures_chart_view_set_display (FiguresChartView *self,
                                     gboolean exact,
                                     FiguresChartScale scale,
                                     const char *title,
                                     const char *subtitle);
/* Compare: the chosen cities (2 to 12 are drawn). */
void figures_chart_view_set_cities (FiguresChartView *self, const char *const *cities);
const char *const *figures_chart_view_get_cities (FiguresChartView *self);
/* Lists the mentions behind the bar at (@x, @y) of the drawing area, as a
 * click does. FALSE when there is no bar there. */
gboolean figures_chart_view_activate_at (FiguresChartView *self, double x, double y);
GListModel *figures_chart_view_get_mentions (FiguresChartView *self);
GtkWidget *figures_chart_view_get_drawing_area (FiguresChartView *self);
/* The statistics behind the chart as CSV. */
void figures_chart_view_export_csv (FiguresChartView *self, GFile *file);

/* Dark when the GTK theme is. */
FiguresChartTheme figures_gui_get_chart_theme (void);

G_END_DECLS
