"""`quaid serve`: one process, or a parent that runs N worker processes on one port.

Each worker is a whole Quaid (its own event loop, store connections, models) listening on
the same host and port with ``SO_REUSEPORT``: the kernel spreads connections over them.
What must hold across workers is the store's business (:class:`quaidcore.store.Store`
with ``QUAID_WORKERS`` > 1): messages of one conversation handled in order (PostgreSQL
advisory locks; on SQLite byte-range locks on ``<database>.locks``), replies delivered to
a WebSocket held by another worker (PostgreSQL LISTEN/NOTIFY; on SQLite a delivery table
every worker polls), and no conversation cache that another worker could make stale.

The parent starts worker 0 first (it creates the schema, trains a brain whose model is
not cached, runs the plugins' first start-up), then the others, which only load; it
prints "serving on" once every worker listens, restarts a worker that dies (giving up
after 5 deaths in a minute), and on SIGTERM or SIGINT stops them all gracefully.

Workers run on uvloop when it is installed (``--loop``), with one BLAS thread each.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from typing import Any

READY = b"ready\n"
# Allocations between collections of the youngest generation (CPython's default: 700). A
# message allocates a few thousand objects; with 700 the collector ran about once a request.
GC_GEN0_THRESHOLD = 10_000
GRACE_S = 30.0
MAX_DEATHS, DEATH_WINDOW_S = 5, 60.0


def default_workers() -> int:
    """The number of cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def prepare_environment() -> None:
    """Before numpy loads: one BLAS thread per worker (a matrix-vector product per message
    gains nothing from more, and idle BLAS threads spin on the cores the workers need)."""
    for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(name, "1")


def settle_memory() -> None:
    """Once started, before serving: collect, then move every object of the start-up (modules,
    models, the knowledge base, plugins) out of the collector's reach (``gc.freeze``) so that a
    full collection while serving walks only what serving made (measured under load: full
    collections of 150k objects took 290 ms at p50, the frozen heap's 10 ms); collect less often;
    and give the start-up's freed heap back to the system (glibc ``malloc_trim``, ~12 MB)."""
    gc.collect()
    gc.freeze()
    _, gen1, gen2 = gc.get_threshold()
    gc.set_threshold(GC_GEN0_THRESHOLD, gen1, gen2)
    with contextlib.suppress(Exception):  # not glibc
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)


def trace_allocations(loop: asyncio.AbstractEventLoop) -> None:
    """With ``QUAID_TRACEMALLOC=FILE``: on SIGUSR1, append to FILE the resident memory, what
    a full collection and glibc's ``malloc_trim`` give back (memory freed but kept by the
    allocator), the live objects by type, and, unless ``QUAID_TRACEMALLOC_FRAMES=0``, the 30
    source lines whose live memory grew most since start-up (tracemalloc, which costs a lot of
    CPU) to find what grows while serving."""
    path = os.environ.get("QUAID_TRACEMALLOC")
    if not path:
        return
    import collections
    import tracemalloc

    frames = int(os.environ.get("QUAID_TRACEMALLOC_FRAMES", "8"))
    if frames:
        tracemalloc.start(frames)
        baseline = tracemalloc.take_snapshot()

    def rss() -> str:
        with open("/proc/self/status", encoding="ascii") as status:
            return next(line.split(None, 1)[1].strip() for line in status if line.startswith("VmRSS:"))

    def dump() -> None:
        lines = [f"-- {time.strftime('%H:%M:%S')} RSS {rss()}"]
        if frames:
            snapshot = tracemalloc.take_snapshot().filter_traces(
                [tracemalloc.Filter(False, tracemalloc.__file__)])
            lines.append(f"traced {tracemalloc.get_traced_memory()[0] / 1e6:.1f} MB")
            lines += [str(stat) for stat in snapshot.compare_to(baseline, "lineno")[:30]]
            for stat in snapshot.compare_to(baseline, "traceback")[:5]:
                lines.append(f"== {stat.size_diff / 1e6:+.1f} MB in {stat.count_diff:+d} blocks from:")
                lines += ["   " + line for line in stat.traceback.format()]
        types = collections.Counter(type(o).__name__ for o in gc.get_objects())
        lines.append("objects tracked by gc (start-up frozen ones excluded): " + ", ".join(
            f"{name} {count}" for name, count in types.most_common(12)))
        gc.collect()
        lines.append(f"after gc.collect: RSS {rss()}")
        lines += pymalloc_stats()
        with contextlib.suppress(Exception):
            import ctypes

            ctypes.CDLL("libc.so.6").malloc_trim(0)
            lines.append(f"after malloc_trim: RSS {rss()}")
        with open(path, "a", encoding="utf-8") as out:
            out.write("\n".join(lines) + "\n")

    loop.add_signal_handler(signal.SIGUSR1, dump)


def pymalloc_stats() -> list[str]:
    """The summary lines of CPython's small-object allocator (``sys._debugmallocstats``, which
    writes to file descriptor 2): arenas held and bytes in used and free blocks."""
    import sys
    import tempfile

    with tempfile.TemporaryFile("w+") as capture:
        saved = os.dup(2)
        try:
            os.dup2(capture.fileno(), 2)
            sys._debugmallocstats()
        finally:
            os.dup2(saved, 2)
            os.close(saved)
        capture.seek(0)
        text = capture.read()
    keep = ("# arenas allocated current", "# arenas highwater", "# bytes in allocated blocks",
            "# bytes in available blocks", "# bytes lost to", "Total")
    return ["pymalloc " + " ".join(line.split()) for line in text.splitlines() if line.startswith(keep)]


def event_loop_factory(loop: str) -> Callable[[], asyncio.AbstractEventLoop] | None:
    """uvloop's loop for ``uvloop`` (or ``auto`` when installed), else asyncio's."""
    if loop == "asyncio":
        return None
    try:
        import uvloop
    except ImportError:
        if loop == "uvloop":
            raise
        return None
    return uvloop.new_event_loop


def run_worker(build: Callable[[], Any], host: str, port: int, *, reuse_port: bool = False,
               train: bool = True, loop: str = "auto", announce: Callable[[str], None] | None = None,
               ready_fd: int | None = None) -> None:
    """Serve one Quaid until SIGTERM or SIGINT; `announce` is called once the port listens."""
    from aiohttp import web

    from .app import started_web_app

    quaid = build()

    async def main() -> None:
        app = await started_web_app(quaid, train=train)  # schema, models, plugins and their routes
        stop = asyncio.Event()
        running = asyncio.get_running_loop()
        for signum in (signal.SIGTERM, signal.SIGINT):
            running.add_signal_handler(signum, stop.set)
        # keep-alive connections of chat clients stay open between messages
        runner = web.AppRunner(app, access_log=None, keepalive_timeout=75, handle_signals=False)
        await runner.setup()
        settle_memory()
        trace_allocations(running)
        try:
            site = web.TCPSite(runner, host, port, reuse_port=reuse_port, backlog=1024)
            await site.start()
            if announce is not None:
                announce(f"http://{host}:{port}/")
            if ready_fd is not None:
                os.write(ready_fd, READY)
                os.close(ready_fd)
            await stop.wait()
        finally:
            await runner.cleanup()  # stops Quaid: pending writes committed, sockets closed

    factory = event_loop_factory(loop)
    if factory is None:
        asyncio.run(main())
    else:
        with asyncio.Runner(loop_factory=factory) as runner:
            runner.run(main())


class Supervisor:
    """The parent of `workers` processes sharing one port."""

    def __init__(self, argv: list[str], workers: int, host: str, port: int,
                 announce: Callable[[str], None]) -> None:
        self.argv, self.workers, self.host, self.port = argv, workers, host, port
        self.announce = announce
        self.children: dict[int, subprocess.Popen[bytes]] = {}
        self.stopping = False
        self.deaths: list[float] = []
        self._placeholder: socket.socket | None = None

    def _reserve_port(self) -> None:
        """`--port 0`: pick the port here, held (bound, never listening) so that every
        worker binds the same one."""
        if self.port:
            return
        sock = socket.socket(socket.AF_INET6 if ":" in self.host else socket.AF_INET)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        sock.bind((self.host, 0))
        self.port = sock.getsockname()[1]
        self._placeholder = sock

    def _spawn(self, index: int, train: bool) -> tuple[subprocess.Popen[bytes], int]:
        read, write = os.pipe()
        env = {**os.environ, "QUAID_WORKERS": str(self.workers), "QUAID_WORKER": str(index),
               "QUAID_READY_FD": str(write), "QUAID_PARENT_PID": str(os.getpid())}
        cmd = [*self.argv, "--port", str(self.port), "--host", self.host]
        if not train:
            cmd.append("--no-train")
        child = subprocess.Popen(cmd, env=env, pass_fds=(write,))
        os.close(write)
        self.children[index] = child
        return child, read

    def _wait_ready(self, child: subprocess.Popen[bytes], read: int, timeout: float = 600) -> bool:
        """True once the worker listens; False if it exited first."""
        deadline = time.monotonic() + timeout
        try:
            os.set_blocking(read, False)
            while time.monotonic() < deadline and not self.stopping:
                with contextlib.suppress(BlockingIOError):
                    data = os.read(read, 16)
                    if data == READY:
                        return True
                    if not data:  # the pipe closed: the worker exited
                        return False
                if child.poll() is not None:
                    return False
                time.sleep(0.02)
            return False
        finally:
            os.close(read)

    def _signal(self, signum: int, _frame: Any) -> None:
        self.stopping = True

    def run(self) -> int:
        signal.signal(signal.SIGTERM, self._signal)
        signal.signal(signal.SIGINT, self._signal)
        self._reserve_port()
        try:
            first, read = self._spawn(0, train=True)  # schema, training, plugins' first start
            if not self._wait_ready(first, read):
                return self._shutdown(1 if not self.stopping else 0)
            started = [self._spawn(i, train=False) for i in range(1, self.workers)]
            if not all([self._wait_ready(child, read) for child, read in started]):
                return self._shutdown(1 if not self.stopping else 0)
            self.announce(f"http://{self.host}:{self.port}/ ({self.workers} workers)")
            return self._supervise()
        finally:
            if self._placeholder is not None:
                self._placeholder.close()

    def _supervise(self) -> int:
        while not self.stopping:
            time.sleep(0.2)
            for index, child in list(self.children.items()):
                if child.poll() is None or self.stopping:
                    continue
                now = time.monotonic()
                self.deaths = [t for t in self.deaths if now - t < DEATH_WINDOW_S] + [now]
                print(f"quaid: worker {index} (pid {child.pid}) exited with {child.returncode}; "
                      f"restarting it", file=sys.stderr, flush=True)
                if len(self.deaths) > MAX_DEATHS:
                    print(f"quaid: {len(self.deaths)} worker exits within {DEATH_WINDOW_S:.0f} s; "
                          "stopping", file=sys.stderr, flush=True)
                    return self._shutdown(1)
                replacement, read = self._spawn(index, train=False)
                self._wait_ready(replacement, read)
        return self._shutdown(0)

    def _shutdown(self, code: int) -> int:
        """SIGTERM to every worker, then SIGKILL to those still running after the grace."""
        for child in self.children.values():
            if child.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    child.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + GRACE_S
        for child in self.children.values():
            try:
                child.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()
        return code


def ready_fd() -> int | None:
    """The pipe a worker tells its parent it listens on (``QUAID_READY_FD``), once."""
    value = os.environ.pop("QUAID_READY_FD", None)
    return int(value) if value else None


def die_with_parent() -> None:
    """A worker ends with its parent, even a SIGKILLed one (Linux: PR_SET_PDEATHSIG)."""
    parent = os.environ.get("QUAID_PARENT_PID")
    with contextlib.suppress(Exception):
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    if parent and os.getppid() != int(parent):  # the parent died before prctl took effect
        sys.exit(1)
