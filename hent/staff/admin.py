from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from . import audit, services
from .models import AuditEntry, StaffProfile


@admin.register(StaffProfile)
class StaffProfileAdmin(admin.ModelAdmin):
    list_display = ("user", "role", "structure", "second_factor")
    list_filter = ("role",)
    search_fields = ("user__username", "structure__name")
    autocomplete_fields = ()
    raw_id_fields = ("user", "structure")
    readonly_fields = ("totp_confirmed_at", "created_at", "updated_at")
    actions = ["reset_second_factor"]

    @admin.display(boolean=True, description=_("second facteur activé"))
    def second_factor(self, obj):
        return obj.totp_enrolled

    @admin.action(description=_("Réinitialiser le second facteur (nouvelle activation à la prochaine connexion)"))
    def reset_second_factor(self, request, queryset):
        for profile in queryset:
            services.reset_second_factor(profile)
            audit.record(request, "second_factor_reset", obj=profile)
        messages.success(request, _("Second facteur réinitialisé pour %(n)d compte(s).") % {"n": queryset.count()})

    def has_module_permission(self, request):
        return request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_change_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_add_permission(self, request):
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """Read-only: nobody edits or deletes the journal from the admin."""

    list_display = ("created_at", "username", "action", "object_type", "object_id", "detail")
    list_filter = ("action", "created_at", "object_type")
    search_fields = ("username",)
    date_hierarchy = "created_at"

    def has_module_permission(self, request):
        return request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
