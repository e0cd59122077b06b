"""Typst typesetting of BackPlan's documents, and the worker process that bounds its memory.

A document is compiled from templates/main.typ with its data as JSON in `sys.inputs`: user-typed
text stays data and is never read as Typst markup. Fonts are the repo's DejaVu only (no system
or built-in fonts), so every machine prints the same bytes.

Typst memoises layout per process. typst-py evicts old entries after each compile (1,000 sheets
grow a process by about 80 MB, then it stays flat) but offers no public call to free the rest. So
a process compiles in-process, which is fastest and keeps a command-line PDF cold start low, until
it has grown by IN_PROCESS_MB since its first document; from then on it compiles in a worker
process that is replaced whenever its own memory passes WORKER_MB. Worker processes themselves (the
batch pool, the render worker) always compile in-process.
"""

import json
import multiprocessing
import re
import resource
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

import typst

ROOT = Path(__file__).resolve().parents[2]  # images are read from /exercises/images/
TEMPLATE = Path(__file__).resolve().parent / "templates" / "main.typ"
FONT_DIR = ROOT / "planner" / "fonts"
# A fixed creation date, so the same plan always gives byte-identical files.
CREATION_DATE = datetime(2024, 1, 1, tzinfo=UTC)
IN_PROCESS_MB = 250
WORKER_MB = 400


_COMPILING = threading.Lock()


@cache
def _compiler() -> typst.Compiler:
    fonts = typst.Fonts(False, False, [str(FONT_DIR)])
    return typst.Compiler(root=str(ROOT), font_paths=fonts)


def compile_pdf(data: dict) -> bytes:
    """The document described by `data` (see templates/main.typ) as PDF bytes, in this process."""
    inputs = {"data": json.dumps(data, ensure_ascii=False)}
    try:
        with _COMPILING:  # the compiler is one mutable object: one compile at a time
            return _compiler().compile(
                input=str(TEMPLATE), sys_inputs=inputs, timestamp=CREATION_DATE, pdf_tags=True
            )
    except typst.TypstError as exc:  # plain errors, which cross process boundaries
        refused = re.search(r"refused: ([^\n\"]+)", exc.message)
        if refused:  # a template's "refused: ..." panic: the data cannot be printed
            raise ValueError(refused[1]) from None
        raise RuntimeError(f"typesetting failed: {exc.diagnostic}") from None


def rss_mb() -> float:
    """This process's peak resident memory so far, in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _compile_in_worker(data: dict) -> tuple[bytes, float]:
    return compile_pdf(data), rss_mb()


class RecycledWorker:
    """Compiles in one worker process, replaced by a fresh one when it grows past `limit_mb`."""

    def __init__(self, limit_mb: float = WORKER_MB):
        self.limit_mb = limit_mb
        self.started = 0  # worker processes started so far
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()

    def compile(self, data: dict) -> bytes:
        """Compile `data` in the worker; recycle the worker if it has grown too large."""
        with self._lock:
            if self._pool is None:
                # forkserver: safe to start from a threaded process (the app server)
                context = multiprocessing.get_context("forkserver")
                context.set_forkserver_preload([__name__])
                self._pool = ProcessPoolExecutor(1, mp_context=context)
                self.started += 1
            pool = self._pool
        try:
            pdf, worker_mb = pool.submit(_compile_in_worker, data).result()
        except BrokenProcessPool:
            self.close(pool)
            raise RuntimeError("the PDF worker stopped unexpectedly") from None
        if worker_mb > self.limit_mb:
            self.close(pool)
        return pdf

    def close(self, pool: ProcessPoolExecutor | None = None) -> None:
        """Stop the worker (only `pool`, when given and still current); the next compile starts
        a new one."""
        with self._lock:
            if self._pool is not None and pool in (None, self._pool):
                self._pool.shutdown(wait=False)
                self._pool = None


class Renderer:
    """Compiles in this process until it has grown by `in_process_mb` since its first document,
    then in a RecycledWorker."""

    def __init__(self, in_process_mb: float = IN_PROCESS_MB, worker_mb: float = WORKER_MB):
        self.in_process_mb = in_process_mb
        self.worker = RecycledWorker(worker_mb)
        self._base_mb: float | None = None

    def render(self, data: dict) -> bytes:
        """PDF bytes for `data`."""
        if self._base_mb is None:
            self._base_mb = rss_mb()
        if multiprocessing.parent_process() is not None:
            return compile_pdf(data)
        if self.worker.started or rss_mb() - self._base_mb >= self.in_process_mb:
            return self.worker.compile(data)
        return compile_pdf(data)


_RENDERER = Renderer()


def render(data: dict) -> bytes:
    """PDF bytes for `data` (see templates/main.typ), from the process-wide Renderer."""
    return _RENDERER.render(data)
