/* figures-file.c: reading one report file, bounded
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "figures-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "figures-file.h"
#include "figures-text.h"

static gboolean
set_errno_error (GError **error, int saved, const char *path)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), "Cannot read “%s”: %s",
               display, g_strerror (saved));
  return FALSE;
}

static gboolean
set_too_large (GError **error, const char *path, guint64 size, gsize max_size)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, FIGURES_TEXT_ERROR, FIGURES_TEXT_ERROR_TOO_LARGE,
               "“%s” is too large: %" G_GUINT64_FORMAT
               " bytes or more, the limit is %" G_GSIZE_FORMAT " bytes",
               display, size, max_size);
  return FALSE;
}

GBytes *
figures_file_read (const char *path, gsize max_size, GError **error)
{
  g_autofree char *data = NULL;
  struct stat st;
  gsize len = 0;
  gsize capacity;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (max_size == 0)
    max_size = FIGURES_TEXT_DEFAULT_MAX_SIZE;

  /* O_NONBLOCK: opening a FIFO must not wait for a writer */
  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, 0);
  if (fd < 0)
    {
      set_errno_error (error, errno, path);
      return NULL;
    }
  if (fstat (fd, &st) != 0)
    {
      int saved = errno;

      close (fd);
      set_errno_error (error, saved, path);
      return NULL;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_autofree char *display = g_filename_display_name (path);

      close (fd);
      g_set_error (error, G_FILE_ERROR,
                   S_ISDIR (st.st_mode) ? G_FILE_ERROR_ISDIR : G_FILE_ERROR_NXIO,
                   "Cannot read “%s”: %s", display,
                   S_ISDIR (st.st_mode) ? "it is a folder" : "not a regular file");
      return NULL;
    }
  if ((guint64) st.st_size > (guint64) max_size)
    {
      close (fd);
      set_too_large (error, path, st.st_size, max_size);
      return NULL;
    }

  /* The file may grow while it is read: never read past the limit. */
  capacity = MIN ((gsize) st.st_size, max_size) + 1;
  data = g_malloc (capacity + 1);
  for (;;)
    {
      gssize n = read (fd, data + len, capacity - len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;

          close (fd);
          set_errno_error (error, saved, path);
          return NULL;
        }
      if (n == 0)
        break;
      len += n;
      if (len > max_size)
        {
          close (fd);
          set_too_large (error, path, len, max_size);
          return NULL;
        }
      if (len == capacity)
        {
          capacity = MIN (capacity * 2, max_size + 1);
          data = g_realloc (data, capacity + 1);
        }
    }
  close (fd);
  data[len] = '\0';
  return g_bytes_new_take (g_steal_pointer (&data), len);
}
