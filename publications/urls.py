from django.urls import path

from publications import feeds

app_name = "feeds"

urlpatterns = [
    path("<str:language>/publications.rss", feeds.PublicationsFeed(), name="publications_rss"),
    path("<str:language>/publications.atom", feeds.PublicationsAtomFeed(), name="publications_atom"),
    path("<str:language>/news.rss", feeds.NewsFeed(), name="news_rss"),
    path("<str:language>/news.atom", feeds.NewsAtomFeed(), name="news_atom"),
    path("<str:language>/events.ics", feeds.events_calendar, name="events_ics"),
]
