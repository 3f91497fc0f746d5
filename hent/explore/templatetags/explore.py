from django import template

from hent.explore.services import join_words

register = template.Library()


@register.filter(name="join_words")
def join_words_filter(words):
    """{{ letters|join_words }}: "S", "S et C", "S, C et E"."""
    return join_words(words)
