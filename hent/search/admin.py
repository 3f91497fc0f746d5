from django.contrib import admin

from hent.search.models import SearchMiss


@admin.register(SearchMiss)
class SearchMissAdmin(admin.ModelAdmin):
    """For editors: the most frequent searches that found nothing, to improve the vocabulary."""

    list_display = ["query", "count", "first_seen", "last_seen"]
    search_fields = ["query"]
    ordering = ["-count", "query"]
    readonly_fields = ["query", "count", "first_seen", "last_seen"]

    def has_add_permission(self, request):
        return False
