from django.urls import path

from hent.guidance import views

app_name = "guidance"

urlpatterns = [
    path("", views.index, name="index"),
    path("guide/", views.guide, name="guide"),
    path("<slug:slug>/", views.detail, name="detail"),
]
