"""Requests to the legal-assistance API, as a front end sends them."""

import json

from django.urls import reverse

VALID = {
    "name": "Amina Uwase",
    "contact_method": "email",
    "contact": "amina@example.org",
    "media_outlet": "Radio Isango",
    "country": "Rwanda",
    "problem_type": "arrest_or_detention",
    "incident_date": "2026-11-02",
    "description": "Police took my recorder at the market in Rubavu and held me overnight.",
    "urgency": "immediate",
    "preferred_language": "en",
    "consent": True,
}
# Words of VALID that must never be readable in a dump of the database or the bucket.
SECRET_WORDS = ["Amina", "amina@example.org", "Radio Isango", "recorder", "Rubavu"]


def form_url(page, **params):
    url = reverse("wagtailapi:legal-aid:form", args=[page.pk])
    if params:
        url += "?" + "&".join(f"{key}={value}" for key, value in params.items())
    return url


def status_url():
    return reverse("wagtailapi:legal-aid:status")


def post_json(client, url, payload, **extra):
    body = payload if isinstance(payload, str | bytes) else json.dumps(payload)
    return client.post(url, body, content_type="application/json", **extra)


def submit(client, page, payload=None, **extra):
    return post_json(client, form_url(page), VALID if payload is None else payload, **extra)
