"""Who may see and do what. Every staff page and API of the project asks these helpers, not the models."""

from .models import STRUCTURE_ROLES, Role


def _profile(user):
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return None
    try:
        return user.staff_profile
    except Exception:  # RelatedObjectDoesNotExist
        return None


def role_of(user):
    """The user's role (a `Role` value), or None for the public and for accounts without a staff profile.
    A superuser with no profile counts as an administrator."""
    profile = _profile(user)
    if profile is not None:
        return profile.role
    if user is not None and getattr(user, "is_authenticated", False) and user.is_active and user.is_superuser:
        return Role.ADMIN.value
    return None


def structure_id_of(user):
    """The structure an adviser or manager belongs to (its id), else None."""
    profile = _profile(user)
    if profile is None or profile.role not in STRUCTURE_ROLES:
        return None
    return profile.structure_id


def structures_for(user, queryset):
    """Restrict `queryset` to what the user may see: all for editors and administrators, their own structure
    for advisers and managers, nothing otherwise.

    `queryset` is usually of `guidance.Structure`; a queryset of another model with a `structure` foreign key
    (conversations, requests…) is filtered on that key.
    """
    role = role_of(user)
    if role in (Role.EDITOR, Role.ADMIN):
        return queryset
    structure_id = structure_id_of(user)
    if role in STRUCTURE_ROLES and structure_id is not None:
        if queryset.model._meta.label == "guidance.Structure":
            return queryset.filter(pk=structure_id)
        return queryset.filter(structure_id=structure_id)
    return queryset.none()


def _pk(structure):
    return getattr(structure, "pk", structure)


def can_edit_structure(user, structure):
    """Editors and administrators edit any structure; a manager edits their own; advisers none."""
    role = role_of(user)
    if role in (Role.EDITOR, Role.ADMIN):
        return True
    if role == Role.MANAGER:
        structure_id = structure_id_of(user)
        return structure_id is not None and str(structure_id) == str(_pk(structure))
    return False


def is_adviser_of(user, structure_id):
    """True when the user answers for this structure: an adviser or manager attached to it."""
    own = structure_id_of(user)
    if own is None or structure_id is None:
        return False
    return str(own) == str(_pk(structure_id))


def is_admin(user):
    return role_of(user) == Role.ADMIN
