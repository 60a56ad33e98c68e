/* Layout of the generated OpenCC tables (build/gen/opencc_tables.c).
 * Shared by the generator's output and src/convert.c only. */
#ifndef TIFA_CONVERT_TABLES_H
#define TIFA_CONVERT_TABLES_H
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
} tc_config;

extern const char tc_pool[];
extern const tc_dict tc_dicts[];
extern const int tc_ndicts;
extern const tc_config tc_configs[];
extern const int tc_nconfigs;
extern const uint8_t tc_alphabet[];

#endif
