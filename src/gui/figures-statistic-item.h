/* figures-statistic-item.h: one statistic of the index, as a list item
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

/* Takes @row (figures_index_list_statistics()). */
FiguresStatisticItem *figures_statistic_item_new (FiguresStatisticRow *row);
const FiguresStatisticRow *figures_statistic_item_get_row (FiguresStatisticItem *self);

G_END_DECLS
