"""Template helpers other pages use to offer "Ajouter à mon projet" (see projects/_save_button.html)."""

from django import template

from hent.projects import references, services

register = template.Library()

_CACHE_ATTRIBUTE = "_hent_project_saved"


@register.simple_tag(takes_context=True)
def has_project(context):
    """{% has_project as mine %}: whether this browser holds a project for the visit (no database query)."""
    request = context.get("request")
    return request is not None and services.session_project_id(request) is not None


@register.simple_tag(takes_context=True)
def in_project(context, kind, ref):
    """{% in_project "occupation" occupation.code as saved %}: whether the visit's project holds this item.

    One query per request, however many buttons the page shows."""
    request = context.get("request")
    if request is None:
        return False
    saved = getattr(request, _CACHE_ATTRIBUTE, None)
    if saved is None:
        saved = services.saved_keys(services.session_project_id(request))
        setattr(request, _CACHE_ATTRIBUTE, saved)
    return references.normalise(kind, ref) in saved
