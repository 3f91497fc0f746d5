"""The audit log of staff access to personal data, and of staff logins.

`record(request, action, obj=None, detail="")` stores who, when, what, and the object's type and id. Callers
must never put personal data in `detail` (no names, messages, phone numbers, e-mail addresses): it is a short
technical note such as "transcript" or "status=done".
"""

import logging

from .models import AuditEntry

logger = logging.getLogger("hent.staff.audit")

DETAIL_MAX = AuditEntry._meta.get_field("detail").max_length
ACTION_MAX = AuditEntry._meta.get_field("action").max_length


def record(request, action, obj=None, detail="", user=None):
    """Write one audit entry. `user` overrides the request's user (used when none is logged in yet)."""
    if user is None and request is not None:
        candidate = getattr(request, "user", None)
        if candidate is not None and candidate.is_authenticated:
            user = candidate
    object_type = object_id = ""
    if obj is not None:
        object_type = obj._meta.label_lower
        object_id = str(obj.pk)[:64]
    entry = AuditEntry.objects.create(
        user=user,
        username=user.get_username() if user is not None else "",
        action=str(action)[:ACTION_MAX],
        object_type=object_type,
        object_id=object_id,
        detail=str(detail)[:DETAIL_MAX],
    )
    logger.info("audit %s %s %s:%s", entry.pk, entry.action, object_type or "-", object_id or "-")
    return entry
