# tifa — build, test, benchmark. See README.md.
#   make          library, shared library and the tifa command
#   make demo     install what is missing, build, run on examples/
#   make check    install what is missing, build, run every test
#   make bench    benchmarks against the tools a user would otherwise pick

CC      ?= cc
CLANG   ?= clang
PREFIX  ?= /usr/local
CFLAGS  ?= -O2 -g
WARN    := -Wall -Wextra -Werror
CPPFLAGS_ALL := -std=c11 -D_POSIX_C_SOURCE=200809L -Iinclude -Isrc -Ibuild/gen
OPENCC_DATA ?= /usr/share/opencc
UNIHAN      ?= /usr/share/unicode/Unihan_Readings.txt.bz2

LIB_SRC := src/error.c src/decode.c src/pinyin.c src/convert.c src/punct.c \
           src/layout.c src/boiler.c src/text.c src/clean.c src/ustr.c src/json.c \
           src/html.c src/sha256.c src/tokenize.c src/corpus.c src/diff.c src/compare.c \
           src/nearcopy.c src/corpus_record.c \
           src/extract/lexicon.c src/extract/scan.c src/extract/people.c src/extract/meeting.c src/extract/date.c \
           src/extract/byline.c src/extract/articles.c src/extract/terms.c src/extract/record.c src/extract/calendar.c
GEN_SRC := build/gen/opencc_tables.c build/gen/pinyin_tables.c build/gen/calendar_table.c
CLI_SRC := src/cli/main.c src/cli/corpus.c src/cli/svg.c src/cli/diff.c src/cli/jsonout.c src/cli/serve.c \
           src/serve/server.c src/serve/api.c src/serve/route.c src/serve/guard.c src/serve/cache.c build/gen/assets.c
CLI_HDR := $(wildcard src/cli/*.h src/serve/*.h)
LIBS    := -lsqlite3 -lgumbo -lpthread
# Only the tifa command serves HTTP: libtifa does not depend on libmicrohttpd.
CLI_LIBS := -lmicrohttpd

OBJ      := $(LIB_SRC:%.c=build/obj/%.o) $(GEN_SRC:build/gen/%.c=build/obj/gen/%.o)
ASAN_OBJ := $(LIB_SRC:%.c=build/asan/%.o) $(GEN_SRC:build/gen/%.c=build/asan/gen/%.o)
PIC_OBJ  := $(LIB_SRC:%.c=build/pic/%.o) $(GEN_SRC:build/gen/%.c=build/pic/gen/%.o)
SAN      := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined

all: build/tifa tifa build/libtifa.so build/tifa.pc

# ------------------------------------------------------------ generated tables
build/octext/.done: $(wildcard $(OPENCC_DATA)/*.ocd2)
	@mkdir -p build/octext
	for f in $(OPENCC_DATA)/*.ocd2; do \
	  opencc_dict -i $$f -o build/octext/$$(basename $$f .ocd2).txt -f ocd2 -t text || exit 1; done
	@touch $@

build/gen/opencc_tables.c: tools/gen_opencc.py build/octext/.done
	@mkdir -p build/gen
	python3 tools/gen_opencc.py build/octext $(OPENCC_DATA) $@

build/gen/pinyin_tables.c: tools/gen_pinyin.py build/octext/.done $(UNIHAN)
	@mkdir -p build/gen
	python3 tools/gen_pinyin.py $(UNIHAN) build/octext/TSCharacters.txt build/octext/STCharacters.txt $@

build/gen/calendar_table.c: tools/gen_calendar.py data/calendar.tsv
	@mkdir -p build/gen
	python3 tools/gen_calendar.py data/calendar.tsv $@

build/gen/assets.c: tools/gen_assets.py $(wildcard web/*)
	@mkdir -p build/gen
	python3 tools/gen_assets.py web $@

# ------------------------------------------------------------ objects
build/obj/%.o: %.c include/tifa.h $(wildcard src/*.h src/extract/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS_ALL) $(WARN) $(CFLAGS) -c $< -o $@
build/obj/gen/%.o: build/gen/%.c src/convert_tables.h
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS) -c $< -o $@
build/asan/%.o: %.c include/tifa.h $(wildcard src/*.h src/extract/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS_ALL) $(WARN) -O1 -g $(SAN) -c $< -o $@
build/asan/gen/%.o: build/gen/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS_ALL) -O1 -g -c $< -o $@
build/pic/%.o: %.c include/tifa.h $(wildcard src/*.h src/extract/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS_ALL) $(WARN) $(CFLAGS) -fPIC -fvisibility=hidden -DTIFA_SHARED -c $< -o $@
build/pic/gen/%.o: build/gen/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS) -fPIC -fvisibility=hidden -c $< -o $@

build/libtifa.a: $(OBJ)
	rm -f $@; ar rcs $@ $^
build/libtifa-asan.a: $(ASAN_OBJ)
	rm -f $@; ar rcs $@ $^
build/libtifa.so: $(PIC_OBJ)
	$(CC) -shared -Wl,-soname,libtifa.so.0 -o $@ $^ $(LIBS)
	ln -sf libtifa.so $(dir $@)libtifa.so.0
build/tifa: $(CLI_SRC) $(CLI_HDR) build/libtifa.a
	$(CC) $(CPPFLAGS_ALL) $(WARN) $(CFLAGS) $(CLI_SRC) build/libtifa.a $(CLI_LIBS) $(LIBS) -o $@
build/tifa-asan: $(CLI_SRC) $(CLI_HDR) build/libtifa-asan.a
	$(CC) $(CPPFLAGS_ALL) $(WARN) -O1 -g $(SAN) $(CLI_SRC) build/libtifa-asan.a $(CLI_LIBS) $(LIBS) -o $@
tifa: build/tifa
	cp build/tifa tifa
build/tifa.pc: Makefile
	@mkdir -p build
	printf 'prefix=%s\nlibdir=$${prefix}/lib\nincludedir=$${prefix}/include\n\nName: tifa\nDescription: clean text and records from Chinese official readouts\nVersion: 0.1.0\nLibs: -L$${libdir} -ltifa\nLibs.private: -lsqlite3 -lgumbo -lpthread\nCflags: -I$${includedir}\n' '$(PREFIX)' > $@

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib/pkgconfig $(DESTDIR)$(PREFIX)/include
	install -m 755 build/tifa $(DESTDIR)$(PREFIX)/bin/tifa
	install -m 644 build/libtifa.a $(DESTDIR)$(PREFIX)/lib/libtifa.a
	install -m 755 build/libtifa.so $(DESTDIR)$(PREFIX)/lib/libtifa.so.0
	ln -sf libtifa.so.0 $(DESTDIR)$(PREFIX)/lib/libtifa.so
	install -m 644 include/tifa.h $(DESTDIR)$(PREFIX)/include/tifa.h
	install -m 644 build/tifa.pc $(DESTDIR)$(PREFIX)/lib/pkgconfig/tifa.pc

# ------------------------------------------------------------ setup
setup:
	@sh tools/setup.sh

# ------------------------------------------------------------ tests
UNIT_TESTS := tests/unit/test_decode.c tests/unit/test_convert.c tests/unit/test_pinyin.c tests/unit/test_clean.c \
              tests/unit/test_html.c tests/unit/test_nearcopy.c
FUZZ_TARGETS := decode pinyin convert clean extract search diff html record route
FUZZ_OBJ := $(LIB_SRC:%.c=build/fuzzobj/%.o) $(GEN_SRC:build/gen/%.c=build/fuzzobj/gen/%.o)
FUZZ_FLAGS := -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=undefined

build/test-unit: $(UNIT_TESTS) tests/unit/main.c tests/unit/testing.h build/libtifa-asan.a
	$(CC) $(CPPFLAGS_ALL) $(WARN) -O1 -g $(SAN) -Itests/unit $(UNIT_TESTS) tests/unit/main.c build/libtifa-asan.a $(LIBS) -o $@

build/fuzzobj/%.o: %.c include/tifa.h $(wildcard src/*.h src/extract/*.h)
	@mkdir -p $(dir $@)
	$(CLANG) $(CPPFLAGS_ALL) $(FUZZ_FLAGS) -fsanitize=fuzzer-no-link -c $< -o $@
build/fuzzobj/gen/%.o: build/gen/%.c
	@mkdir -p $(dir $@)
	$(CLANG) $(CPPFLAGS_ALL) -O1 -c $< -o $@
build/libtifa-fuzz.a: $(FUZZ_OBJ)
	rm -f $@; ar rcs $@ $^
build/fuzz-%: fuzz/fuzz_%.c fuzz/fuzz_common.h build/libtifa-fuzz.a
	$(CLANG) $(CPPFLAGS_ALL) $(FUZZ_FLAGS) -fsanitize=fuzzer $< build/libtifa-fuzz.a $(LIBS) -o $@

# The server's path, parameter, Host and Origin checks (no HTTP, no corpus needed).
build/fuzz-route: fuzz/fuzz_route.c fuzz/fuzz_common.h src/serve/route.c src/serve/route.h src/serve/guard.c src/serve/guard.h
	$(CLANG) $(CPPFLAGS_ALL) $(FUZZ_FLAGS) -fsanitize=fuzzer fuzz/fuzz_route.c src/serve/route.c src/serve/guard.c -o $@

FUZZ_SECONDS ?= 10
fuzz-smoke: $(FUZZ_TARGETS:%=build/fuzz-%)
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p build/fuzz-corpus/$$t; \
	  echo "fuzz $$t ($(FUZZ_SECONDS)s)"; \
	  ./build/fuzz-$$t -max_total_time=$(FUZZ_SECONDS) -max_len=4096 -rss_limit_mb=1024 \
	    build/fuzz-corpus/$$t fuzz/corpus >build/fuzz-$$t.log 2>&1 \
	    || { tail -40 build/fuzz-$$t.log; exit 1; }; done

# Each target to FUZZ_RUNS executions (issue 16 asks 10 million), with
# leak detection and a 10 s per-input time-out; the figures go in
# build/fuzz-long-TARGET.log ("Done N runs in S second(s)"). Hours for the
# slow targets (extract, diff: about 100 runs a second on 2 cores):
# FUZZ_LONG=route make fuzz-long runs one.
FUZZ_RUNS ?= 10000000
FUZZ_LONG ?= $(FUZZ_TARGETS)
fuzz-long: $(FUZZ_LONG:%=build/fuzz-%)
	@for t in $(FUZZ_LONG); do \
	  mkdir -p build/fuzz-corpus/$$t; \
	  echo "fuzz $$t ($(FUZZ_RUNS) runs)"; \
	  ./build/fuzz-$$t -runs=$(FUZZ_RUNS) -max_len=4096 -rss_limit_mb=1024 -timeout=10 \
	    build/fuzz-corpus/$$t fuzz/corpus >build/fuzz-long-$$t.log 2>&1 \
	    || { tail -40 build/fuzz-long-$$t.log; exit 1; }; \
	  grep -o "Done [0-9]* runs in [0-9]* second" build/fuzz-long-$$t.log; done

# Extraction floors, a ratchet within two points of what is measured
# (tests/extract: 97.4%; strict scores: set 4 88.8%, set 6 88.9%, and set 5,
# held out while the rules were written, 80.5%).
EXTRACT_FLOOR ?= 0.95
SET4_FLOOR ?= 0.87
SET5_FLOOR ?= 0.785
SET6_FLOOR ?= 0.87
# Main text of the peer's 44 web pages (bench/html_score.py), mean
# character ROUGE-L F1 and recall: reached 0.942 and 0.963.
HTML_FLOOR ?= 0.93
HTML_RECALL_FLOOR ?= 0.955

build/test-tokenize: tests/unit_tokenize.c build/libtifa-asan.a
	$(CC) $(CPPFLAGS_ALL) $(WARN) -O1 -g $(SAN) tests/unit_tokenize.c build/libtifa-asan.a $(LIBS) -o $@
build/test-shared: tests/shared_link.c build/libtifa.so include/tifa.h
	$(CC) $(CPPFLAGS_ALL) $(WARN) -O1 -g tests/shared_link.c -Lbuild -ltifa -o $@
build/test-diff: tests/unit_diff.c build/libtifa-asan.a
	$(CC) $(CPPFLAGS_ALL) $(WARN) -O1 -g $(SAN) tests/unit_diff.c build/libtifa-asan.a $(LIBS) -o $@

build/test-store: tests/unit_store.c build/libtifa-asan.a
	$(CC) $(CPPFLAGS_ALL) $(WARN) -O1 -g $(SAN) tests/unit_store.c build/libtifa-asan.a $(LIBS) -o $@

build/test-stream: tests/stream.c build/libtifa.a
	$(CC) $(CPPFLAGS_ALL) $(WARN) -O2 tests/stream.c build/libtifa.a $(LIBS) -o $@

test: all build/tifa-asan build/test-unit build/test-stream build/test-tokenize build/test-diff build/test-shared build/test-store
	./build/test-unit
	./build/test-store
	sh tests/store.sh build/tifa-asan
	python3 tests/names.py build/tifa-asan
	sh tests/pathological.sh build/tifa-asan
	sh tests/crash.sh build/tifa 5
	./build/test-stream
	./build/test-tokenize
	./build/test-diff
	rm -f build/test-shared.db*; LD_LIBRARY_PATH=build ./build/test-shared build/test-shared.db
	sh tests/corpus.sh build/tifa-asan
	sh tests/run-cases.sh build/tifa-asan
	TIFA_CLI_QUICK=1 sh tests/cli.sh build/tifa-asan
	sh tests/cli.sh build/tifa
	sh tests/serve.sh build/tifa-asan
	sh tests/e2e/run.sh build/tifa-asan
	sh tests/differential.sh build/tifa
	python3 tests/extract-props.py build/tifa-asan
	python3 tests/score-extract.py build/tifa --floor $(EXTRACT_FLOOR)
	python3 tests/score-heldout.py build/tifa tests/set4/labels tests/set4/readouts --floor $(SET4_FLOOR)
	python3 tests/score-heldout.py build/tifa tests/set5/labels tests/set5/readouts --floor $(SET5_FLOOR)
	python3 tests/score-heldout.py build/tifa tests/set6/labels tests/set6/readouts --floor $(SET6_FLOOR)
	python3 tests/score-extract.py build/tifa-asan --cases tests/extract-cases
	sh tests/html.sh build/tifa-asan
	python3 bench/html_score.py --tifa build/tifa --quiet --floor $(HTML_FLOOR) --recall-floor $(HTML_RECALL_FLOOR)

check: setup
	$(MAKE) all
	$(MAKE) test
	$(MAKE) fuzz-smoke
	@if [ -x ../shared/acceptance/check-seeds ]; then ../shared/acceptance/check-seeds ./tifa; fi
	@echo "check: all tests passed"

demo: setup
	$(MAKE) all
	@sh tools/demo.sh

bench: all
	sh bench/run.sh
	sh bench/extract.sh
	sh bench/extract-long.sh
	sh bench/serve.sh

# kill -9 at 20 random moments of an add and 20 of a stream of POST
# /api/add (make check does 5 of each), about a minute.
crash: all
	sh tests/crash.sh build/tifa 20

bench-serve: all
	sh bench/serve.sh

bench-html: build/tifa
	python3 bench/html_score.py --tifa build/tifa

format:
	clang-format -i $(LIB_SRC) $(filter-out build/%,$(CLI_SRC)) $(CLI_HDR) src/*.h src/extract/*.h include/tifa.h tests/unit/*.c tests/unit/*.h tests/stream.c fuzz/*.c

clean:
	rm -rf build tifa

.PHONY: all install setup test check demo bench bench-html bench-serve crash fuzz-smoke fuzz-long format clean
