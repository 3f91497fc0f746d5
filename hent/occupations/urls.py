from django.urls import path, re_path

from hent.occupations import views

app_name = "occupations"

urlpatterns = [
    path("", views.index, name="index"),
    re_path(r"^(?P<code>[A-Za-z]\d{4})/$", views.detail, name="detail"),
    re_path(r"^grands-domaines/(?P<code>[A-Za-z])/$", views.grand_domaine, name="grand_domaine"),
    re_path(r"^domaines/(?P<code>[A-Za-z]\d\d)/$", views.domaine, name="domaine"),
    path("centres-interet/", views.interests, name="interests"),
    path("centres-interet/<int:code>/", views.interest, name="interest"),
    path("themes/", views.themes, name="themes"),
    re_path(r"^themes/(?P<code>\w{1,10})/$", views.theme, name="theme"),
    path("secteurs/", views.sectors, name="sectors"),
    path("secteurs/<int:code>/", views.sector, name="sector"),
]
