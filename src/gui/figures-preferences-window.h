/* figures-preferences-window.h: the report folders
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

typedef struct _FiguresWindow FiguresWindow;

#define FIGURES_TYPE_PREFERENCES_WINDOW (figures_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (FiguresPreferencesWindow,
                      figures_preferences_window,
                      FIGURES,
                      PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

GtkWindow *figures_preferences_window_new (FiguresWindow *window);

G_END_DECLS
