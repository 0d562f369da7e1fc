/* figures-text.h: from a file's bytes to the text a person reads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define FIGURES_TEXT_ERROR (figures_text_error_quark ())

typedef enum
{
  FIGURES_TEXT_ERROR_EMPTY,       /* no bytes, or only white space */
  FIGURES_TEXT_ERROR_BINARY,      /* NUL bytes or control characters: not a text file */
  FIGURES_TEXT_ERROR_UNDECODABLE, /* no supported encoding reads it */
  FIGURES_TEXT_ERROR_TOO_LARGE,   /* larger than the caller's limit */
} FiguresTextError;

GQuark figures_text_error_quark (void);

/* Default size limit for a report, in bytes. */
#define FIGURES_TEXT_DEFAULT_MAX_SIZE (64 * 1024 * 1024)

typedef struct _FiguresText FiguresText;

/* A decoded, normalised document. Offsets everywhere in Figures are
 * code-point offsets into @chars (== into @display). */
struct _FiguresText
{
  char *display;        /* normalised text, UTF-8, exactly what the viewer shows */
  gsize display_len;    /* bytes in @display */
  gunichar *chars;      /* @display as code points */
  gunichar *folded;     /* @chars folded Traditional→Simplified; same length */
  gsize n_chars;
  const char *encoding; /* static string: "UTF-8", "UTF-16LE", "UTF-16BE", "GB18030", "Big5" */
  guint n_replaced;     /* invalid byte sequences replaced by U+FFFD while decoding */
};

FiguresText *figures_text_new_from_bytes (const guint8 *data,
                                          gsize         len,
                                          GError      **error);
FiguresText *figures_text_new_from_file  (const char   *path,
                                          gsize         max_size,
                                          GError      **error);
void         figures_text_free           (FiguresText  *text);

/* Byte offset in @display of code point @char_offset (0 … n_chars). */
gsize        figures_text_char_to_byte   (const FiguresText *text,
                                          gsize              char_offset);
/* A newly allocated UTF-8 copy of code points [start, end). */
char        *figures_text_dup_range      (const FiguresText *text,
                                          gsize              start,
                                          gsize              end);

/* The two steps, exposed for tests and the fuzzer. */
char        *figures_text_decode         (const guint8 *data,
                                          gsize         len,
                                          const char  **encoding,
                                          guint        *n_replaced,
                                          GError      **error);
char        *figures_text_normalise      (const char   *utf8,
                                          gssize        len);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FiguresText, figures_text_free)

G_END_DECLS
