/* Streaming decoder used by the cleaner; see decode.c. */
#ifndef TIFA_DECODE_H
#define TIFA_DECODE_H
#include <iconv.h>
#include "internal.h"
#include "text.h"

/* How much of the start of a document detection looks at. */
#define DETECT_SAMPLE 65536

typedef struct {
    tifa_encoding enc;
    iconv_t cd;
    int at_start;
    uint64_t offset;  /* input bytes consumed before the current chunk */
    uint64_t invalid; /* sequences replaced by U+FFFD */
    char pending[16]; /* an incomplete sequence from the last chunk */
    size_t pending_len;
} decoder;

int decoder_init(decoder *d, tifa_encoding enc);
/* Appends the decoded text to out, each byte mapped to the input offset it
 * came from. final: no more input follows. Returns -1 on out of memory. */
int decoder_feed(decoder *d, const char *bytes, size_t len, int final, tbuf *out);
void decoder_close(decoder *d);

#endif
