import pytest

from django.core.management import call_command
from django.urls import reverse

from wagtail.models import Page, Revision

from demo.content import home
from upr.models import Assessment, ImplementationPlan, Recommendation, RecommendationImport


def page_state():
    return (
        list(Page.objects.order_by("pk").values_list("pk", "title", "live", "latest_revision_id")),
        Revision.objects.count(),
        list(
            Recommendation.objects.order_by("pk").values_list(
                "pk", "locale__language_code", "text", "updated_at"
            )
        ),
        Assessment.objects.count(),
        ImplementationPlan.objects.count(),
        RecommendationImport.objects.count(),
    )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_demo_content_in_three_languages_loads_once(client, home_pages):
    call_command("load_demo", stdout=None)
    first = page_state()
    call_command("load_demo")
    assert page_state() == first

    intros = {}
    for code in ("en", "fr", "rw"):
        response = client.get(
            reverse("wagtailapi:pages:listing"),
            {"locale": code, "type": "home.HomePage", "fields": "intro,body"},
        )
        (item,) = response.json()["items"]
        intros[code] = item["intro"]
        assert len(item["body"]) == len(home.HOME["body"])
    assert intros["en"] == home.INTRO
    assert intros["fr"].startswith("Nous aidons la société civile")
    assert intros["rw"].startswith("Dufasha imiryango itari iya Leta")

    response = client.get("/rw/")
    assert "Isuzuma Ngarukagihe Rusange" in response.content.decode()

    rwanda = Recommendation.objects.originals().filter(state_under_review__iso3="RWA")
    assert rwanda.count() == 125
    assert Recommendation.objects.filter(locale__language_code="rw").count() == 3
    assert Assessment.objects.count() == 4
    (plan,) = ImplementationPlan.objects.all()
    assert plan.recommendation.text == "Ensure that journalists are not harassed or intimidated"
    listing = client.get(
        reverse("wagtailapi:recommendations:listing"), {"locale": "rw", "theme": "freedom-of-the-press"}
    )
    texts = [item["text"] for item in listing.json()["items"]]
    assert "Kwemeza ko abanyamakuru badahohoterwa kandi badaterwa ubwoba" in texts
