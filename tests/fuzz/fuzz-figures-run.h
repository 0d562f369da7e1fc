/* fuzz-figures-run.h: the path the fuzzer drives, shared with the
 * regression test (tests/test-fuzz-regressions.c) so that both replay
 * inputs the same way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stdlib.h>

#include "figures-extractor.h"
#include "figures-gazetteer.h"
#include "figures-text.h"

/* Aborts (a crash the fuzzer reports) when an invariant is broken. */
#define FUZZ_CHECK(cond)                                                         \
  G_STMT_START                                                                   \
  {                                                                              \
    if (!(cond))                                                                 \
      {                                                                          \
        g_printerr ("%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #cond); \
        abort ();                                                                \
      }                                                                          \
  }                                                                              \
  G_STMT_END

static inline void
fuzz_figures_run (const guint8 *data, gsize size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FiguresText) text = NULL;
  g_autoptr (FiguresExtraction) extraction = NULL;
  g_autofree char *normalised = NULL;
  g_autofree char *head = NULL;
  g_autofree char *tail = NULL;

  /* The normaliser alone, on bytes that may not even be UTF-8. */
  normalised = figures_text_normalise ((const char *) data, size);
  FUZZ_CHECK (normalised != NULL);
  FUZZ_CHECK (g_utf8_validate (normalised, -1, NULL));

  text = figures_text_new_from_bytes (data, size, &error);
  if (text == NULL)
    {
      FUZZ_CHECK (error != NULL);
      FUZZ_CHECK (error->message != NULL && error->message[0] != '\0');
      return;
    }
  FUZZ_CHECK (error == NULL);
  FUZZ_CHECK (text->encoding != NULL);
  FUZZ_CHECK (g_utf8_validate (text->display, text->display_len, NULL));
  FUZZ_CHECK (strlen (text->display) == text->display_len);
  FUZZ_CHECK ((gsize) g_utf8_strlen (text->display, -1) == text->n_chars);
  FUZZ_CHECK (figures_text_char_to_byte (text, text->n_chars) == text->display_len);
  FUZZ_CHECK (figures_text_char_to_byte (text, 0) == 0);
  for (gsize i = 0; i < text->n_chars; i++)
    FUZZ_CHECK (g_unichar_validate (text->folded[i]));

  /* Normalising is idempotent: the display text normalises to itself. */
  {
    g_autofree char *again = figures_text_normalise (text->display, text->display_len);

    FUZZ_CHECK (strcmp (again, text->display) == 0);
  }

  head = figures_text_dup_range (text, 0, MIN (text->n_chars, 10));
  tail = figures_text_dup_range (text, text->n_chars / 2, text->n_chars);
  FUZZ_CHECK (head != NULL && tail != NULL);

  /* The extractor may still be a placeholder that returns NULL. */
  extraction = figures_extract (text, figures_gazetteer_get_default ());
  if (extraction == NULL || extraction->statistics == NULL)
    return;

  for (guint i = 0; i < extraction->statistics->len; i++)
    {
      const FiguresStatistic *stat = g_ptr_array_index (extraction->statistics, i);
      g_autofree char *number = NULL;
      g_autofree char *evidence = NULL;

      FUZZ_CHECK (stat != NULL);
      FUZZ_CHECK (stat->metric < FIGURES_N_METRICS);
      FUZZ_CHECK (stat->start <= stat->end && stat->end <= text->n_chars);
      FUZZ_CHECK (stat->evidence_start <= stat->evidence_end &&
                  stat->evidence_end <= text->n_chars);
      number = figures_text_dup_range (text, stat->start, stat->end);
      evidence = figures_text_dup_range (text, stat->evidence_start, stat->evidence_end);
      FUZZ_CHECK (stat->city == NULL || g_utf8_validate (stat->city, -1, NULL));
      FUZZ_CHECK (stat->evidence == NULL || g_utf8_validate (stat->evidence, -1, NULL));
    }
}
