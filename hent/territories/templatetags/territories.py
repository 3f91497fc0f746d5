from django import template

from hent.territories import services

register = template.Library()


@register.simple_tag(takes_context=True)
def current_place(context):
    """{% current_place as place %}: the commune chosen during this visit, or None."""
    request = context.get("request")
    return services.current_place(request) if request is not None else None
