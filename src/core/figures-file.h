/* figures-file.h: reading one report file, bounded
 *
 * Only regular files are read (never a FIFO, a device or a folder, even
 * behind a symbolic link), and never more than a size limit: no input can
 * hang a reader or grow its memory without bound.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The whole content of the regular file @path, of at most @max_size bytes
 * (0: FIGURES_TEXT_DEFAULT_MAX_SIZE). Errors name the file: G_FILE_ERROR
 * when it cannot be opened or read or is not a regular file (NXIO),
 * FIGURES_TEXT_ERROR_TOO_LARGE when it is larger than the limit. */
GBytes *figures_file_read (const char *path,
                           gsize       max_size,
                           GError    **error);

G_END_DECLS
