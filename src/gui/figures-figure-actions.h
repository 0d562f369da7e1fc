/* figures-figure-actions.h: what can be done with one figure, wherever it is shown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "figures-corrections.h"

G_BEGIN_DECLS

/* The corrections every view offers on a figure: "confirm", "reject",
 * "undo" (a NULL-ended table; see win.correct-figure). */
typedef struct
{
  const char *key;
  const char *label; /* translatable, with a mnemonic */
  const char *tooltip;
  const char *done; /* translatable: what the toast says once it is done */
  FiguresCorrectionAction action;
  gboolean undo; /* undoes the figure's latest correction instead */
} FiguresFigureAction;

extern const FiguresFigureAction figures_figure_actions[];

/* The entry of figures_figure_actions[] for @key; NULL when none. */
const FiguresFigureAction *figures_figure_action_lookup (const char *key);

/* A menu of figures_figure_actions[] on the figure at @start of the
 * report at @path, each item win.correct-figure with its target. */
GMenuModel *figures_figure_menu_new (const char *path, guint start);

G_END_DECLS
