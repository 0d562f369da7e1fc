/* figures-statistic-item.h: one row of the Statistics table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "figures-index.h"

G_BEGIN_DECLS

#define FIGURES_TYPE_STATISTIC_ITEM (figures_statistic_item_get_type ())

G_DECLARE_FINAL_TYPE (
  FiguresStatisticItem, figures_statistic_item, FIGURES, STATISTIC_ITEM, GObject)

/* A row still being read: its row is NULL until set_row(). */
FiguresStatisticItem *figures_statistic_item_new_placeholder (void);
/* Takes @row, and notifies "loaded". */
void figures_statistic_item_set_row (FiguresStatisticItem *self, FiguresStatisticRow *row);
/* NULL while a placeholder */
const FiguresStatisticRow *figures_statistic_item_get_row (FiguresStatisticItem *self);
gboolean figures_statistic_item_get_loaded (FiguresStatisticItem *self);

G_END_DECLS
