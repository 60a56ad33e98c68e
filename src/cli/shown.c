/* cli/shown: file names and other outside text made safe for a terminal
 * before the CLI prints them in a message. The server writes no terminal
 * text from a request, so this is the CLI's alone (not in src/app/). */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "cli.h"
#include "utf8.h"

const char *shown(const char *s, char *buf, size_t cap) {
    const unsigned char *p = (const unsigned char *)s;
    size_t n = strlen(s), k = 0;
    for (size_t i = 0; i < n && k + 5 < cap;) {
        uint32_t cp;
        size_t step = u8_strict(p + i, n - i, &cp);
        int bad = !step;
        if (bad) step = 1;
        /* C0, DEL and C1 controls (ESC and CSI start terminal commands),
         * and bytes that are not UTF-8 (a lone 0x9b is CSI to some). */
        if (bad || cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) {
            for (size_t j = 0; j < step && k + 5 < cap; j++)
                k += (size_t)snprintf(buf + k, cap - k, "\\x%02x", p[i + j]);
        } else if (k + step < cap) {
            memcpy(buf + k, p + i, step);
            k += step;
        } else {
            break;
        }
        i += step;
    }
    buf[k < cap ? k : cap - 1] = 0;
    return buf;
}
