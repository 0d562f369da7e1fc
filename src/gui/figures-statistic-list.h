/* figures-statistic-list.h: the index's statistics as a lazily loaded GListModel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "figures-index.h"

G_BEGIN_DECLS

/* Which rows, and in which order: every string is copied. */
typedef struct
{
  char *metric; /* key; NULL: all */
  char *city;
  char *label;
  int year_from; /* 0: open */
  int year_to;
  char *text; /* free text; NULL or "": all */
  FiguresStatisticSort sort;
  gboolean descending;
} FiguresStatisticQuery;

#define FIGURES_TYPE_STATISTIC_LIST (figures_statistic_list_get_type ())

G_DECLARE_FINAL_TYPE (
  FiguresStatisticList, figures_statistic_list, FIGURES, STATISTIC_LIST, GObject)

/* FiguresStatisticItem rows, placeholders until their page (200 rows) has
 * been read on a worker thread; they then say "loaded". Empty until the
 * first reload(). */
FiguresStatisticList *figures_statistic_list_new (const char *index_path);
/* Another query: the list starts again from the top. */
void figures_statistic_list_set_query (FiguresStatisticList *self,
                                       const FiguresStatisticQuery *query);
/* Re-reads the count and the pages shown (after the index changed). */
void figures_statistic_list_reload (FiguresStatisticList *self);
/* Empties the list at once; reload() fills it again. */
void figures_statistic_list_clear (FiguresStatisticList *self);
/* TRUE while a count or a page is being read ("loading"). */
gboolean figures_statistic_list_get_loading (FiguresStatisticList *self);

/* The FiguresStatisticRow* at @positions (sorted, each < n_items), read
 * on a worker thread whether their pages are loaded or not, in order. */
void figures_statistic_list_read_rows_async (FiguresStatisticList *self,
                                             GArray *positions,
                                             GCancellable *cancellable,
                                             GAsyncReadyCallback callback,
                                             gpointer user_data);
GPtrArray *figures_statistic_list_read_rows_finish (FiguresStatisticList *self,
                                                    GAsyncResult *result,
                                                    GError **error);

G_END_DECLS
