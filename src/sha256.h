/* sha256: hex digest of a buffer; see sha256.c. */
#ifndef TIFA_SHA256_H
#define TIFA_SHA256_H
#include <stddef.h>
/* Writes the 64 hex digits of SHA-256(data) and a NUL into out. */
void sha256_hex(const void *data, size_t len, char out[65]);
#endif
