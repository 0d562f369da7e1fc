/* figures-extractor.c: the statistics of a document, by ../shared/spec/statistics.md
 *
 * One pass over the folded code points finds place mentions (gazetteer
 * and scope words), heading lines and numbers with a unit. Each number is
 * classified on the spot by looking around it (its list item, clause and
 * sentence, found by scanning a few dozen code points); attribution to a
 * city needs the document's place, so it is finished after the pass, as
 * are counting once and the headline rule.
 *
 * Nothing is allocated per character; the keyword lists are in
 * figures-rules.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "figures-extractor"

#include "config.h"

#include <math.h>
#include <string.h>

#include "figures-extractor.h"
#include "figures-rules.h"

/* Reasons are English here and in `figures extract --explain`; marked for
 * the window, which shows them in its language
 * (figures_extractor_translate_reason()) */
#define N_(text) text

#define HEADING_MAX_CHARS 40 /* spec: a heading is shorter than 40 characters */
#define TITLE_MAX_CHARS 80   /* the first line is the title when it reads like one */
#define QUOTED_NAME_MAX 20   /* “三项计划”: numbers inside short quotes are names */
#define CONTEXT_CHARS 30     /* spec "Counting once" */
#define SCAN_LIMIT 400       /* how far to look for a sentence boundary */
#define PHRASE_MAX 24        /* the noun phrase after N个 */
#define PARTNER_SPAN 40      /* how far back 与 makes a list of partners */
#define AID_SPAN 12          /* how far after a place an aid word (援藏) makes it a giver */
#define STEM_SCAN_CHARS 4000 /* how far a text is searched for a county's stem */
#define MASTHEAD_LINES 6     /* a website's masthead is among the first lines */
#define NO_YEAR G_MININT
#define YEARS_MAX 16       /* years remembered per sentence */
#define LABEL_BEFORE_MAX 4 /* Han characters of a label read before the number */
#define LABEL_MAX 6        /* … and after its unit */

/* The role a place plays in its sentence (spec "Which city"): partners,
 * givers and a news dateline's place never own a figure; a receiver owns
 * it even when another place is the subject; an origin (来自X) owns the
 * people it sends and gives the money it sends. */
typedef enum
{
  MENTION_PARTNER = 1 << 0,
  MENTION_GIVER = 1 << 1,
  MENTION_IN_BOOK = 1 << 2,
  MENTION_RECEIVER = 1 << 3,
  MENTION_ORIGIN = 1 << 4,
  MENTION_DATELINE = 1 << 5,
  MENTION_AID = 1 << 6, /* gives aid to another place (江苏…援藏): not even a title's place */
} MentionFlags;

#define MENTION_LIST_FLAGS (MENTION_PARTNER | MENTION_GIVER | MENTION_RECEIVER | MENTION_ORIGIN)

/* Why a figure has its city, for `figures extract --explain` and the
 * reader's popover. */
typedef enum
{
  WHY_CITY_NONE,        /* the text names no place */
  WHY_CITY_SUBJECT,     /* a place before it in its sentence */
  WHY_CITY_RECEIVER,    /* 援建X, 为X, 向X捐款 */
  WHY_CITY_ORIGIN,      /* 来自X的学员 */
  WHY_CITY_RESPECTIVE,  /* X、Y分别…: the k-th place */
  WHY_CITY_LIST,        /* X、Y和Z: their common division */
  WHY_CITY_SCOPE,       /* 全市, 我省: the place in scope */
  WHY_CITY_SECTION,     /* the section heading's place */
  WHY_CITY_TITLE,       /* the document's title */
  WHY_CITY_PUBLISHER,   /* the publisher's line or masthead */
  WHY_CITY_BYLINE,      /* a short line naming a place */
  WHY_CITY_MOST_NAMED,  /* the division the text names most often */
  WHY_CITY_ONLY_REGION, /* only the province is named */
  WHY_CITY_STEM,        /* a county named by its short form (泽州) */
} WhyCity;

static const char *const why_city_text[] = {
  [WHY_CITY_NONE] = N_ ("no place named: left empty"),
  [WHY_CITY_SUBJECT] = N_ ("subject %s"),
  [WHY_CITY_RECEIVER] = N_ ("receiver %s"),
  [WHY_CITY_ORIGIN] = N_ ("origin %s (来自)"),
  [WHY_CITY_RESPECTIVE] = N_ ("%s, by 分别 order"),
  [WHY_CITY_LIST] = N_ ("%s, common to the places listed"),
  [WHY_CITY_SCOPE] = N_ ("scope word %s"),
  [WHY_CITY_SECTION] = N_ ("section heading %s"),
  [WHY_CITY_TITLE] = N_ ("document title %s"),
  [WHY_CITY_PUBLISHER] = N_ ("publisher %s"),
  [WHY_CITY_BYLINE] = N_ ("byline %s"),
  [WHY_CITY_MOST_NAMED] = N_ ("%s, the place named most often"),
  [WHY_CITY_ONLY_REGION] = N_ ("%s, the only region named"),
  [WHY_CITY_STEM] = N_ ("%s, named by its short form"),
};

typedef struct
{
  gsize start;
  gsize end;
  const FiguresPlace *const *candidates;
  guint n_candidates;
  const FiguresPlace *place; /* resolved after the pass */
  int scope;                 /* FiguresScopeKind, or -1 for a gazetteer place */
  gsize town_start;          /* a town named right after a county: 武川县可镇 */
  gsize town_end;            /* 0: none */
  guint flags;
} Mention;

typedef struct
{
  gsize start;
  gsize end;
  guint first_mention;
  guint end_mention;
} Line;

typedef struct
{
  FiguresMetric metric;
  FiguresDecimal value;
  gboolean approx;
  gsize unit_start; /* of the unit as written, its multiplier included */
  gsize mult_start; /* 5万余元: the multiplier, apart from the unit word when */
  gsize mult_end;   /* 余/多 stands between them (mult_end > mult_start) */
  gsize word_start; /* the unit word after it */
  FiguresUnitKind unit_kind;
  gsize start;
  gsize end;
  char *label_noun;
  gsize sent_start;
  gsize sent_end;
  int year;
  int year_offset; /* 今年 0, 去年 -1: relative to the document's date; NO_YEAR: none */
  int owner;       /* mention index, -1: none */
  gsize item_start;
  gsize clause_start;
  int owner_first;  /* the first of a list of places ending at @owner (X、Y和Z) */
  guint owner_why;  /* WhyCity of @owner */
  guint why_metric; /* WhyMetric */
  const char *why_word;
  gboolean in_heading;
  gboolean in_title;
  gboolean dropped;
} Raw;

typedef struct
{
  const FiguresText *text;
  const gunichar *t;
  gsize n;
  FiguresGazetteer *gazetteer;
  const FiguresRules *rules;

  GArray *mentions; /* Mention */
  GArray *headings; /* Line */
  GArray *raws;     /* Raw */

  gboolean has_title;
  Line title;
  gboolean has_byline;
  Line byline;
  gboolean has_publisher;
  Line publisher;
  guint n_lines;  /* non-blank lines seen */
  gsize head_end; /* end of the first MASTHEAD_LINES lines (byline, 发布时间) */
  Line last_line; /* the signature's date, when the last line is one */
  int doc_year;   /* the year of the document's date, 0: none; -1: not yet read */

  /* the years of the sentence last looked at (its numbers share them) */
  gsize years_start;
  gsize years_end;
  guint n_years;
  guint n_relative;
  gboolean years_overflow;
  gsize year_pos[YEARS_MAX];
  int year_value[YEARS_MAX];
  gsize relative_pos[YEARS_MAX];
  int relative_offset[YEARS_MAX];

  const char *doc_province;
  const FiguresPlace *doc_place;
  WhyCity doc_why;
  const FiguresPlace *top_prefecture; /* the prefecture named most often */
  gboolean title_from_key;            /* 标题:… named it */
} Extractor;

/* ------------------------------------------------------------------ */
/* Characters                                                           */
/* ------------------------------------------------------------------ */

static inline gboolean
is_han (gunichar c)
{
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FFFF);
}

static inline gboolean
is_ascii_letter (gunichar c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static inline gboolean
is_ascii_digit (gunichar c)
{
  return c >= '0' && c <= '9';
}

static inline gboolean
is_numeral_start (gunichar c)
{
  if (is_ascii_digit (c))
    return TRUE;
  switch (c)
    {
      case 0x96F6: /* 零 */
      case 0x3007: /* 〇 */
      case 0x4E00: /* 一 */
      case 0x4E8C: /* 二 */
      case 0x4E24: /* 两 */
      case 0x4E09: /* 三 */
      case 0x56DB: /* 四 */
      case 0x4E94: /* 五 */
      case 0x516D: /* 六 */
      case 0x4E03: /* 七 */
      case 0x516B: /* 八 */
      case 0x4E5D: /* 九 */
      case 0x5341: /* 十 */
      case 0x767E: /* 百 */
      case 0x5343: /* 千 */
      case 0x4E07: /* 万 */
      case 0x4EBF: /* 亿 */
        return TRUE;
      default:
        return FALSE;
    }
}

static inline gboolean
is_space (gunichar c)
{
  return c == ' ' || c == '\t' || c == '\r' || c == 0x3000 || c == 0xA0;
}

/* Sentence-final punctuation: the evidence is one sentence. */
static inline gboolean
is_sentence_end (gunichar c)
{
  return c == 0x3002 /* 。 */ || c == 0xFF01 /* ！ */ || c == 0xFF1F /* ？ */ || c == '!' ||
         c == '?' || c == '\n';
}

/* Clause punctuation (also what disqualifies a heading, spec "Text
 * normalisation"). */
static inline gboolean
is_clause_punct (gunichar c)
{
  return c == 0xFF0C /* ， */ || c == 0x3001 /* 、 */ || c == 0xFF1B /* ； */
         || c == 0xFF1A /* ： */ || c == 0x3002 /* 。 */ || c == ',' || c == ';' || c == ':';
}

/* Ends a clause: the scope of "a training word in the same clause". */
static inline gboolean
is_clause_sep (gunichar c)
{
  return c == 0xFF0C || c == 0xFF1B || c == 0xFF1A || c == ',' || c == ';' || c == ':' ||
         is_sentence_end (c);
}

/* Ends a list item: 、 and the clause separators. */
static inline gboolean
is_item_sep (gunichar c)
{
  return c == 0x3001 || is_clause_sep (c);
}

static gunichar
closing_quote (gunichar c)
{
  switch (c)
    {
      case 0x201C: /* “ */
        return 0x201D;
      case 0x2018: /* ‘ */
        return 0x2019;
      case 0x300C: /* 「 */
        return 0x300D;
      case 0x300E: /* 『 */
        return 0x300F;
      case '"':
        return '"';
      default:
        return 0;
    }
}

/* ------------------------------------------------------------------ */
/* Display text                                                         */
/* ------------------------------------------------------------------ */

static gsize
byte_at (Extractor *ex, gsize char_offset)
{
  return figures_text_char_to_byte (ex->text, MIN (char_offset, ex->n));
}

static char *
dup_display (Extractor *ex, gsize start, gsize end)
{
  gsize b0 = byte_at (ex, start);
  gsize b1 = byte_at (ex, end);

  return g_strndup (ex->text->display + b0, b1 - b0);
}

static char *
dup_folded (Extractor *ex, gsize start, gsize end)
{
  return g_ucs4_to_utf8 (ex->t + start, (glong) (end - start), NULL, NULL, NULL);
}

/* ------------------------------------------------------------------ */
/* Boundaries around a number                                           */
/* ------------------------------------------------------------------ */

/* The list item, clause and sentence around a number-with-unit, found by
 * one scan each way. */
typedef struct
{
  gsize sent_start;
  gsize clause_start;
  gsize item_start;
  gsize item_end;
  gsize clause_end;
  gsize sent_end; /* at the sentence-final punctuation (not included) */
} Bounds;

static void
find_bounds (Extractor *ex, gsize num_start, gsize unit_end, Bounds *b)
{
  const gunichar *t = ex->t;
  gsize lo = num_start > SCAN_LIMIT ? num_start - SCAN_LIMIT : 0;
  gsize hi = MIN (ex->n, unit_end + SCAN_LIMIT);
  gsize p = num_start;
  gboolean item = FALSE, clause = FALSE;

  b->item_start = b->clause_start = b->sent_start = lo;
  for (; p > lo; p--)
    {
      gunichar c = t[p - 1];

      if (!is_item_sep (c))
        continue;
      if (!item)
        {
          b->item_start = p;
          item = TRUE;
        }
      if (!clause && is_clause_sep (c))
        {
          b->clause_start = p;
          clause = TRUE;
        }
      if (is_sentence_end (c))
        {
          b->sent_start = p;
          break;
        }
    }
  if (!item)
    b->item_start = p;
  if (!clause)
    b->clause_start = p;
  if (p == lo)
    b->sent_start = lo;

  item = clause = FALSE;
  b->item_end = b->clause_end = b->sent_end = hi;
  for (p = unit_end; p < hi; p++)
    {
      gunichar c = t[p];

      if (!is_item_sep (c))
        continue;
      if (!item)
        {
          b->item_end = p;
          item = TRUE;
        }
      if (!clause && is_clause_sep (c))
        {
          b->clause_end = p;
          clause = TRUE;
        }
      if (is_sentence_end (c))
        {
          b->sent_end = p;
          break;
        }
    }
}

/* ------------------------------------------------------------------ */
/* Counted nouns                                                        */
/* ------------------------------------------------------------------ */

typedef struct
{
  gboolean found;
  gsize start;
  gsize len;
  const FiguresNounRule *rule;
} Noun;

#define CLASS_BIT(k) (1u << (k))
#define ALL_CLASSES (~0u)

/* The noun of one of @classes ending last in [lo, hi). */
static Noun
nearest_noun (Extractor *ex, gsize lo, gsize hi, guint classes)
{
  Noun noun = { FALSE, 0, 0, NULL };

  for (gsize end = hi; end > lo; end--)
    {
      guint idx = 0;
      gsize len = figures_word_set_match_ending (ex->rules->nouns, ex->t, lo, end, &idx);

      if (len > 0)
        {
          const FiguresNounRule *rule = figures_rules_noun (idx);

          /* A shorter noun of a wanted class may end here too (固定资产投资
           * is macro; 投资 alone would be funding): the longest decides. */
          if (rule->klass == FIGURES_NOUN_TRAINING &&
              figures_word_set_match (ex->rules->training_modifier_heads, ex->t, ex->n, end, NULL) >
                0)
            continue;
          if (classes & CLASS_BIT (rule->klass))
            {
              noun.found = TRUE;
              noun.start = end - len;
              noun.len = len;
              noun.rule = rule;
              return noun;
            }
        }
    }

  return noun;
}

/* The first noun of one of @classes starting in [lo, hi). */
static Noun
first_noun (Extractor *ex, gsize lo, gsize hi, guint classes)
{
  Noun noun = { FALSE, 0, 0, NULL };

  for (gsize p = lo; p < hi; p++)
    {
      guint idx = 0;
      gsize len = figures_word_set_match (ex->rules->nouns, ex->t, hi, p, &idx);

      if (len > 0 && figures_rules_noun (idx)->klass == FIGURES_NOUN_TRAINING &&
          figures_word_set_match (ex->rules->training_modifier_heads, ex->t, ex->n, p + len, NULL) >
            0)
        continue;
      if (len > 0 && (classes & CLASS_BIT (figures_rules_noun (idx)->klass)))
        {
          noun.found = TRUE;
          noun.start = p;
          noun.len = len;
          noun.rule = figures_rules_noun (idx);
          return noun;
        }
    }

  return noun;
}

/* Whether [lo, hi) holds anything but function words: an item like
 * `23.5万余人次` has no noun of its own and inherits the previous one. */
static gboolean
has_own_words (Extractor *ex, gsize lo, gsize hi)
{
  gsize p = lo;

  while (p < hi)
    {
      gsize len = figures_word_set_match (ex->rules->fillers, ex->t, hi, p, NULL);

      if (len == 0)
        len = figures_word_set_match (ex->rules->approx_before, ex->t, hi, p, NULL);
      /* the unit of a figure before it in the same item (45期、38期和27期) */
      if (len == 0 && p > lo && is_ascii_digit (ex->t[p - 1]))
        len = figures_word_set_match (ex->rules->units, ex->t, hi, p, NULL);
      if (len > 0)
        {
          p += len;
          continue;
        }
      if (is_han (ex->t[p]) || is_ascii_letter (ex->t[p]))
        return TRUE;
      p++;
    }

  return FALSE;
}

/* Whether words follow a figure in its clause before the next number
 * (31场次4100人次: the next figure is no word of this one's). */
static gboolean
has_words_after (Extractor *ex, gsize unit_end, gsize clause_end)
{
  gsize p = unit_end;

  while (p < clause_end && !is_ascii_digit (ex->t[p]))
    p++;
  return has_own_words (ex, unit_end, p);
}

/* Per-unit amounts: 人均, 每户, 三个苏木各500万元, 各嘎查每年安排20万元. */
static gboolean
is_per_unit (Extractor *ex, gsize item_start, gsize num_start, gsize unit_end)
{
  const gunichar *t = ex->t;
  gsize p = num_start;
  gsize len;
  gboolean has_each = FALSE;
  gboolean has_every_period = FALSE;

  if (figures_word_set_find_last (ex->rules->per_unit, t, item_start, num_start, NULL, NULL, NULL))
    return TRUE;
  if (figures_word_set_match (ex->rules->per_unit, t, ex->n, unit_end, NULL) > 0)
    return TRUE;

  /* 各 + (verb) + number */
  len = figures_word_set_match_ending (ex->rules->approx_before, t, item_start, p, NULL);
  p -= len;
  len = figures_word_set_match_ending (ex->rules->each_verbs, t, item_start, p, NULL);
  p -= len;
  if (p > item_start && t[p - 1] == 0x5404 /* 各 */)
    return TRUE;
  /* 4市将分别帮扶300万元: 分别 with one figure gives each the same */
  if (p >= item_start + 2 && t[p - 2] == 0x5206 /* 分 */ && t[p - 1] == 0x522B /* 别 */)
    {
      gsize q = unit_end;

      while (q < ex->n && !is_clause_sep (t[q]) && !is_ascii_digit (t[q]))
        q++;
      if (q >= ex->n || !is_ascii_digit (t[q]))
        return TRUE;
    }

  /* 各安排工作经费30万元: 各 and a verb, then what each got */
  for (gsize q = item_start; q + 1 < num_start; q++)
    if (t[q] == 0x5404 /* 各 */
        && figures_word_set_match (ex->rules->each_verbs, t, num_start, q + 1, NULL) > 0)
      return TRUE;

  /* 各X每年 … */
  for (gsize q = item_start; q < num_start; q++)
    {
      if (t[q] == 0x5404 && q + 1 < num_start && t[q + 1] != 0x7EA7 /* 级 */
          && t[q + 1] != 0x7C7B /* 类 */ && t[q + 1] != 0x65CF /* 族 */)
        has_each = TRUE;
      if (t[q] == 0x6BCF /* 每 */ && q + 1 < num_start &&
          (t[q + 1] == 0x5E74 /* 年 */ || t[q + 1] == 0x6708 /* 月 */))
        has_every_period = TRUE;
    }

  return has_each && has_every_period;
}

/* The noun phrase right after the unit (N个 X), up to a clause break. */
static void
phrase_after (Extractor *ex, gsize unit_end, gsize *start, gsize *end)
{
  const gunichar *t = ex->t;
  gsize p = unit_end;
  gsize hi = MIN (ex->n, unit_end + PHRASE_MAX);

  p += figures_word_set_match (ex->rules->approx_after, t, ex->n, p, NULL);
  *start = p;
  *end = p;
  /* 4期“美丽乡村”培训班: a quoted name between the unit and the phrase is
   * skipped; the head noun comes after it */
  if (p < ex->n && closing_quote (t[p]) != 0)
    {
      gunichar close = closing_quote (t[p]);
      gsize q = p + 1;

      while (q < hi && t[q] != close && !is_clause_sep (t[q]))
        q++;
      if (q >= hi || t[q] != close)
        return;
      p = q + 1;
      hi = MIN (ex->n, p + PHRASE_MAX);
      *start = p;
      *end = p;
    }
  if (p >= ex->n || !is_han (t[p]))
    return;
  if (figures_word_set_match (ex->rules->phrase_breaks, t, ex->n, p, NULL) > 0 ||
      figures_word_set_match (ex->rules->fillers, t, ex->n, p, NULL) > 0)
    return;

  while (p < hi)
    {
      gunichar c = t[p];

      if (is_clause_sep (c) || is_ascii_digit (c) || c == '(' || c == 0xFF08)
        break;
      if (p > *start && (figures_word_set_match (ex->rules->phrase_breaks, t, ex->n, p, NULL) > 0 ||
                         figures_word_set_match (ex->rules->phrase_modals, t, ex->n, p, NULL) > 0))
        break;
      p++;
    }
  *end = p;
}

/* In the phrase after N个/N项: is 项目 its head noun? */
static gboolean
phrase_is_projects (Extractor *ex, gsize start, gsize end)
{
  for (gsize p = start; p + 1 < end + 1 && p < end; p++)
    {
      guint idx = 0;
      gsize len = figures_word_set_match (ex->rules->nouns, ex->t, end, p, &idx);
      const FiguresNounRule *rule;

      if (len == 0)
        continue;
      rule = figures_rules_noun (idx);
      if (rule->klass == FIGURES_NOUN_PROJECT)
        {
          gsize after = p + len;

          /* 等项目132个: that 项目 is counted by its own number */
          while (after < ex->n &&
                 figures_word_set_match (ex->rules->fillers, ex->t, ex->n, after, NULL) > 0)
            after += figures_word_set_match (ex->rules->fillers, ex->t, ex->n, after, NULL);
          if (after < ex->n && is_numeral_start (ex->t[after]))
            return FALSE;
          if (figures_word_set_match (ex->rules->project_not_head, ex->t, ex->n, p + len, NULL) > 0)
            {
              p += len - 1;
              continue;
            }
          return TRUE;
        }
      p += len - 1;
    }

  return FALSE;
}

/* Why a figure has its metric (the words are those of the folded text). */
typedef enum
{
  WHY_METRIC_NOUN,          /* counted noun 资金 */
  WHY_METRIC_TRAINING_ITEM, /* training word in the item */
  WHY_METRIC_TRAINING,      /* training word in the clause */
  WHY_METRIC_PHRASE,        /* head noun after N个 */
  WHY_METRIC_INHERITED,     /* an item with no noun continues the figure before it */
  WHY_METRIC_BREAKDOWN,     /* 其中…: a breakdown of the sentence before */
  WHY_METRIC_HEADLINE,      /* the headline repeating it names the metric */
  WHY_METRIC_MACRO,         /* macro-economic or whole-budget: other */
  WHY_METRIC_PER_UNIT,      /* a rate: other */
  WHY_METRIC_OUTCOME,       /* what training led to: other */
  WHY_METRIC_NO_TRAINING,   /* people or events with no training word: other */
  WHY_METRIC_OTHER_NOUN,    /* counted noun of no core metric: other */
  WHY_METRIC_UNIT,          /* a unit no core metric counts: other */
} WhyMetric;

static const char *const why_metric_text[] = {
  [WHY_METRIC_NOUN] = N_ ("counted noun %s"),
  [WHY_METRIC_TRAINING_ITEM] = N_ ("training word %s in the item"),
  [WHY_METRIC_TRAINING] = N_ ("training word %s in the clause"),
  [WHY_METRIC_PHRASE] = N_ ("head noun %s after the unit"),
  [WHY_METRIC_INHERITED] = N_ ("no noun of its own: continues the %s figure before it"),
  [WHY_METRIC_BREAKDOWN] = N_ ("其中 breakdown of the %s figure before it"),
  [WHY_METRIC_HEADLINE] = N_ ("the headline repeating it counts %s"),
  [WHY_METRIC_MACRO] = N_ ("%s is a macro-economic or whole-budget figure"),
  [WHY_METRIC_PER_UNIT] = N_ ("a per-unit rate, not a total"),
  [WHY_METRIC_OUTCOME] = N_ ("what training led to, not people trained"),
  [WHY_METRIC_NO_TRAINING] = N_ ("no training word in its clause%s"),
  [WHY_METRIC_OTHER_NOUN] = N_ ("counted noun %s counts none of the five"),
  [WHY_METRIC_UNIT] = N_ ("the unit counts none of the five%s"),
};

typedef struct
{
  FiguresMetric metric;
  char *label_noun; /* owned */
  WhyMetric why;
  const char *why_word; /* static: a rule's word, or "" */
} Classification;

static char *
label_from_text (Extractor *ex, gsize lo, gsize hi, gboolean before)
{
  const gunichar *t = ex->t;
  gsize a, b;

  if (before)
    {
      /* the last few Han characters before the number, fillers dropped */
      b = hi;
      for (;;)
        {
          gsize len = figures_word_set_match_ending (ex->rules->fillers, t, lo, b, NULL);

          if (len == 0)
            len = figures_word_set_match_ending (ex->rules->approx_before, t, lo, b, NULL);
          if (len == 0)
            break;
          b -= len;
        }
      a = b;
      while (a > lo && b - a < LABEL_BEFORE_MAX && is_han (t[a - 1]) &&
             !is_numeral_start (t[a - 1]) &&
             figures_word_set_match_ending (ex->rules->label_verbs, t, lo, a, NULL) == 0 &&
             figures_word_set_match_ending (ex->rules->phrase_breaks, t, lo, a, NULL) == 0 &&
             figures_word_set_match_ending (ex->rules->fillers, t, lo, a, NULL) == 0)
        a--;
    }
  else
    {
      /* the head of the phrase after the unit, up to a verb or 的 */
      a = lo;
      b = lo;
      while (b < hi && b - a < LABEL_MAX && is_han (t[b]) && t[b] != 0x7684 /* 的 */
             &&
             (b == a || (figures_word_set_match (ex->rules->label_stops, t, hi, b, NULL) == 0 &&
                         figures_word_set_match (ex->rules->label_verbs, t, hi, b, NULL) == 0)) &&
             (b == a || (figures_word_set_match (ex->rules->phrase_breaks, t, hi, b, NULL) == 0 &&
                         figures_word_set_match (ex->rules->fillers, t, hi, b, NULL) == 0)))
        b++;
    }

  if (a == b)
    return NULL;
  return dup_folded (ex, a, b);
}

static gboolean
is_core (FiguresMetric metric)
{
  return metric != FIGURES_METRIC_OTHER;
}

/* The figure an item with no counted noun continues: the last one before
 * it in its sentence with the same kind of unit (培训科级干部1750人次,一般干部
 * 8100人次; 计划新开工项目270项,实际已开工129项), or, when its sentence
 * opens with 其中, the last of the sentence before (a breakdown). */
static const Raw *
continued_figure (
  Extractor *ex, FiguresUnitKind kind, gsize sent_start, gboolean *breakdown, gboolean *across)
{
  const gunichar *t = ex->t;
  gsize p = sent_start;
  gboolean opens_with_breakdown;

  *breakdown = *across = FALSE;
  while (p < ex->n && is_space (t[p]))
    p++;
  opens_with_breakdown = p + 1 < ex->n && t[p] == 0x5176 /* 其 */ && t[p + 1] == 0x4E2D /* 中 */;
  for (guint r = ex->raws->len; r > 0; r--)
    {
      const Raw *raw = &g_array_index (ex->raws, Raw, r - 1);

      if (raw->start < sent_start)
        {
          /* the sentence right before: 其中… breaks its total down; a
           * parallel sentence (1999年举办26期…。2000年举办25期…) goes on */
          if (raw->sent_end + 2 < sent_start)
            return NULL;
          if (raw->unit_kind != kind)
            continue;
          if (!is_core (raw->metric))
            return NULL;
          *breakdown = opens_with_breakdown;
          *across = !opens_with_breakdown;
          return raw;
        }
      if (raw->unit_kind == kind)
        return is_core (raw->metric) ? raw : NULL;
    }

  return NULL;
}

/* Whether the item's own words are only a place's name (…，卓资县1860人次):
 * a breakdown by place goes on with the list before it. */
static gboolean
item_is_place (Extractor *ex, gsize lo, gsize hi)
{
  for (guint i = ex->mentions->len; i > 0; i--)
    {
      const Mention *m = &g_array_index (ex->mentions, Mention, i - 1);
      gsize end = m->town_end > m->end ? m->town_end : m->end;

      if (m->start >= hi)
        continue;
      if (m->start < lo)
        break;
      return end <= hi && !has_own_words (ex, lo, m->start) && !has_own_words (ex, end, hi);
    }

  return FALSE;
}

/* Whether two items share a word of two characters (科级干部 / 一般干部,
 * 新开工 / 已开工): the second continues the first's list. */
static gboolean
items_parallel (Extractor *ex, gsize a_start, gsize a_end, gsize b_start, gsize b_end)
{
  const gunichar *t = ex->t;

  for (gsize i = b_start; i + 1 < b_end; i++)
    {
      if (!is_han (t[i]) || !is_han (t[i + 1]))
        continue;
      for (gsize j = a_start; j + 1 < a_end; j++)
        if (t[j] == t[i] && t[j + 1] == t[i + 1])
          return TRUE;
    }

  return FALSE;
}

/* Whether the clause holds nothing but its number (…培训25期,18000人次): a
 * bare clause continues the list of the clause before it. */
static gsize
clause_start_for_bare (Extractor *ex, const Bounds *b, gsize num_start, gsize unit_end)
{
  gsize p;

  if (has_own_words (ex, b->clause_start, num_start) ||
      has_words_after (ex, unit_end, b->clause_end))
    return b->clause_start;
  if (b->clause_start <= b->sent_start + 1)
    return b->clause_start;
  for (p = b->clause_start - 1; p > b->sent_start; p--)
    if (is_clause_sep (ex->t[p - 1]))
      break;
  return p;
}

/* Whether the clause after the unit ends with a joining verb whose object
 * is left out (…名学员参加。, …人参加了): it joins what the sentence named. */
static gboolean
elided_join (Extractor *ex, gsize unit_end, gsize clause_end)
{
  gsize end = clause_end;

  while (end > unit_end && is_space (ex->t[end - 1]))
    end--;
  if (end > unit_end && ex->t[end - 1] == 0x4E86 /* 了 */)
    end--;
  return end > unit_end &&
         figures_word_set_match_ending (ex->rules->elided_joins, ex->t, unit_end, end, NULL) > 0;
}

static Classification
classify (Extractor *ex, FiguresUnitKind kind, gsize num_start, gsize unit_end, const Bounds *b)
{
  Classification cls = { FIGURES_METRIC_OTHER, NULL, WHY_METRIC_UNIT, "" };
  const FiguresRules *r = ex->rules;
  gsize item_start = b->item_start;
  gsize clause_start = clause_start_for_bare (ex, b, num_start, unit_end);
  gsize item_end = b->item_end;
  gsize clause_end = b->clause_end;
  gsize ph_start, ph_end;
  gboolean own;
  gboolean per_unit = is_per_unit (ex, item_start, num_start, unit_end);
  Noun noun;

  /* the item's counted noun, or the one it inherits */
  noun = nearest_noun (ex, item_start, num_start, ALL_CLASSES);
  own = has_own_words (ex, item_start, num_start);
  if (!noun.found && !own)
    noun = nearest_noun (ex, clause_start, item_start, ALL_CLASSES);
  phrase_after (ex, unit_end, &ph_start, &ph_end);

  if (per_unit)
    {
      cls.why = WHY_METRIC_PER_UNIT;
      goto other;
    }

  switch (kind)
    {
      case FIGURES_UNIT_MONEY:
        {
          guint money = CLASS_BIT (FIGURES_NOUN_FUNDING) | CLASS_BIT (FIGURES_NOUN_INVESTMENT) |
                        CLASS_BIT (FIGURES_NOUN_MACRO);
          Noun m = nearest_noun (ex, clause_start, num_start, money);

          /* 一般公共预算支出安排210亿元: the verb funds what the macro noun names */
          if (m.found && m.rule->klass == FIGURES_NOUN_FUNDING &&
              figures_word_set_match (r->funding_verbs, ex->t, ex->n, m.start, NULL) == m.len)
            {
              Noun macro = nearest_noun (ex, item_start, m.start, CLASS_BIT (FIGURES_NOUN_MACRO));
              Noun funding =
                nearest_noun (ex, item_start, m.start, CLASS_BIT (FIGURES_NOUN_FUNDING));

              if (macro.found && (!funding.found || funding.start < macro.start))
                m = macro;
            }
          if (!m.found)
            m = first_noun (ex, unit_end, item_end, money);
          if (!m.found)
            goto inherit;
          cls.label_noun = g_strdup (m.rule->label);
          cls.why_word = m.rule->word;
          if (m.rule->klass == FIGURES_NOUN_FUNDING)
            {
              cls.metric = FIGURES_METRIC_FUNDING;
              cls.why = WHY_METRIC_NOUN;
            }
          else if (m.rule->klass == FIGURES_NOUN_INVESTMENT)
            {
              cls.metric = FIGURES_METRIC_INVESTMENT;
              cls.why = WHY_METRIC_NOUN;
            }
          else
            cls.why = WHY_METRIC_MACRO;
          return cls;
        }

      case FIGURES_UNIT_PEOPLE:
        {
          guint training = CLASS_BIT (FIGURES_NOUN_TRAINING);
          /* the training word ending last before the number in its clause;
           * it is in the item when it starts there (no word spans a 、) */
          Noun last_training = nearest_noun (ex, clause_start, num_start, training);
          Noun after_item = first_noun (ex, unit_end, item_end, training);
          Noun after_clause = first_noun (ex, unit_end, clause_end, training);
          gboolean in_item =
            (last_training.found && last_training.start >= item_start) || after_item.found;
          gboolean in_clause = last_training.found || after_clause.found;
          gboolean outreach =
            noun.found && noun.rule->klass == FIGURES_NOUN_OUTREACH && noun.start >= item_start;
          /* 通过培训实现转移就业3000人: what training led to, not who was
           * trained; the outcome comes after the training word (致富带头人培训
           * is training of would-be entrepreneurs) */
          gsize outcome_at = 0, outcome_len = 0;
          guint outcome_index = 0;
          gboolean outcome = figures_word_set_find_last (
            r->training_outcomes, ex->t,
            last_training.found ? last_training.start + last_training.len : clause_start, num_start,
            &outcome_at, &outcome_len, &outcome_index);

          if (outcome)
            {
              cls.why = WHY_METRIC_OUTCOME;
              break;
            }
          if (in_item || (in_clause && !outreach))
            {
              const Noun *word = last_training.found ? &last_training
                                 : after_item.found  ? &after_item
                                                     : &after_clause;

              cls.metric = FIGURES_METRIC_TRAINEES;
              cls.label_noun = g_strdup ("培训");
              cls.why = in_item ? WHY_METRIC_TRAINING_ITEM : WHY_METRIC_TRAINING;
              cls.why_word = word->rule->word;
              return cls;
            }
          /* …培训班开班，共有97名学员参加: 参加 with its object left out
           * joins the training named earlier in the sentence */
          if (!outreach && elided_join (ex, unit_end, clause_end))
            {
              Noun earlier = nearest_noun (ex, b->sent_start, clause_start, training);

              if (earlier.found)
                {
                  cls.metric = FIGURES_METRIC_TRAINEES;
                  cls.label_noun = g_strdup ("培训");
                  cls.why = WHY_METRIC_TRAINING;
                  cls.why_word = earlier.rule->word;
                  return cls;
                }
            }
          cls.why = WHY_METRIC_NO_TRAINING;
          if (noun.found && noun.rule->klass != FIGURES_NOUN_OTHER)
            goto other;
          goto inherit;
        }

      case FIGURES_UNIT_EVENT:
        {
          Noun counted = noun;

          /* 举办4期培训班: the noun phrase after N期 is the counted noun
           * when the item names none before the number (spec "Which
           * metric": the nearest noun before it, or the phrase after it) */
          if (!counted.found && ph_end > ph_start)
            counted = first_noun (ex, ph_start, ph_end, ALL_CLASSES);
          if (counted.found && counted.rule->klass == FIGURES_NOUN_TRAINING)
            {
              cls.metric = FIGURES_METRIC_TRAINING_SESSIONS;
              cls.label_noun = g_strdup ("培训");
              cls.why = WHY_METRIC_NOUN;
              cls.why_word = counted.rule->word;
              return cls;
            }
          if (counted.found && counted.rule->klass != FIGURES_NOUN_OTHER)
            {
              cls.label_noun = g_strdup (counted.rule->label);
              cls.why = WHY_METRIC_OTHER_NOUN;
              cls.why_word = counted.rule->word;
              return cls;
            }
          cls.why = WHY_METRIC_NO_TRAINING;
          goto inherit;
        }

      case FIGURES_UNIT_ITEM:
        {
          if (ph_end > ph_start)
            {
              if (phrase_is_projects (ex, ph_start, ph_end))
                {
                  cls.metric = FIGURES_METRIC_PROJECTS;
                  cls.label_noun = g_strdup ("项目");
                  cls.why = WHY_METRIC_PHRASE;
                  cls.why_word = "项目";
                  return cls;
                }
              noun = first_noun (ex, ph_start, ph_end, ALL_CLASSES);
              if (noun.found)
                cls.label_noun = g_strdup (noun.rule->label);
              else
                cls.label_noun = label_from_text (ex, ph_start, ph_end, FALSE);
              cls.why = noun.found ? WHY_METRIC_OTHER_NOUN : WHY_METRIC_UNIT;
              cls.why_word = noun.found ? noun.rule->word : "";
              return cls;
            }
          if (noun.found && noun.rule->klass == FIGURES_NOUN_PROJECT)
            {
              cls.metric = FIGURES_METRIC_PROJECTS;
              cls.label_noun = g_strdup ("项目");
              cls.why = WHY_METRIC_NOUN;
              cls.why_word = noun.rule->word;
              return cls;
            }
          if (noun.found)
            {
              cls.why = WHY_METRIC_OTHER_NOUN;
              cls.why_word = noun.rule->word;
              goto other;
            }
          goto inherit;
        }

      case FIGURES_UNIT_MEASURE:
      default:
        break;
    }
  goto other;

inherit:
  /* no counted noun of its own and nothing after it in its clause: it
   * continues a list; in a 其中 breakdown, a noun naming who (企业, 代表)
   * does not stop it */
  if (!nearest_noun (ex, clause_start, num_start, ALL_CLASSES & ~CLASS_BIT (FIGURES_NOUN_OTHER))
         .found &&
      !has_words_after (ex, unit_end, clause_end))
    {
      gboolean breakdown = FALSE, across = FALSE;
      const Raw *prev = continued_figure (ex, kind, b->sent_start, &breakdown, &across);

      if (prev != NULL && !breakdown &&
          nearest_noun (ex, clause_start, num_start, CLASS_BIT (FIGURES_NOUN_OTHER)).found)
        prev = NULL;

      /* an item with words of its own continues the list only when it
       * runs parallel to the one before (…科级干部1750人次,一般干部8100人次),
       * not when it counts something new (…转移输出3600人) */
      if (prev != NULL && !breakdown && (own || across) &&
          ((!items_parallel (ex, prev->clause_start, prev->start, clause_start, num_start) &&
            !item_is_place (ex, item_start, num_start) &&
            !figures_word_set_find_last (r->progress_words, ex->t, item_start, num_start, NULL,
                                         NULL, NULL)) ||
           figures_word_set_find_last (r->list_breakers, ex->t, item_start, num_start, NULL, NULL,
                                       NULL)))
        prev = NULL;
      if (prev != NULL)
        {
          cls.metric = prev->metric;
          cls.label_noun = g_strdup (prev->label_noun);
          cls.why = breakdown ? WHY_METRIC_BREAKDOWN : WHY_METRIC_INHERITED;
          cls.why_word = figures_metric_to_key (prev->metric);
          return cls;
        }
    }

other:
  /* other: name what it counts */
  if (noun.found)
    {
      cls.label_noun = g_strdup (noun.rule->label);
      if (cls.why == WHY_METRIC_UNIT)
        {
          cls.why = WHY_METRIC_OTHER_NOUN;
          cls.why_word = noun.rule->word;
        }
    }
  else if (ph_end > ph_start)
    cls.label_noun = label_from_text (ex, ph_start, ph_end, FALSE);
  else
    cls.label_noun = label_from_text (ex, item_start, num_start, TRUE);

  return cls;
}

/* ------------------------------------------------------------------ */
/* Places                                                               */
/* ------------------------------------------------------------------ */

static gboolean
mention_is_county (const Mention *m)
{
  for (guint i = 0; i < m->n_candidates; i++)
    if (m->candidates[i]->level == FIGURES_PLACE_COUNTY)
      return TRUE;
  return FALSE;
}

/* 武川县可镇, 新城区毫沁营镇: a town named right after a county. */
static void
find_town (Extractor *ex, Mention *m)
{
  const gunichar *t = ex->t;

  if (!mention_is_county (m))
    return;

  for (gsize s = m->end + 1; s <= m->end + 3 && s < ex->n; s++)
    {
      gsize len;

      if (!is_han (t[s - 1]) || is_numeral_start (t[s - 1]) ||
          figures_word_set_match (ex->rules->town_name_stops, t, ex->n, s - 1, NULL) > 0)
        return;
      len = figures_word_set_match (ex->rules->town_suffixes, t, ex->n, s, NULL);
      if (len == 0)
        continue;
      if (figures_word_set_match (ex->rules->town_not, t, ex->n, s - 1, NULL) > 0 ||
          figures_word_set_match (ex->rules->town_not, t, ex->n, s, NULL) > 0)
        return;
      m->town_start = m->end;
      m->town_end = s + len;
      return;
    }
}

static void
flag_mention (Extractor *ex, Mention *m, gint book_depth)
{
  const gunichar *t = ex->t;
  gsize lo = m->start > 6 ? m->start - 6 : 0;
  gsize p;
  Mention *prev =
    ex->mentions->len > 0 ? &g_array_index (ex->mentions, Mention, ex->mentions->len - 1) : NULL;
  gboolean chained = FALSE;

  if (book_depth > 0)
    m->flags |= MENTION_IN_BOOK;

  /* a list of places: 与银川市、宜昌市 — the flags of the first carry over */
  if (prev != NULL && prev->end <= m->start && m->start - prev->end <= 1)
    {
      gunichar between = m->start > prev->end ? t[prev->end] : 0;

      if (between == 0x3001 || between == 0x548C /* 和 */ || between == 0x53CA /* 及 */
          || between == 0)
        chained = TRUE;
    }
  if (chained)
    m->flags |= prev->flags & MENTION_LIST_FLAGS;

  if (figures_word_set_match_ending (ex->rules->partners, t, lo, m->start, NULL) > 0)
    m->flags |= MENTION_PARTNER;
  /* 与农业广播学校、烟台大学…等单位联合: a list after 与 names partners */
  for (p = m->start; p > 0 && p + PARTNER_SPAN > m->start && !is_clause_sep (t[p - 1]); p--)
    if (t[p - 1] == 0x4E0E /* 与 */ &&
        figures_word_set_match_ending (ex->rules->partner_not, t, p > 3 ? p - 3 : 0, p, NULL) ==
          0 &&
        figures_word_set_match (ex->rules->partner_not, t, ex->n, p - 1, NULL) == 0)
      {
        m->flags |= MENTION_PARTNER;
        break;
      }

  /* 争取上级…, 争取中央、自治区…: a giver word shortly before, same clause */
  for (p = m->start; p > lo && !is_clause_sep (t[p - 1]); p--)
    if (figures_word_set_match_ending (ex->rules->givers_before, t, lo, p, NULL) > 0)
      {
        m->flags |= MENTION_GIVER;
        break;
      }

  /* 援建阿克苏地区, 为内蒙古下拨: the place receives (not 作为包头市) */
  {
    gsize receiver =
      figures_word_set_match_ending (ex->rules->receivers_before, t, lo, m->start, NULL);
    gsize not_receiver =
      figures_word_set_match_ending (ex->rules->receivers_not_before, t, lo, m->start, NULL);

    /* …but 交给内蒙古的任务: a place before 的 modifies a noun */
    if (receiver > not_receiver && !(m->end < ex->n && t[m->end] == 0x7684 /* 的 */))
      m->flags = (m->flags | MENTION_RECEIVER) & ~(guint) (MENTION_GIVER | MENTION_PARTNER);
  }

  /* the place and its organisation (财政, 民委, 人民政府 …) */
  p = m->end;
  for (guint k = 0; k < 3; k++)
    {
      gsize len = figures_word_set_match (ex->rules->organisations, t, ex->n, p, NULL);

      if (len == 0)
        break;
      p += len;
    }

  /* 向盘州市捐款: receives; 向自治区申请: gives */
  if (figures_word_set_match_ending (ex->rules->towards, t, lo, m->start, NULL) > 0)
    {
      if (figures_word_set_match (ex->rules->giving_verbs, t, ex->n, p, NULL) > 0)
        m->flags = (m->flags | MENTION_RECEIVER) & ~(guint) MENTION_GIVER;
      else
        m->flags |= MENTION_GIVER;
    }

  if (figures_word_set_match_ending (ex->rules->origins, t, lo, m->start, NULL) > 0)
    m->flags = (m->flags | MENTION_ORIGIN) & ~(guint) (MENTION_GIVER | MENTION_PARTNER);
  /* 来自A县、B单位和C市的学员: every place of the list is an origin, up to
   * its 的 or the end of the clause */
  else if (prev != NULL && (prev->flags & MENTION_ORIGIN) && prev->end <= m->start &&
           m->start - prev->end < PARTNER_SPAN)
    {
      gboolean same_list = TRUE;

      for (p = prev->end; p < m->start && same_list; p++)
        if (is_clause_sep (t[p]) || t[p] == 0x7684 /* 的 */)
          same_list = FALSE;
      if (same_list)
        m->flags = (m->flags | MENTION_ORIGIN) & ~(guint) (MENTION_GIVER | MENTION_PARTNER);
    }

  /* 自治区补助, 内蒙古自治区财政厅下达: right after the place and its
   * organisation */
  {
    gsize q = p;

    for (guint k = 0; k < 2; k++)
      q += figures_word_set_match (ex->rules->place_adverbs, t, ex->n, q, NULL);
    if (figures_word_set_match (ex->rules->givers_after, t, ex->n, q, NULL) > 0)
      m->flags |= MENTION_GIVER;
    /* 江苏省共安排对口援藏资金: aid further on in the same clause */
    for (gsize r = q; r < ex->n && r < q + AID_SPAN && !is_clause_sep (t[r]); r++)
      {
        if (figures_word_set_match (ex->rules->receive_verbs, t, ex->n, r, NULL) > 0)
          break;
        if (figures_word_set_match (ex->rules->aid_words, t, ex->n, r, NULL) > 0)
          {
            m->flags |= MENTION_GIVER | MENTION_AID;
            break;
          }
      }
  }

  /* 新华社西宁5月28日电, 中广网南昌4月29日消息: where the reporter filed */
  {
    gsize q = m->end;
    gboolean month = FALSE, day = FALSE;
    gsize len;

    while (q < ex->n && q < m->end + 10 &&
           (is_ascii_digit (t[q]) || is_space (t[q]) || t[q] == 0x6708 /* 月 */
            || t[q] == 0x65E5 /* 日 */))
      {
        month |= t[q] == 0x6708;
        day |= t[q] == 0x65E5;
        q++;
      }
    len = figures_word_set_match (ex->rules->dateline_ends, t, ex->n, q, NULL);
    if (len > 0 && ((month && day) || q + len >= ex->n || !is_han (t[q + len])))
      m->flags |= MENTION_DATELINE;
  }
}

static const FiguresPlace *
pick_candidate (Extractor *ex, const Mention *m)
{
  if (m->n_candidates == 0)
    return NULL;
  if (ex->doc_province != NULL)
    for (guint i = 0; i < m->n_candidates; i++)
      if (g_strcmp0 (m->candidates[i]->province, ex->doc_province) == 0)
        return m->candidates[i];
  return m->candidates[0];
}

static const FiguresPlace *
lookup_place (Extractor *ex, const char *name)
{
  if (name == NULL || ex->gazetteer == NULL)
    return NULL;
  return figures_gazetteer_lookup (ex->gazetteer, name);
}

/* The most specific place named in [start, end) of @line, scope words aside. */
static const Mention *
best_mention_in (
  Extractor *ex, const Line *line, gsize start, gsize end, gboolean allow_province, guint skip)
{
  const Mention *best = NULL;

  for (guint i = line->first_mention; i < line->end_mention && i < ex->mentions->len; i++)
    {
      const Mention *m = &g_array_index (ex->mentions, Mention, i);

      if (m->start < start)
        continue;
      if (m->start >= end)
        break;
      if (m->place == NULL || (m->flags & skip))
        continue;
      if (!allow_province && m->place->level == FIGURES_PLACE_PROVINCE)
        continue;
      if (best == NULL || m->place->level > best->place->level ||
          (m->town_end > 0 && best->town_end == 0 && m->place->level == best->place->level))
        best = m;
    }

  return best;
}

/* ------------------------------------------------------------------ */
/* The pass                                                             */
/* ------------------------------------------------------------------ */

/* Reads the years of [sent_start, sent_end) once for all its numbers:
 * NNNN年, and 今年 (0), 去年 (-1), 明年 (1). */
static void
read_sentence_years (Extractor *ex, gsize sent_start, gsize sent_end)
{
  const gunichar *t = ex->t;

  ex->years_start = sent_start;
  ex->years_end = sent_end;
  ex->n_years = ex->n_relative = 0;
  ex->years_overflow = FALSE;

  for (gsize p = sent_start; p + 1 < sent_end; p++)
    {
      int year;

      if (t[p + 1] == 0x5E74 /* 年 */)
        {
          int offset = NO_YEAR;

          switch (t[p])
            {
              case 0x4ECA: /* 今 */
              case 0x672C: /* 本 */
                offset = 0;
                break;
              case 0x53BB: /* 去 */
                offset = -1;
                break;
              case 0x660E: /* 明 */
                offset = 1;
                break;
              default:
                break;
            }
          if (offset != NO_YEAR)
            {
              if (ex->n_relative == YEARS_MAX)
                {
                  ex->years_overflow = TRUE;
                  return;
                }
              ex->relative_pos[ex->n_relative] = p;
              ex->relative_offset[ex->n_relative++] = offset;
            }
        }
      if (!is_ascii_digit (t[p]) || (p > 0 && is_ascii_digit (t[p - 1])) || p + 4 >= sent_end)
        continue;
      if (!is_ascii_digit (t[p + 1]) || !is_ascii_digit (t[p + 2]) || !is_ascii_digit (t[p + 3]) ||
          t[p + 4] != 0x5E74 /* 年 */)
        continue;
      year = (int) ((t[p] - '0') * 1000 + (t[p + 1] - '0') * 100 + (t[p + 2] - '0') * 10 +
                    (t[p + 3] - '0'));
      if (year < 1900 || year > 2199)
        continue;
      if (ex->n_years == YEARS_MAX)
        {
          ex->years_overflow = TRUE;
          return;
        }
      ex->year_pos[ex->n_years] = p;
      ex->year_value[ex->n_years++] = year;
    }
}

/* The year a sentence says: the last NNNN年 before the number, else the
 * first after it; 0 when none. @offset gets 今年 0, 去年 -1, 明年 1 (before
 * the number, relative to the document's date), else NO_YEAR. */
static int
sentence_year (Extractor *ex, gsize sent_start, gsize sent_end, gsize num_start, int *offset)
{
  int before = 0;
  int after = 0;

  if (ex->years_end == 0 || ex->years_start != sent_start || ex->years_end != sent_end ||
      ex->years_overflow)
    read_sentence_years (ex, sent_start, sent_end);

  *offset = NO_YEAR;
  for (guint i = 0; i < ex->n_relative && ex->relative_pos[i] + 1 < num_start; i++)
    *offset = ex->relative_offset[i];
  for (guint i = 0; i < ex->n_years; i++)
    {
      if (ex->year_pos[i] < num_start)
        before = ex->year_value[i];
      else if (after == 0)
        after = ex->year_value[i];
    }

  return before != 0 ? before : after;
}

/* 2024年1月18日, 2023-11-08: the year of the first full date in
 * [start, end), 0 when none. */
static int
date_year (Extractor *ex, gsize start, gsize end)
{
  const gunichar *t = ex->t;

  for (gsize p = start; p + 6 < end; p++)
    {
      gsize q;
      int year;

      if (!is_ascii_digit (t[p]) || (p > start && is_ascii_digit (t[p - 1])))
        continue;
      if (!is_ascii_digit (t[p + 1]) || !is_ascii_digit (t[p + 2]) || !is_ascii_digit (t[p + 3]))
        continue;
      year = (int) ((t[p] - '0') * 1000 + (t[p + 1] - '0') * 100 + (t[p + 2] - '0') * 10 +
                    (t[p + 3] - '0'));
      if (year < 1900 || year > 2199)
        continue;
      q = p + 4;
      if (t[q] != 0x5E74 /* 年 */ && t[q] != '-' && t[q] != '.' && t[q] != '/')
        continue;
      q++;
      if (q >= end || !is_ascii_digit (t[q]))
        continue;
      while (q < end && is_ascii_digit (t[q]))
        q++;
      /* a month, then a day */
      if (q < end && (t[q] == 0x6708 /* 月 */ || t[q] == '-' || t[q] == '.' || t[q] == '/') &&
          q + 1 < end && is_ascii_digit (t[q + 1]))
        return year;
    }

  return 0;
}

/* 翁牛特旗、巴林右旗分别举办培训班6期、4期: the k-th figure after 分别
 * belongs to the k-th place of the list before it; without 分别 the list's
 * first place is returned in @first, for their common division. */
static int
respective_owner (Extractor *ex,
                  guint last,
                  gsize sent_start,
                  gsize num_start,
                  int *first_out,
                  gboolean *respective)
{
  const gunichar *t = ex->t;
  guint first = last;
  gsize p;
  guint k = 0;

  *first_out = (int) last;
  *respective = FALSE;
  while (first > 0)
    {
      const Mention *a = &g_array_index (ex->mentions, Mention, first - 1);
      const Mention *b = &g_array_index (ex->mentions, Mention, first);

      if (a->start < sent_start || a->scope >= 0 || b->start != a->end + 1 ||
          (t[a->end] != 0x3001 /* 、 */ && t[a->end] != 0x548C /* 和 */ &&
           t[a->end] != 0x53CA /* 及 */))
        break;
      first--;
    }
  if (first == last)
    return (int) last;

  /* 分别 between the list and the number */
  p = g_array_index (ex->mentions, Mention, last).end;
  while (p + 1 < num_start && !(t[p] == 0x5206 && t[p + 1] == 0x522B))
    p++;
  if (p + 1 >= num_start)
    {
      *first_out = (int) first;
      return (int) last;
    }

  for (guint r = ex->raws->len; r > 0; r--)
    {
      const Raw *raw = &g_array_index (ex->raws, Raw, r - 1);

      if (raw->start < p)
        break;
      k++;
    }
  *respective = TRUE;
  if (k > last - first)
    return (int) last;
  *first_out = (int) (first + k);
  return (int) (first + k);
}

/* Whether a mention opens its clause: 内蒙古自治区安排资金…, （记者…）江西省筹集…;
 * not 围绕内蒙古…. */
static gboolean
opens_clause (Extractor *ex, const Mention *m, gsize sent_start)
{
  gsize p = m->start;

  while (p > sent_start && is_space (ex->t[p - 1]))
    p--;
  if (p <= sent_start)
    return TRUE;
  switch (ex->t[p - 1])
    {
      case ')':
      case 0xFF09: /* ） */
      case 0x201D: /* ” */
      case 0x300D: /* 」 */
      case 0x3011: /* 】 */
        return TRUE;
      default:
        return is_clause_sep (ex->t[p - 1]);
    }
}

/* The owner of a figure: the nearest place named before it in its
 * sentence that may own it (a receiver, an origin of people, a subject);
 * a scope word (全市, 该市) only when no place is named, so that in
 * `杭锦旗是全市…旗，今年争取资金…` the banner keeps its figure. */
/* Whether mention @index is the first of its sentence that could own a
 * figure (a dateline, a giver or a partner before it does not count). */
static gboolean
first_in_sentence (Extractor *ex, guint index, gsize sent_start)
{
  for (guint i = index; i > 0; i--)
    {
      const Mention *m = &g_array_index (ex->mentions, Mention, i - 1);

      if (m->start < sent_start)
        break;
      if (!(m->flags & (MENTION_DATELINE | MENTION_GIVER | MENTION_PARTNER)))
        return FALSE;
    }
  return TRUE;
}

static int
find_owner (Extractor *ex,
            gsize sent_start,
            gsize clause_start,
            gsize num_start,
            FiguresUnitKind kind,
            Raw *raw)
{
  int scope_owner = -1;

  raw->owner_first = -1;
  for (guint i = ex->mentions->len; i > 0; i--)
    {
      const Mention *m = &g_array_index (ex->mentions, Mention, i - 1);
      gboolean province;
      gboolean respective = FALSE;
      int owner;

      if (m->start < sent_start)
        break;
      if (m->end > num_start)
        continue;
      if (m->flags & (MENTION_PARTNER | MENTION_IN_BOOK | MENTION_DATELINE))
        continue;
      if ((m->flags & MENTION_GIVER) && !(m->flags & MENTION_RECEIVER))
        continue;
      /* money that comes from a place was given by it */
      if ((m->flags & MENTION_ORIGIN) && kind == FIGURES_UNIT_MONEY)
        continue;
      if (m->scope >= 0)
        {
          if (scope_owner < 0)
            scope_owner = (int) (i - 1);
          continue;
        }

      /* A province owns a figure as a receiver, or as the subject opening
       * its clause (内蒙古自治区安排资金…), not as one named in passing. */
      province = TRUE;
      for (guint k = 0; k < m->n_candidates; k++)
        if (m->candidates[k]->level != FIGURES_PLACE_PROVINCE)
          province = FALSE;
      if (province && !(m->flags & (MENTION_RECEIVER | MENTION_ORIGIN)) &&
          !(opens_clause (ex, m, sent_start) &&
            (m->start >= clause_start || first_in_sentence (ex, i - 1, sent_start))))
        continue;

      owner = respective_owner (ex, i - 1, sent_start, num_start, &raw->owner_first, &respective);
      if (respective)
        {
          raw->owner_why = WHY_CITY_RESPECTIVE;
          raw->owner_first = owner;
        }
      else if (raw->owner_first < owner)
        raw->owner_why = WHY_CITY_LIST;
      else if (m->flags & MENTION_ORIGIN)
        {
          /* people from several places: their common division */
          guint first = i - 1;

          while (first > 0 &&
                 (g_array_index (ex->mentions, Mention, first - 1).flags & MENTION_ORIGIN) &&
                 g_array_index (ex->mentions, Mention, first - 1).start >= clause_start)
            first--;
          raw->owner_first = (int) first;
          raw->owner_why = first < i - 1 ? WHY_CITY_LIST : WHY_CITY_ORIGIN;
        }
      else
        raw->owner_why = (m->flags & MENTION_RECEIVER) ? WHY_CITY_RECEIVER
                         : (m->flags & MENTION_ORIGIN) ? WHY_CITY_ORIGIN
                                                       : WHY_CITY_SUBJECT;
      return owner;
    }

  raw->owner_why = WHY_CITY_SCOPE;
  raw->owner_first = scope_owner;
  return scope_owner;
}

/* The unit as the display text writes it (個, 億元); money keeps the
 * multiplier the number reader took (6.29亿元 → 亿元), other units do not
 * (23.5万人次 → 人次). */
static gsize
unit_as_written (Extractor *ex,
                 const FiguresNumber *num,
                 FiguresUnitKind kind,
                 gsize unit_start,
                 gsize *apart_start,
                 gsize *apart_end)
{
  static const gunichar multipliers[][3] = {
    { 0x4E07, 0x4EBF, 0 }, /* 万亿 */
    { 0x4EBF, 0 },         /* 亿 */
    { 0x4E07, 0 },         /* 万 */
    { 0x5343, 0 },         /* 千 */
  };
  gsize mult_start = unit_start;
  gsize end = num->end;
  gboolean apart = FALSE;

  *apart_start = *apart_end = 0;
  /* 5万余元, 2.5亿多元: the multiplier stands before 余/多 */
  if (end > num->start + 1 && end == unit_start &&
      (ex->t[end - 1] == 0x4F59 /* 余 */ || ex->t[end - 1] == 0x591A /* 多 */))
    {
      end--;
      apart = TRUE;
    }

  if (kind == FIGURES_UNIT_MONEY && num->multiplier != NULL && num->multiplier[0] != '\0')
    for (guint k = 0; k < G_N_ELEMENTS (multipliers); k++)
      {
        gsize len = 0;
        gboolean match = TRUE;

        while (multipliers[k][len] != 0)
          len++;
        if (end < num->start + len)
          continue;
        for (gsize j = 0; j < len; j++)
          if (ex->t[end - len + j] != multipliers[k][j])
            match = FALSE;
        if (match && num->end == unit_start)
          {
            if (apart)
              {
                *apart_start = end - len;
                *apart_end = end;
              }
            else
              mult_start = end - len;
            break;
          }
      }

  return mult_start;
}

static gsize
process_number (Extractor *ex, const FiguresNumber *num, gsize quote_end, gint book_depth)
{
  const gunichar *t = ex->t;
  const FiguresRules *r = ex->rules;
  const FiguresUnitRule *unit_rule;
  guint unit_index = 0;
  gsize unit_start = num->end;
  gsize unit_len;
  gsize unit_end;
  gboolean has_digit = FALSE;
  gboolean approx = num->approx;
  FiguresDecimal value = num->value;
  Classification cls;
  Bounds bounds;
  Raw raw = { 0 };

  /* names and titles: 《…》, “三项计划” */
  if (book_depth > 0 || num->start < quote_end)
    return num->end;
  if (num->start > 0 && (is_ascii_letter (t[num->start - 1]) || t[num->start - 1] == '.'))
    return num->end;
  if (figures_word_set_match_ending (r->not_before_number, t, num->start > 4 ? num->start - 4 : 0,
                                     num->start, NULL) > 0)
    return num->end;

  for (gsize p = num->start; p < num->end; p++)
    if (is_ascii_digit (t[p]))
      has_digit = TRUE;

  /* 一 alone is an article more often than a count (一次性, 一个中心);
   * a bare 百/千/万 is a figure of speech (百场, 千家). */
  if (!has_digit && num->end - num->start == 1 &&
      (t[num->start] == 0x4E00 || t[num->start] == 0x767E || t[num->start] == 0x5343 ||
       t[num->start] == 0x4E07 || t[num->start] == 0x4EBF))
    {
      /* …unless a bound word touches it: 上千人次, 近万人, 逾百场 are
       * figures (1000, approx) */
      if (t[num->start] == 0x4E00 ||
          figures_word_set_match_ending (
            r->bound_before_bare, t, num->start > 2 ? num->start - 2 : 0, num->start, NULL) == 0)
        return num->end;
      approx = TRUE;
    }

  while (unit_start < ex->n && t[unit_start] == ' ' && unit_start < num->end + 1)
    unit_start++;
  /* 600 多名: a space (from a PDF) before 多/余 */
  if (unit_start > num->end && unit_start + 1 < ex->n &&
      (t[unit_start] == 0x591A /* 多 */ || t[unit_start] == 0x4F59 /* 余 */))
    {
      approx = TRUE;
      unit_start++;
    }
  unit_len = figures_word_set_match (r->units, t, ex->n, unit_start, &unit_index);
  if (unit_len == 0)
    return num->end;
  unit_rule = figures_rules_unit (unit_index);
  unit_end = unit_start + unit_len;
  if (figures_rules_unit_blocked (unit_index, t, ex->n, unit_end))
    return num->end;
  /* 人大三次会议, 政协二次全会: the session's ordinal, like 第N次 */
  if (unit_rule->kind == FIGURES_UNIT_EVENT && t[unit_start] == 0x6B21 /* 次 */ && unit_len == 1 &&
      figures_word_set_match (r->session_nouns, t, ex->n, unit_end, NULL) > 0 &&
      figures_word_set_match_ending (r->session_bodies, t, num->start > 4 ? num->start - 4 : 0,
                                     num->start, NULL) > 0)
    return num->end;
  /* 5个多月, 3个半月 */
  if (unit_end < ex->n && (t[unit_end] == 0x591A || t[unit_end] == 0x534A) &&
      unit_rule->kind == FIGURES_UNIT_ITEM && unit_end + 1 < ex->n &&
      (t[unit_end + 1] == 0x6708 || t[unit_end + 1] == 0x5C0F))
    return num->end;
  /* a unit word written with its multiplier the reader left alone */
  switch (t[unit_start])
    {
      case 0x4E07: /* 万 */
      case 0x4EBF: /* 亿 */
      case 0x5343: /* 千 */
      case 0x767E: /* 百 */
        if (unit_len > 1)
          {
            guint pow = t[unit_start] == 0x4E07   ? 4
                        : t[unit_start] == 0x4EBF ? 8
                        : t[unit_start] == 0x5343 ? 3
                                                  : 2;

            while (pow-- > 0 && value.mantissa < G_MAXINT64 / 10)
              {
                if (value.scale > 0)
                  value.scale--;
                else
                  value.mantissa *= 10;
              }
          }
        break;
      default:
        break;
    }

  /* approximation words that touch the number or its unit */
  if (figures_word_set_match_ending (r->approx_before, t, num->start > 4 ? num->start - 4 : 0,
                                     num->start, NULL) > 0)
    approx = TRUE;
  if (figures_word_set_match (r->approx_after, t, ex->n, unit_end, NULL) > 0)
    approx = TRUE;

  find_bounds (ex, num->start, unit_end, &bounds);
  cls = classify (ex, unit_rule->kind, num->start, unit_end, &bounds);

  raw.metric = cls.metric;
  raw.value = value;
  raw.approx = approx;
  raw.unit_start =
    unit_as_written (ex, num, unit_rule->kind, unit_start, &raw.mult_start, &raw.mult_end);
  raw.word_start = unit_start;
  raw.unit_kind = unit_rule->kind;
  raw.start = num->start;
  raw.end = unit_end;
  raw.label_noun = cls.label_noun;
  raw.why_metric = cls.why;
  raw.item_start = bounds.item_start;
  raw.clause_start = bounds.clause_start;
  raw.why_word = cls.why_word;

  raw.sent_start = bounds.sent_start;
  while (raw.sent_start < num->start && is_space (t[raw.sent_start]))
    raw.sent_start++;
  raw.sent_end = bounds.sent_end;
  if (raw.sent_end < ex->n && is_sentence_end (t[raw.sent_end]) && t[raw.sent_end] != '\n')
    raw.sent_end++;
  while (raw.sent_end > unit_end && is_space (t[raw.sent_end - 1]))
    raw.sent_end--;
  raw.year = sentence_year (ex, raw.sent_start, raw.sent_end, num->start, &raw.year_offset);
  raw.owner =
    find_owner (ex, raw.sent_start, bounds.clause_start, num->start, unit_rule->kind, &raw);

  g_array_append_val (ex->raws, raw);

  return unit_end;
}

/* A title: no sentence-final punctuation or comma at its end, at most
 * TITLE_MAX_CHARS, mostly Han (not a URL, a date or a menu), and no
 * key–value line (来源:…, 发布时间:…). */
static gboolean
looks_like_title (Extractor *ex, gsize start, gsize end)
{
  const gunichar *t = ex->t;
  guint han = 0;

  if (end - start > TITLE_MAX_CHARS || is_sentence_end (t[end - 1]) || t[end - 1] == 0xFF0C ||
      t[end - 1] == ',')
    return FALSE;
  for (gsize p = start; p < end; p++)
    {
      if (is_han (t[p]) && !is_numeral_start (t[p]))
        han++;
      if (p + 2 < end && t[p] == ':' && t[p + 1] == '/' && t[p + 2] == '/')
        return FALSE;
    }
  if (han < 6 || han * 2 < end - start)
    return FALSE;
  for (gsize p = start; p < end && p < start + 8; p++)
    if (figures_word_set_match (ex->rules->publisher_keys, t, end, p, NULL) > 0)
      return FALSE;
  return TRUE;
}

static void
finish_line (
  Extractor *ex, gsize start, gsize end, gboolean punct, guint first_mention, guint first_raw)
{
  const gunichar *t = ex->t;
  Line line;
  gsize len;

  while (start < end && is_space (t[start]))
    start++;
  while (end > start && is_space (t[end - 1]))
    end--;
  len = end - start;
  if (len == 0)
    return;

  line.start = start;
  line.end = end;
  line.first_mention = first_mention;
  line.end_mention = ex->mentions->len;

  /* 标题:… anywhere names the title (web page dumps put it last) */
  if (!ex->title_from_key && len < TITLE_MAX_CHARS)
    {
      gsize klen = figures_word_set_match (ex->rules->title_keys, t, end, start, NULL);

      if (klen > 0 && start + klen < end && (t[start + klen] == ':' || t[start + klen] == 0xFF1A))
        {
          ex->has_title = TRUE;
          ex->title_from_key = TRUE;
          ex->title = line;
          ex->title.start = start + klen + 1;
          for (guint i = first_raw; i < ex->raws->len; i++)
            g_array_index (ex->raws, Raw, i).in_title = TRUE;
        }
    }
  /* the first line that reads like a title, among the first few: a page's
   * furniture before it (EN, 本篇文章630字…, a URL) is no title */
  if (!ex->has_title && ex->n_lines < MASTHEAD_LINES && looks_like_title (ex, start, end))
    {
      ex->has_title = TRUE;
      ex->title = line;
      for (guint i = first_raw; i < ex->raws->len; i++)
        g_array_index (ex->raws, Raw, i).in_title = TRUE;
    }
  if (len < HEADING_MAX_CHARS)
    {
      ex->has_byline = TRUE;
      ex->byline = line;
    }
  else
    ex->has_byline = FALSE;

  if (!ex->has_publisher)
    {
      const guint8 *key_starts = figures_word_set_start_bitmap (ex->rules->publisher_keys);

      for (gsize p = start; p < end && p < start + 40; p++)
        {
          gsize klen;
          gsize q;

          /* the set's own first test, inlined: most lines hold no key */
          if (t[p] < 0x10000 && !(key_starts[t[p] >> 3] & (1u << (t[p] & 7))))
            continue;
          klen = figures_word_set_match (ex->rules->publisher_keys, t, end, p, NULL);

          if (klen == 0)
            continue;
          q = p + klen;
          while (q < end && is_space (t[q]))
            q++;
          if (q < end && (t[q] == ':' || t[q] == 0xFF1A))
            {
              gsize e = q + 1;

              while (e < end && t[e] != '|')
                e++;
              ex->has_publisher = TRUE;
              ex->publisher = line;
              ex->publisher.start = q + 1;
              ex->publisher.end = e;
              break;
            }
        }
    }

  /* a masthead near the top (XX市人民政府门户网站) names the publisher */
  if (!ex->has_publisher && ex->n_lines < MASTHEAD_LINES && len < HEADING_MAX_CHARS &&
      figures_word_set_find_last (ex->rules->masthead_words, t, start, end, NULL, NULL, NULL))
    {
      ex->has_publisher = TRUE;
      ex->publisher = line;
    }
  if (ex->n_lines < MASTHEAD_LINES)
    ex->head_end = end;
  ex->last_line = line;
  ex->n_lines++;

  if (!punct && len < HEADING_MAX_CHARS)
    {
      g_array_append_val (ex->headings, line);
      for (guint i = first_raw; i < ex->raws->len; i++)
        g_array_index (ex->raws, Raw, i).in_heading = TRUE;
    }
}

/* What the scan loop must look at, per BMP code point: one table lookup
 * instead of a dozen comparisons for the common case. */
enum
{
  CHAR_HAN = 1 << 0,
  CHAR_NUMERAL = 1 << 1,
  CHAR_PUNCT = 1 << 2,
  CHAR_MARK = 1 << 3, /* 《 》 and opening quotes */
};

static const guint8 *
char_flags (void)
{
  static gsize flags = 0; /* the table, once built */

  if (g_once_init_enter (&flags))
    {
      guint8 *table = g_new0 (guint8, 0x10000);

      for (gunichar c = 0; c < 0x10000; c++)
        table[c] = (is_han (c) ? CHAR_HAN : 0) | (is_numeral_start (c) ? CHAR_NUMERAL : 0) |
                   (is_clause_punct (c) ? CHAR_PUNCT : 0) |
                   (c == 0x300A || c == 0x300B || closing_quote (c) != 0 ? CHAR_MARK : 0);
      g_once_init_leave (&flags, (gsize) table);
    }

  return (const guint8 *) flags;
}

static void
scan (Extractor *ex)
{
  const gunichar *t = ex->t;
  gsize n = ex->n;
  gsize line_start = 0;
  gboolean line_punct = FALSE;
  guint line_first_mention = 0;
  guint line_first_raw = 0;
  gint book_depth = 0;
  gsize quote_end = 0;
  gsize i = 0;
  const guint8 *scope_starts = figures_word_set_start_bitmap (ex->rules->scope);
  const guint8 *flags_table = char_flags ();

  while (i <= n)
    {
      gunichar c;
      guint flags;

      if (i == n || t[i] == '\n')
        {
          finish_line (ex, line_start, i, line_punct, line_first_mention, line_first_raw);
          line_start = i + 1;
          line_punct = FALSE;
          line_first_mention = ex->mentions->len;
          line_first_raw = ex->raws->len;
          book_depth = 0;
          i++;
          continue;
        }

      c = t[i];
      flags = c < 0x10000 ? flags_table[c] : (is_han (c) ? CHAR_HAN : 0);
      if (flags == 0)
        {
          i++;
          continue;
        }

      if (flags & CHAR_PUNCT)
        line_punct = TRUE;
      else if (!(flags & CHAR_MARK))
        ;
      else if (c == 0x300A) /* 《 */
        book_depth++;
      else if (c == 0x300B) /* 》 */
        book_depth = MAX (0, book_depth - 1);
      else if (i >= quote_end)
        {
          gunichar close = closing_quote (c);

          for (gsize j = i + 1; j < n && j <= i + QUOTED_NAME_MAX + 1 && t[j] != '\n'; j++)
            if (t[j] == close)
              {
                quote_end = j;
                break;
              }
        }

      if (flags & CHAR_HAN)
        {
          const FiguresPlace *const *candidates = NULL;
          gsize place_len = 0;
          guint n_candidates = 0;
          guint scope_index = 0;
          gsize scope_len;

          if (ex->gazetteer != NULL)
            n_candidates =
              figures_gazetteer_match (ex->gazetteer, t, n, i, &place_len, &candidates);
          scope_len = 0;
          if (c >= 0x10000 || (scope_starts[c >> 3] & (1u << (c & 7))) != 0)
            scope_len = figures_word_set_match (ex->rules->scope, t, n, i, &scope_index);
          if (n_candidates == 0)
            place_len = 0;

          if (place_len > 0 || scope_len > 0)
            {
              Mention m = { 0 };

              m.start = i;
              m.scope = -1;
              if (place_len >= scope_len)
                {
                  m.end = i + place_len;
                  m.candidates = candidates;
                  m.n_candidates = n_candidates;
                }
              else
                {
                  m.end = i + scope_len;
                  m.scope = (int) figures_rules_scope (scope_index)->kind;
                }
              flag_mention (ex, &m, i < quote_end ? 1 : book_depth);
              if (m.scope < 0)
                find_town (ex, &m);
              g_array_append_val (ex->mentions, m);
              i = m.end;
              continue;
            }
        }

      if (flags & CHAR_NUMERAL)
        {
          FiguresNumber num;

          gboolean read = figures_number_read (t, n, i, &num) && num.end > i;

          /* 近万人, 逾亿元: the reader leaves a lone 万/亿 alone (万里); with
           * a bound word touching it, it is a figure (spec "Reading the
           * number") */
          if (!read && (c == 0x4E07 /* 万 */ || c == 0x4EBF /* 亿 */) &&
              figures_word_set_match_ending (ex->rules->bound_before_bare, t, i > 2 ? i - 2 : 0, i,
                                             NULL) > 0)
            {
              memset (&num, 0, sizeof num);
              num.value.mantissa = c == 0x4E07 ? 10000 : 100000000;
              num.approx = TRUE;
              num.start = i;
              num.end = i + 1;
              num.multiplier = c == 0x4E07 ? "万" : "亿";
              read = TRUE;
            }
          if (read)
            {
              gsize next = process_number (ex, &num, quote_end, book_depth);

              /* clause punctuation inside what we skip still counts */
              for (gsize p = i; p < next; p++)
                if (is_clause_punct (t[p]))
                  line_punct = TRUE;
              i = MAX (next, i + 1);
              continue;
            }
        }

      i++;
    }
}

/* ------------------------------------------------------------------ */
/* After the pass: places, cities, counting once                        */
/* ------------------------------------------------------------------ */

static void
resolve_mentions (Extractor *ex)
{
  GHashTable *counts = g_hash_table_new (g_str_hash, g_str_equal);
  guint best = 0;

  /* the document's province: the one its unambiguous places belong to */
  for (guint i = 0; i < ex->mentions->len; i++)
    {
      const Mention *m = &g_array_index (ex->mentions, Mention, i);
      guint count;

      if (m->n_candidates != 1 || m->candidates[0]->province == NULL)
        continue;
      count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, m->candidates[0]->province)) + 1;
      g_hash_table_insert (counts, (gpointer) m->candidates[0]->province, GUINT_TO_POINTER (count));
      if (count > best)
        {
          best = count;
          ex->doc_province = m->candidates[0]->province;
        }
    }
  g_hash_table_unref (counts);

  for (guint i = 0; i < ex->mentions->len; i++)
    {
      Mention *m = &g_array_index (ex->mentions, Mention, i);

      if (m->scope == FIGURES_SCOPE_CAPITAL)
        m->place = lookup_place (ex, figures_rules_capital (ex->doc_province));
      else if (m->scope < 0)
        m->place = pick_candidate (ex, m);
    }
}

static const FiguresPlace *
prefecture_of (Extractor *ex, const FiguresPlace *place)
{
  const FiguresPlace *p;

  if (place == NULL || place->level <= FIGURES_PLACE_PREFECTURE || place->prefecture == NULL)
    return place;
  p = lookup_place (ex, place->prefecture);
  return p != NULL ? p : place;
}

/* How often the text names each place, datelines and partners aside. */
static GHashTable *
count_places (Extractor *ex)
{
  GHashTable *counts = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < ex->mentions->len; i++)
    {
      const Mention *m = &g_array_index (ex->mentions, Mention, i);

      if (m->place == NULL || (m->flags & (MENTION_PARTNER | MENTION_DATELINE)))
        continue;
      g_hash_table_insert (
        counts, (gpointer) m->place,
        GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, m->place)) + 1));
    }

  return counts;
}

/* The place of a title line: the most specific; of two at the same level
 * (福建宁夏将力推…), the one the text names more often. */
static const Mention *
title_mention (Extractor *ex, const Line *line, GHashTable *counts)
{
  /* a title may be quoted whole (“福建宁夏将力推…”): quotes are no name there */
  const Mention *best =
    best_mention_in (ex, line, line->start, line->end, TRUE, MENTION_PARTNER | MENTION_AID);

  if (best == NULL)
    return NULL;
  for (guint i = line->first_mention; i < line->end_mention && i < ex->mentions->len; i++)
    {
      const Mention *m = &g_array_index (ex->mentions, Mention, i);

      if (m->start < line->start || m->start >= line->end || m->place == NULL ||
          m->place == best->place || m->place->level != best->place->level ||
          (m->flags & (MENTION_PARTNER | MENTION_AID)))
        continue;
      if (GPOINTER_TO_UINT (g_hash_table_lookup (counts, m->place)) >
          GPOINTER_TO_UINT (g_hash_table_lookup (counts, best->place)))
        best = m;
    }

  return best;
}

/* For a text that names no place in full: the county it names most often
 * by its stem (是泽州发展历程中… → 泽州县), among its first STEM_SCAN_CHARS. */
static const FiguresPlace *
county_by_stem (Extractor *ex)
{
  const FiguresRules *r = ex->rules;
  const gunichar *t = ex->t;
  gsize hi = MIN (ex->n, STEM_SCAN_CHARS);
  g_autoptr (GHashTable) counts = g_hash_table_new (NULL, NULL);
  const FiguresPlace *best = NULL;
  guint best_count = 0;

  if (ex->gazetteer == NULL)
    return NULL;
  for (gsize p = 0; p + 1 < hi; p++)
    {
      gunichar name[3];
      guint n_suffixes = 0;

      if (!is_han (t[p]) || !is_han (t[p + 1]) || is_numeral_start (t[p]) ||
          figures_word_set_match (r->stems_not, t, hi, p, NULL) > 0 ||
          figures_word_set_match (r->county_suffixes, t, ex->n, p + 2, NULL) > 0)
        continue;
      name[0] = t[p];
      name[1] = t[p + 1];
      for (guint k = 0; k < 3; k++)
        {
          static const gunichar suffixes[] = { 0x53BF /* 县 */, 0x5E02 /* 市 */, 0x65D7 /* 旗 */ };
          g_autofree char *utf8 = NULL;
          const FiguresPlace *place;
          guint count;

          name[2] = suffixes[k];
          utf8 = g_ucs4_to_utf8 (name, 3, NULL, NULL, NULL);
          place = utf8 != NULL ? lookup_place (ex, utf8) : NULL;
          /* its own name: a district is not found by its former city's */
          if (place == NULL || place->level != FIGURES_PLACE_COUNTY ||
              strcmp (place->name, utf8) != 0)
            continue;
          n_suffixes++;
          count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, place)) + 1;
          g_hash_table_insert (counts, (gpointer) place, GUINT_TO_POINTER (count));
          if (count > best_count)
            {
              best = place;
              best_count = count;
            }
        }
      (void) n_suffixes;
    }

  return best;
}

static void
resolve_document_place (Extractor *ex)
{
  g_autoptr (GHashTable) counts = count_places (ex);
  const Mention *m = NULL;

  if (ex->has_title && ex->title.end > ex->title.start)
    {
      m = title_mention (ex, &ex->title, counts);
      ex->doc_why = WHY_CITY_TITLE;
    }
  if (m == NULL && ex->has_publisher)
    {
      m = best_mention_in (ex, &ex->publisher, ex->publisher.start, ex->publisher.end, TRUE,
                           MENTION_PARTNER | MENTION_IN_BOOK);
      ex->doc_why = WHY_CITY_PUBLISHER;
    }
  if (m == NULL && ex->has_byline)
    {
      m = best_mention_in (ex, &ex->byline, ex->byline.start, ex->byline.end, TRUE,
                           MENTION_PARTNER | MENTION_IN_BOOK);
      ex->doc_why = WHY_CITY_BYLINE;
    }
  /* else the prefecture-level place it names most often */
  {
    GHashTable *prefectures = g_hash_table_new (g_str_hash, g_str_equal);
    guint best = 0;
    const char *best_name = NULL;

    for (guint i = 0; i < ex->mentions->len; i++)
      {
        const Mention *mm = &g_array_index (ex->mentions, Mention, i);
        const char *name;
        guint count;

        if (mm->place == NULL || mm->place->level == FIGURES_PLACE_PROVINCE ||
            mm->place->prefecture == NULL || (mm->flags & (MENTION_PARTNER | MENTION_DATELINE)))
          continue;
        name = mm->place->prefecture;
        count = GPOINTER_TO_UINT (g_hash_table_lookup (prefectures, name)) + 1;
        g_hash_table_insert (prefectures, (gpointer) name, GUINT_TO_POINTER (count));
        if (count > best)
          {
            best = count;
            best_name = name;
          }
      }
    g_hash_table_unref (prefectures);
    if (best_name != NULL)
      ex->top_prefecture = lookup_place (ex, best_name);
    if (m != NULL)
      {
        ex->doc_place = m->place;
        return;
      }

    ex->doc_why = WHY_CITY_MOST_NAMED;
    ex->doc_place = ex->top_prefecture;
    if (ex->doc_place == NULL && ex->doc_province != NULL)
      {
        /* only the region itself is named; a text naming several regions
         * (陕西、内蒙古、甘肃…教师) is about none of them */
        const FiguresPlace *region = NULL;
        gboolean several = FALSE;

        for (guint i = 0; i < ex->mentions->len && !several; i++)
          {
            const Mention *mm = &g_array_index (ex->mentions, Mention, i);

            if (mm->place == NULL || mm->place->level != FIGURES_PLACE_PROVINCE ||
                (mm->flags & MENTION_DATELINE))
              continue;
            if (region == NULL)
              region = mm->place;
            else if (mm->place != region)
              several = TRUE;
          }
        if (region != NULL && !several)
          {
            ex->doc_place = region;
            ex->doc_why = WHY_CITY_ONLY_REGION;
          }
      }
    if (ex->doc_place == NULL && (ex->doc_place = county_by_stem (ex)) != NULL)
      ex->doc_why = WHY_CITY_STEM;
    if (ex->doc_place == NULL)
      {
        /* a dateline is the last resort: where the reporter was */
        for (guint i = 0; i < ex->mentions->len && ex->doc_place == NULL; i++)
          {
            const Mention *mm = &g_array_index (ex->mentions, Mention, i);

            if (mm->place != NULL && (mm->flags & MENTION_DATELINE))
              ex->doc_place = mm->place;
          }
      }
    if (ex->doc_place == NULL)
      ex->doc_why = WHY_CITY_NONE;
  }
}

static const FiguresPlace *
heading_place (Extractor *ex, const Line *line, const Mention **mention)
{
  const Mention *m =
    best_mention_in (ex, line, line->start, line->end, TRUE, MENTION_PARTNER | MENTION_IN_BOOK);

  *mention = NULL;
  if (m == NULL)
    return NULL;
  /* a heading naming only the region counts in a region-wide text */
  if (m->place->level == FIGURES_PLACE_PROVINCE &&
      (ex->doc_place == NULL || ex->doc_place != m->place))
    return NULL;
  *mention = m;
  return m->place;
}

static void
set_place (Extractor *ex, FiguresStatistic *stat, const FiguresPlace *place, const Mention *town)
{
  if (place == NULL)
    {
      stat->city = g_strdup ("");
      stat->place = g_strdup ("");
      return;
    }
  stat->city = g_strdup (figures_place_get_city (place));
  if (town != NULL && town->town_end > town->town_start)
    stat->place = dup_display (ex, town->town_start, town->town_end);
  else
    stat->place = g_strdup (place->name);
}

static guint
context_hash (Extractor *ex, const Raw *raw)
{
  guint h = 2166136261u;
  gsize lo = raw->start > CONTEXT_CHARS ? raw->start - CONTEXT_CHARS : 0;
  gsize hi = MIN (ex->n, raw->end + CONTEXT_CHARS);

  for (gsize p = lo; p < raw->start; p++)
    h = (h ^ ex->t[p]) * 16777619u;
  h = (h ^ 0xFFFFu) * 16777619u;
  for (gsize p = raw->end; p < hi; p++)
    h = (h ^ ex->t[p]) * 16777619u;
  h = (h ^ (guint) raw->metric) * 16777619u;
  return h;
}

static gboolean
same_context (Extractor *ex, const Raw *a, const Raw *b)
{
  gsize alo = a->start > CONTEXT_CHARS ? a->start - CONTEXT_CHARS : 0;
  gsize blo = b->start > CONTEXT_CHARS ? b->start - CONTEXT_CHARS : 0;
  gsize ahi = MIN (ex->n, a->end + CONTEXT_CHARS);
  gsize bhi = MIN (ex->n, b->end + CONTEXT_CHARS);

  if (a->metric != b->metric || !figures_decimal_equal (a->value, b->value))
    return FALSE;
  if (a->start - alo != b->start - blo || ahi - a->end != bhi - b->end)
    return FALSE;
  if (a->end - a->start != b->end - b->start)
    return FALSE;
  return memcmp (ex->t + alo, ex->t + blo, (a->start - alo) * sizeof (gunichar)) == 0 &&
         memcmp (ex->t + a->end, ex->t + b->end, (ahi - a->end) * sizeof (gunichar)) == 0;
}

/* Whether a headline's figure is the body's: equal, or the body's rounded
 * down to the headline's precision when the headline marks it approximate
 * (逾2亿元 for 2.0257亿元, 7万余人 for 74850人). */
static gboolean
headline_repeats (const Raw *head, const Raw *body)
{
  double h, b, step;

  if (figures_decimal_equal (body->value, head->value))
    return TRUE;
  if (!head->approx)
    return FALSE;
  h = figures_decimal_to_double (head->value);
  b = figures_decimal_to_double (body->value);
  if (!(h > 0) || b < h)
    return FALSE;
  /* one unit of the headline's last significant digit */
  step = pow (10, floor (log10 (h)));
  while (step > 1 && fmod (h, step) != 0)
    step /= 10;
  return b < h + step;
}

static void
count_once (Extractor *ex)
{
  GHashTable *seen = g_hash_table_new (NULL, NULL); /* hash → first raw index + 1 */

  for (guint i = 0; i < ex->raws->len; i++)
    {
      Raw *raw = &g_array_index (ex->raws, Raw, i);
      guint h = context_hash (ex, raw);
      gpointer found = g_hash_table_lookup (seen, GUINT_TO_POINTER (h));

      if (found != NULL)
        {
          const Raw *first = &g_array_index (ex->raws, Raw, GPOINTER_TO_UINT (found) - 1);

          if (same_context (ex, first, raw))
            {
              raw->dropped = TRUE;
              continue;
            }
        }
      else
        g_hash_table_insert (seen, GUINT_TO_POINTER (h), GUINT_TO_POINTER (i + 1));
    }
  g_hash_table_unref (seen);

  /* a headline (the title, or a heading line) that states a figure the
   * body states again; the body keeps it, and takes the headline's metric
   * when its own words name none (title …技能培训开班 282名…; body 282名
   * 退役士兵参加…) */
  for (guint i = 0; i < ex->raws->len; i++)
    {
      Raw *head = &g_array_index (ex->raws, Raw, i);

      if (!(head->in_heading || head->in_title) || head->dropped)
        continue;
      for (guint j = 0; j < ex->raws->len; j++)
        {
          Raw *body = &g_array_index (ex->raws, Raw, j);

          if (j == i || body->in_heading || body->in_title || body->dropped)
            continue;
          /* the same figure, whatever the headline's wording made of it */
          if (body->unit_kind == head->unit_kind && headline_repeats (head, body))
            {
              head->dropped = TRUE;
              if (!is_core (body->metric) && is_core (head->metric) &&
                  body->why_metric != WHY_METRIC_MACRO && body->why_metric != WHY_METRIC_PER_UNIT &&
                  body->why_metric != WHY_METRIC_OUTCOME)
                {
                  body->metric = head->metric;
                  body->why_metric = WHY_METRIC_HEADLINE;
                  body->why_word = figures_metric_to_key (head->metric);
                  g_free (body->label_noun);
                  body->label_noun = g_strdup (head->label_noun);
                }
              break;
            }
        }
    }
}

/* A reason's template with its word in place of its first %s. */
static char *
explain (const char *template, const char *word)
{
  const char *hole = strstr (template, "%s");

  GString *out;

  if (hole == NULL)
    return g_strdup (template);
  out = g_string_new_len (template, hole - template);
  g_string_append (out, word != NULL ? word : "");
  g_string_append (out, hole + 2);
  return g_string_free (out, FALSE);
}

static const char giver_text[] = N_ ("%s (giver %s is the subject)");

static char *
explain_city (
  Extractor *ex, WhyCity why, const Mention *m, const FiguresPlace *place, const Raw *raw)
{
  g_autofree char *named = NULL;
  g_autofree char *reason = NULL;

  if (place == NULL)
    return g_strdup (why_city_text[WHY_CITY_NONE]);
  if (m != NULL && why != WHY_CITY_LIST)
    named = dup_display (ex, m->start, m->end);
  else
    named = g_strdup (place->name);
  reason = explain (why_city_text[why], named);

  /* say who the receiver was given by, when the giver is named first */
  if (why == WHY_CITY_RECEIVER && raw->owner >= 0)
    for (guint i = (guint) raw->owner; i > 0; i--)
      {
        const Mention *g = &g_array_index (ex->mentions, Mention, i - 1);

        if (g->start < raw->sent_start)
          break;
        if (g->place == NULL || g->place == place || (g->flags & MENTION_DATELINE))
          continue;
        {
          g_autofree char *giver = dup_display (ex, g->start, g->end);

          return explain (explain (giver_text, reason), giver);
        }
      }

  return g_steal_pointer (&reason);
}

/* X、Y和Z without 分别: their common prefecture, else their province. */
static const FiguresPlace *
common_place (Extractor *ex, int first, int last)
{
  const FiguresPlace *prefecture = NULL;
  const char *province = NULL;
  gboolean same_prefecture = TRUE, same_province = TRUE;

  for (int i = first; i <= last; i++)
    {
      const Mention *m = &g_array_index (ex->mentions, Mention, i);
      const FiguresPlace *pref = prefecture_of (ex, m->place);

      if (m->place == NULL)
        continue;
      if (prefecture == NULL)
        {
          prefecture = pref;
          province = m->place->province != NULL ? m->place->province : m->place->name;
          continue;
        }
      if (pref != prefecture)
        same_prefecture = FALSE;
      if (g_strcmp0 (province, m->place->province != NULL ? m->place->province : m->place->name) !=
          0)
        same_province = FALSE;
    }
  if (same_prefecture)
    return prefecture;
  if (same_province && province != NULL)
    return lookup_place (ex, province);
  return g_array_index (ex->mentions, Mention, last).place;
}

static FiguresExtraction *
build (Extractor *ex)
{
  FiguresExtraction *extraction = g_new0 (FiguresExtraction, 1);
  const FiguresPlace *section = NULL;
  const Mention *section_mention = NULL;
  guint h = 0;

  extraction->statistics = g_ptr_array_new_with_free_func ((GDestroyNotify) figures_statistic_free);
  if (ex->doc_place != NULL)
    extraction->city = g_strdup (figures_place_get_city (ex->doc_place));

  for (guint i = 0; i < ex->raws->len; i++)
    {
      Raw *raw = &g_array_index (ex->raws, Raw, i);
      FiguresStatistic *stat;
      const FiguresPlace *place = NULL;
      const Mention *town = NULL;
      const FiguresPlace *scope_place;
      WhyCity why = WHY_CITY_NONE;
      const Mention *why_place = NULL;

      /* the current section: the last place-naming heading before it */
      while (h < ex->headings->len && g_array_index (ex->headings, Line, h).start <= raw->start)
        {
          const Mention *hm = NULL;
          const FiguresPlace *hp = heading_place (ex, &g_array_index (ex->headings, Line, h), &hm);

          /* once in a city's section, a heading naming only the region is
           * a slogan (打造内蒙古…升级版), not a new section */
          if (hp != NULL && !(hp->level == FIGURES_PLACE_PROVINCE && section != NULL &&
                              section->level != FIGURES_PLACE_PROVINCE))
            {
              section = hp;
              section_mention = hm;
            }
          h++;
        }

      if (raw->dropped)
        continue;

      scope_place = section != NULL ? section : ex->doc_place;
      if (raw->owner >= 0)
        {
          const Mention *m = &g_array_index (ex->mentions, Mention, raw->owner);

          switch (m->scope)
            {
              case FIGURES_SCOPE_CURRENT:
                place = scope_place;
                town = section != NULL ? section_mention : NULL;
                break;
              case FIGURES_SCOPE_CITY:
                /* 全市 in a county-level city's text (满洲里市) is that city */
                if (scope_place != NULL && scope_place->level == FIGURES_PLACE_COUNTY &&
                    g_str_has_suffix (scope_place->name, "市"))
                  place = scope_place;
                else
                  place = prefecture_of (ex, scope_place);
                /* 全盟 in a region's text: the prefecture it is about */
                if ((place == NULL || place->level == FIGURES_PLACE_PROVINCE) &&
                    ex->top_prefecture != NULL &&
                    (place == NULL || g_strcmp0 (ex->top_prefecture->province, place->name) == 0))
                  place = ex->top_prefecture;
                break;
              case FIGURES_SCOPE_DISTRICT:
                /* 全区: the district in scope, else the autonomous region */
                if (scope_place != NULL && scope_place->level == FIGURES_PLACE_COUNTY &&
                    g_str_has_suffix (scope_place->name, "区"))
                  {
                    place = scope_place;
                    town = section != NULL ? section_mention : NULL;
                  }
                else if (ex->doc_province != NULL && g_str_has_suffix (ex->doc_province, "自治区"))
                  place = lookup_place (ex, ex->doc_province);
                else
                  place = scope_place;
                break;
              case FIGURES_SCOPE_PROVINCE:
                /* 全省, 我省: the province of the place in scope */
                if (scope_place != NULL && scope_place->level != FIGURES_PLACE_PROVINCE &&
                    scope_place->province != NULL)
                  place = lookup_place (ex, scope_place->province);
                else if (scope_place == NULL && ex->doc_province != NULL)
                  place = lookup_place (ex, ex->doc_province);
                else
                  place = scope_place;
                break;
              case FIGURES_SCOPE_CAPITAL:
                place = m->place != NULL ? m->place : scope_place;
                break;
              default:
                place = m->place;
                town = m;
                if (raw->owner_why == WHY_CITY_LIST)
                  {
                    place = common_place (ex, raw->owner_first, raw->owner);
                    town = NULL;
                  }
                break;
            }
          why = raw->owner_why;
          why_place = m;
        }
      if (place == NULL)
        {
          place = scope_place;
          town = section != NULL ? section_mention : NULL;
          why = section == NULL ? ex->doc_why
                : (ex->has_title && section_mention->start >= ex->title.start &&
                   section_mention->end <= ex->title.end)
                  ? WHY_CITY_TITLE
                  : WHY_CITY_SECTION;
          why_place = section != NULL ? section_mention : NULL;
        }

      stat = figures_statistic_new ();
      set_place (ex, stat, place, town);
      stat->why_city = explain_city (ex, why, why_place, place, raw);
      stat->metric = raw->metric;
      stat->value = raw->value;
      stat->approx = raw->approx;
      if (raw->mult_end > raw->mult_start)
        {
          g_autofree char *mult = dup_display (ex, raw->mult_start, raw->mult_end);
          g_autofree char *word = dup_display (ex, raw->word_start, raw->end);

          stat->unit = g_strconcat (mult, word, NULL);
        }
      else
        stat->unit = dup_display (ex, raw->unit_start, raw->end);
      stat->start = (guint) raw->start;
      stat->end = (guint) raw->end;
      stat->why_metric = explain (why_metric_text[raw->why_metric], raw->why_word);
      if (raw->label_noun != NULL)
        stat->label = g_strconcat (raw->label_noun, " ", stat->unit, NULL);
      else
        stat->label = g_strdup (stat->unit);
      stat->evidence = dup_display (ex, raw->sent_start, raw->sent_end);
      stat->evidence_start = (guint) raw->sent_start;
      stat->evidence_end = (guint) raw->sent_end;
      stat->year = raw->year;
      /* 今年: the year of the document's date (its byline or signature), if known */
      if (stat->year == 0 && raw->year_offset != NO_YEAR)
        {
          /* read once, and only when some sentence needs it */
          if (ex->doc_year < 0)
            {
              ex->doc_year = date_year (ex, 0, ex->head_end);
              if (ex->doc_year == 0 && ex->last_line.end - ex->last_line.start < HEADING_MAX_CHARS)
                ex->doc_year = date_year (ex, ex->last_line.start, ex->last_line.end);
            }
          if (ex->doc_year != 0)
            stat->year = ex->doc_year + raw->year_offset;
        }
      g_ptr_array_add (extraction->statistics, stat);
    }

  return extraction;
}

FiguresExtraction *
figures_extract (const FiguresText *text, FiguresGazetteer *gazetteer)
{
  Extractor ex = { 0 };
  FiguresExtraction *extraction;

  g_return_val_if_fail (text != NULL, NULL);

  ex.text = text;
  ex.t = text->folded != NULL ? text->folded : text->chars;
  ex.n = text->n_chars;
  ex.gazetteer = gazetteer != NULL ? gazetteer : figures_gazetteer_get_default ();
  ex.rules = figures_rules_get ();
  ex.mentions = g_array_new (FALSE, FALSE, sizeof (Mention));
  ex.headings = g_array_new (FALSE, FALSE, sizeof (Line));
  ex.raws = g_array_new (FALSE, TRUE, sizeof (Raw));
  ex.doc_year = -1;

  if (ex.t != NULL && ex.n > 0)
    {
      scan (&ex);
      resolve_mentions (&ex);
      resolve_document_place (&ex);
      count_once (&ex);
    }
  extraction = build (&ex);

  for (guint i = 0; i < ex.raws->len; i++)
    {
      Raw *raw = &g_array_index (ex.raws, Raw, i);

      g_free (raw->label_noun);
    }
  g_array_unref (ex.raws);
  g_array_unref (ex.headings);
  g_array_unref (ex.mentions);

  return extraction;
}

void
figures_extraction_free (FiguresExtraction *extraction)
{
  if (extraction == NULL)
    return;

  g_free (extraction->city);
  g_clear_pointer (&extraction->statistics, g_ptr_array_unref);
  g_free (extraction);
}

/* ---- reasons in another language ---- */

/* How @reason is @template with words in its holes (at most two): the
 * words, NULL when it is not */
static GStrv
match_template (const char *reason, const char *template, gsize *fixed)
{
  g_auto (GStrv) parts = g_strsplit (template, "%s", -1);
  guint n = g_strv_length (parts);
  g_autoptr (GStrvBuilder) words = g_strv_builder_new ();
  const char *at = reason;
  const char *end = reason + strlen (reason);
  const char *last_part;

  *fixed = 0;
  for (guint i = 0; i < n; i++)
    *fixed += strlen (parts[i]);
  if (n == 1)
    return strcmp (reason, template) == 0 ? g_new0 (char *, 1) : NULL;
  if (n > 3 || !g_str_has_prefix (reason, parts[0]) || !g_str_has_suffix (reason, parts[n - 1]) ||
      strlen (reason) < *fixed)
    return NULL;
  at += strlen (parts[0]);
  last_part = end - strlen (parts[n - 1]);
  if (n == 3)
    {
      /* the first word may hold anything: the middle is found last */
      const char *middle = g_strrstr_len (at, last_part - at, parts[1]);

      if (middle == NULL || parts[1][0] == '\0')
        return NULL;
      {
        g_autofree char *first = g_strndup (at, middle - at);

        g_strv_builder_add (words, first);
      }
      at = middle + strlen (parts[1]);
    }
  {
    g_autofree char *last = g_strndup (at, last_part - at);

    g_strv_builder_add (words, last);
  }
  return g_strv_builder_end (words);
}

char *
figures_extractor_translate_reason (const char *reason, const char *(*translate) (const char *text))
{
  const char *const *tables[] = { why_city_text, why_metric_text };
  const guint sizes[] = { G_N_ELEMENTS (why_city_text), G_N_ELEMENTS (why_metric_text) };
  const char *best = NULL;
  g_auto (GStrv) best_words = NULL;
  gsize best_fixed = 0;
  g_autofree char *out = NULL;

  g_return_val_if_fail (reason != NULL, NULL);
  g_return_val_if_fail (translate != NULL, NULL);

  /* the template that explains most of it: "counted noun %s counts none
   * of the five" before "counted noun %s" */
  for (guint t = 0; t <= G_N_ELEMENTS (tables); t++)
    for (guint i = 0; i < (t < G_N_ELEMENTS (tables) ? sizes[t] : 1); i++)
      {
        const char *template = t < G_N_ELEMENTS (tables) ? tables[t][i] : giver_text;
        gsize fixed;
        g_auto (GStrv) words = template != NULL ? match_template (reason, template, &fixed) : NULL;

        if (words != NULL && (best == NULL || fixed > best_fixed))
          {
            best = template;
            best_fixed = fixed;
            g_strfreev (best_words);
            best_words = g_steal_pointer (&words);
          }
      }
  if (best == NULL)
    return g_strdup (reason);

  out = g_strdup (translate (best));
  for (guint i = 0; best_words[i] != NULL; i++)
    {
      /* a word may be a reason itself (the receiver's, before its giver) */
      g_autofree char *word = best == giver_text && i == 0
                                ? figures_extractor_translate_reason (best_words[i], translate)
                                : g_strdup (best_words[i]);
      g_autofree char *filled = explain (out, word);

      g_free (out);
      out = g_steal_pointer (&filled);
    }
  return g_steal_pointer (&out);
}
