/* figures-corrections-window.h: the analyst's corrections, listed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "figures-library.h"

G_BEGIN_DECLS

#define FIGURES_TYPE_CORRECTIONS_WINDOW (figures_corrections_window_get_type ())

G_DECLARE_FINAL_TYPE (
  FiguresCorrectionsWindow, figures_corrections_window, FIGURES, CORRECTIONS_WINDOW, GtkWindow)

GtkWindow *figures_corrections_window_new (GtkWindow *parent, FiguresLibrary *library);

/* FiguresListRow, one per correction in force, the orphaned ones marked. */
GListModel *figures_corrections_window_get_rows (FiguresCorrectionsWindow *self);
/* What Export… and Import… do with the file chosen. */
void figures_corrections_window_export (FiguresCorrectionsWindow *self, GFile *file);
void figures_corrections_window_import (FiguresCorrectionsWindow *self, GFile *file);

G_END_DECLS
