"""A real PostgreSQL server for the tests, started once per session from the installed binaries.

``pg_config --bindir`` (or ``/usr/lib/postgresql/*/bin``) provides ``initdb`` and ``pg_ctl``;
the cluster lives in a temporary directory, listens on 127.0.0.1 at a free port, and is stopped
and deleted at the end of the session. ``initdb`` refuses to run as root, so as root the cluster
belongs to the ``postgres`` user. Without the binaries the PostgreSQL tests are skipped, except
in CI (``CI=true``), where that is a failure: ``.ci/run`` installs them.
"""

from __future__ import annotations

import contextlib
import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest


def _bindir() -> Path | None:
    try:
        out = subprocess.run(
            ["pg_config", "--bindir"], capture_output=True, text=True, check=True
        ).stdout.strip()
        if (Path(out) / "initdb").exists():
            return Path(out)
    except (OSError, subprocess.CalledProcessError):
        pass
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class PostgresServer:
    def __init__(self, bindir: Path) -> None:
        self.bindir = bindir
        self.root = Path(tempfile.mkdtemp(prefix="explainbot-pg-"))
        self.port = _free_port()
        self._as: list[str] = []
        if os.geteuid() == 0:
            user = pwd.getpwnam("postgres")
            os.chown(self.root, user.pw_uid, user.pw_gid)
            self._as = ["runuser", "-u", "postgres", "--"]
        self._names = itertools.count(1)

    def _run(self, *args: str) -> None:
        subprocess.run([*self._as, *args], check=True, capture_output=True, timeout=120)

    def start(self) -> None:
        data = self.root / "data"
        self._run(
            str(self.bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "explainbot",
            "-E", "UTF8", "--no-sync", "--no-instructions",
        )  # fmt: skip
        options = (
            f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=100"
        )
        self._run(
            str(self.bindir / "pg_ctl"), "-D", str(data), "-o", options, "-l",
            str(self.root / "server.log"), "-w", "-t", "60", "start",
        )  # fmt: skip

    def stop(self) -> None:
        try:
            self._run(
                str(self.bindir / "pg_ctl"),
                "-D",
                str(self.root / "data"),
                "-m",
                "immediate",
                "stop",
            )
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    def url(self, dbname: str = "postgres") -> str:
        return f"postgresql://explainbot@127.0.0.1:{self.port}/{dbname}"

    def new_database(self) -> str:
        """A fresh, empty database; its URL."""
        import psycopg

        name = f"test_{os.getpid()}_{next(self._names)}"
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name} TEMPLATE template0")  # type: ignore[arg-type]
        return self.url(name)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    bindir = _bindir()
    if bindir is None:
        message = "PostgreSQL server binaries not installed (initdb/pg_ctl)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{message}; .ci/run installs them", pytrace=False)
        pytest.skip(message)
    server = PostgresServer(bindir)
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def postgres_url(postgres_server: PostgresServer) -> str:
    """The URL of a fresh database on the session's PostgreSQL server."""
    return postgres_server.new_database()


class Database:
    """One backend under test: SQLite in ``tmp_path``, or a fresh PostgreSQL database."""

    def __init__(self, kind: str, tmp_path: Path, url: str | None) -> None:
        self.kind = kind
        self.path = tmp_path / "data" / "explainbot.db"  # SQLite file; spool and salt beside it
        self.url = url

    def backend(self, **options: object) -> object:
        from bot.store import open_backend

        return open_backend(database_url=self.url, db_path=self.path, **options)  # type: ignore[arg-type]

    def store(self, **options: object) -> object:
        from bot.store import QuestionStore

        if self.url is not None:
            options.setdefault("salt", "test-salt")
            options.setdefault("backend", self.backend(timeout=options.pop("busy_timeout", 1.0)))
        return QuestionStore(self.path, **options)  # type: ignore[arg-type]

    def rows(self, sql: str, params: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
        backend = self.backend()
        try:
            return backend.query(sql, params)  # type: ignore[attr-defined,no-any-return]
        finally:
            backend.close()  # type: ignore[attr-defined]

    def hold_write_lock(self) -> WriteLock:
        """Another connection holding the write lock until ``.release()``."""
        return WriteLock(self)

    def env(self) -> dict[str, str]:
        """The environment a serving process needs for this database."""
        env = {"EXPLAINBOT_DB": str(self.path)}
        if self.url is not None:
            env |= {"EXPLAINBOT_DATABASE_URL": self.url, "EXPLAINBOT_USER_SALT": "test-salt"}
        return env


@pytest.fixture(params=["sqlite", "postgres"])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Database:
    """Each test using it runs against SQLite and against PostgreSQL."""
    url = request.getfixturevalue("postgres_url") if request.param == "postgres" else None
    return Database(request.param, tmp_path, url)


class WriteLock:
    """Another connection holding the question log's write lock (as a long report, a backup
    or a second writer would); ``release()`` ends it."""

    def __init__(self, db: Database) -> None:
        if db.url is None:
            import sqlite3

            self._conn: object = sqlite3.connect(db.path, isolation_level=None)
            self._conn.execute("BEGIN IMMEDIATE")  # type: ignore[attr-defined]
        else:
            import psycopg

            conn = psycopg.connect(db.url)
            conn.execute("LOCK TABLE questions, votes IN ACCESS EXCLUSIVE MODE")
            self._conn = conn

    def release(self) -> None:
        self._conn.rollback()  # type: ignore[attr-defined]
        self._conn.close()  # type: ignore[attr-defined]


class TcpOutage:
    """A loopback TCP forwarder in front of a server, to cut it off and bring it back: ``down()``
    drops every connection and refuses new ones (as a restarting or unreachable database does),
    ``up()`` forwards again on the same port."""

    def __init__(self, target_port: int) -> None:
        import threading

        self.target = ("127.0.0.1", target_port)
        self.port = _free_port()
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []
        self._listener: socket.socket | None = None
        self.up()

    def up(self) -> None:
        import threading

        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen()
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def down(self) -> None:
        with self._lock:
            sockets, self._sockets = self._sockets, []
            listener, self._listener = self._listener, None
        for sock in [*sockets, *([listener] if listener else [])]:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()

    def _accept(self, listener: socket.socket) -> None:
        import threading

        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return  # closed by down()
            upstream = socket.create_connection(self.target)
            with self._lock:
                self._sockets += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(a, b), daemon=True).start()

    @staticmethod
    def _pump(src: socket.socket, dst: socket.socket) -> None:
        with contextlib.suppress(OSError):
            while data := src.recv(65536):
                dst.sendall(data)
        with contextlib.suppress(OSError):
            dst.shutdown(socket.SHUT_WR)


@pytest.fixture
def tcp_outage(postgres_server: PostgresServer) -> Iterator[TcpOutage]:
    """A forwarder in front of the session's PostgreSQL server, to cut it off at will."""
    outage = TcpOutage(postgres_server.port)
    yield outage
    outage.down()


def pytest_configure(config: pytest.Config) -> None:
    """Index caches go to a temporary folder, never the user's ~/.cache (subprocesses too)."""
    del config
    if "EXPLAINBOT_INDEX_CACHE" not in os.environ:
        os.environ["EXPLAINBOT_INDEX_CACHE"] = tempfile.mkdtemp(prefix="explainbot-index-cache-")
