/* gen-fold.c: writes data/fold.tsv, the Traditional→Simplified fold table
 *
 * Not part of the normal build: see build-aux/gen-fold.sh. Runs ICU's
 * "Hant-Hans" transliterator on every code point of the CJK blocks, one
 * at a time, keeps the results that are a single different code point,
 * adds the variant forms listed in build-aux/fold-variants.tsv, closes the
 * table (a→b, b→c becomes a→c, b→c, so folding is idempotent) and writes
 * "from<TAB>to" lines sorted by code point.
 *
 * Usage: gen-fold VARIANTS.tsv OUTPUT.tsv
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <unicode/uclean.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>
#include <unicode/utrans.h>
#include <unicode/uvernum.h>

#define MAX_CP 0x30000

static UChar32 fold[MAX_CP];

static const struct
{
  UChar32 first, last;
} blocks[] = {
  { 0x3400, 0x4DBF },   /* CJK Unified Ideographs Extension A */
  { 0x4E00, 0x9FFF },   /* CJK Unified Ideographs */
  { 0xF900, 0xFAFF },   /* CJK Compatibility Ideographs */
  { 0x20000, 0x2FA1F }, /* Extensions B–F and the Compatibility Supplement */
};

static int
utf8_encode (UChar32 c, char *out)
{
  UErrorCode status = U_ZERO_ERROR;
  UChar u[2];
  int32_t n = 0, len = 0;

  U16_APPEND_UNSAFE (u, n, c);
  u_strToUTF8 (out, 8, &len, u, n, &status);
  if (U_FAILURE (status))
    return -1;
  out[len] = '\0';
  return len;
}

static UChar32
utf8_decode_one (const char *s)
{
  UErrorCode status = U_ZERO_ERROR;
  UChar u[4];
  int32_t n = 0;
  int32_t i = 0;
  UChar32 c;

  u_strFromUTF8 (u, 4, &n, s, -1, &status);
  if (U_FAILURE (status) || n == 0)
    return -1;
  U16_NEXT (u, i, n, c);
  return i == n ? c : -1;
}

static int
read_variants (const char *path)
{
  FILE *f = fopen (path, "r");
  char line[512];
  int n = 0;

  if (f == NULL)
    {
      perror (path);
      return -1;
    }

  while (fgets (line, sizeof line, f) != NULL)
    {
      char *tab, *to, *end;
      UChar32 a, b;

      if (line[0] == '#' || line[0] == '\n')
        continue;
      tab = strchr (line, '\t');
      if (tab == NULL)
        continue;
      *tab = '\0';
      to = tab + 1;
      end = to + strcspn (to, "\t\n #");
      *end = '\0';
      a = utf8_decode_one (line);
      b = utf8_decode_one (to);
      if (a < 0 || b < 0 || a >= MAX_CP)
        {
          fprintf (stderr, "%s: bad line: %s\n", path, line);
          continue;
        }
      if (fold[a] != a && fold[a] != b)
        {
          char sa[8], sb[8], sc[8];

          utf8_encode (a, sa);
          utf8_encode (b, sb);
          utf8_encode (fold[a], sc);
          fprintf (stderr, "note: variant %s→%s overrides ICU's %s→%s\n", sa, sb, sa, sc);
        }
      else if (fold[a] == b)
        {
          char sa[8], sb[8];

          utf8_encode (a, sa);
          utf8_encode (b, sb);
          fprintf (stderr, "note: ICU already folds %s→%s\n", sa, sb);
        }
      fold[a] = b;
      n++;
    }

  fclose (f);
  return n;
}

int
main (int argc, char *argv[])
{
  UErrorCode status = U_ZERO_ERROR;
  UParseError parse_error;
  UTransliterator *trans;
  static const UChar id[] = { 'H', 'a', 'n', 't', '-', 'H', 'a', 'n', 's', 0 };
  FILE *out;
  int n_icu = 0, n_variants, n_written = 0;
  char date[32];
  time_t now = time (NULL);

  if (argc != 3)
    {
      fprintf (stderr, "Usage: %s VARIANTS.tsv OUTPUT.tsv\n", argv[0]);
      return 2;
    }

  trans = utrans_openU (id, -1, UTRANS_FORWARD, NULL, 0, &parse_error, &status);
  if (U_FAILURE (status))
    {
      fprintf (stderr, "Cannot open Hant-Hans: %s\n", u_errorName (status));
      return 1;
    }

  for (UChar32 c = 0; c < MAX_CP; c++)
    fold[c] = c;

  for (size_t b = 0; b < sizeof blocks / sizeof blocks[0]; b++)
    for (UChar32 c = blocks[b].first; c <= blocks[b].last; c++)
      {
        UChar buf[16];
        int32_t len = 0, limit;
        int32_t i = 0;
        UChar32 r;

        U16_APPEND_UNSAFE (buf, len, c);
        limit = len;
        status = U_ZERO_ERROR;
        utrans_transUChars (trans, buf, &len, 16, 0, &limit, &status);
        if (U_FAILURE (status) || len == 0)
          continue;
        U16_NEXT (buf, i, len, r);
        if (i != len || r == c || r >= MAX_CP)
          continue;
        fold[c] = r;
        n_icu++;
      }
  utrans_close (trans);

  n_variants = read_variants (argv[1]);
  if (n_variants < 0)
    return 1;

  /* ICU has cycles (苎→苧→苎): a cycle folds to its lowest code point. */
  for (UChar32 c = 0; c < MAX_CP; c++)
    {
      UChar32 t = fold[c], low = c;
      int len = 1;

      while (t != c && len < 16 && fold[t] != t)
        {
          low = t < low ? t : low;
          t = fold[t];
          len++;
        }
      if (t == c && len > 1)
        {
          char a[8], b[8];

          utf8_encode (c, a);
          utf8_encode (low, b);
          fprintf (stderr, "note: cycle through %s folds to %s\n", a, b);
          fold[c] = low;
        }
    }

  /* Close the table so that folding twice changes nothing. */
  for (UChar32 c = 0; c < MAX_CP; c++)
    {
      UChar32 t = fold[c];

      for (int step = 0; step < 16 && fold[t] != t; step++)
        t = fold[t];
      fold[c] = t;
    }

  out = fopen (argv[2], "w");
  if (out == NULL)
    {
      perror (argv[2]);
      return 1;
    }

  strftime (date, sizeof date, "%Y-%m-%d", gmtime (&now));
  fprintf (out, "# fold.tsv: Traditional→Simplified fold for matching, one code point to one.\n");
  /* The mappings come from ICU's data, under the Unicode licence. */
  fprintf (out, "# SPDX-License-Identifier: GPL-3.0-or-later AND Unicode-DFS-2016\n");
  fprintf (out, "# Generated by build-aux/gen-fold.sh on %s from ICU %s (Unicode %s)\n", date,
           U_ICU_VERSION, U_UNICODE_VERSION);
  fprintf (out, "# \"Hant-Hans\" transliterator, run per code point over U+3400–U+4DBF,\n");
  fprintf (out, "# U+4E00–U+9FFF, U+F900–U+FAFF and U+20000–U+2FA1F (%d single-code-point\n",
           n_icu);
  fprintf (out, "# results), plus %d entries from build-aux/fold-variants.tsv. Do not edit.\n",
           n_variants);
  fprintf (out, "# from<TAB>to\n");

  for (UChar32 c = 0; c < MAX_CP; c++)
    if (fold[c] != c)
      {
        char a[8], b[8];

        utf8_encode (c, a);
        utf8_encode (fold[c], b);
        fprintf (out, "%s\t%s\n", a, b);
        n_written++;
      }

  fclose (out);
  u_cleanup ();
  fprintf (stderr, "%d folds written to %s (%d from ICU, %d variants)\n", n_written, argv[2], n_icu,
           n_variants);
  return 0;
}
