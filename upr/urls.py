from django.urls import path

from upr import feeds

app_name = "upr_feeds"

urlpatterns = [
    path("<str:language>/upr-sessions.ics", feeds.sessions_calendar, name="sessions_ics"),
]
