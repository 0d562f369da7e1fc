/* figures-statistics-view.h: every figure of the index in one table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "figures-library.h"

G_BEGIN_DECLS

#define FIGURES_TYPE_STATISTICS_VIEW (figures_statistics_view_get_type ())

G_DECLARE_FINAL_TYPE (
  FiguresStatisticsView, figures_statistics_view, FIGURES, STATISTICS_VIEW, GtkWidget)

/* Reads the library's statistics now and whenever it changes. */
void figures_statistics_view_set_library (FiguresStatisticsView *self, FiguresLibrary *library);
/* Reads them again (in a worker thread). "loaded" is emitted whenever the
 * rows asked for have been read: after a reload, a filter or a sort. */
void figures_statistics_view_reload (FiguresStatisticsView *self);
/* TRUE while rows are being read */
gboolean figures_statistics_view_get_loading (FiguresStatisticsView *self);

/* For tests and the window: the rows shown (FiguresStatisticItem, sorted
 * and filtered; placeholders until read: figures_statistic_item_get_row()
 * is NULL), and the selection over them. */
GListModel *figures_statistics_view_get_rows (FiguresStatisticsView *self);
GtkSelectionModel *figures_statistics_view_get_selection (FiguresStatisticsView *self);
GtkColumnView *figures_statistics_view_get_column_view (FiguresStatisticsView *self);
/* Filters: a metric key or NULL, a city or NULL, free text or "". */
void figures_statistics_view_set_metric (FiguresStatisticsView *self, const char *metric);
void figures_statistics_view_set_city (FiguresStatisticsView *self, const char *city);
void figures_statistics_view_set_label (FiguresStatisticsView *self, const char *label);
/* The years shown, @from to @to included; 0 leaves that end open (a listed
 * year only: an unlisted one opens it). */
void figures_statistics_view_set_years (FiguresStatisticsView *self, int from, int to);
void figures_statistics_view_set_search (FiguresStatisticsView *self, const char *text);

G_END_DECLS
