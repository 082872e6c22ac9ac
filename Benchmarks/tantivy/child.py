"""tantivy peer for policy-bench: builds a character n-gram index over the passages the FTS5 child
gets, then times queries in process as policy-bench asks for them, so that each query is timed for
tantivy right after policy-bench timed it for the engine (a shared machine's load then weighs on
both alike). Run by policy-bench (Sources/policy-bench/Tantivy.swift):

    python child.py PASSAGES.jsonl INDEXDIR

PASSAGES.jsonl: one JSON string per line (passage i = line i). After building it prints one JSON line:
version, build time, index bytes, the per-call overhead of the Python binding. Then, for each line
{"query": Q, "budget": SECONDS} read on stdin, one JSON line: the exact hit count and the top-10
timing (p50/p99… in seconds). It exits at the end of its input.

    python child.py --instructions INDEXDIR N QUERY...

Under callgrind (`policy-bench --instructions`): runs each query on the index built before, in
phases that the caller reads as instructions per query (`instructions`).

Analysis: two indexed fields over the same text, each with tantivy's NgramTokenizer and a LowerCaser:
`bi` (min_gram = max_gram = 2: character bigrams) and `uni` (min = max = 1), the latter only for
one-character parts (a bigram index cannot answer 港 or 的). The text is stored once (`text`).
tantivy's NgramTokenizer gives every gram position 0, so a multi-gram part (`bi:"跨境电商"`) is a
phrase query whose grams must all occur at one position: in effect an AND of the passage's bigrams,
not exact substring matching (跨境…电商 … 境电 matches 跨境电商). Its hit counts can be larger.
"""

import importlib.metadata
import json
import os
import shutil
import sys
import time

import tantivy

MIN_REPS, MAX_REPS, WARMUP = 11, 500, 3


def build(passages_path, index_dir):
    sb = tantivy.SchemaBuilder()
    sb.add_text_field("text", stored=True, tokenizer_name="raw", index_option="basic")
    sb.add_text_field("bi", stored=False, tokenizer_name="bigram", index_option="position")
    sb.add_text_field("uni", stored=False, tokenizer_name="unigram", index_option="position")
    schema = sb.build()
    shutil.rmtree(index_dir, ignore_errors=True)
    os.makedirs(index_dir)
    index = tantivy.Index(schema, path=index_dir)
    register(index)
    with open(passages_path, encoding="utf-8") as f:
        texts = [json.loads(line) for line in f]
    t0 = time.perf_counter()
    writer = index.writer(heap_size=256_000_000, num_threads=1)
    for t in texts:
        writer.add_document(tantivy.Document(text=t, bi=t, uni=t))
    writer.commit()
    writer.wait_merging_threads()
    seconds = time.perf_counter() - t0
    index.reload()
    return index, len(texts), seconds


def register(index):
    for name, n in (("bigram", 2), ("unigram", 1)):
        analyzer = (
            tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.ngram(min_gram=n, max_gram=n, prefix_only=False))
            .filter(tantivy.Filter.lowercase())
            .build()
        )
        index.register_tokenizer(name, analyzer)


def measure(body, budget):
    for _ in range(WARMUP):
        body()
    samples = []
    start = time.perf_counter_ns()
    while len(samples) < MAX_REPS:
        t0 = time.perf_counter_ns()
        body()
        samples.append((time.perf_counter_ns() - t0) / 1e9)
        if len(samples) >= MIN_REPS and (time.perf_counter_ns() - start) / 1e9 >= budget:
            break
    return samples


def stats(samples):
    s = sorted(samples)
    n = len(s)
    p50 = s[n // 2] if n % 2 == 1 else (s[n // 2 - 1] + s[n // 2]) / 2
    rank = max(0, -(-99 * n // 100) - 1)  # nearest rank, as Harness.swift's Stats
    return {"n": n, "p50": p50, "p99": s[rank], "min": s[0], "max": s[-1], "mean": sum(s) / n}


def query_once(index, searcher, q):
    """What is timed (and counted): parse + search(q, 10) with an exact count + the 10 stored texts."""
    parsed = index.parse_query(q)
    r = searcher.search(parsed, 10, count=True)
    n = 0
    for _score, addr in r.hits:
        n += len(searcher.doc(addr)["text"][0])
    return r.count


def instructions(index_dir, n, queries):
    """Under callgrind (policy-bench --instructions): for each query, one warm-up run, then n runs
    and 2n runs, each phase ended by a dump (callgrind_control), so that the caller takes
    (dump of 2n − dump of n) / n as the query's instructions, the dump's own cost cancelled."""
    import subprocess

    index = tantivy.Index.open(index_dir)
    register(index)
    searcher = index.searcher()

    def dump():
        subprocess.run(["callgrind_control", "-d", str(os.getpid())], stdout=subprocess.DEVNULL, check=True)

    for q in queries:

        for reps in (1, n, 2 * n):
            for _ in range(reps):
                query_once(index, searcher, q)
            dump()


def main():
    if sys.argv[1] == "--instructions":
        instructions(sys.argv[2], int(sys.argv[3]), sys.argv[4:])
        return
    passages_path, index_dir = sys.argv[1], sys.argv[2]
    index, count, build_seconds = build(passages_path, index_dir)
    searcher = index.searcher()

    # The binding's own cost per call: an empty Python call, and one round trip into the extension
    # that does no search (num_docs).
    def empty():
        pass

    def no_match():
        # parse + search + count of a bigram no passage holds: the floor of every query.
        return searcher.search(index.parse_query('bi:"\u3400\u3401"'), 10, count=True).count

    header = {
        "tantivy": importlib.metadata.version("tantivy"),
        "passages": count,
        "buildSeconds": build_seconds,
        "indexBytes": sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(index_dir) for f in fs),
        "overheadEmptyCall": stats(measure(empty, 0.05)),
        "overheadBindingCall": stats(measure(lambda: searcher.num_docs, 0.05)),
        "overheadNoMatch": stats(measure(no_match, 0.05)),
    }
    print(json.dumps(header), flush=True)

    for line in sys.stdin:
        request = json.loads(line)
        q = request["query"]

        hits = searcher.search(index.parse_query(q), 10, count=True).count
        samples = measure(lambda: query_once(index, searcher, q), float(request["budget"]))
        print(json.dumps({"query": q, "hits": hits, "top10": stats(samples)}), flush=True)


if __name__ == "__main__":
    main()
