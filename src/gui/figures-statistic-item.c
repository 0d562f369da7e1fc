/* figures-statistic-item.c: one statistic of the index, as a list item
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "figures-statistic-item.h"

struct _FiguresStatisticItem
{
  GObject parent_instance;

  FiguresStatisticRow *row; /* NULL while a placeholder */
};

G_DEFINE_FINAL_TYPE (FiguresStatisticItem, figures_statistic_item, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_LOADED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
figures_statistic_item_finalize (GObject *object)
{
  FiguresStatisticItem *self = FIGURES_STATISTIC_ITEM (object);

  g_clear_pointer (&self->row, figures_statistic_row_free);
  G_OBJECT_CLASS (figures_statistic_item_parent_class)->finalize (object);
}

static void
figures_statistic_item_get_property (GObject *object,
                                     guint prop_id,
                                     GValue *value,
                                     GParamSpec *pspec)
{
  FiguresStatisticItem *self = FIGURES_STATISTIC_ITEM (object);

  switch (prop_id)
    {
      case PROP_LOADED:
        g_value_set_boolean (value, self->row != NULL);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
figures_statistic_item_class_init (FiguresStatisticItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = figures_statistic_item_finalize;
  object_class->get_property = figures_statistic_item_get_property;

  properties[PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
figures_statistic_item_init (FiguresStatisticItem *self)
{
}

FiguresStatisticItem *
figures_statistic_item_new_placeholder (void)
{
  return g_object_new (FIGURES_TYPE_STATISTIC_ITEM, NULL);
}

void
figures_statistic_item_set_row (FiguresStatisticItem *self, FiguresStatisticRow *row)
{
  g_return_if_fail (FIGURES_IS_STATISTIC_ITEM (self));
  g_return_if_fail (row != NULL && row->statistic != NULL);

  g_clear_pointer (&self->row, figures_statistic_row_free);
  self->row = row;
  /* also when it was loaded: the cells show the row read again */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
}

const FiguresStatisticRow *
figures_statistic_item_get_row (FiguresStatisticItem *self)
{
  g_return_val_if_fail (FIGURES_IS_STATISTIC_ITEM (self), NULL);
  return self->row;
}

gboolean
figures_statistic_item_get_loaded (FiguresStatisticItem *self)
{
  g_return_val_if_fail (FIGURES_IS_STATISTIC_ITEM (self), FALSE);
  return self->row != NULL;
}
