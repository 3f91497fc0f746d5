from django import template

register = template.Library()


@register.filter
def get_item(mapping, key):
    """{{ dict|get_item:key }}: a value of a dict by a variable key (None when absent)."""
    return mapping.get(key) if mapping else None
