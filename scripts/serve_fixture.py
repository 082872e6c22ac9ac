"""A `policy-search serve` over the test fixture, for scripts/browser-test and scripts/api-test.

The fixture is what ServerTests serve: the bundled corpus plus Tests/ServerTests/Fixtures/
hostile-fixture.txt (markup in its text, title and issuer), indexed into a temporary folder
(`hostile=False`: the bundled corpus alone, for screenshots).
"""
import json
import os
import re
import shutil
import signal
import subprocess
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, "Tests", "ServerTests", "Fixtures")


def binary():
    """$POLICY_SEARCH, else the debug build (`swift build` first)."""
    path = os.environ.get("POLICY_SEARCH") or os.path.join(ROOT, ".build", "debug", "policy-search")
    if not os.access(path, os.X_OK):
        raise SystemExit(f"no policy-search at {path}: run `swift build` or set POLICY_SEARCH")
    return path


class Server:
    """Indexes the fixture corpus and serves it on a free loopback port until `stop()`."""

    def __init__(self, work=None, hostile=True):
        self.work = work or tempfile.mkdtemp(prefix="serve-fixture-")
        corpus = os.path.join(self.work, "corpus")
        os.makedirs(corpus, exist_ok=True)
        src = os.path.join(ROOT, "corpus")
        for name in os.listdir(src):
            if name.endswith(".txt"):
                shutil.copy(os.path.join(src, name), corpus)
        catalog = json.load(open(os.path.join(src, "catalog.json"), encoding="utf-8"))
        if hostile:
            shutil.copy(os.path.join(FIXTURES, "hostile-fixture.txt"), corpus)
            catalog.update(json.load(open(os.path.join(FIXTURES, "catalog.json"), encoding="utf-8")))
        json.dump(catalog, open(os.path.join(corpus, "catalog.json"), "w", encoding="utf-8"), ensure_ascii=False)
        self.index = os.path.join(self.work, "index")
        subprocess.run([binary(), "index", "--index", self.index, corpus], check=True, capture_output=True)
        self.log = open(os.path.join(self.work, "serve.log"), "w")
        self.process = subprocess.Popen(
            [binary(), "serve", "--index", self.index, "--port", "0"],
            stdout=subprocess.PIPE, stderr=self.log, text=True)
        line = self.process.stdout.readline()
        found = re.search(r"http://\S+/", line)
        if not found:
            raise SystemExit(f"serve printed no address: {line!r}; log in {self.log.name}")
        self.url = found.group(0)

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()
        return self.process.returncode

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()
        shutil.rmtree(self.work, ignore_errors=True)


class Timer:
    def __init__(self):
        self.start = time.monotonic()

    def __str__(self):
        return f"{time.monotonic() - self.start:.1f} s"
