/* figures-preferences-window.h: the report folders
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "figures-library.h"

G_BEGIN_DECLS

#define FIGURES_TYPE_PREFERENCES_WINDOW (figures_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (FiguresPreferencesWindow,
                      figures_preferences_window,
                      FIGURES,
                      PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

/* Actions (win.open-folder, …) go to @parent. */
GtkWindow *figures_preferences_window_new (GtkWindow *parent, FiguresLibrary *library);

G_END_DECLS
