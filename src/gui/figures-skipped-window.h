/* figures-skipped-window.h: the files that could not be indexed, and why
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define FIGURES_TYPE_SKIPPED_WINDOW (figures_skipped_window_get_type ())

G_DECLARE_FINAL_TYPE (
  FiguresSkippedWindow, figures_skipped_window, FIGURES, SKIPPED_WINDOW, GtkWindow)

GtkWindow *figures_skipped_window_new (GtkWindow *parent, const char *index_path);
GListModel *figures_skipped_window_get_files (FiguresSkippedWindow *self);

G_END_DECLS
