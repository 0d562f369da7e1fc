/* figures-export-window.h: the options of Export Chart…
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "figures-chart-view.h"

G_BEGIN_DECLS

#define FIGURES_TYPE_EXPORT_WINDOW (figures_export_window_get_type ())

G_DECLARE_FINAL_TYPE (FiguresExportWindow, figures_export_window, FIGURES, EXPORT_WINDOW, GtkWindow)

GtkWindow *
figures_export_window_new (GtkWindow *parent, FiguresChartView *view, GSettings *settings);
void
figures_export_window_set_size (FiguresExportWindow *self, int width, int height, double scale);
/* Exports to @file (format from its extension) on a worker thread, then
 * emits "exported" with the error message or NULL, and closes. */
void figures_export_window_export_to (FiguresExportWindow *self, GFile *file);
/* The name suggested for the export: "@title-YYYY-MM-DD@extension". */
const char *figures_export_window_get_suggested_name (FiguresExportWindow *self);

/* What every export suggests: a file name made from @title and today's
 * date, in the folder used last (else Pictures, else home). */
char *figures_export_dup_file_name (const char *title, const char *extension);
GFile *figures_export_dup_folder (GSettings *settings);
void figures_export_remember_folder (GSettings *settings, GFile *file);

G_END_DECLS
