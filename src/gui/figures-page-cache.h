/* figures-page-cache.h: the rows of a lazily read GListModel, a page at a time
 *
 * Shared by the document and statistic lists. A row is a placeholder item,
 * made with its page the first time a view asks for one of them; the page
 * is then read (on a worker thread, by the list) and its items filled in
 * place, so views rebind nothing. At most @max_pages are kept: scrolling
 * through a million rows holds the pages near the view, not every row read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _FiguresPageCache FiguresPageCache;

/* Asked for each page made (and again when the rows are read in place):
 * read rows @page × page size on, and fill the page's items. */
typedef void (*FiguresPageReadFunc) (GListModel *model, guint page);

/* @model: the list the cache serves, which it notifies of changes;
 * placeholders are new objects of @item_type. Past @max_pages, the page
 * farthest from the one made goes (a view still showing one of its rows
 * keeps that item; asked again, the row is made and read again). Empty at
 * first. */
FiguresPageCache *figures_page_cache_new (
  GListModel *model, GType item_type, guint page_size, guint max_pages, FiguresPageReadFunc read);
guint figures_page_cache_get_n_pages (FiguresPageCache *self);
void figures_page_cache_free (FiguresPageCache *self);

guint figures_page_cache_get_n_items (FiguresPageCache *self);
guint figures_page_cache_get_page_size (FiguresPageCache *self);
/* GListModel's get_item(): a new reference, its page made and read when new */
gpointer figures_page_cache_get_item (FiguresPageCache *self, guint position);
/* The items of @page, NULL when it was not made or has gone */
GPtrArray *figures_page_cache_lookup (FiguresPageCache *self, guint page);
/* Among the rows made: the position of the first @match accepts */
gboolean figures_page_cache_find (FiguresPageCache *self,
                                  gboolean (*match) (gpointer item, gconstpointer data),
                                  gconstpointer data,
                                  guint *position);

/* A new length. @in_place: the pages made stay and are read again, so the
 * views keep their rows and scroll position, and only the end changes;
 * else every row goes and the new ones come (as two changes: a view would
 * otherwise look at every new row for one it could reuse). */
void figures_page_cache_set_n_items (FiguresPageCache *self, guint n_items, gboolean in_place);
/* Every row goes, at once */
void figures_page_cache_clear (FiguresPageCache *self);

G_END_DECLS
