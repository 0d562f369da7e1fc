/* main.c: `figures` opens the window; `figures COMMAND …` works headless
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "figures"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "figures-application.h"
#include "figures-cli.h"

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Subcommands never touch GTK, so they run without a display. */
  if (argc > 1 && figures_cli_is_command (argv[1]))
    return figures_cli_run (argc - 1, argv + 1);

  /* Finds the translations and the settings schema of a build that was
   * not installed (the source tree's uninstalled run). */
  figures_application_setup_uninstalled ();
  return figures_application_run (argc, argv);
}
