"""A project's private link cannot be guessed, and a copy of the database does not open it."""

import hashlib
import math
from collections import Counter

import pytest

from hent.core import tokens as private_links
from hent.projects import keys, services
from hent.projects.models import Project

pytestmark = pytest.mark.django_db


def test_tokens_carry_256_random_bits_in_url_safe_characters():
    tokens = [private_links.new_token() for _ in range(2000)]
    assert len(set(tokens)) == len(tokens)
    assert {len(t) for t in tokens} == {private_links.TOKEN_LENGTH}
    assert all(private_links.token_shape_ok(t) for t in tokens)
    # 43 base64url characters: 6 bits each (258 bits, 256 of them random). Every symbol shows up, evenly.
    counts = Counter("".join(t[:-1] for t in tokens))  # the last character carries only 4 random bits
    assert len(counts) == 64
    expected = sum(counts.values()) / 64
    assert max(abs(c - expected) / expected for c in counts.values()) < 0.15
    assert private_links.TOKEN_BYTES * 8 >= 256


def test_codes_are_8_unambiguous_characters_with_about_40_bits():
    codes = [keys.new_code() for _ in range(2000)]
    assert all(len(c) == 8 and set(c) <= set(keys.CODE_ALPHABET) for c in codes)
    assert not set("01ILO") & set(keys.CODE_ALPHABET)
    assert len(set(codes)) > 1990
    assert 8 * math.log2(len(keys.CODE_ALPHABET)) > 39


@pytest.mark.parametrize(
    "typed, code",
    [("abcd-efgh", "ABCDEFGH"), (" ABCD EFGH ", "ABCDEFGH"), ("ab.cd–ef/gh", "ABCDEFGH"), ("ABCD-EFG", None),
     ("ABCD-EFGI", None), ("ABCD-EFG0", None), ("", None), (None, None), ("ABCDEFGHJ", None)],
)  # fmt: skip
def test_typed_codes_are_normalised_or_refused(typed, code):
    assert keys.normalise_code(typed) == code


def test_only_the_hash_of_the_token_is_stored(db):
    project = services.create_project()
    token = services.reveal_key(project)
    stored = Project.objects.get(pk=project.pk)
    assert stored.token_hash == hashlib.sha256(token.encode()).hexdigest()
    # The token appears in no column of the project.
    row = Project.objects.filter(pk=project.pk).values().get()
    assert not any(token in str(value) for value in row.values())


def test_the_link_is_shown_once_and_a_new_one_kills_the_old_one(db):
    project = services.create_project()
    first = services.reveal_key(project)
    assert first and services.reveal_key(Project.objects.get(pk=project.pk)) is None
    assert services.open_by_token(first) == project
    services.renew_key(project)
    assert services.open_by_token(first) is None
    second = services.reveal_key(Project.objects.get(pk=project.pk))
    assert second and second != first and services.open_by_token(second) == project


def test_token_comparison_is_constant_time(db, monkeypatch):
    project = services.create_project()
    token = services.reveal_key(project)
    calls = []
    real = private_links.hmac.compare_digest
    monkeypatch.setattr(private_links.hmac, "compare_digest", lambda a, b: calls.append((a, b)) or real(a, b))
    assert services.open_by_token(token) == project
    assert calls == [(private_links.hash_token(token), project.token_hash)]
    assert private_links.token_matches(token, project.token_hash)
    assert not private_links.token_matches(token[:-1] + ("A" if token[-1] != "A" else "B"), project.token_hash)


@pytest.mark.parametrize("token", ["", "x", "a" * 42, "a" * 44, "é" * 43, "a/" * 21 + "a", None, 12])
def test_malformed_tokens_open_nothing(db, token):
    services.create_project()
    assert services.open_by_token(token) is None


def test_a_project_never_opens_with_another_projects_token_or_code(db):
    a, b = services.create_project(), services.create_project()
    token_a, token_b = services.reveal_key(a), services.reveal_key(b)
    assert a.code != b.code and token_a != token_b
    assert services.open_by_token(token_a) == a and services.open_by_token(token_b) == b
    assert services.find_by_code(a.display_code) == a and services.find_by_code(b.code.lower()) == b
    # The token is not the code and the code is not the token.
    assert services.open_by_token(a.code) is None and services.find_by_code(token_a) is None
