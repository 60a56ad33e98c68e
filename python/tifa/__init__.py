"""tifa for Python: clean text and records from Chinese official readouts.

A ctypes binding over libtifa.so (the C library of this source tree, or the
one `make install` put beside this package), standard library only, no
build step:

    import tifa
    tifa.clean(open("readout.txt", "rb").read())            # -> str
    tifa.extract(page_bytes, name="page.html")             # -> dict (the record)
    tifa.extract_files(["a.txt", "b.html"], "out.jsonl")   # one C call
    tifa.extract_warc("crawl.warc.gz", "out.jsonl")        # one C call
    with tifa.Corpus("readouts.db") as c:
        c.search("两个确立", limit=5); c.list(org="国务院"); c.get(1)

extract_files and extract_warc run a whole shard in one C call, and ctypes
releases the interpreter lock for it: threads running them work in
parallel. Errors raise tifa.Error with the library's message.

The library is looked for in $TIFA_LIBRARY, then build/libtifa.so of the
source tree this package sits in (python/tifa/), then the directory `make
install` wrote into _LIBDIR, then the system's loader (libtifa.so.0).
"""
import ctypes
import json
import os
import threading
from collections import namedtuple

__all__ = ["Error", "clean", "extract", "extract_json", "extract_files", "extract_warc", "Corpus", "Counts",
           "version", "library_path"]

_LIBDIR = None  # set by make install

OK, EINPUT, EIO, ENOMEM, EUSAGE, ESINK, EBATCH = range(7)


class Error(Exception):
    """A failed library call: code (tifa_status), message, position."""

    def __init__(self, code, message, position=0):
        super().__init__(message)
        self.code = code
        self.message = message
        self.position = position


# ------------------------------------------------------------ the library

def _candidates():
    env = os.environ.get("TIFA_LIBRARY")
    if env:
        yield env
    here = os.path.dirname(os.path.abspath(__file__))
    yield os.path.join(here, "..", "..", "build", "libtifa.so")
    if _LIBDIR:
        yield os.path.join(_LIBDIR, "libtifa.so.0")
    yield "libtifa.so.0"


def _load():
    tried = []
    for path in _candidates():
        if os.sep in path and not os.path.exists(path):
            tried.append(path)
            continue
        try:
            return ctypes.CDLL(path), os.path.abspath(path) if os.sep in path else path
        except OSError as e:
            tried.append(f"{path} ({e})")
    raise ImportError("tifa: libtifa.so not found (build it with make, or set TIFA_LIBRARY); tried: " +
                      ", ".join(tried))


_lib, library_path = _load()

c_char_pp = ctypes.POINTER(ctypes.POINTER(ctypes.c_char))


class _Error(ctypes.Structure):
    _fields_ = [("code", ctypes.c_int), ("position", ctypes.c_uint64), ("message", ctypes.c_char * 256)]


class _Options(ctypes.Structure):
    _fields_ = [("encoding", ctypes.c_int), ("target", ctypes.c_char_p), ("keep_boilerplate", ctypes.c_int),
                ("input", ctypes.c_int)]


_WRITE_FN = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.POINTER(ctypes.c_char), ctypes.c_size_t)
_FAILURE_FN = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_char_p, ctypes.c_char_p)


class _Batch(ctypes.Structure):
    _fields_ = [("options", ctypes.POINTER(_Options)), ("flags", ctypes.c_uint), ("write", ctypes.c_void_p),
                ("user", ctypes.c_void_p), ("failed", _FAILURE_FN), ("failed_user", ctypes.c_void_p),
                ("start", ctypes.c_uint64), ("limit", ctypes.c_uint64)]


class _Counts(ctypes.Structure):
    _fields_ = [("records", ctypes.c_uint64), ("responses", ctypes.c_uint64), ("extracted", ctypes.c_uint64),
                ("failed", ctypes.c_uint64), ("next", ctypes.c_uint64)]


class _Copy(ctypes.Structure):
    _fields_ = [("id", ctypes.c_int64), ("file", ctypes.c_char_p), ("outlet", ctypes.c_char_p),
                ("url", ctypes.c_char_p), ("published", ctypes.c_char_p), ("near", ctypes.c_int)]


class _Hit(ctypes.Structure):
    _fields_ = [("id", ctypes.c_int64), ("duplicate_of", ctypes.c_int64), ("file", ctypes.c_char_p),
                ("date", ctypes.c_char_p), ("meeting", ctypes.c_char_p), ("org", ctypes.c_char_p),
                ("title", ctypes.c_char_p), ("snippet", ctypes.c_char_p),
                ("outlet", ctypes.c_char_p), ("url", ctypes.c_char_p), ("published", ctypes.c_char_p),
                ("retrieved", ctypes.c_char_p), ("added", ctypes.c_char_p), ("copy", ctypes.c_char_p),
                ("copies", ctypes.POINTER(_Copy)), ("ncopies", ctypes.c_size_t), ("corrected", ctypes.c_uint)]


class _Filter(ctypes.Structure):
    _fields_ = [("from_", ctypes.c_char_p), ("to", ctypes.c_char_p), ("org", ctypes.c_char_p),
                ("meeting", ctypes.c_char_p), ("limit", ctypes.c_int), ("offset", ctypes.c_int)]


_HIT_FN = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.POINTER(_Hit))


class _ReextractStats(ctypes.Structure):
    _fields_ = [("documents", ctypes.c_int64), ("reextracted", ctypes.c_int64), ("changed", ctypes.c_int64),
                ("unchanged", ctypes.c_int64), ("failed", ctypes.c_int64)]


class _ReextractChange(ctypes.Structure):
    _fields_ = [("id", ctypes.c_int64), ("field", ctypes.c_char_p), ("before", ctypes.c_char_p),
                ("after", ctypes.c_char_p), ("corrected", ctypes.c_char_p), ("message", ctypes.c_char_p)]


_REEXTRACT_FN = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.POINTER(_ReextractChange))


def _fn(name, restype, *argtypes):
    f = getattr(_lib, name)
    f.restype = restype
    f.argtypes = argtypes
    return f


_err_p = ctypes.POINTER(_Error)
_version = _fn("tifa_version", ctypes.c_char_p)
_free = _fn("tifa_free", None, ctypes.c_void_p)
_options_init = _fn("tifa_options_init", None, ctypes.POINTER(_Options))
_encoding_parse = _fn("tifa_encoding_parse", ctypes.c_int, ctypes.c_char_p, ctypes.POINTER(ctypes.c_int))
_clean = _fn("tifa_clean", ctypes.c_int, ctypes.POINTER(_Options), ctypes.c_char_p, ctypes.c_size_t, c_char_pp,
             ctypes.POINTER(ctypes.c_size_t), ctypes.c_void_p, _err_p)
_extract = _fn("tifa_extract", ctypes.c_int, ctypes.POINTER(_Options), ctypes.c_char_p, ctypes.c_char_p,
               ctypes.c_size_t, ctypes.c_uint, c_char_pp, ctypes.POINTER(ctypes.c_size_t), _err_p)
_extract_files = _fn("tifa_extract_files", ctypes.c_int, ctypes.POINTER(_Batch), ctypes.POINTER(ctypes.c_char_p),
                     ctypes.c_size_t, ctypes.POINTER(_Counts), _err_p)
_extract_warc = _fn("tifa_extract_warc", ctypes.c_int, ctypes.POINTER(_Batch), ctypes.c_char_p,
                    ctypes.POINTER(_Counts), _err_p)
_write_fd = ctypes.cast(_lib.tifa_write_fd, ctypes.c_void_p).value
_corpus_open = _fn("tifa_corpus_open", ctypes.c_int, ctypes.c_char_p, ctypes.c_uint, ctypes.POINTER(ctypes.c_void_p),
                   _err_p)
_corpus_close = _fn("tifa_corpus_close", None, ctypes.c_void_p)
_field_name = _fn("tifa_field_name", ctypes.c_char_p, ctypes.c_int)
_FIELD_COUNT = 11  # TIFA_FIELD_COUNT
_corpus_search = _fn("tifa_corpus_search", ctypes.c_int, ctypes.c_void_p, ctypes.c_char_p, ctypes.POINTER(_Filter),
                     _HIT_FN, ctypes.c_void_p, ctypes.POINTER(ctypes.c_int64), _err_p)
_corpus_search_newest = _fn("tifa_corpus_search_newest", ctypes.c_int, ctypes.c_void_p, ctypes.c_char_p,
                            ctypes.POINTER(_Filter), _HIT_FN, ctypes.c_void_p, ctypes.POINTER(ctypes.c_int64),
                            ctypes.POINTER(ctypes.c_int), _err_p)
_corpus_list = _fn("tifa_corpus_list", ctypes.c_int, ctypes.c_void_p, ctypes.POINTER(_Filter), _HIT_FN,
                   ctypes.c_void_p, _err_p)
_corpus_reextract = _fn("tifa_corpus_reextract", ctypes.c_int, ctypes.c_void_p, ctypes.POINTER(ctypes.c_int64),
                        ctypes.c_size_t, ctypes.c_uint, ctypes.c_int, _REEXTRACT_FN, ctypes.c_void_p,
                        ctypes.POINTER(_ReextractStats), _err_p)
_corpus_get = _fn("tifa_corpus_get", ctypes.c_int, ctypes.c_void_p, ctypes.c_int64, c_char_pp, c_char_pp, c_char_pp,
                  ctypes.POINTER(ctypes.c_size_t), c_char_pp, _err_p)

PRETTY = 1
WITH_CLEAN = 2  # TIFA_EXTRACT_WITH_CLEAN
WITH_RAW = 4  # TIFA_EXTRACT_WITH_RAW
BATCH_COUNT_ONLY = 0x100
CORPUS_READONLY = 1
REEXTRACT_DRY_RUN = 1  # TIFA_REEXTRACT_DRY_RUN
REEXTRACT_FIELDS = 2  # TIFA_REEXTRACT_FIELDS
_INPUTS = {"auto": 0, "text": 1, "html": 2}


def version():
    """The library's version, "MAJOR.MINOR.PATCH"."""
    return _version().decode()


def _raise(status, err):
    raise Error(status, err.message.decode("utf-8", "replace"), err.position)


def _bytes(s):
    return s if isinstance(s, bytes) else os.fsencode(s)


def _options(encoding=None, target="t2s", keep_boilerplate=False, input="auto"):
    """tifa_options: encoding (utf-8, gb18030, gbk, big5, utf-16...; None
    detects), target (an OpenCC configuration; None keeps the script),
    keep_boilerplate, input ("auto", "text" or "html")."""
    opt = _Options()
    _options_init(ctypes.byref(opt))
    if encoding is not None:
        enc = ctypes.c_int()
        if _encoding_parse(encoding.encode(), ctypes.byref(enc)) != OK:
            raise Error(EUSAGE, f"unknown encoding '{encoding}'")
        opt.encoding = enc.value
    opt.target = target.encode() if target else None
    opt.keep_boilerplate = 1 if keep_boilerplate else 0
    if input not in _INPUTS:
        raise Error(EUSAGE, f"input must be one of {sorted(_INPUTS)}, not {input!r}")
    opt.input = _INPUTS[input]
    return opt


def _take(ptr, n=None):
    """The bytes of a buffer the library returned (n bytes, or up to its
    NUL), which is then freed."""
    if not ptr:
        return b""
    try:
        return ctypes.string_at(ptr, n) if n is not None else ctypes.cast(ptr, ctypes.c_char_p).value
    finally:
        _free(ptr)


def clean(data, **options):
    """The canonical clean text of one document (bytes in any encoding),
    as `tifa clean` writes it. Options: encoding, target, keep_boilerplate,
    input (see _options)."""
    opt = _options(**options)
    out, n, err = ctypes.POINTER(ctypes.c_char)(), ctypes.c_size_t(), _Error()
    data = bytes(data)
    st = _clean(ctypes.byref(opt), data, len(data), ctypes.byref(out), ctypes.byref(n), None, ctypes.byref(err))
    if st != OK:
        _raise(st, err)
    return _take(out, n.value).decode("utf-8")


def extract_json(data, name="-", pretty=False, **options):
    """The record of one document as the JSON text `tifa extract` writes
    (without the final newline)."""
    opt = _options(**options)
    out, n, err = ctypes.POINTER(ctypes.c_char)(), ctypes.c_size_t(), _Error()
    data = bytes(data)
    st = _extract(ctypes.byref(opt), _bytes(name), data, len(data), PRETTY if pretty else 0, ctypes.byref(out),
                  ctypes.byref(n), ctypes.byref(err))
    if st != OK:
        _raise(st, err)
    return _take(out, n.value).decode("utf-8")


def extract(data, name="-", **options):
    """The record of one document (SPEC section 3) as a dict: "file"
    (name), "encoding", "script", "noise", "anomalies", "articles" (each
    with its meeting facts, terms and spans), "page" for web pages."""
    return json.loads(extract_json(data, name, **options))


Counts = namedtuple("Counts", "records responses extracted failed next failures")
Counts.__doc__ = """What a batch read: records, responses (pages), extracted, failed,
next (web archives: where to start to read on) and failures, a list of
(name, reason) for each document that failed."""


class _Output:
    """out as a file descriptor: a path (created or truncated), an open
    file (its fileno, flushed first), or an int descriptor."""

    def __init__(self, out):
        self.close = False
        if isinstance(out, int):
            self.fd = out
        elif hasattr(out, "fileno"):
            out.flush()
            self.fd = out.fileno()
        else:
            self.fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            self.close = True

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        if self.close:
            os.close(self.fd)


def _record_flags(pretty, with_raw, with_clean):
    return (PRETTY if pretty else 0) | (WITH_RAW if with_raw else 0) | (WITH_CLEAN if with_clean else 0)


def _batch(out, flags, options, start=0, limit=0, count_only=False):
    failures = []

    def failed(user, name, reason):
        failures.append((os.fsdecode(name), reason.decode("utf-8", "replace")))

    opt = _options(**options)
    fd = ctypes.c_int(out.fd)
    cb = _FAILURE_FN(failed)
    flags |= BATCH_COUNT_ONLY if count_only else 0
    b = _Batch(ctypes.pointer(opt), flags, _write_fd, ctypes.cast(ctypes.pointer(fd),
                                                                                    ctypes.c_void_p),
               cb, None, start, limit)
    return b, (opt, fd, cb), failures


def _counts(c, failures):
    return Counts(c.records, c.responses, c.extracted, c.failed, c.next, failures)


def extract_files(paths, out, pretty=False, with_raw=False, with_clean=False, **options):
    """The records of the files in paths (str, bytes or os.PathLike), one
    JSON line each in order, written to out (a path, an open binary file
    or a file descriptor) — exactly what `tifa extract FILE...` prints —
    in one C call. with_raw, with_clean: as `tifa extract --with-raw`,
    `--with-clean` (records for `tifa add --records`). A file that cannot be read or extracted is counted and
    listed in the result's failures; the others are written. Returns
    Counts. Raises Error when the output cannot be written."""
    names = [_bytes(os.fspath(p)) for p in paths]
    arr = (ctypes.c_char_p * max(len(names), 1))(*names)
    with _Output(out) as o:
        b, keep, failures = _batch(o, _record_flags(pretty, with_raw, with_clean), options)
        c, err = _Counts(), _Error()
        st = _extract_files(ctypes.byref(b), arr, len(names), ctypes.byref(c), ctypes.byref(err))
    if st != OK:
        _raise(st, err)
    return _counts(c, failures)


def extract_warc(path, out, pretty=False, start=0, limit=0, count_only=False, with_raw=False, with_clean=False,
                 **options):
    """The records of the pages of a web archive (.warc or .warc.gz), as
    `tifa extract --warc` prints them, written to out (a path, an open
    binary file or a file descriptor) in one C call. start: a byte offset
    to begin at (a record's source offset); limit: pages to read at most
    (0: all); count_only: count the pages, extract nothing. Returns Counts
    (next: the offset to start at to read on).
    A page that fails is listed in failures; a damaged archive raises
    Error (naming the offset) after the records before it are written."""
    with _Output(out) as o:
        b, keep, failures = _batch(o, _record_flags(pretty, with_raw, with_clean), options, start, limit, count_only)
        c, err = _Counts(), _Error()
        st = _extract_warc(ctypes.byref(b), _bytes(os.fspath(path)), ctypes.byref(c), ctypes.byref(err))
    if st != OK:
        e = Error(st, err.message.decode("utf-8", "replace"), err.position)
        e.counts = _counts(c, failures)
        raise e
    return _counts(c, failures)


# ------------------------------------------------------------ the corpus

def _text(p):
    return None if p is None else p.decode("utf-8", "replace")


class Corpus:
    """A corpus file made by `tifa add`. Read-only unless readonly=False.
    Use from one thread at a time (open one per thread)."""

    def __init__(self, path, readonly=True):
        self._c = ctypes.c_void_p()
        self._lock = threading.Lock()
        err = _Error()
        path = os.fspath(path)
        if readonly and not os.path.exists(path):
            raise Error(EINPUT, f"{os.fsdecode(path)}: no corpus here (make one with tifa add --db PATH FILE...)")
        st = _corpus_open(_bytes(path), CORPUS_READONLY if readonly else 0, ctypes.byref(self._c), ctypes.byref(err))
        if st != OK:
            raise Error(st, f"{os.fsdecode(path)}: " + err.message.decode("utf-8", "replace"), err.position)

    def close(self):
        if self._c:
            _corpus_close(self._c)
            self._c = ctypes.c_void_p()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        self.close()

    @staticmethod
    def _filter(from_=None, to=None, org=None, meeting=None, limit=0, offset=0, **kw):
        if "from" in kw:
            from_ = kw.pop("from")
        if kw:
            raise TypeError(f"unknown filter {sorted(kw)}")
        enc = lambda s: s.encode() if s is not None else None  # noqa: E731
        return _Filter(enc(from_), enc(to), enc(org), enc(meeting), limit, offset)

    def _hits(self, call, with_snippet):
        hits = []

        def on_hit(user, h):
            h = h.contents
            d = {"id": h.id, "file": os.fsdecode(h.file) if h.file is not None else None, "date": _text(h.date),
                 "meeting": _text(h.meeting), "org": _text(h.org), "title": _text(h.title)}
            if with_snippet:
                d["snippet"] = _text(h.snippet)
            for key in ("outlet", "url", "published", "retrieved", "added"):
                d[key] = _text(getattr(h, key))
            d["duplicate_of"] = h.duplicate_of or None
            d["copy"] = _text(h.copy)
            d["copies"] = [{"id": k.id, "file": os.fsdecode(k.file) if k.file is not None else None,
                            "source": _text(k.outlet), "url": _text(k.url), "published": _text(k.published),
                            "copy": "near" if k.near else "exact"} for k in (h.copies[i] for i in range(h.ncopies))]
            d["corrected"] = [_field_name(i).decode() for i in range(_FIELD_COUNT) if h.corrected & (1 << i)]
            hits.append(d)
            return 0

        cb = _HIT_FN(on_hit)
        err = _Error()
        with self._lock:
            if not self._c:
                raise Error(EUSAGE, "the corpus is closed")
            st = call(cb, ctypes.byref(err))
        if st != OK:
            _raise(st, err)
        return hits

    def search(self, query, newest=False, **filters):
        """Full-text search, best first (the syntax of `tifa search`): a
        list of dicts with the fields of `tifa search --json` (id, file,
        date, meeting, org, title, snippet, duplicate_of). Filters: from,
        to (dates or prefixes), org, meeting (substrings), limit (default
        20), offset. newest=True: newest first (the order added), as
        `tifa search --newest`, at the same speed however many match."""
        filters.setdefault("limit", 20)
        f = self._filter(**filters)
        if newest:
            return self._hits(lambda cb, err: _corpus_search_newest(self._c, query.encode(), ctypes.byref(f), cb, None,
                                                                    None, None, err), True)
        total = ctypes.c_int64()
        return self._hits(lambda cb, err: _corpus_search(self._c, query.encode(), ctypes.byref(f), cb, None,
                                                         ctypes.byref(total), err), True)

    def list(self, **filters):
        """Every stored document by meeting date (near copies too), as
        `tifa list --json`; the same filters as search (no limit by
        default)."""
        f = self._filter(**filters)
        return self._hits(lambda cb, err: _corpus_list(self._c, ctypes.byref(f), cb, None, err), False)

    def reextract(self, ids=None, dry_run=False, jobs=1):
        """Extracts the stored documents (or those of ids) again from their
        raw bytes with this version of tifa, and rewrites what extraction
        made where it differs, as `tifa reextract` does; raw bytes, names,
        sources, copy links and corrections are kept. dry_run=True changes
        nothing (the corpus may then be open read-only; else it must be
        opened with readonly=False). Returns {"documents", "reextracted",
        "changed", "unchanged", "failed", "changes": [{"id", "field",
        "before", "after", "corrected"}] (each field that differs, values
        as JSON text; with dry_run only), "failures": [{"id", "message"}]}.
        Raises tifa.Error when the corpus could not be written (the counts
        so far in its .stats)."""
        changes, failures = [], []

        def on_change(user, ch):
            ch = ch.contents
            if ch.field is None:
                failures.append({"id": ch.id, "message": _text(ch.message)})
            else:
                changes.append({"id": ch.id, "field": ch.field.decode(), "before": _text(ch.before),
                                "after": _text(ch.after), "corrected": _text(ch.corrected)})
            return 0

        cb = _REEXTRACT_FN(on_change)
        wanted = list(ids) if ids is not None else None
        arr = (ctypes.c_int64 * len(wanted))(*wanted) if wanted else None
        flags = REEXTRACT_DRY_RUN | REEXTRACT_FIELDS if dry_run else 0
        stats, err = _ReextractStats(), _Error()
        with self._lock:
            if not self._c:
                raise Error(EUSAGE, "the corpus is closed")
            # ids=[] is no document at all, not every one: a one-element array never read.
            ptr = arr if arr is not None else ((ctypes.c_int64 * 1)() if wanted is not None else None)
            st = _corpus_reextract(self._c, ptr, len(wanted) if wanted else 0, flags, jobs, cb, None,
                                   ctypes.byref(stats), ctypes.byref(err))
        out = {k: getattr(stats, k) for k in ("documents", "reextracted", "changed", "unchanged", "failed")}
        out["changes"], out["failures"] = changes, failures
        if st != OK:
            e = Error(st, err.message.decode("utf-8", "replace"), err.position)
            e.stats = out
            raise e
        return out

    def get(self, id):
        """Document id: {"id", "file", "record" (dict), "clean" (str), "raw"
        (bytes)}. Raises Error when there is no such document."""
        rec, txt, raw, fil = (ctypes.POINTER(ctypes.c_char)() for _ in range(4))
        n, err = ctypes.c_size_t(), _Error()
        with self._lock:
            if not self._c:
                raise Error(EUSAGE, "the corpus is closed")
            st = _corpus_get(self._c, id, ctypes.byref(rec), ctypes.byref(txt), ctypes.byref(raw), ctypes.byref(n),
                             ctypes.byref(fil), ctypes.byref(err))
        if st != OK:
            _raise(st, err)
        return {"id": id, "file": os.fsdecode(_take(fil)), "record": json.loads(_take(rec).decode()),
                "clean": _take(txt).decode(), "raw": _take(raw, n.value)}
