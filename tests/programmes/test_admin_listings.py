"""Editors find programmes by kind, state and theme, and videos by language, in the admin."""

import pytest

from django.urls import reverse

from programmes.factories import ProgrammePageFactory, TrainingVideoPageFactory

from .support import country

pytestmark = pytest.mark.django_db


def test_programmes_filter_by_kind_and_state(admin_client, programme_index, programme_kinds):
    advocacy = ProgrammePageFactory(
        parent=programme_index, title="Advocacy in Geneva", kind=programme_kinds["policy-and-advocacy"]
    )
    advocacy.save_revision().publish()
    local = ProgrammePageFactory(
        parent=programme_index, title="Work in Rwanda", kind=programme_kinds["in-country"]
    )
    local.countries.set([country("RWA")])
    local.save_revision().publish()
    url = reverse("programme_pages:index")

    by_kind = admin_client.get(url, {"kind": programme_kinds["policy-and-advocacy"].pk}).content.decode()
    by_state = admin_client.get(url, {"country": country("RWA").pk}).content.decode()

    assert "Advocacy in Geneva" in by_kind and "Work in Rwanda" not in by_kind
    assert "Work in Rwanda" in by_state and "Advocacy in Geneva" not in by_state


def test_videos_filter_by_language(admin_client, video_index):
    TrainingVideoPageFactory(parent=video_index, title="The UPR in French", language="fr")
    TrainingVideoPageFactory(parent=video_index, title="The UPR in English", language="en")

    french = admin_client.get(reverse("training_video_pages:index"), {"language": "fr"}).content.decode()

    assert "The UPR in French" in french and "The UPR in English" not in french
