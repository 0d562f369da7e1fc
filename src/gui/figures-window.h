/* figures-window.h: the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "figures-application.h"

G_BEGIN_DECLS

#define FIGURES_TYPE_WINDOW (figures_window_get_type ())

G_DECLARE_FINAL_TYPE (FiguresWindow, figures_window, FIGURES, WINDOW, AdwApplicationWindow)

FiguresWindow *figures_window_new (FiguresApplication *application);
GSettings *figures_window_get_settings (FiguresWindow *self);
const char *figures_window_get_index_path (FiguresWindow *self);
/* The text in the search entry. */
const char *figures_window_get_query (FiguresWindow *self);
/* Shows the Documents view with @document_id open, scrolled to code point
 * @offset (G_MAXUINT: the first search hit, else the top). */
void figures_window_open_document (FiguresWindow *self, gint64 document_id, guint offset);
FiguresLibrary *figures_window_get_library (FiguresWindow *self);
/* A toast that stays until dismissed: errors and warnings. */
void figures_window_show_message (FiguresWindow *self, const char *message);
/* @message as figures_window_show_message(), with Rebuild Index when
 * @error says the index is damaged */
void
figures_window_show_index_error (FiguresWindow *self, const char *message, const GError *error);
/* A toast for a file just written, with Open and Show in Folder. */
void figures_window_show_exported (FiguresWindow *self, GFile *file);
gboolean figures_window_get_indexing (FiguresWindow *self);
/* "documents", "charts" or "compare" */
void figures_window_set_view (FiguresWindow *self, const char *name);

G_END_DECLS
