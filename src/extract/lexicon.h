/*
 * lexicon: the words of the genre, as data (see lexicon.c for each table
 * and what it is for).
 *
 * Not for: rules. A table says which words there are; the files that read
 * them (people.c, meeting.c, date.c, byline.c, terms.c) say what a match
 * means.
 */
#ifndef TIFA_EXTRACT_LEXICON_H
#define TIFA_EXTRACT_LEXICON_H
#include <stddef.h>
#include <stdint.h>

/* A list of words (UTF-8 literals), tried in order: where two could match,
 * the longer comes first. */
typedef struct {
    const char *const *w;
    size_t n;
} word_list;

/* A set of single characters (code points). */
typedef struct {
    const uint32_t *cp;
    size_t n;
} char_list;

/* A word_list as the (words, count) arguments ustr_at_any and
 * ends_with_any take. */
#define WORDS(l) (l).w, (l).n

int char_in(const char_list *l, uint32_t cp);
int word_in(const word_list *l, const char *s); /* an exact match */

/* People: titles, what is not a name, how speech is reported. */
extern const word_list position_words, not_names, not_name_ends, speech_triggers, speech_bare, speech_verbs, speech_nouns,
    said_verbs, speaker_openers, each_words, citation_marks, citing_verbs, fresh_verbs,
    speaker_leads, speaker_places, clause_goes_on, attend_verbs, hearing_verbs, title_breaks, deck_breaks, not_in_titles, title_modifiers, salutations, this_meeting, names_a_body, numeral_names, people_groups, own_bodies, chair_goes_on, today_words, plan_nouns, present_groups, attendee_stops, attendee_manner;
extern const char_list name_bad_first, name_bad_last, surnames;

/* Meetings: their nouns, the verbs that convene them, the bodies that do. */
extern const word_list meeting_words, convened, not_meetings, org_suffixes, convening_bodies, generic_meeting_kinds, owned_organs,
    generic_meeting_next, meeting_next_verbs, chair_title_cuts, session_bodies, study_sessions;

/* Paragraph cues: 会议指出, 李乐成强调. */
extern const word_list cue_verbs, person_cue_verbs;

/* Time: time words, range marks, planning verbs, targets. */
extern const word_list time_words, planned_marks, date_range_back, date_dashes, date_ranges, planning_verbs, title_planning_verbs,
    year_targets, page_date_labels;

/* Bylines: outlets and reporters. */
extern const word_list outlet_suffixes, outlet_endings, self_outlets, no_outlet_values, reporter_roles, news_marks, xun_words, report_verbs,
    byline_after_name;
extern const char_list not_byline, byline_separators, line_openers;

/* Formulations (terms.c). */
extern const word_list count_nouns, count_list_after, period_after, numeral_words;
extern const char_list count_before, set_after, quote_classifiers;
extern const word_list other_parties, companies, news_columns;
extern const char_list short_places, unit_ends, bullets;

/* Chinese numerals: one table, each numeral flagged with what it may write. */
enum {
    NUM_DATE = 1 << 0,  /* a digit of a date: 十二月七日, 廿三日 */
    NUM_COUNT = 1 << 1, /* a count or an ordinal: 两场, 第二十一次 */
    NUM_TERM = 1 << 2,  /* a numbered formulation: 两个确立, 十四五 */
};
typedef struct {
    uint32_t cp;
    unsigned uses;
} cn_numeral;
extern const cn_numeral cn_numerals[];
extern const size_t cn_numerals_n;
/* Is cp a numeral flagged with use (one of NUM_*)? */
int cn_numeral_is(uint32_t cp, unsigned use);

#endif
