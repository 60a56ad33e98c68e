/* Layout of the generated OpenCC tables (build/gen/opencc_tables.c).
 * Shared by the generator's output and src/convert.c only. */
#ifndef TIFA_CONVERT_TABLES_H
#define TIFA_CONVERT_TABLES_H
#include <stddef.h>
#include <stdint.h>

typedef struct {
    uint32_t key_off, key_len, val_off, val_len; /* into tc_pool */
} tc_entry;

typedef struct {
    const char *name;
    const tc_entry *entries;
    const uint32_t *slots; /* open addressing, FNV-1a, entry index + 1 */
    uint32_t mask;
    const uint8_t *single; /* bit (cp & 0xFFFF): some 1-char key starts with cp */
    const uint8_t *multi;  /* bit (cp & 0xFFFF): some longer key starts with cp */
    int max_chars;
    const uint8_t *maxlen;            /* [cp & 0xFFF]: longest multi-char key (chars) starting there, or 0 */
    const uint32_t *lenmask;          /* [cp & 0xFFF]: bit k set when a key of k chars (k < 32) starts there */
    const uint8_t *bigram;            /* bit ((c1 * 31 + c2) & 0xFFFF): a longer key starts with c1 c2 */
    const uint16_t *page_index;       /* [cp >> 8]: page + 1, 0 = no 1-char key in that page */
    const uint16_t (*page_data)[256]; /* [page][cp & 0xFF]: entry + 1 of the 1-char key cp */
} tc_dict;

#define TC_MAX_GROUP 4
#define TC_MAX_STEPS 4
typedef struct {
    int ndicts;
    int dicts[TC_MAX_GROUP];
} tc_step;

typedef struct {
    const char *name;
    int segmentation;
    int nsteps;
    tc_step steps[TC_MAX_STEPS];
    /* One-pass configurations only (else NULL): for every character that is
     * a one-character key of the group, (dictionary << 16 | entry + 1) of the
     * first dictionary of the group that has it; bit 31 set when a longer
     * key of the segmentation dictionary starts with the character; bits
     * 32-63 the value's UTF-8 bytes when it is a single character. */
    const uint16_t *fused_index;       /* [cp >> 8]: page + 1 */
    const uint64_t (*fused_data)[256]; /* [page][cp & 0xFF] */
    /* The hot loop's table, one entry for every code point of the BMP:
     * bits 0-23 the UTF-8 bytes to write (the value, or the character
     * itself), bits 24-25 how many; bit 30: a longer key of the
     * segmentation dictionary starts with the character (ask the bigram
     * filter); bit 31: the slow path decides. */
    const uint32_t *fast;
} tc_config;

extern const char tc_pool[];
extern const tc_dict tc_dicts[];
extern const int tc_ndicts;
extern const tc_config tc_configs[];
extern const int tc_nconfigs;
extern const uint8_t tc_alphabet[];
/* Where the single-character dictionaries are, for script detection. */
extern const int tc_index_TSCharacters, tc_index_STCharacters;

#endif
