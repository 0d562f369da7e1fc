/* figures-reader.h: one report, its search hits and statistics highlighted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define FIGURES_TYPE_READER (figures_reader_get_type ())

G_DECLARE_FINAL_TYPE (FiguresReader, figures_reader, FIGURES, READER, GtkWidget)

void figures_reader_setup (FiguresReader *self, const char *index_path);
/* Reads the report on a worker thread and shows it, with @query's matches
 * highlighted, scrolled to code point @offset (G_MAXUINT: the first match). */
void figures_reader_load (FiguresReader *self, gint64 document_id, guint offset, const char *query);
void figures_reader_clear (FiguresReader *self);
/* Forgets the matches of the last search (a new one has begun). */
void figures_reader_clear_hits (FiguresReader *self);
gint64 figures_reader_get_document_id (FiguresReader *self);
/* The file of the report shown, as indexed; NULL when none. */
const char *figures_reader_get_path (FiguresReader *self);
/* Moves to the next (or previous) search match, wrapping around. */
void figures_reader_move_hit (FiguresReader *self, gboolean forward);
guint figures_reader_get_n_hits (FiguresReader *self);
/* -1 before the first move */
int figures_reader_get_current_hit (FiguresReader *self);
guint figures_reader_get_n_statistics (FiguresReader *self);
GtkTextView *figures_reader_get_text_view (FiguresReader *self);
/* Shows the popover of the statistic at code point @offset, if any. */
gboolean figures_reader_show_statistic_at (FiguresReader *self, guint offset);
/* What the figure's popover says (its reasons included), as plain text */
const char *figures_reader_get_popover_text (FiguresReader *self);

G_END_DECLS
