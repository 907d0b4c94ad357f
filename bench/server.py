"""Latency and throughput of the upload server's POST /api/check, on a monthly roster.

Starts a real `roster-check serve` (uvicorn) on 127.0.0.1 with a fresh SQLite store and one
field account, waits until it answers, then sends a bounded number of uploads of one generated
monthly roster (400 rows, bench/generate.py) — first from 1 client, then from 20 concurrent
clients — and stops the server. Reports the median and 95th percentile of the request latency
and the throughput in rosters per minute; exits 1 when a request fails.

    python bench/server.py                      # 40 requests alone, 200 with 20 clients
    python bench/server.py --single 60 --concurrent 400 --workers 2 --json out.json

Only the standard library on the client side (http.client), so the client costs little CPU
next to the server on the same 2-core machine.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import make_month  # noqa: E402


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def multipart(name: str, content: bytes) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n"
            "Content-Type: application/octet-stream\r\n\r\n").encode() + content + \
        f"\r\n--{boundary}--\r\n".encode()  # fmt: skip
    return body, f"multipart/form-data; boundary={boundary}"


class Client:
    """One keep-alive connection sending uploads and timing them."""

    def __init__(self, port: int, token: str, name: str, content: bytes) -> None:
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        self.body, self.kind = multipart(name, content)
        self.headers = {"Content-Type": self.kind, "Authorization": f"Bearer {token}"}

    def check(self) -> tuple[float, int]:
        started = time.perf_counter()
        self.connection.request("POST", "/api/check", body=self.body, headers=self.headers)
        answer = self.connection.getresponse()
        data = answer.read()
        elapsed = time.perf_counter() - started
        if answer.status == 201:
            json.loads(data)  # a whole JSON document came back
        return elapsed, answer.status

    def close(self) -> None:
        self.connection.close()


def run_clients(port: int, token: str, name: str, content: bytes, clients: int,
                requests: int) -> dict[str, float | int]:  # fmt: skip
    latencies: list[float] = []
    failures: list[int] = []
    lock = threading.Lock()
    remaining = iter(range(requests))

    def work() -> None:
        client = Client(port, token, name, content)
        try:
            while True:
                with lock:
                    if next(remaining, None) is None:
                        return
                elapsed, status = client.check()
                with lock:
                    (latencies.append(elapsed) if status == 201 else failures.append(status))
        finally:
            client.close()

    started = time.perf_counter()
    threads = [threading.Thread(target=work) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    latencies.sort()
    p95 = latencies[max(0, round(0.95 * len(latencies)) - 1)] if latencies else float("nan")
    return {
        "clients": clients, "requests": requests, "errors": len(failures),
        "median_ms": round(statistics.median(latencies) * 1000, 1) if latencies else float("nan"),
        "p95_ms": round(p95 * 1000, 1), "max_ms": round(latencies[-1] * 1000, 1) if latencies else 0,
        "rosters_per_minute": round(len(latencies) / wall * 60, 1), "wall_s": round(wall, 2),
    }  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--single", type=int, default=40, help="requests from 1 client (40)")
    parser.add_argument("--concurrent", type=int, default=200,
                        help="requests from the concurrent clients (200)")  # fmt: skip
    parser.add_argument("--clients", type=int, default=20, help="concurrent clients (20)")
    parser.add_argument("--workers", type=int, default=2, help="server checker processes (2)")
    parser.add_argument("--rows", type=int, default=400, help="rows of the roster (400)")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="roster-check-bench-") as folder:
        root = Path(folder)
        roster = root / "ETH_2026-05.xlsx"
        make_month(roster, "ETH", "2026-05", rows=args.rows)
        database = f"sqlite:///{root / 'store.db'}"
        command = [sys.executable, "-m", "checker"]
        env = {**os.environ, "ROSTER_CHECK_DB": database}
        added = subprocess.run([*command, "user", "add", "bench", "--role", "field", "--mission",
                                "ETH", "--password-stdin"], input="bench-password\n", env=env,
                               capture_output=True, text=True, check=True)  # fmt: skip
        token = added.stdout.split("API token: ")[1].split()[0]
        port = free_port()
        server = subprocess.Popen([*command, "serve", "--port", str(port), "--files",
                                   str(root / "files"), "--workers", str(args.workers)], env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)  # fmt: skip
        try:
            deadline = time.monotonic() + 120
            while True:
                try:
                    with socket.create_connection(("127.0.0.1", port), timeout=1):
                        break
                except OSError:
                    if server.poll() is not None or time.monotonic() > deadline:
                        print(
                            server.stderr.read().decode() if server.stderr else "", file=sys.stderr
                        )
                        return 2
                    time.sleep(0.2)
            content = roster.read_bytes()
            run_clients(port, token, roster.name, content, 1, 5)  # warm the connection paths
            figures = {
                "roster_rows": args.rows, "server_workers": args.workers, "cpus": os.cpu_count(),
                "single": run_clients(port, token, roster.name, content, 1, args.single),
                "concurrent": run_clients(port, token, roster.name, content, args.clients,
                                          args.concurrent),
            }  # fmt: skip
        finally:
            server.send_signal(signal.SIGINT)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
    for key in ("single", "concurrent"):
        run = figures[key]
        assert isinstance(run, dict)
        print(f"{run['clients']:>2} client(s), {run['requests']} requests: median "
              f"{run['median_ms']} ms, p95 {run['p95_ms']} ms, max {run['max_ms']} ms, "
              f"{run['rosters_per_minute']} rosters/min, {run['errors']} errors")  # fmt: skip
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n")
    failed = any(isinstance(r, dict) and r["errors"] for r in figures.values())
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
