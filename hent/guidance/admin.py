"""Back office (/gestion/) of the directory: Region editors and administrators edit every structure and add new
ones; a structure's manager edits their own; advisers do not edit the directory.

Every field staff change is remembered (``Structure.edited_fields``) so that a re-import of the open data leaves
it as staff set it; saving stamps ``updated_at``, the date shown publicly.
"""

from django import forms
from django.contrib import admin, messages
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hent.guidance.models import OpeningHours, OutreachSession, Public, Structure
from hent.staff import roles


class ScopedInline:
    """Hours and outreach sessions are part of the structure: whoever may edit it edits them."""

    def _may_edit(self, request, obj):
        if obj is None:
            return _is_editor(request.user)
        return roles.can_edit_structure(request.user, obj)

    def has_view_permission(self, request, obj=None):
        return roles.role_of(request.user) in BACK_OFFICE_ROLES

    def has_add_permission(self, request, obj=None):
        return self._may_edit(request, obj)

    def has_change_permission(self, request, obj=None):
        return self._may_edit(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._may_edit(request, obj)


class OpeningHoursInline(ScopedInline, admin.TabularInline):
    model = OpeningHours
    extra = 0
    fields = ("weekday", "opens", "closes")


class OutreachSessionInline(ScopedInline, admin.StackedInline):
    model = OutreachSession
    extra = 0
    fields = ("place_name", "address", "commune", "commune_code", "starts_at", "ends_at", "description")


class StructureForm(forms.ModelForm):
    website = forms.URLField(label=_("site web"), max_length=300, required=False, assume_scheme="https")
    publics = forms.MultipleChoiceField(
        label=_("publics accueillis"), choices=Public.choices, required=False, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = Structure
        fields = [
            "name", "slug", "kind", "is_active", "address", "address_extra", "postcode", "commune", "commune_code",
            "department", "latitude", "longitude", "phone", "email", "website", "publics", "services", "access_note",
        ]  # fmt: skip

    def clean_publics(self):
        chosen = self.cleaned_data["publics"]
        return [code for code in Public.values if code in chosen]  # a stable order: no change, no "edit"


BACK_OFFICE_ROLES = ("manager", "editor", "admin")


def _is_editor(user):
    return roles.role_of(user) in ("editor", "admin")


@admin.register(Structure)
class StructureAdmin(admin.ModelAdmin):
    form = StructureForm
    list_display = ("name", "kind", "commune", "department", "updated_at", "is_active", "from_source")
    list_filter = ("kind", "department", "is_active", "in_source")
    search_fields = ("name", "commune", "postcode")
    ordering = ("name",)
    inlines = [OpeningHoursInline, OutreachSessionInline]
    readonly_fields = ("updated_at", "source", "data_date", "dataset", "source_key", "edited_list", "in_source")
    prepopulated_fields = {"slug": ("name",)}
    actions = ["follow_source_again"]
    fieldsets = (
        (None, {"fields": ("name", "slug", "kind", "is_active")}),
        (
            _("Adresse"),
            {
                "fields": (
                    "address",
                    "address_extra",
                    "postcode",
                    "commune",
                    "commune_code",
                    "department",
                    "latitude",
                    "longitude",
                )
            },
        ),
        (_("Contact"), {"fields": ("phone", "email", "website")}),
        (_("Accueil"), {"fields": ("publics", "services", "access_note")}),
        (
            _("Origine des données"),
            {"fields": ("updated_at", "source", "data_date", "dataset", "source_key", "in_source", "edited_list")},
        ),
    )

    @admin.display(boolean=True, description=_("issue de l'open data"))
    def from_source(self, obj):
        return bool(obj.source_key)

    @admin.display(description=_("champs modifiés par l'équipe (gardés à chaque import)"))
    def edited_list(self, obj):
        labels = {f.name: f.verbose_name for f in Structure._meta.fields}
        return ", ".join(str(labels.get(name, name)) for name in obj.edited_fields) or "—"

    # -- who may do what (hent.staff.roles) ---------------------------------------------------------------

    def get_queryset(self, request):
        return roles.structures_for(request.user, super().get_queryset(request))

    def has_module_permission(self, request):
        return roles.role_of(request.user) in BACK_OFFICE_ROLES

    def has_view_permission(self, request, obj=None):
        if not self.has_module_permission(request):
            return False
        return obj is None or roles.structures_for(request.user, Structure.objects.filter(pk=obj.pk)).exists()

    def has_change_permission(self, request, obj=None):
        if not self.has_module_permission(request):
            return False
        return obj is None or roles.can_edit_structure(request.user, obj)

    def has_add_permission(self, request):
        return _is_editor(request.user)

    def has_delete_permission(self, request, obj=None):
        return _is_editor(request.user)

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not _is_editor(request.user):
            fields += ["kind", "slug", "is_active"]  # a manager edits the content, not what the structure is
        return fields

    def get_prepopulated_fields(self, request, obj=None):
        return {} if obj is not None or not _is_editor(request.user) else self.prepopulated_fields

    # -- saving ---------------------------------------------------------------------------------------------

    def save_model(self, request, obj, form, change):
        if change and obj.source_key:
            edited = set(obj.edited_fields) | (set(form.changed_data) & set(Structure.IMPORTED_FIELDS))
            obj.edited_fields = sorted(edited)
        obj.updated_at = timezone.now()
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if any(f.has_changed() for f in formsets):
            Structure.objects.filter(pk=form.instance.pk).update(updated_at=timezone.now())

    @admin.action(description=_("Reprendre les données de la source au prochain import"))
    def follow_source_again(self, request, queryset):
        count = 0
        for structure in queryset:
            if roles.can_edit_structure(request.user, structure) and structure.edited_fields:
                structure.edited_fields = []
                structure.save(update_fields=["edited_fields"])
                count += 1
        messages.success(
            request, _("%(n)d structure(s) suivront de nouveau la source au prochain import.") % {"n": count}
        )
