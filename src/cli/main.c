/*
 * cli: the `tifa` command. A thin layer: it parses arguments, opens files
 * and prints; everything it does is a library call from include/tifa.h.
 *
 * Exit status: 0 every input handled, 1 some input could not be read (the
 * others are still processed), 2 usage error.
 */
#define _DEFAULT_SOURCE /* MAP_POPULATE */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include "tifa.h"
#include "cli.h"
#include "cli/inputs.h"
#include "app/jsonout.h"

#define READ_CHUNK (1u << 20)

static const char *usage_text = "usage: tifa COMMAND [OPTIONS] [FILE...]\n"
                                "\n"
                                "Commands:\n"
                                "  clean     canonical clean simplified text of each document\n"
                                "  convert   script conversion, a drop-in for opencc (-c CONFIG)\n"
                                "  extract   the record of each document: articles, meeting facts, terms (JSON Lines)\n"
                                "\n"
                                "The corpus (--db PATH, default $TIFA_DB or ./tifa.db):\n"
                                "  add       store documents     search    full-text search   list   stored documents\n"
                                "  show      record and text     diff      compare two        trend  terms over time\n"
                                "  export    csv or jsonl        stats     counts             check  integrity\n"
                                "  cite      a citation          set/unset correct a field     log    corrections\n"
                                "  reextract extract the stored documents again with this version (corrections kept)\n"
                                "  serve     the corpus in the browser: search, documents, compare, trend, add\n"
                                "\n"
                                "Every command reads standard input when no FILE or '-' is given.\n"
                                "tifa COMMAND --help describes a command. tifa --version prints the version.\n";

static const char *clean_help = "usage: tifa clean [--encoding NAME] [--keep-script | --to CONFIG]\n"
                                "                  [--keep-boilerplate] [--html | --text] [FILE...]\n"
                                "\n"
                                "Writes the canonical clean text of each document: decoded, pinyin\n"
                                "annotations removed, converted to simplified script, punctuation and\n"
                                "spacing normalised, hard line breaks repaired, portal boilerplate dropped.\n"
                                "\n"
                                "  --encoding NAME     utf-8, gb18030 (gbk), big5, utf-16 (default: detect)\n"
                                "  --keep-script       do not convert the script\n"
                                "  --to CONFIG         convert with this OpenCC configuration instead of t2s\n"
                                "                      (e.g. s2t for traditional output)\n"
                                "  --keep-boilerplate  keep portal navigation, share counters, footers\n"
                                "  --html, --text      read every input as a web page / as text (default:\n"
                                "                      *.html and *.htm, and input that starts with markup,\n"
                                "                      are web pages: their main text is cleaned)\n";

static const char *convert_help = "usage: tifa convert [-c|--config NAME] [-i FILE] [-o FILE] [--noflush] [FILE...]\n"
                                  "\n"
                                  "Converts UTF-8 text between scripts exactly as `opencc -c NAME.json`.\n"
                                  "Into a pipe or a terminal, each line goes out as soon as it is converted\n"
                                  "(for line-by-line pipelines), unless --noflush (as opencc).\n"
                                  "NAME is any configuration OpenCC ships (default t2s):\n";

typedef struct {
    FILE *fp;
    int failed;
    int flush; /* convert: flush after each piece converted (output to a pipe) */
} out_sink;

static int write_out(void *user, const char *data, size_t len) {
    out_sink *o = user;
    if (fwrite(data, 1, len, o->fp) != len) {
        o->failed = 1;
        return 1;
    }
    return 0;
}

static void report_error(const char *file, const tifa_error *err) {
    fprintf(stderr, "tifa: %s: %s\n", SHOWN(file), err->message);
}

/* Opens FILE ("-" is standard input) and reports why it could not be. */
static FILE *open_input(const char *path) {
    if (strcmp(path, "-") == 0) return stdin;
    struct stat st;
    if (stat(path, &st) != 0) {
        fprintf(stderr, "tifa: %s: %s\n", SHOWN(path), strerror(errno));
        return NULL;
    }
    if (S_ISDIR(st.st_mode)) {
        fprintf(stderr, "tifa: %s: is a directory\n", SHOWN(path));
        return NULL;
    }
    FILE *fp = fopen(path, "rb");
    if (!fp) fprintf(stderr, "tifa: %s: %s\n", SHOWN(path), strerror(errno));
    return fp;
}

static const char *display_name(const char *path) { return strcmp(path, "-") == 0 ? "(standard input)" : path; }

/* ------------------------------------------------------------ mapped input */

/* A regular file is read through mmap, one window of at most `want` bytes
 * from `pos` at a time (mapped from the page below pos): no copy into a
 * buffer, and only one window is resident. Anything else (a pipe, a
 * terminal) and any file mmap refuses goes through fread as before. */
typedef struct {
    int fd;
    uint64_t size;
    void *map;
    size_t map_len;
} mapped_input;

/* Files under this size are read: mapping saves nothing there. */
#define MAP_MIN_SIZE (4u << 20)

/* Non-zero when fp is a regular file worth mapping, not read from yet (a
 * redirected standard input may have been); in->size is set. A file cut
 * shorter while it is being read would end the process (SIGBUS), as with
 * any reader that maps its input. */
static int mapped_open(FILE *fp, mapped_input *in) {
    struct stat st;
    memset(in, 0, sizeof *in);
    in->fd = fileno(fp);
    if (in->fd < 0 || fstat(in->fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size < (off_t)MAP_MIN_SIZE ||
        lseek(in->fd, 0, SEEK_CUR) != 0)
        return 0;
    in->size = (uint64_t)st.st_size;
    return 1;
}

/* Maps [pos, pos + want) (clipped to the file); returns its first byte and
 * the length through *len, or NULL (errno set) when mmap fails. */
static const char *mapped_window(mapped_input *in, uint64_t pos, size_t want, size_t *len) {
    if (in->map) munmap(in->map, in->map_len);
    in->map = NULL;
    uint64_t page = (uint64_t)sysconf(_SC_PAGESIZE), base = pos - pos % page;
    uint64_t end = in->size - pos < want ? in->size : pos + want;
    in->map_len = (size_t)(end - base);
#ifdef MAP_POPULATE
    /* The whole window is read: its pages mapped in one call, not a fault
     * every few pages. */
    int flags = MAP_PRIVATE | MAP_POPULATE;
#else
    int flags = MAP_PRIVATE;
#endif
    void *m = mmap(NULL, in->map_len, PROT_READ, flags, in->fd, (off_t)base);
    if (m == MAP_FAILED) return NULL;
    in->map = m;
    *len = (size_t)(end - pos);
    return (const char *)m + (pos - base);
}

static void mapped_close(mapped_input *in) {
    if (in->map) munmap(in->map, in->map_len);
    in->map = NULL;
}

/* ------------------------------------------------------------ convert */

/* The cut convert_stream makes in a full buffer: the last point no
 * conversion can span, else (no such point in it) the last character
 * boundary. */
static size_t convert_cut(const char *buf, size_t have, int eof) {
    size_t take = eof ? have : tifa_convert_safe_prefix(buf, have);
    /* No safe cut in 2 MB: convert it all rather than grow without bound. */
    if (!eof && take == 0 && have == READ_CHUNK * 2) {
        take = have;
        while (take > 0 && ((unsigned char)buf[take - 1] & 0xC0) == 0x80) take--;
        if (take > 0 && (unsigned char)buf[take - 1] >= 0xC0) take--; /* a lead byte whose rest is cut */
        if (take == 0) take = have;
    }
    return take;
}

/* convert_stream over a mapped file: the same windows (2 MB from where the
 * last conversion stopped) and the same cuts, without the copies. */
static int convert_mapped(const tifa_converter *conv, const char *path, mapped_input *in, out_sink *out) {
    uint64_t pos = 0;
    int status = 0;
    tifa_error err = {0};
    while (pos < in->size) {
        size_t have;
        const char *buf = mapped_window(in, pos, READ_CHUNK * 2, &have);
        if (!buf) {
            fprintf(stderr, "tifa: %s: read error: %s\n", SHOWN(display_name(path)), strerror(errno));
            status = 1;
            break;
        }
        size_t take = convert_cut(buf, have, pos + have == in->size);
        if (take && tifa_convert(conv, buf, take, write_out, out, &err) != TIFA_OK) {
            report_error(display_name(path), &err);
            status = 1;
            break;
        }
        pos += take;
    }
    mapped_close(in);
    return status;
}

/* Up to n bytes, as soon as some are there: a pipe gives what was
 * written so far (fread would wait for n bytes or the end), so that a
 * line written into `tifa convert` comes out without waiting for more. */
static ssize_t read_some(FILE *fp, char *buf, size_t n) {
    ssize_t got;
    do
        got = read(fileno(fp), buf, n);
    while (got < 0 && errno == EINTR);
    return got;
}

static int convert_stream(const tifa_converter *conv, const char *path, FILE *fp, out_sink *out) {
    char *buf = malloc(READ_CHUNK * 2);
    if (!buf) {
        fprintf(stderr, "tifa: %s: out of memory\n", SHOWN(display_name(path)));
        return 1;
    }
    size_t have = 0;
    tifa_error err = {0};
    int status = 0;
    for (;;) {
        ssize_t n = read_some(fp, buf + have, READ_CHUNK * 2 - have);
        if (n < 0) {
            fprintf(stderr, "tifa: %s: read error: %s\n", SHOWN(display_name(path)), strerror(errno));
            status = 1;
            break;
        }
        have += (size_t)n;
        int eof = n == 0;
        size_t take = convert_cut(buf, have, eof);
        if (take && tifa_convert(conv, buf, take, write_out, out, &err) != TIFA_OK) {
            report_error(display_name(path), &err);
            status = 1;
            break;
        }
        /* Into a pipe, what is converted goes on at once (as opencc does
         * unless --noflush): a line-by-line pipeline gets each line back. */
        if (take && out->flush && fflush(out->fp) != 0) out->failed = 1;
        memmove(buf, buf + take, have - take);
        have -= take;
        if (eof) break;
    }
    free(buf);
    return status;
}

static void list_configs(FILE *fp) {
    for (int i = 0; i < tifa_converter_count(); i++) fprintf(fp, "  %s\n", tifa_converter_name(i));
}

static int cmd_convert(int argc, char **argv) {
    const char *config = "t2s", *output = NULL;
    int noflush = 0;
    inputs files;
    if (inputs_init(&files, argc)) return 1;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int r = inputs_option(&files, argc, argv, &i);
        if (r < 0) return inputs_free(&files), usage_error("convert", a);
        if (r) continue;
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            fputs(convert_help, stdout);
            list_configs(stdout);
            inputs_free(&files);
            return 0;
        } else if ((!strcmp(a, "-c") || !strcmp(a, "--config")) && i + 1 < argc) {
            config = argv[++i];
        } else if (!strncmp(a, "--config=", 9)) {
            config = a + 9;
        } else if ((!strcmp(a, "-i") || !strcmp(a, "--input")) && i + 1 < argc) {
            inputs_path(&files, argv[++i]);
        } else if ((!strcmp(a, "-o") || !strcmp(a, "--output")) && i + 1 < argc) {
            output = argv[++i];
        } else if (!strcmp(a, "--noflush")) {
            noflush = 1;
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "tifa: convert: unknown option '%s'\n", a);
            inputs_free(&files);
            return 2;
        } else {
            inputs_path(&files, a);
        }
    }
    /* Accept OpenCC's spelling of a configuration path, e.g. /usr/share/opencc/t2s.json. */
    const char *slash = strrchr(config, '/');
    if (slash) config = slash + 1;
    tifa_converter *conv;
    tifa_error err = {0};
    if (tifa_converter_new(config, &conv, &err) != TIFA_OK) {
        fprintf(stderr, "tifa: convert: %s; known configurations:\n", err.message);
        list_configs(stderr);
        inputs_free(&files);
        return 2;
    }
    out_sink out = {stdout, 0, 0};
    if (output && !(out.fp = fopen(output, "wb"))) {
        fprintf(stderr, "tifa: %s: %s\n", SHOWN(output), strerror(errno));
        tifa_converter_free(conv);
        inputs_free(&files);
        return 1;
    }
    struct stat ost;
    out.flush = !noflush && fstat(fileno(out.fp), &ost) == 0 && !S_ISREG(ost.st_mode);
    int status = 0;
    for (const char *path; !out.failed && (path = inputs_next(&files));) {
        FILE *fp = open_input(path);
        if (!fp) {
            status = 1;
            continue;
        }
        mapped_input in;
        if (mapped_open(fp, &in) ? convert_mapped(conv, path, &in, &out) : convert_stream(conv, path, fp, &out))
            status = 1;
        if (fp != stdin) fclose(fp);
    }
    status |= files.status;
    inputs_free(&files);
    tifa_converter_free(conv);
    if (fflush(out.fp) != 0 || out.failed) {
        fprintf(stderr, "tifa: %s: write error: %s\n", output ? output : "(standard output)", strerror(errno));
        status = 1;
    }
    if (output) fclose(out.fp);
    return status;
}

/* -------------------------------------------------------------- clean */

static int clean_file(const tifa_options *opt, const char *path, out_sink *out) {
    FILE *fp = open_input(path);
    if (!fp) return 1;
    const char *name = display_name(path);
    tifa_error err = {0};
    tifa_cleaner *c;
    int status = 0;
    if (tifa_cleaner_new(opt, name, write_out, out, &c, &err) != TIFA_OK) {
        report_error(name, &err);
        if (fp != stdin) fclose(fp);
        return 1;
    }
    mapped_input in;
    char *buf = NULL;
    if (mapped_open(fp, &in)) {
        for (uint64_t pos = 0; pos < in.size && !status; pos += READ_CHUNK) {
            size_t n;
            const char *w = mapped_window(&in, pos, READ_CHUNK, &n);
            if (!w) {
                fprintf(stderr, "tifa: %s: read error: %s\n", SHOWN(name), strerror(errno));
                status = 1;
            } else if (tifa_cleaner_feed(c, w, n, &err) != TIFA_OK) {
                report_error(name, &err);
                status = 1;
            }
        }
        mapped_close(&in);
    } else if (!(buf = malloc(READ_CHUNK))) {
        fprintf(stderr, "tifa: %s: out of memory\n", SHOWN(name));
        status = 1;
    }
    while (buf && !status) {
        size_t n = fread(buf, 1, READ_CHUNK, fp);
        if (n == 0) {
            if (ferror(fp)) {
                fprintf(stderr, "tifa: %s: read error: %s\n", SHOWN(name), strerror(errno));
                status = 1;
            }
            break;
        }
        if (tifa_cleaner_feed(c, buf, n, &err) != TIFA_OK) {
            report_error(name, &err);
            status = 1;
        }
    }
    tifa_clean_report rep = {0};
    if (!status && tifa_cleaner_finish(c, &rep, &err) != TIFA_OK) {
        report_error(name, &err);
        status = 1;
    }
    if (!status && rep.invalid_bytes)
        fprintf(stderr, "tifa: %s: warning: %llu invalid byte sequence(s) replaced by U+FFFD (decoded as %s)\n",
                SHOWN(name), (unsigned long long)rep.invalid_bytes, tifa_encoding_name(rep.encoding));
    tifa_cleaner_free(c);
    free(buf);
    if (fp != stdin) fclose(fp);
    return status;
}

/* cmd_clean with its inputs: parsing the options into them, cleaning each. */
static int clean_inputs(inputs *files, int argc, char **argv) {
    tifa_options opt;
    tifa_options_init(&opt);
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int r = inputs_option(files, argc, argv, &i);
        if (r < 0) return usage_error("clean", a);
        if (r) continue;
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            fputs(clean_help, stdout);
            return 0;
        } else if (!strcmp(a, "--encoding") && i + 1 < argc) {
            if (tifa_encoding_parse(argv[++i], &opt.encoding) != TIFA_OK) {
                fprintf(stderr, "tifa: clean: unknown encoding '%s'\n", argv[i]);
                return 2;
            }
        } else if (!strcmp(a, "--keep-script")) {
            opt.target = NULL;
        } else if (!strcmp(a, "--to") && i + 1 < argc) {
            opt.target = argv[++i];
            if (!strcmp(opt.target, "traditional"))
                opt.target = "s2t";
            else if (!strcmp(opt.target, "simplified"))
                opt.target = "t2s";
        } else if (!strcmp(a, "--keep-boilerplate")) {
            opt.keep_boilerplate = 1;
        } else if (!strcmp(a, "--html")) {
            opt.input = TIFA_INPUT_HTML;
        } else if (!strcmp(a, "--text")) {
            opt.input = TIFA_INPUT_TEXT;
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "tifa: clean: unknown option '%s'\n", a);
            return 2;
        } else {
            inputs_path(files, a);
        }
    }
    if (opt.target) {
        tifa_converter *probe;
        tifa_error err = {0};
        if (tifa_converter_new(opt.target, &probe, &err) != TIFA_OK) {
            fprintf(stderr, "tifa: clean: %s\n", err.message);
            return 2;
        }
        tifa_converter_free(probe);
    }
    /* The text goes out a line at a time: a larger buffer saves most of
     * the write calls. */
    setvbuf(stdout, NULL, _IOFBF, 1u << 16);
    out_sink out = {stdout, 0, 0};
    int status = 0, first = 1;
    for (const char *path; !out.failed && (path = inputs_next(files)); first = 0) {
        if (!first) write_out(&out, "\n", 1);
        if (clean_file(&opt, path, &out)) status = 1;
    }
    if (fflush(stdout) != 0 || out.failed) {
        fprintf(stderr, "tifa: (standard output): write error\n");
        status = 1;
    }
    return status | files->status;
}

static int cmd_clean(int argc, char **argv) {
    inputs files;
    if (inputs_init(&files, argc)) return 1;
    int status = clean_inputs(&files, argc, argv);
    inputs_free(&files);
    return status;
}

int usage_error(const char *cmd, const char *arg) {
    fprintf(stderr, "tifa: %s: unknown option or missing value: '%s' (tifa %s --help)\n", cmd, arg, cmd);
    return 2;
}

/* ------------------------------------------------------------ extract */

static const char *extract_help = "usage: tifa extract [--pretty] [--encoding NAME] [--html | --text] [--warc]\n"
                                  "                    [--with-raw | --with-clean] [--files-from LIST] [FILE...]\n"
                                  "\n"
                                  "Writes one JSON record per document (one line each, or indented with\n"
                                  "--pretty): its articles, each meeting's name, date, place, chair,\n"
                                  "speakers, present, attendees and paragraph cues, the formulations it uses,\n"
                                  "and the character spans in the article text where each fact was read.\n"
                                  "Documents over 64 MB are refused (the record holds the whole text).\n"
                                  "Web pages (*.html, *.htm, markup on standard input; --html or --text\n"
                                  "to say which) give their main text, and a \"page\" object with the\n"
                                  "page's title, time, source, editor and URL. Each record ends with the\n"
                                  "near-copy fingerprints of its clean text (\"nearcopy\": SimHash, MinHash).\n"
                                  "\n"
                                  "  --warc             each FILE is a web archive (.warc or .warc.gz, WARC/1.0\n"
                                  "                     or 1.1): a record per HTML or text page it holds (HTTP\n"
                                  "                     status 2xx), with a \"source\" object saying where in the\n"
                                  "                     archive it is; the last line on standard error is\n"
                                  "                     records R, responses P, extracted E, failed X\n"
                                  "  --with-raw         records a corpus stores as they are (tifa add --records):\n"
                                  "                     the whole clean text (\"clean\") and the input bytes\n"
                                  "                     (\"raw\": sha256 and base64)\n"
                                  "  --with-clean       the clean text only: the bytes stay in the web archive\n"
                                  "                     (--warc), which tifa add --records reads them from\n"
                                  "  --files-from LIST  also the paths in LIST, one a line (- : standard input)\n";

static void print_failure(void *user, const char *name, const char *reason) {
    (void)user;
    fprintf(stderr, "tifa: %s: %s\n", SHOWN(name), SHOWN(reason));
}

/* Each input is a web archive; their counts summed on the last line. */
static int extract_archives(tifa_batch *b, inputs *files) {
    tifa_batch_counts sum = {0};
    int status = 0;
    for (const char *path; (path = inputs_next(files));) {
        tifa_batch_counts c;
        tifa_error err = {0};
        tifa_status st = tifa_extract_warc(b, path, &c, &err);
        if (st == TIFA_ESINK)
            fprintf(stderr, "tifa: (standard output): write error\n");
        else if (st != TIFA_OK)
            fprintf(stderr, "tifa: %s\n", SHOWN(err.message));
        status |= st != TIFA_OK;
        sum.records += c.records;
        sum.responses += c.responses;
        sum.extracted += c.extracted;
        sum.failed += c.failed;
        if (st == TIFA_ESINK) break;
    }
    fprintf(stderr, "records %llu, responses %llu, extracted %llu, failed %llu\n", (unsigned long long)sum.records,
            (unsigned long long)sum.responses, (unsigned long long)sum.extracted, (unsigned long long)sum.failed);
    return status || sum.failed ? 1 : 0;
}

static int extract_documents(tifa_batch *b, inputs *files) {
    int status = 0;
    for (const char *path; (path = inputs_next(files));) {
        tifa_batch_counts c;
        tifa_error err = {0};
        if (tifa_extract_files(b, &path, 1, &c, &err) != TIFA_OK) {
            fprintf(stderr, "tifa: (standard output): write error\n");
            return 1;
        }
        if (c.failed) status = 1;
    }
    return status;
}

/* cmd_extract with its inputs. */
static int extract_inputs(inputs *files, int argc, char **argv) {
    tifa_options opt;
    tifa_options_init(&opt);
    int warc = 0;
    int out_fd = fileno(stdout);
    tifa_batch b = {.options = &opt, .write = tifa_write_fd, .user = &out_fd, .failed = print_failure};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int r = inputs_option(files, argc, argv, &i);
        if (r < 0) return usage_error("extract", a);
        if (r) continue;
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            fputs(extract_help, stdout);
            return 0;
        } else if (!strcmp(a, "--pretty")) {
            b.flags |= TIFA_EXTRACT_PRETTY;
        } else if (!strcmp(a, "--warc")) {
            warc = 1;
        } else if (!strcmp(a, "--with-raw")) {
            b.flags |= TIFA_EXTRACT_WITH_RAW;
        } else if (!strcmp(a, "--with-clean")) {
            b.flags |= TIFA_EXTRACT_WITH_CLEAN;
        } else if (!strcmp(a, "--html")) {
            opt.input = TIFA_INPUT_HTML;
        } else if (!strcmp(a, "--text")) {
            opt.input = TIFA_INPUT_TEXT;
        } else if (!strcmp(a, "--encoding") && i + 1 < argc) {
            if (tifa_encoding_parse(argv[++i], &opt.encoding) != TIFA_OK) {
                fprintf(stderr, "tifa: extract: unknown encoding '%s'\n", argv[i]);
                return 2;
            }
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "tifa: extract: unknown option '%s'\n", a);
            return 2;
        } else {
            inputs_path(files, a);
        }
    }
    int status = warc ? extract_archives(&b, files) : extract_documents(&b, files);
    return status | files->status;
}

static int cmd_extract(int argc, char **argv) {
    inputs files;
    if (inputs_init(&files, argc)) return 1;
    int status = extract_inputs(&files, argc, argv);
    inputs_free(&files);
    return status;
}

int main(int argc, char **argv) {
#ifdef __GLIBC__
    /* Documents come one after another: keep freed memory for the next one
     * instead of returning it to the system each time. */
    mallopt(M_TRIM_THRESHOLD, 64 << 20);
    /* ...and take blocks up to 4 MB (a web page's parse arena grows to a
     * few) from that kept memory: above the default 128 KB glibc maps each
     * one afresh and unmaps it on free, and the page faults of touching it
     * again were 60% of the faults and about 15% of the CPU time of
     * `tifa clean --html` over the 44 pages of bench/html_score.py. */
    mallopt(M_MMAP_THRESHOLD, 4 << 20);
#endif
    if (argc < 2) {
        fputs(usage_text, stderr);
        return 2;
    }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") || !strcmp(cmd, "help")) {
        fputs(usage_text, stdout);
        return 0;
    }
    if (!strcmp(cmd, "--version")) {
        printf("tifa %s\n", tifa_version());
        return 0;
    }
    if (!strcmp(cmd, "convert")) return cmd_convert(argc - 1, argv + 1);
    if (!strcmp(cmd, "clean")) return cmd_clean(argc - 1, argv + 1);
    if (!strcmp(cmd, "extract")) return cmd_extract(argc - 1, argv + 1);
    static const struct {
        const char *name;
        int (*run)(int, char **);
    } corpus_cmds[] = {{"add", cmd_add},     {"search", cmd_search}, {"list", cmd_list},   {"show", cmd_show},
                       {"trend", cmd_trend}, {"export", cmd_export}, {"stats", cmd_stats}, {"diff", cmd_diff},
                       {"serve", cmd_serve}, {"check", cmd_check}, {"cite", cmd_cite},   {"set", cmd_set},
                       {"unset", cmd_unset}, {"log", cmd_log},       {"reextract", cmd_reextract}};
    for (size_t i = 0; i < sizeof corpus_cmds / sizeof corpus_cmds[0]; i++)
        if (!strcmp(cmd, corpus_cmds[i].name)) return corpus_cmds[i].run(argc - 1, argv + 1);
    fprintf(stderr, "tifa: unknown command '%s'\n%s", cmd, usage_text);
    return 2;
}
