"""A local SMTP server for the delivery benchmark, in a process of its own as a real local MTA would be:
in the sender's process its event loop would compete with the sender for the GIL.

`python -m bench.smtp_sink PORT` prints `ready` once it listens, counts the messages it accepts, and
prints the count and its CPU seconds when its standard input closes."""
from __future__ import annotations

import resource
import subprocess
import sys
from typing import Any


class Counter:
    received = 0

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        Counter.received += 1
        return "250 OK"


class SmtpSink:
    """The sink as a child process: `with SmtpSink(port) as sink: ...; sink.received` after the block,
    and `sink.cpu_seconds`."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.received = 0
        self.cpu_seconds = 0.0
        self._process: subprocess.Popen[str] | None = None

    def __enter__(self) -> "SmtpSink":
        self._process = subprocess.Popen([sys.executable, "-m", "bench.smtp_sink", str(self.port)],
                                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert self._process.stdout is not None
        line = self._process.stdout.readline().strip()
        if line != "ready":
            self._process.kill()
            raise RuntimeError(f"SMTP sink did not start: {line!r}")
        return self

    def __exit__(self, *exc: object) -> None:
        assert self._process is not None
        out, _ = self._process.communicate(timeout=60)
        received, cpu_seconds = (out.split() + ["0", "0"])[:2]
        self.received, self.cpu_seconds = int(received), float(cpu_seconds)


def main(port: int) -> None:
    from aiosmtpd.controller import Controller
    controller = Controller(Counter(), hostname="127.0.0.1", port=port)
    controller.start()
    print("ready", flush=True)
    try:
        sys.stdin.read()  # until the benchmark closes our standard input
    finally:
        controller.stop()
    print(Counter.received, flush=True)
    cpu = resource.getrusage(resource.RUSAGE_SELF)
    print(f"{cpu.ru_utime + cpu.ru_stime:.1f}", flush=True)


if __name__ == "__main__":
    main(int(sys.argv[1]))
