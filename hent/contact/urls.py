from django.urls import path

from hent.contact import views

app_name = "contact"

urlpatterns = [
    path("", views.index, name="index"),
    path("c/", views.conversation, name="conversation"),
    path("c/envoyer/", views.send, name="send"),
    path("c/terminer/", views.close, name="close"),
    path("c/transcription/", views.transcript, name="transcript"),
    path("c/supprimer/", views.delete, name="delete"),
    path("rappel/", views.callback, name="callback"),
    path("rappel/suivi/", views.callback_status, name="callback_status"),
    path("rappel/supprimer/", views.callback_delete, name="callback_delete"),
    path("equipe/", views.queue, name="queue"),
    path("equipe/c/<int:pk>/", views.staff_conversation, name="staff_conversation"),
    path("equipe/c/<int:pk>/repondre/", views.staff_reply, name="staff_reply"),
    path("equipe/c/<int:pk>/prendre/", views.staff_take, name="staff_take"),
    path("equipe/c/<int:pk>/terminer/", views.staff_close, name="staff_close"),
    path("equipe/c/<int:pk>/orienter/", views.staff_refer, name="staff_refer"),
    path("equipe/rappels/<int:pk>/", views.staff_callback, name="staff_callback"),
    path("equipe/activite/", views.activity, name="activity"),
]
