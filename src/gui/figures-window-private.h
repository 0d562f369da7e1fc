/* figures-window-private.h: what the window's sibling files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "figures-chart-view.h"
#include "figures-documents-view.h"
#include "figures-library.h"
#include "figures-statistics-view.h"
#include "figures-window.h"

G_BEGIN_DECLS

struct _FiguresWindow
{
  AdwApplicationWindow parent_instance;

  FiguresLibrary *library;
  GSettings *settings;

  /* Cancelled in dispose: every task the window started. */
  GCancellable *cancellable;
  gboolean painted; /* the window has shown its first frame */
  gboolean started; /* the views have read the index once */

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  GtkSearchEntry *search_entry;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewStack *stack;
  GtkRevealer *progress_revealer;
  GtkLabel *progress_label;
  GtkProgressBar *progress_bar;
  GtkLabel *progress_count;
  GtkRevealer *samples_revealer;

  /* The toast on screen, if any (weak): lets tests see what was said. */
  AdwToast *toast;
  FiguresDocumentsView *documents_view;
  FiguresChartView *charts_view;
  FiguresChartView *compare_view;
  FiguresStatisticsView *statistics_view;
};

void _figures_window_class_actions_init (FiguresWindowClass *klass);
void _figures_window_actions_update (FiguresWindow *self);
/* The chart view on screen, or the Charts one when Documents is shown. */
FiguresChartView *_figures_window_get_chart_view (FiguresWindow *self);
/* A message toast, with Rebuild Index when @damaged */
void
_figures_window_show_index_message (FiguresWindow *self, const char *message, gboolean damaged);

G_END_DECLS
