/* figures-rules.h: the extractor's keyword lists and rule tables
 *
 * Every word the extractor reacts to lives in figures-rules.c, as a table
 * that reads like the rulebook (../shared/spec/statistics.md): adding a
 * metric keyword, a distractor or a unit is one line there.
 *
 * Words are written in Simplified Chinese and matched against the folded
 * text (NFKC, Traditional→Simplified), so one entry serves both scripts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What a unit measures; decides between the metrics. */
typedef enum
{
  FIGURES_UNIT_MONEY,   /* 元, 万元: funding, investment or other */
  FIGURES_UNIT_PEOPLE,  /* 人次, 人, 名: trainees or other */
  FIGURES_UNIT_EVENT,   /* 期, 班, 次, 场: training_sessions or other */
  FIGURES_UNIT_ITEM,    /* 个, 项: projects or other */
  FIGURES_UNIT_MEASURE, /* 篇, 家, 亩, 吨 …: always other */
} FiguresUnitKind;

typedef struct
{
  const char *word;
  FiguresUnitKind kind;
  /* Words that, right after the unit, show it is no unit at all (个月: a
   * duration; 期间: a period), separated by "|"; NULL for none. */
  const char *not_followed_by;
} FiguresUnitRule;

/* The class of a counted noun (or of the verb that stands for it). */
typedef enum
{
  FIGURES_NOUN_TRAINING,    /* 培训, 轮训: training_sessions / trainees */
  FIGURES_NOUN_FUNDING,     /* 资金, 经费, 拨付: funding */
  FIGURES_NOUN_INVESTMENT,  /* 投资, 总投资: investment */
  FIGURES_NOUN_MACRO,       /* 生产总值, 产值, 收入: never funding */
  FIGURES_NOUN_PROJECT,     /* 项目 */
  FIGURES_NOUN_NOT_PROJECT, /* 课题, 议案, 建议: counted with 项 but not projects */
  FIGURES_NOUN_OUTREACH,    /* 宣讲, 讲座, 研讨, 活动: outreach, not training */
  FIGURES_NOUN_OTHER,       /* any other noun worth a label: 报道, 示范单位 */
} FiguresNounClass;

typedef struct
{
  const char *word;
  FiguresNounClass klass;
  const char *label; /* the label's noun; NULL: the word itself */
} FiguresNounRule;

/* What a scope word (全市, 首府) refers to. */
typedef enum
{
  FIGURES_SCOPE_CURRENT,  /* the place in scope: 全区, 全旗, 本地 */
  FIGURES_SCOPE_CITY,     /* the prefecture in scope: 全市, 我市, 市委 */
  FIGURES_SCOPE_CAPITAL,  /* the capital of the document's region: 首府 */
  FIGURES_SCOPE_DISTRICT, /* 全区: a district (区) in scope, else the autonomous region */
  FIGURES_SCOPE_PROVINCE, /* 全省, 我省: the province of the place in scope */
} FiguresScopeKind;

typedef struct
{
  const char *word;
  FiguresScopeKind kind;
} FiguresScopeRule;

typedef struct
{
  const char *province;
  const char *capital;
} FiguresCapitalRule;

/* A set of words for fast matching on folded code points. Built once,
 * read-only afterwards: safe to share between threads. */
typedef struct _FiguresWordSet FiguresWordSet;

/* Longest word of @set starting at @pos; returns its length (0: none) and
 * sets @index to its row in the table the set was built from. */
gsize figures_word_set_match (
  const FiguresWordSet *set, const gunichar *text, gsize n, gsize pos, guint *index);
/* Longest word of @set ending exactly at @end and starting at or after @lo. */
gsize figures_word_set_match_ending (
  const FiguresWordSet *set, const gunichar *text, gsize lo, gsize end, guint *index);
/* Whether some word of @set starts at any position of [@lo, @hi) and ends
 * by @hi; the position of the last such word is returned in @found. */
gboolean figures_word_set_find_last (const FiguresWordSet *set,
                                     const gunichar *text,
                                     gsize lo,
                                     gsize hi,
                                     gsize *found,
                                     gsize *found_len,
                                     guint *index);
/* 8192 bytes: bit c is set when a word of @set may start with code point c
 * (c < 0x10000), for a filter inlined in a hot loop. */
const guint8 *figures_word_set_start_bitmap (const FiguresWordSet *set);
/* Whether the first code point could start a word of @set (cheap filter). */
gboolean figures_word_set_may_start (const FiguresWordSet *set, gunichar c);

typedef struct
{
  FiguresWordSet *units;                   /* FiguresUnitRule rows: figures_rules_unit () */
  FiguresWordSet *nouns;                   /* FiguresNounRule rows: figures_rules_noun () */
  FiguresWordSet *funding_verbs;           /* 拨付, 安排 …: funding words that are verbs */
  FiguresWordSet *training_modifier_heads; /* 培训基地: 培训 is no training there */
  FiguresWordSet *training_outcomes;       /* 就业, 创业 …: what training led to */
  FiguresWordSet *approx_before;           /* 近, 约, 超过 … touching the number */
  FiguresWordSet *approx_after;            /* 以上, 左右 … right after the unit */
  FiguresWordSet *per_unit;                /* 人均, 每户 …: a rate, not a total */
  FiguresWordSet *each_verbs;              /* 安排, 补助 … between 各 and the number */
  FiguresWordSet *fillers;                 /* 累计, 共, 达 …: not a noun of an item's own */
  FiguresWordSet *not_before_number;       /* 第, 百分之, 届 …: no quantity follows */
  FiguresWordSet *scope;                   /* FiguresScopeRule rows: figures_rules_scope () */
  FiguresWordSet *givers_before;           /* 争取, 上级 …: the place after gives the money */
  FiguresWordSet *receivers_before;        /* 为, 援建, 帮扶 …: the place after receives */
  FiguresWordSet *receivers_not_before;    /* 作为, 成为 …: 为 that is no receiver's mark */
  FiguresWordSet *towards;                 /* 向: the verb after the place decides */
  FiguresWordSet *giving_verbs;            /* 捐款, 支援 …: 向X捐款 — X receives */
  FiguresWordSet *origins;                 /* 来自: where people come from (they own it) */
  FiguresWordSet *dateline_ends;           /* 电, 消息, 讯: 新华社西宁5月28日电 */
  FiguresWordSet *title_keys;              /* 标题: a key–value line naming the title */
  FiguresWordSet *county_suffixes;         /* 县, 市, 旗: a county's name is its stem and one */
  FiguresWordSet *stems_not;        /* 和平, 公安 …: county stems that are common words */
  FiguresWordSet *givers_after;     /* 补助, 下达 …: the place before gives the money */
  FiguresWordSet *place_adverbs;    /* 将, 已, 累计 …: between a place and its verb */
  FiguresWordSet *aid_words;        /* 援藏, 帮扶 …: in the clause after a place, it gives */
  FiguresWordSet *receive_verbs;    /* 接受, 获得 …: the place before receives the aid */
  FiguresWordSet *organisations;    /* 财政, 民委 …: an organisation after a place */
  FiguresWordSet *partners;         /* 与, 同, 联合 …: the place after is a partner */
  FiguresWordSet *partner_not;      /* 参与, 与会 …: 与 that makes no partner */
  FiguresWordSet *phrase_breaks;    /* words that end the noun phrase after N个 */
  FiguresWordSet *phrase_modals;    /* 急需, 需要 …: end it too, after its first noun */
  FiguresWordSet *project_not_head; /* 项目单位, 项目区 …: 项目 is no head noun */
  FiguresWordSet *publisher_keys;   /* 发文机构, 来源 …: the publisher's line */
  FiguresWordSet *town_suffixes;    /* 镇, 乡, 苏木, 街道 … */
  FiguresWordSet *town_not;         /* 城乡, 乡镇 …: no town name */
  FiguresWordSet *town_name_stops;  /* 把, 开 …: never inside a town's name */
  FiguresWordSet *bound_before_bare; /* 上, 近 …: 上千人次 — a bare multiplier as a bound */
  FiguresWordSet *session_bodies;    /* 人大, 政协 …: 人大三次会议 is an ordinal */
  FiguresWordSet *session_nouns;     /* 会议, 全会 … after N次 */
  FiguresWordSet *masthead_words; /* 门户网站, 人民政府网 …: a publisher's masthead line */
  FiguresWordSet *label_stops;    /* 被, 各, 的 …: never inside a label read from the text */
  FiguresWordSet *label_verbs;    /* 制作, 建成 …: a label starts after them, ends before */
  FiguresWordSet *list_breakers;  /* 转移, 带动 …: an item counting what came of the list */
  FiguresWordSet *progress_words; /* 开工, 竣工 …: an item giving the list's progress */
  FiguresWordSet *elided_joins;   /* 参加, 参与 …: ending a clause, joins what was named */
} FiguresRules;

/* The tables, built on first use. Thread-safe. */
const FiguresRules *figures_rules_get (void);
const FiguresUnitRule *figures_rules_unit (guint index);
/* Whether what follows the unit at @pos shows it is no unit (个月, 期间). */
gboolean figures_rules_unit_blocked (guint index, const gunichar *text, gsize n, gsize pos);
const FiguresNounRule *figures_rules_noun (guint index);
const FiguresScopeRule *figures_rules_scope (guint index);
/* The capital of @province for 首府, or NULL. */
const char *figures_rules_capital (const char *province);

G_END_DECLS
