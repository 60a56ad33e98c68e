/* calendar: the national political events a readout may study or follow
 * (Party congresses, Central Committee plenums, NPC and CPPCC sessions),
 * from data/calendar.tsv, so that "传达学习党的二十届四中全会精神" dates a
 * readout that gives only its month and day. */
#ifndef TIFA_EXTRACT_CALENDAR_H
#define TIFA_EXTRACT_CALENDAR_H
#include <stddef.h>
#include <stdint.h>
#include "ustr.h"

typedef struct {
    int y, m, d;
} cal_day;

/* One written form of an event, its code points reversed (the table is
 * sorted on them: build/gen/calendar_table.c). */
typedef struct {
    const uint32_t *rev;
    size_t n;
    cal_day start, end;
} cal_form;

extern const cal_form calendar_forms[];
extern const size_t calendar_nforms;

/* The longest form that ends at index e of u and starts at or after floor;
 * NULL when none does. */
const cal_form *calendar_form_ending_at(const ustr *u, size_t e, size_t floor);

#endif
