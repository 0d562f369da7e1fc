/* figures-application.h: the GtkApplication, its settings and where things live
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "figures-library.h"

G_BEGIN_DECLS

/* The settings schema keeps the base id, shared by the Devel build. */
#define FIGURES_SCHEMA_ID "org.figuresapp.Figures"

#define FIGURES_TYPE_APPLICATION (figures_application_get_type ())

G_DECLARE_FINAL_TYPE (FiguresApplication, figures_application, FIGURES, APPLICATION, AdwApplication)

FiguresApplication *figures_application_new (void);
GSettings *figures_application_get_settings (FiguresApplication *self);
/* The reports shown, their folders and index: one for every window. */
FiguresLibrary *figures_application_get_library (FiguresApplication *self);

/* FIGURES_SAMPLES_DIR, else the installed samples, else the source tree's. */
char *figures_application_dup_samples_dir (void);
/* FIGURES_INDEX_PATH, else $XDG_DATA_HOME/figures/index.db */
char *figures_application_dup_index_path (void);
/* A GSettings for the schema, found installed or in the build tree. */
GSettings *figures_settings_new (void);
/* Makes an uninstalled run find its translations and settings schema. */
void figures_application_setup_uninstalled (void);

int figures_application_run (int argc, char **argv);

G_END_DECLS
