/* calendar: which national event a phrase of the text names. The table is
 * generated (tools/gen_calendar.py); this file only searches it. Not for
 * deciding a year: date.c weighs an event against the other evidence. */
#include "extract/calendar.h"

/* First index in [lo, hi) whose form has code point c at position k; the
 * forms there all have more than k code points. */
static size_t first_at_least(size_t lo, size_t hi, size_t k, uint32_t c) {
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (calendar_forms[mid].rev[k] < c)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

const cal_form *calendar_form_ending_at(const ustr *u, size_t e, size_t floor) {
    size_t lo = 0, hi = calendar_nforms;
    const cal_form *best = NULL;
    for (size_t k = 0;; k++) {
        /* Forms of exactly k code points sort first among those sharing
         * the k read so far: each is a match, the later ones longer. */
        while (lo < hi && calendar_forms[lo].n == k) best = &calendar_forms[lo++];
        if (lo >= hi || e < floor + k + 1) break;
        uint32_t c = u->cp[e - 1 - k];
        lo = first_at_least(lo, hi, k, c);
        hi = first_at_least(lo, hi, k, c + 1);
    }
    return best;
}
