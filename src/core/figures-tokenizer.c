/* figures-tokenizer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "figures-tokenizer"

#include "config.h"

#include <string.h>

#include "figures-core-types.h"
#include "figures-fold.h"
#include "figures-tokenizer.h"

#define MAX_WORD_BYTES 128

gboolean
figures_tokenizer_is_han (gunichar c)
{
  return (c >= 0x4E00 && c <= 0x9FFF)      /* CJK Unified Ideographs */
         || (c >= 0x3400 && c <= 0x4DBF)   /* Extension A */
         || (c >= 0x20000 && c <= 0x3134F) /* Extensions B–G */
         || (c >= 0xF900 && c <= 0xFAFF)   /* Compatibility Ideographs */
         || c == 0x3007;                   /* 〇 */
}

gboolean
figures_tokenizer_is_word (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isalnum (c);
  return !figures_tokenizer_is_han (c) && g_unichar_isalnum (c);
}

/* Decodes one code point; invalid bytes read as U+FFFD, one byte each. */
static inline int
decode (const guchar *p, const guchar *end, gunichar *out)
{
  guchar b = p[0];
  gunichar c;
  int n;

  if (b < 0x80)
    {
      *out = b;
      return 1;
    }
  if ((b & 0xE0) == 0xC0)
    {
      c = b & 0x1F;
      n = 2;
    }
  else if ((b & 0xF0) == 0xE0)
    {
      c = b & 0x0F;
      n = 3;
    }
  else if ((b & 0xF8) == 0xF0)
    {
      c = b & 0x07;
      n = 4;
    }
  else
    {
      *out = 0xFFFD;
      return 1;
    }
  if (end - p < n)
    {
      *out = 0xFFFD;
      return 1;
    }
  for (int i = 1; i < n; i++)
    {
      if ((p[i] & 0xC0) != 0x80)
        {
          *out = 0xFFFD;
          return 1;
        }
      c = (c << 6) | (p[i] & 0x3F);
    }
  *out = c;
  return n;
}

static inline int
encode (gunichar c, char *out)
{
  if (c < 0x80)
    {
      out[0] = c;
      return 1;
    }
  if (c < 0x800)
    {
      out[0] = 0xC0 | (c >> 6);
      out[1] = 0x80 | (c & 0x3F);
      return 2;
    }
  if (c < 0x10000)
    {
      out[0] = 0xE0 | (c >> 12);
      out[1] = 0x80 | ((c >> 6) & 0x3F);
      out[2] = 0x80 | (c & 0x3F);
      return 3;
    }
  out[0] = 0xF0 | (c >> 18);
  out[1] = 0x80 | ((c >> 12) & 0x3F);
  out[2] = 0x80 | ((c >> 6) & 0x3F);
  out[3] = 0x80 | (c & 0x3F);
  return 4;
}

typedef struct
{
  gunichar c; /* folded */
  int start;
  int end;
} HanChar;

int
figures_tokenize (
  const char *text, int len, FiguresTokenizeMode mode, FiguresTokenFunc func, gpointer user_data)
{
  const guchar *p = (const guchar *) text;
  const guchar *end;
  gboolean query = mode == FIGURES_TOKENIZE_QUERY;
  HanChar pending = { 0, 0, 0 };  /* previous Han character of the run */
  HanChar deferred = { 0, 0, 0 }; /* query: last character of a run, emitted
                                   * only when another token follows */
  guint run = 0;
  char buf[MAX_WORD_BYTES + 8];
  int rc;

  g_return_val_if_fail (func != NULL, SQLITE_MISUSE);

  if (text == NULL)
    return SQLITE_OK;
  if (len < 0)
    len = strlen (text);
  end = p + len;

#define EMIT(colocated, tok, toklen, s, e)                         \
  G_STMT_START                                                     \
  {                                                                \
    rc = func (user_data, (colocated), (tok), (toklen), (s), (e)); \
    if (rc != SQLITE_OK)                                           \
      return rc;                                                   \
  }                                                                \
  G_STMT_END

#define FLUSH_DEFERRED()                                     \
  G_STMT_START                                               \
  {                                                          \
    if (deferred.c != 0)                                     \
      {                                                      \
        int n_ = encode (deferred.c, buf);                   \
        EMIT (FALSE, buf, n_, deferred.start, deferred.end); \
        deferred.c = 0;                                      \
      }                                                      \
  }                                                          \
  G_STMT_END

#define END_RUN()                                              \
  G_STMT_START                                                 \
  {                                                            \
    if (pending.c != 0)                                        \
      {                                                        \
        if (query && run > 1)                                  \
          deferred = pending;                                  \
        else                                                   \
          {                                                    \
            int n_ = encode (pending.c, buf);                  \
            EMIT (FALSE, buf, n_, pending.start, pending.end); \
          }                                                    \
        pending.c = 0;                                         \
        run = 0;                                               \
      }                                                        \
  }                                                            \
  G_STMT_END

  while (p < end)
    {
      gunichar c;
      int start = p - (const guchar *) text;
      int n = decode (p, end, &c);

      if (figures_tokenizer_is_han (c))
        {
          gunichar f = figures_fold_char (c);

          if (pending.c != 0)
            {
              int a;

              if (!query)
                {
                  a = encode (pending.c, buf);
                  EMIT (FALSE, buf, a, pending.start, pending.end);
                }
              else
                FLUSH_DEFERRED ();
              a = encode (pending.c, buf);
              a += encode (f, buf + a);
              EMIT (!query, buf, a, pending.start, start + n);
            }
          else if (query)
            FLUSH_DEFERRED ();
          pending.c = f;
          pending.start = start;
          pending.end = start + n;
          run++;
          p += n;
        }
      else if (figures_tokenizer_is_word (c))
        {
          int blen = 0;
          gboolean prev_digit = FALSE;

          END_RUN ();
          FLUSH_DEFERRED ();

          while (p < end)
            {
              n = decode (p, end, &c);
              if (c == '.' && prev_digit && p + 1 < end && g_ascii_isdigit (p[1]))
                {
                  /* 6.3: a decimal point between digits stays in the number */
                }
              else if (!figures_tokenizer_is_word (c))
                break;
              prev_digit = c < 0x80 && g_ascii_isdigit (c);
              if (c < 0x80)
                c = g_ascii_tolower (c);
              else
                c = g_unichar_tolower (c);
              if (blen + 4 <= MAX_WORD_BYTES)
                blen += encode (c, buf + blen);
              p += n;
            }
          EMIT (FALSE, buf, blen, start, p - (const guchar *) text);
        }
      else
        {
          END_RUN ();
          p += n;
        }
    }

  END_RUN ();

#undef EMIT
#undef FLUSH_DEFERRED
#undef END_RUN

  return SQLITE_OK;
}

static int
count_token_cb (
  gpointer user_data, gboolean colocated, const char *token, int len, int start, int end)
{
  *(gboolean *) user_data = TRUE;
  return SQLITE_DONE;
}

gboolean
figures_tokenizer_has_tokens (const char *text, gssize len)
{
  gboolean any = FALSE;

  if (text == NULL)
    return FALSE;
  if (len < 0)
    len = strlen (text);
  figures_tokenize (text, len, FIGURES_TOKENIZE_DOCUMENT, count_token_cb, &any);
  return any;
}

/* ---- FTS5 glue ---- */

typedef struct
{
  void *ctx;
  int (*x_token) (void *, int, const char *, int, int, int);
} Fts5Call;

static int
fts5_token_cb (
  gpointer user_data, gboolean colocated, const char *token, int len, int start, int end)
{
  Fts5Call *call = user_data;

  return call->x_token (call->ctx, colocated ? FTS5_TOKEN_COLOCATED : 0, token, len, start, end);
}

static int
fts5_create (void *ctx, const char **args, int n_args, Fts5Tokenizer **out)
{
  static int dummy;

  *out = (Fts5Tokenizer *) &dummy;
  return SQLITE_OK;
}

static void
fts5_delete (Fts5Tokenizer *tokenizer)
{
}

static int
fts5_tokenize (Fts5Tokenizer *tokenizer,
               void *ctx,
               int flags,
               const char *text,
               int len,
               int (*x_token) (void *, int, const char *, int, int, int))
{
  Fts5Call call = { ctx, x_token };
  FiguresTokenizeMode mode = FIGURES_TOKENIZE_DOCUMENT;

  if ((flags & FTS5_TOKENIZE_QUERY) != 0)
    mode = FIGURES_TOKENIZE_QUERY;

  return figures_tokenize (text, len, mode, fts5_token_cb, &call);
}

static fts5_api *
get_fts5_api (sqlite3 *db)
{
  fts5_api *api = NULL;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT fts5(?1)", -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  sqlite3_bind_pointer (stmt, 1, &api, "fts5_api_ptr", NULL);
  sqlite3_step (stmt);
  sqlite3_finalize (stmt);

  return api;
}

gboolean
figures_tokenizer_register (sqlite3 *db, GError **error)
{
  static fts5_tokenizer tokenizer = { fts5_create, fts5_delete, fts5_tokenize };
  fts5_api *api;
  int rc;

  g_return_val_if_fail (db != NULL, FALSE);

  api = get_fts5_api (db);
  if (api == NULL)
    {
      g_set_error_literal (error, FIGURES_INDEX_ERROR, FIGURES_INDEX_ERROR_FAILED,
                           "This SQLite has no FTS5 full-text search");
      return FALSE;
    }

  rc = api->xCreateTokenizer (api, FIGURES_TOKENIZER_NAME, NULL, &tokenizer, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, FIGURES_INDEX_ERROR, FIGURES_INDEX_ERROR_FAILED,
                   "Could not register the search tokenizer: %s", sqlite3_errstr (rc));
      return FALSE;
    }

  return TRUE;
}
