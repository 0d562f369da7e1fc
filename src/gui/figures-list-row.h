/* figures-list-row.h: one row of the app's lists (hits, statistics, mentions, files)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "figures-statistic.h"

G_BEGIN_DECLS

#define FIGURES_TYPE_LIST_ROW (figures_list_row_get_type ())

G_DECLARE_FINAL_TYPE (FiguresListRow, figures_list_row, FIGURES, LIST_ROW, GObject)

/* @markup is Pango markup; @classes style a decoration (metric colours). */
FiguresListRow *figures_list_row_new (const char *title,
                                      const char *subtitle,
                                      const char *markup,
                                      const char *detail);
const char *figures_list_row_get_title (FiguresListRow *self);
const char *figures_list_row_get_subtitle (FiguresListRow *self);
const char *figures_list_row_get_markup (FiguresListRow *self);
const char *figures_list_row_get_detail (FiguresListRow *self);
void figures_list_row_set_classes (FiguresListRow *self, const char *const *classes);

/* What the row points at. */
void figures_list_row_set_target (FiguresListRow *self,
                                  gint64 document_id,
                                  guint offset,
                                  const char *path);
gint64 figures_list_row_get_document_id (FiguresListRow *self);
guint figures_list_row_get_offset (FiguresListRow *self);
const char *figures_list_row_get_path (FiguresListRow *self);
void figures_list_row_take_statistic (FiguresListRow *self, FiguresStatistic *statistic);
FiguresStatistic *figures_list_row_get_statistic (FiguresListRow *self);
/* The "menu" a row template shows behind a button ("has-menu" says
 * whether there is one). */
void figures_list_row_set_menu (FiguresListRow *self, GMenuModel *menu);
GMenuModel *figures_list_row_get_menu (FiguresListRow *self);

G_END_DECLS
