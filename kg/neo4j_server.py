"""Build, start, stop and inspect the project's own Neo4j Community server.

The server is ``tools/neo4j-server``: Neo4j 5.26 LTS jars from Maven Central behind a small launcher
(``kg.tools.Neo4jServer``, see ``docs/decisions/20261127-neo4j-packaging.md``). Everything it writes lives under
``<data_dir>/neo4j/``: the store (``data/``), its logs (``logs/debug.log`` …), our ``logs/server.log`` (the JVM's
stdout/stderr) and ``server.pid`` (JSON: pid, uri, version).

These are plain functions with explicit arguments; ``kg.cli.neo4j_cmd`` maps settings onto them.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from kg.errors import StoreUnavailable

PROJECT_ROOT = Path(__file__).resolve().parent.parent
MAIN_CLASS = "kg.tools.Neo4jServer"
READY_MARK = "NEO4J_READY "
HOST = "127.0.0.1"

# Neo4j's own server script passes these; without them Netty and the page cache fall back to slower paths or warn.
_JVM_FLAGS = (
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+DisableExplicitGC",
    "-XX:+ExitOnOutOfMemoryError",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Dlog4j2.disable.jmx=true",
    "-Dfile.encoding=UTF-8",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED",
)

# With quick_jit, the client-compiler (C1) only, no C2: for a server started for a test run or a demo on a small
# machine, where the C2 compiler threads compete with the work for the cores and its code arrives late. Measured
# 2026-11-27 on the shared 2-core machine, 10k synthetic items into a freshly started server (server CPU seconds, as
# `bench_store_write.py` sees it): default tiered 31-32 s, C1 only 15-21 s; wall 58 s vs 26-34 s. Warm (the same 10k
# again on the same JVM) C2 code is faster: 10-12 s vs 12-15 s, so it is off by default (KG_NEO4J_QUICK_JIT).
_QUICK_JIT_FLAGS = ("-XX:TieredStopAtLevel=1",)

# Bolt magic, then four version proposals as [reserved, range, minor, major]: 5.8 down to 5.0, 4.4, 4.3, 3.0.
_BOLT_HANDSHAKE = bytes.fromhex("6060B017" + "00080805" + "00000404" + "00000304" + "00000003")

# Popen handles of servers this process started: kept so they are reaped on stop (no zombie that still "exists")
# and never garbage-collected while running (which would warn "subprocess is still running").
_CHILDREN: dict[int, subprocess.Popen[bytes]] = {}


@dataclass(frozen=True)
class ServerInfo:
    """A running server: where Bolt answers, its process, its Neo4j version and the log to read when in doubt."""

    uri: str
    pid: int
    version: str
    log_path: Path


def _home(data_dir: Path) -> Path:
    return Path(data_dir).resolve() / "neo4j"


def _pid_file(data_dir: Path) -> Path:
    return _home(data_dir) / "server.pid"


def _log_path(data_dir: Path) -> Path:
    return _home(data_dir) / "logs" / "server.log"


def _tool_dir(project_root: Path) -> Path:
    return Path(project_root) / "tools" / "neo4j-server"


def build(project_root: Path) -> Path:
    """Build the launcher with Maven unless it is up to date; return the launcher jar (its deps are in ``lib/``).

    Offline first (``-o``): after one build every jar is in Maven's local cache, so rebuilds need no network and fail
    fast instead of hanging where there is none; only a cold cache goes online.
    """
    tool = _tool_dir(project_root)
    target = tool / "target"
    jar, stamp = target / "neo4j-server.jar", target / ".kg-build-stamp"
    # mvn leaves an unchanged jar's mtime alone, so freshness is judged against our own stamp.
    sources = [tool / "pom.xml", *(tool / "src").rglob("*.java")]
    if jar.is_file() and stamp.is_file() and any((target / "lib").glob("neo4j-5*.jar")):
        built = stamp.stat().st_mtime
        if all(src.stat().st_mtime <= built for src in sources):
            return jar
    base = ["mvn", "-q", "-B", "package", "-DskipTests"]
    result: subprocess.CompletedProcess[str] | None = None
    for cmd in (base + ["-o"], base):
        try:
            result = subprocess.run(cmd, cwd=tool, capture_output=True, text=True, timeout=1800)
        except FileNotFoundError as exc:
            raise StoreUnavailable("cannot build the Neo4j launcher: `mvn` is not on PATH") from exc
        if result.returncode == 0:
            stamp.touch()
            return jar
    assert result is not None
    tail = "\n".join((result.stdout + result.stderr).splitlines()[-30:])
    raise StoreUnavailable(f"building the Neo4j launcher failed ({' '.join(base)} in {tool}):\n{tail}")


def _alive(pid: int) -> bool:
    """True if the pid is a live launcher JVM (not a zombie, not a recycled pid of something else)."""
    child = _CHILDREN.get(pid)
    if child is not None and child.poll() is not None:
        return False
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False
    return stat.rsplit(")", 1)[-1].split()[0] != "Z" and MAIN_CLASS.encode() in cmdline


def free_port() -> int:
    """A TCP port nothing listens on now on 127.0.0.1 (for a server started by a benchmark or a test)."""
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def _bolt_answers(port: int, timeout: float = 2.0) -> bool:
    """Speak the Bolt handshake: needs no credentials, and a plain TCP accept would not prove it is Neo4j."""
    try:
        with socket.create_connection((HOST, port), timeout=timeout) as sock:
            sock.sendall(_BOLT_HANDSHAKE)
            reply = sock.recv(4)
            return len(reply) == 4 and reply != b"\x00\x00\x00\x00"
    except OSError:
        return False


def _read_pid_file(data_dir: Path) -> dict[str, object] | None:
    try:
        data = json.loads(_pid_file(data_dir).read_text())
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _write_pid_file(data_dir: Path, pid: int, uri: str, version: str) -> None:
    path = _pid_file(data_dir)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps({"pid": pid, "uri": uri, "version": version}) + "\n")
    tmp.replace(path)  # readers never see a half-written file


def _log_tail(log: Path, lines: int = 20) -> str:
    try:
        return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log written)"


def status(data_dir: Path) -> ServerInfo | None:
    """The server running for this data dir, or None if its process is gone or Bolt does not answer."""
    data = _read_pid_file(data_dir)
    if data is None:
        return None
    pid, uri = int(str(data.get("pid", 0))), str(data.get("uri", ""))
    port = int(uri.rsplit(":", 1)[-1]) if ":" in uri else 0
    if not (_alive(pid) and _bolt_answers(port)):
        return None
    return ServerInfo(uri=uri, pid=pid, version=str(data.get("version", "")), log_path=_log_path(data_dir))


def start(
    data_dir: Path,
    port: int,
    password: str | None,
    java_home: str | None = None,
    heap: str = "1g",
    timeout: float = 120,
    *,
    pagecache: str = "512m",
    project_root: Path = PROJECT_ROOT,
    quick_jit: bool = False,
) -> ServerInfo:
    """Start Neo4j in the background for ``data_dir`` and wait until Bolt answers (building the launcher if needed).

    ``password`` None disables auth; otherwise it becomes the ``neo4j`` user's password (Neo4j wants >= 8 chars).
    A server already running for this data dir is returned as it is (its ``uri`` says its port). Raises
    StoreUnavailable, naming the log and quoting its end, if the JVM exits or Bolt is not up within ``timeout``.
    """
    if password is not None and len(password) < 8:
        raise StoreUnavailable("Neo4j refuses passwords shorter than 8 characters")
    home = _home(data_dir)
    log = _log_path(data_dir)
    log.parent.mkdir(parents=True, exist_ok=True)
    # Two concurrent starts for one data dir would race on the pid file and Neo4j's store lock.
    with open(home / "start.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        running = _read_pid_file(data_dir)
        if running is not None and _alive(int(str(running.get("pid", 0)))):
            deadline = time.monotonic() + timeout
            while time.monotonic() < deadline:
                info = status(data_dir)
                if info is not None:
                    return info
                time.sleep(0.5)
            raise StoreUnavailable(
                f"Neo4j (pid {running.get('pid')}) is running but Bolt does not answer; see {log}:\n{_log_tail(log)}"
            )
        if _bolt_answers(port, timeout=0.5):
            raise StoreUnavailable(f"port {port} is already in use by another Neo4j/Bolt server")

        jar = build(project_root)
        java = str(Path(java_home) / "bin" / "java") if java_home else "java"
        classpath = f"{jar}{os.pathsep}{jar.parent / 'lib' / '*'}"
        jit = _QUICK_JIT_FLAGS if quick_jit else ()
        cmd = [java, f"-Xms{heap}", f"-Xmx{heap}", *_JVM_FLAGS, *jit, "-cp", classpath]
        cmd += [MAIN_CLASS, "--home", str(home), "--port", str(port), "--host", HOST, "--pagecache", pagecache]
        env = dict(os.environ)
        if password is None:
            cmd.append("--no-auth")
        else:
            env["NEO4J_PASSWORD"] = password  # not argv: that is readable by every user via ps
        if log.exists():
            log.replace(log.with_suffix(".log.1"))  # one start per file keeps READY detection unambiguous
        with open(log, "wb") as out:
            try:
                proc = subprocess.Popen(
                    cmd,
                    stdin=subprocess.DEVNULL,
                    stdout=out,
                    stderr=subprocess.STDOUT,
                    env=env,
                    cwd=home,
                    start_new_session=True,  # survives the caller's exit and its terminal's Ctrl-C
                )
            except OSError as exc:
                raise StoreUnavailable(f"cannot run {java}: {exc}") from exc
        _CHILDREN[proc.pid] = proc
        uri = f"bolt://{HOST}:{port}"
        # Written before the wait so that `stop` still finds the JVM if this process is killed meanwhile.
        _write_pid_file(data_dir, proc.pid, uri, "")
        try:
            version = _wait_ready(proc, log, port, password, timeout)
        except BaseException:
            _terminate(proc.pid, grace=30)
            _pid_file(data_dir).unlink(missing_ok=True)
            raise
        _write_pid_file(data_dir, proc.pid, uri, version)
        return ServerInfo(uri=uri, pid=proc.pid, version=version, log_path=log)


def _wait_ready(proc: subprocess.Popen[bytes], log: Path, port: int, password: str | None, timeout: float) -> str:
    """Wait for the launcher's READY line and a working login; return the version."""
    deadline = time.monotonic() + timeout
    version = ""
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            _CHILDREN.pop(proc.pid, None)
            raise StoreUnavailable(
                f"Neo4j exited with code {proc.returncode} while starting; see {log}:\n{_log_tail(log)}"
            )
        if not version:
            for line in log.read_text(errors="replace").splitlines():
                if line.startswith(READY_MARK):
                    version = line.split("version=", 1)[-1].split()[0]
        if version and _bolt_answers(port) and _login_works(port, password):
            return version
        time.sleep(0.25)
    raise StoreUnavailable(f"Neo4j did not answer on port {port} within {timeout:.0f} s; see {log}:\n{_log_tail(log)}")


def _login_works(port: int, password: str | None) -> bool:
    from neo4j import GraphDatabase
    from neo4j.exceptions import DriverError, Neo4jError

    auth = ("neo4j", password) if password is not None else None
    try:
        with GraphDatabase.driver(f"bolt://{HOST}:{port}", auth=auth, connection_timeout=5) as driver:
            driver.execute_query("RETURN 1")
        return True
    except (DriverError, Neo4jError, OSError):
        return False


def _terminate(pid: int, grace: float) -> None:
    """SIGTERM (the launcher's shutdown hook checkpoints and closes the store), SIGKILL after ``grace`` seconds."""
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + grace
    while _alive(pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    if _alive(pid):
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    child = _CHILDREN.pop(pid, None)
    if child is not None:
        child.wait()


def stop(data_dir: Path) -> bool:
    """Stop the server of this data dir (SIGTERM, SIGKILL after 60 s); False if none was running."""
    data = _read_pid_file(data_dir)
    if data is None:
        return False
    pid = int(str(data.get("pid", 0)))
    was_running = _alive(pid)
    if was_running:
        _terminate(pid, grace=60)
    _pid_file(data_dir).unlink(missing_ok=True)
    return was_running
