/* figures-document-list.h: the index's documents as a lazily loaded GListModel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "figures-index.h"

G_BEGIN_DECLS

#define FIGURES_TYPE_DOCUMENT_ITEM (figures_document_item_get_type ())

G_DECLARE_FINAL_TYPE (FiguresDocumentItem, figures_document_item, FIGURES, DOCUMENT_ITEM, GObject)

gint64 figures_document_item_get_id (FiguresDocumentItem *self);
const char *figures_document_item_get_title (FiguresDocumentItem *self);
const char *figures_document_item_get_city (FiguresDocumentItem *self);
const char *figures_document_item_get_date (FiguresDocumentItem *self);
const char *figures_document_item_get_path (FiguresDocumentItem *self);
guint figures_document_item_get_n_statistics (FiguresDocumentItem *self);
/* "city · date", for a row's second line */
char *figures_document_item_dup_meta (FiguresDocumentItem *self);
gboolean figures_document_item_get_loaded (FiguresDocumentItem *self);

#define FIGURES_TYPE_DOCUMENT_LIST (figures_document_list_get_type ())

G_DECLARE_FINAL_TYPE (FiguresDocumentList, figures_document_list, FIGURES, DOCUMENT_LIST, GObject)

/* Rows are placeholders until their page (100 rows) has been read on a
 * worker thread; their properties then change in place. */
FiguresDocumentList *figures_document_list_new (const char *index_path);
void figures_document_list_set_city (FiguresDocumentList *self, const char *city);
const char *figures_document_list_get_city (FiguresDocumentList *self);
void figures_document_list_set_sort (FiguresDocumentList *self, FiguresDocumentSort sort);
FiguresDocumentSort figures_document_list_get_sort (FiguresDocumentList *self);
/* Re-reads the count and drops loaded pages (after the index changed). */
void figures_document_list_reload (FiguresDocumentList *self);
/* The position of @document_id among the rows read so far. */
gboolean
figures_document_list_find (FiguresDocumentList *self, gint64 document_id, guint *position);
/* Empties the list at once, without reading; reload() fills it again. */
void figures_document_list_clear (FiguresDocumentList *self);
/* TRUE while a count or a page is being read. */
gboolean figures_document_list_get_loading (FiguresDocumentList *self);

G_END_DECLS
