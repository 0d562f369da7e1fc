/* figures-figure-actions.c: what can be done with one figure, wherever it is shown
 *
 * The reader's popover, a chart's mentions and the Statistics view offer
 * the same corrections with the same words; win.correct-figure does them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "figures-figure-actions.h"

const FiguresFigureAction figures_figure_actions[] = {
  { "confirm", N_ ("_Confirm"), N_ ("The figure is right as read"), N_ ("Figure confirmed"),
    FIGURES_CORRECTION_CONFIRM, FALSE },
  { "reject", N_ ("_Not a Statistic"), N_ ("Leave the figure out of every chart and table"),
    N_ ("Left out as not a statistic"), FIGURES_CORRECTION_REJECT, FALSE },
  { "undo", N_ ("_Undo Correction"), N_ ("Undo the latest correction of the figure"),
    N_ ("Correction undone"), FIGURES_CORRECTION_CONFIRM, TRUE },
  { NULL },
};

const FiguresFigureAction *
figures_figure_action_lookup (const char *key)
{
  for (guint i = 0; figures_figure_actions[i].key != NULL; i++)
    if (g_strcmp0 (figures_figure_actions[i].key, key) == 0)
      return &figures_figure_actions[i];
  return NULL;
}

GMenuModel *
figures_figure_menu_new (const char *path, guint start)
{
  GMenu *menu = g_menu_new ();

  g_return_val_if_fail (path != NULL, NULL);

  for (guint i = 0; figures_figure_actions[i].key != NULL; i++)
    {
      g_autoptr (GMenuItem) item = g_menu_item_new (_ (figures_figure_actions[i].label), NULL);

      g_menu_item_set_action_and_target (item, "win.correct-figure", "(sus)", path, start,
                                         figures_figure_actions[i].key);
      g_menu_append_item (menu, item);
    }
  return G_MENU_MODEL (menu);
}
