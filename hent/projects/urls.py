from django.urls import path

from hent.projects import views

app_name = "projects"

urlpatterns = [
    path("", views.mine, name="mine"),
    path("commencer/", views.create, name="create"),
    path("ajouter/", views.add, name="add"),
    path("elements/<int:pk>/retirer/", views.remove, name="remove"),
    path("notes/", views.note_add, name="note_add"),
    path("notes/<int:pk>/", views.note_edit, name="note_edit"),
    path("plan/", views.plan, name="plan"),
    path("plan/ajouter/", views.step_add, name="step_add"),
    path("plan/<int:pk>/supprimer/", views.step_delete, name="step_delete"),
    path("nouveau-lien/", views.renew, name="renew"),
    path("fermer/", views.close, name="close"),
    path("supprimer/", views.delete, name="delete"),
    path("ouvrir/", views.open_link, name="open"),
    path("consulter/", views.consult, name="consult"),
    path("consulter/pdf/", views.consult_pdf, name="consult_pdf"),
    path("imprimer/", views.print_view, name="print"),
    path("pdf/", views.pdf, name="pdf"),
]
