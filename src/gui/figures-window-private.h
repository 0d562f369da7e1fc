/* figures-window-private.h: what the window's sibling files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "figures-chart-view.h"
#include "figures-documents-view.h"
#include "figures-index.h"
#include "figures-window.h"

G_BEGIN_DECLS

struct _FiguresWindow
{
  AdwApplicationWindow parent_instance;

  GSettings *settings;
  char *index_path;
  char *samples_dir;

  /* Cancelled in dispose: every task the window started. */
  GCancellable *cancellable;
  /* The index update under way, when there is one. */
  GCancellable *index_cancellable;
  guint index_generation;
  gboolean reindex_queued;
  gboolean rebuild_queued;
  gint64 last_refresh;
  FiguresIndexSummary last_summary;
  gboolean have_summary;

  GPtrArray *monitors;
  guint monitor_timeout;
  guint start_timeout;
  gboolean prepared; /* the index has been opened once */
  gboolean painted;  /* the window has shown its first frame */
  gboolean started;

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
};

void _figures_window_class_actions_init (FiguresWindowClass *klass);
void _figures_window_actions_update (FiguresWindow *self);
void _figures_window_rebuild_index (FiguresWindow *self);
/* The chart view on screen, or the Charts one when Documents is shown. */
FiguresChartView *_figures_window_get_chart_view (FiguresWindow *self);

G_END_DECLS
