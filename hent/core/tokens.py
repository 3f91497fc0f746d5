"""Private links (a project, a conversation, a call-back request): a token nobody can guess, of which only
the hash is stored.

The token is 32 random bytes from the operating system (256 bits), URL-safe base64. Only its SHA-256 hash
is stored, so a copy of the database opens nothing; the database looks the hash up and the final comparison
is in constant time.
"""

import hashlib
import hmac
import re
import secrets

TOKEN_BYTES = 32
TOKEN_LENGTH = 43  # len(secrets.token_urlsafe(32))
_TOKEN_SHAPE = re.compile(rf"[A-Za-z0-9_-]{{{TOKEN_LENGTH}}}")


def new_token():
    return secrets.token_urlsafe(TOKEN_BYTES)


def hash_token(token):
    return hashlib.sha256(token.encode("ascii")).hexdigest()


def token_shape_ok(token):
    return isinstance(token, str) and _TOKEN_SHAPE.fullmatch(token) is not None


def token_matches(token, stored_hash):
    """Whether the token is the one whose hash is stored, compared in constant time."""
    if not token_shape_ok(token) or not stored_hash:
        return False
    return hmac.compare_digest(hash_token(token), stored_hash)


def find_by_token(queryset, token):
    """The row of ``queryset`` (with a ``token_hash`` field) this token opens, or None."""
    if not token_shape_ok(token):
        return None
    found = queryset.filter(token_hash=hash_token(token)).first()
    return found if found is not None and token_matches(token, found.token_hash) else None
