"""A real server for the tests that need one: uvicorn on its own database, started (and killed) like in
production, so that a restart loses whatever was only in memory."""

import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parents[2]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run_manage(env, *args):
    """manage.py `args` in a process of its own, with `env`: the finished process, whatever its exit status."""
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=REPO, env=env, capture_output=True, text=True, check=False
    )


def manage(env, *args):
    result = run_manage(env, *args)
    if result.returncode != 0:
        raise RuntimeError(f"manage.py {args[0]} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


class Database:
    """A fresh database for a server: a SQLite file, or a PostgreSQL database when DATABASE_URL says so."""

    def __init__(self, directory):
        self.admin_url = None
        test_url = os.environ.get("DATABASE_URL", "")
        if test_url.startswith("postgres"):
            import psycopg

            self.name = f"hent_contact_{secrets.token_hex(6)}"
            self.admin_url = urlsplit(test_url)._replace(path="/postgres").geturl()
            with psycopg.connect(self.admin_url, autocommit=True) as conn:
                conn.execute(f'CREATE DATABASE "{self.name}"')
            self.url = urlsplit(test_url)._replace(path=f"/{self.name}").geturl()
        else:
            self.url = f"sqlite:///{Path(directory) / 'hent.sqlite3'}"

    def drop(self):
        if self.admin_url:
            import psycopg

            with psycopg.connect(self.admin_url, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


def server_env(var_dir, database_url, **extra):
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="config.settings",
        HENT_SECURE="0",
        HENT_DEBUG="0",
        HENT_VAR_DIR=str(var_dir),
        HENT_ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=database_url,
        **extra,
    )
    env.pop("REDIS_URL", None)  # the in-memory layer: a restart loses everything not in the database
    return env


class Server:
    def __init__(self, env, port, log_path):
        self.env, self.port, self.log_path = env, port, Path(log_path)
        self.process = None

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout=30):
        uvicorn = Path(sys.executable).with_name("uvicorn")
        with self.log_path.open("a") as log:
            self.process = subprocess.Popen(
                [
                    uvicorn,
                    "config.asgi:application",
                    "--host",
                    "127.0.0.1",
                    "--port",
                    str(self.port),
                    "--no-access-log",
                ],
                cwd=REPO,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the server died on start:\n{self.log_path.read_text()}")
            try:
                with urllib.request.urlopen(self.url + "/robots.txt", timeout=2):
                    return self
            except urllib.error.HTTPError:  # any answer will do: static files are not collected here
                return self
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"the server did not answer:\n{self.log_path.read_text()}")

    def kill(self):
        """As a crash would: no clean shutdown."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=10)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
