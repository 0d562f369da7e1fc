/* figures-statistic-item.c: one statistic of the index, as a list item
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "figures-statistic-item.h"

struct _FiguresStatisticItem
{
  GObject parent_instance;

  FiguresStatisticRow *row;
};

G_DEFINE_FINAL_TYPE (FiguresStatisticItem, figures_statistic_item, G_TYPE_OBJECT)

static void
figures_statistic_item_finalize (GObject *object)
{
  FiguresStatisticItem *self = FIGURES_STATISTIC_ITEM (object);

  g_clear_pointer (&self->row, figures_statistic_row_free);
  G_OBJECT_CLASS (figures_statistic_item_parent_class)->finalize (object);
}

static void
figures_statistic_item_class_init (FiguresStatisticItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = figures_statistic_item_finalize;
}

static void
figures_statistic_item_init (FiguresStatisticItem *self)
{
}

FiguresStatisticItem *
figures_statistic_item_new (FiguresStatisticRow *row)
{
  FiguresStatisticItem *self;

  g_return_val_if_fail (row != NULL && row->statistic != NULL, NULL);

  self = g_object_new (FIGURES_TYPE_STATISTIC_ITEM, NULL);
  self->row = row;
  return self;
}

const FiguresStatisticRow *
figures_statistic_item_get_row (FiguresStatisticItem *self)
{
  g_return_val_if_fail (FIGURES_IS_STATISTIC_ITEM (self), NULL);
  return self->row;
}
