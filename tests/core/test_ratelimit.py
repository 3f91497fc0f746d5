"""Rate limits count per visitor address (never stored in clear), and hold across app servers when Redis is set."""

import os
import socket
import subprocess
import sys
import uuid

import pytest
from django.test import RequestFactory

from hent.core.http import client_address
from tests.conftest import REPO


def request(remote, forwarded=None):
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    return RequestFactory().get("/", REMOTE_ADDR=remote, **extra)


def test_the_address_is_the_one_our_outermost_proxy_saw(settings):
    settings.HENT_TRUSTED_PROXIES = 0  # no proxy of ours: the header is the client's to write
    assert client_address(request("203.0.113.1", "192.0.2.1")) == "203.0.113.1"
    settings.HENT_TRUSTED_PROXIES = 1
    assert client_address(request("10.0.0.1", "192.0.2.1")) == "192.0.2.1"
    assert client_address(request("10.0.0.1", "6.6.6.6, 192.0.2.1")) == "192.0.2.1"  # a forged entry is ignored
    assert client_address(request("10.0.0.1")) == "10.0.0.1"  # reached the app directly
    settings.HENT_TRUSTED_PROXIES = 2  # e.g. a CDN then our load balancer
    assert client_address(request("10.0.0.1", "6.6.6.6, 192.0.2.1, 10.0.0.9")) == "192.0.2.1"
    assert client_address(request("10.0.0.1", "10.0.0.9")) == "10.0.0.1"  # fewer hops than proxies


def redis_running():
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
        return True
    except OSError:
        return False


COUNT_ONE = """
import django
django.setup()
from django.conf import settings
from django.test import RequestFactory
from hent.core import ratelimit
assert settings.CACHES["default"]["BACKEND"].endswith("RedisCache"), settings.CACHES
print(ratelimit.record("test", RequestFactory().get("/", REMOTE_ADDR="203.0.113.3")))
"""


@pytest.mark.skipif(not redis_running(), reason="no Redis on 127.0.0.1:6379 (make test starts one)")
def test_with_redis_two_app_servers_share_the_count():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "REDIS_URL": "redis://127.0.0.1:6379/0",
        "HENT_CHANNELS_PREFIX": f"test-{uuid.uuid4().hex}",  # this test's keys only
    }
    counts = [
        subprocess.run([sys.executable, "-c", COUNT_ONE], env=env, cwd=REPO, capture_output=True, text=True, check=True)
        for _ in range(2)
    ]
    assert [c.stdout.strip() for c in counts] == ["1", "2"]
