/* figures-documents-view.h: the list of reports, search results and the reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "figures-library.h"
#include "figures-reader.h"

G_BEGIN_DECLS

#define FIGURES_TYPE_DOCUMENTS_VIEW (figures_documents_view_get_type ())

G_DECLARE_FINAL_TYPE (
  FiguresDocumentsView, figures_documents_view, FIGURES, DOCUMENTS_VIEW, GtkWidget)

/* Options from @settings; then the reports of @library, followed as they
 * change. */
void figures_documents_view_setup (FiguresDocumentsView *self, GSettings *settings);
void figures_documents_view_set_library (FiguresDocumentsView *self, FiguresLibrary *library);
/* The index changed: re-read the list, the cities and the search. */
void figures_documents_view_reload (FiguresDocumentsView *self);
/* Searches on a worker thread; "" shows the list of reports again. */
void figures_documents_view_set_query (FiguresDocumentsView *self, const char *query);
void figures_documents_view_activate_first_result (FiguresDocumentsView *self);
void
figures_documents_view_open_document (FiguresDocumentsView *self, gint64 document_id, guint offset);
void figures_documents_view_move_hit (FiguresDocumentsView *self, gboolean forward);
/* Writes the statistics of the reports listed (the city filter) as CSV. */
void figures_documents_view_export_csv (FiguresDocumentsView *self, GFile *file);
/* The report selected in the list, or 0. */
gint64 figures_documents_view_get_selected_id (FiguresDocumentsView *self);
FiguresReader *figures_documents_view_get_reader (FiguresDocumentsView *self);
GListModel *figures_documents_view_get_documents (FiguresDocumentsView *self);
GListModel *figures_documents_view_get_results (FiguresDocumentsView *self);
/* Hits before the limit; -1 while no search has finished. */
int figures_documents_view_get_n_results_total (FiguresDocumentsView *self);

G_END_DECLS
