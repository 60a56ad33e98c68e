/* nearcopy: the fingerprints stay what corpora already store, the fast
 * forms equal their plain definitions, and the set finds what a scan of
 * every first copy finds. */
#include <stdint.h>
#include <stdlib.h>
#include "nearcopy.h"
#include "testing.h"
#include "utf8.h"

static const char *const readout = "国务院总理李强3月5日主持召开国务院常务会议，研究部署推动高质量发展的有关工作。"
                                   "会议指出，要坚持稳中求进工作总基调，完整准确全面贯彻新发展理念。";

/* Corpora store sketches and SimHashes: a change of either would stop
 * new documents from matching the stored ones. These values were made by
 * the first version (session 2) and must never change. */
TEST(test_nearcopy_values_pinned) {
    sketch k;
    nearcopy_sketch(readout, strlen(readout), &k);
    uint64_t sum = 0;
    for (int i = 0; i < SKETCH_K; i++) sum = sum * 1000003 + k.min[i];
    CHECK(nearcopy_simhash(readout, strlen(readout)) == 0x2b9a47adb640d289ull);
    CHECK(k.shingles == 63);
    CHECK(k.min[0] == 0x00c5f538u && k.min[63] == 0x09a4b3e1u);
    CHECK(sum == 0xc1e95320a0a9bd13ull);
}

/* A text of n characters drawn from a small alphabet (so that shingles
 * repeat), with punctuation that SimHash and the sketch skip. */
static char *random_text(unsigned *seed, size_t n) {
    static const char *const alphabet[] = {"会", "议", "发", "展", "党", "中", "国", "，", "。", "1", "a", "強"};
    char *s = malloc(n * 3 + 1), *p = s;
    for (size_t i = 0; i < n; i++) {
        *seed = *seed * 1103515245u + 12345u;
        const char *c = alphabet[(*seed >> 16) % (sizeof alphabet / sizeof *alphabet)];
        size_t l = strlen(c);
        memcpy(p, c, l);
        p += l;
    }
    *p = 0;
    return s;
}

/* SimHash by its definition: +1/-1 votes per bit over the pair hashes. */
static uint64_t simhash_by_votes(const char *text, size_t len) {
    long votes[64] = {0};
    uint32_t prev = 0;
    for (size_t pos = 0; pos < len;) {
        uint32_t cp;
        pos += u8_decode((const unsigned char *)text + pos, len - pos, &cp);
        if (!is_han(cp) && !(cp >= '0' && cp <= '9')) continue;
        uint64_t h = nearcopy_pair_hash(prev, cp);
        for (int b = 0; b < 64; b++) votes[b] += (h >> b & 1) ? 1 : -1;
        prev = cp;
    }
    uint64_t out = 0;
    for (int b = 0; b < 64; b++)
        if (votes[b] > 0) out |= 1ull << b;
    return out;
}

TEST(test_nearcopy_simhash_is_the_vote) {
    unsigned seed = 7;
    /* Lengths around the 255-pair flush of the packed counters. */
    size_t lengths[] = {0, 1, 2, 254, 255, 256, 257, 510, 511, 3000};
    for (size_t i = 0; i < sizeof lengths / sizeof *lengths; i++) {
        char *t = random_text(&seed, lengths[i]);
        CHECK(nearcopy_simhash(t, strlen(t)) == simhash_by_votes(t, strlen(t)));
        free(t);
    }
}

/* Sketches made directly: `base` with `shared` of its values kept, the
 * others changed either in the low byte (low bytes differ) or only above
 * it (low bytes still equal: the prefilter must not be fooled). */
static void derive(const sketch *base, sketch *out, unsigned *seed, int shared, int high_only) {
    *out = *base;
    for (int k = shared; k < SKETCH_K; k++) {
        *seed = *seed * 1103515245u + 12345u;
        out->min[k] = high_only ? base->min[k] ^ ((*seed | 1u) << 8) : base->min[k] ^ ((*seed >> 8) | 1u);
    }
}

static sketch random_sketch(unsigned *seed, uint32_t shingles) {
    sketch k;
    for (int i = 0; i < SKETCH_K; i++) {
        *seed = *seed * 1103515245u + 12345u;
        k.min[i] = *seed;
    }
    k.shingles = shingles;
    return k;
}

static int64_t find_by_scan(const uint64_t *sim, const sketch *ks, size_t n, uint64_t h, const sketch *k) {
    int64_t best = 0;
    double best_r = 0;
    for (size_t i = 0; i < n; i++) {
        if (!nearcopy_same(sim[i], &ks[i], h, k)) continue;
        double r = nearcopy_containment(&ks[i], k);
        if (r > best_r) best_r = r, best = (int64_t)i + 1;
    }
    return best;
}

TEST(test_nearcopy_set_equals_scan) {
    enum { N = 400 };
    static sketch ks[N];
    static uint64_t sim[N];
    unsigned seed = 11;
    sketch base = random_sketch(&seed, 200);
    nearcopy_set *set = nearcopy_set_new();
    CHECK(set != NULL);
    if (!set) return;
    for (int i = 0; i < N; i++) {
        /* 20..63 shared values, SimHashes 0..24 bits from zero, some too
         * short to judge. */
        derive(&base, &ks[i], &seed, 20 + i % 44, i % 3 == 0);
        ks[i].shingles = i % 17 == 0 ? 10 : 100 + (uint32_t)(i % 7) * 40;
        sim[i] = (1ull << (i % 25)) - 1;
        CHECK(nearcopy_set_add(set, i + 1, sim[i], &ks[i]) == 0);
    }
    CHECK(nearcopy_set_size(set) < N); /* the short ones are left out */
    int found = 0;
    for (int q = 0; q < 200; q++) {
        sketch k;
        derive(&base, &k, &seed, 16 + q % 48, q % 2);
        k.shingles = 80 + (uint32_t)q * 3;
        uint64_t h = (1ull << (q % 23)) - 1;
        int64_t want = find_by_scan(sim, ks, N, h, &k);
        CHECK(nearcopy_set_find(set, h, &k) == want);
        found += want != 0;
    }
    CHECK(found > 20 && found < 200); /* both outcomes were tested */
    nearcopy_set_free(set);
}

TEST(test_nearcopy_repost_found) {
    /* A repost: the same text with chrome and a trimmed end. */
    char repost[1024];
    snprintf(repost, sizeof repost, "新华社北京电 %.*s（责任编辑：王五）", (int)strlen(readout) - 12, readout);
    sketch a, b;
    nearcopy_sketch(readout, strlen(readout), &a);
    nearcopy_sketch(repost, strlen(repost), &b);
    nearcopy_set *set = nearcopy_set_new();
    CHECK(nearcopy_set_add(set, 42, nearcopy_simhash(readout, strlen(readout)), &a) == 0);
    CHECK(nearcopy_set_find(set, nearcopy_simhash(repost, strlen(repost)), &b) == 42);
    const char *other = "省委常委会召开会议，传达学习中央经济工作会议精神，研究部署全省明年经济工作和农村工作。";
    nearcopy_sketch(other, strlen(other), &b);
    CHECK(nearcopy_set_find(set, nearcopy_simhash(other, strlen(other)), &b) == 0);
    nearcopy_set_free(set);
}

/* Searching in two parts (the prepare threads, then the storing thread)
 * gives the whole search's answer, whatever the split, also when the set
 * grows in between and across its internal chunks. */
TEST(test_nearcopy_search_in_parts) {
    enum { N = 9000 };
    static sketch ks[N];
    unsigned seed = 5;
    sketch base = random_sketch(&seed, 300);
    nearcopy_set *set = nearcopy_set_new();
    CHECK(set != NULL);
    if (!set) return;
    size_t splits[] = {0, 1, 4095, 4096, 4097, 8999};
    for (int i = 0; i < N; i++) {
        derive(&base, &ks[i], &seed, i % 3 ? 10 : 30 + i % 34, 0);
        ks[i].shingles = 300;
    }
    sketch q;
    derive(&base, &q, &seed, 48, 0);
    q.shingles = 280;
    for (size_t s = 0; s < sizeof splits / sizeof *splits; s++) {
        nearcopy_set_free(set);
        set = nearcopy_set_new();
        nearcopy_match part = {0, 0};
        size_t seen = 0;
        for (int i = 0; i < N; i++) {
            if ((size_t)i == splits[s]) seen = nearcopy_set_search(set, 0, 0, &q, &part);
            nearcopy_set_add(set, i + 1, 0, &ks[i]);
        }
        CHECK(seen == splits[s]);
        nearcopy_set_search(set, seen, 0, &q, &part);
        CHECK(part.id == nearcopy_set_find(set, 0, &q));
        CHECK(part.id != 0);
    }
    nearcopy_set_free(set);
}
