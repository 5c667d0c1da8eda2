"""Recommendations repeated across cycles: Slovenia's third (session 34) and fourth (session 48)
cycles, from the real OHCHR matrices, paired by upr.repetitions; staff decide in the admin; the
recommendation detail shows the pairs."""

import pytest

from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.urls import reverse

from tests.support.files import SHARED_DATA
from upr.importers.service import import_recommendations
from upr.models import Recommendation, RepeatedRecommendation
from upr.repetitions import THRESHOLD, TOP, find_repetitions, score, stems, vectors
from users.factories import UserFactory

pytestmark = pytest.mark.django_db

MATRICES = SHARED_DATA / "ohchr-matrices"
UPR34 = MATRICES / "UPR34_Slovenia_Thematic_list_of_Recommendations.docx"
UPR48 = MATRICES / "upr48-slovenia-thematic-list-of-recommendatio.docx"
UPR34_CSV = MATRICES / "UPR34_Slovenia_Thematic_list_of_Recommendations.csv"
# Read in both texts: the 48th-session paragraph asks again what the 34th-session one asked.
KNOWN_REPEATS = [
    ("140.1", "122.2", 0.99),  # ratify the Migrant Workers Convention, word for word
    ("140.70", "122.77", 0.99),  # make defamation a civil, not a criminal, offence
    ("140.180", "121.37", 0.6),  # prevent and combat violence against women, domestic violence
    ("140.13", "122.7", 0.6),  # accede to / ratify the 1961 Convention on the Reduction of Statelessness
    ("140.199", "122.113", 0.6),  # harmonise legislation with the CRPD
]


def run_import(path, **options):
    with open(path, "rb") as file:
        return import_recommendations(file, filename=path.name, **options)


@pytest.fixture
def slovenia(upr_vocabularies):
    """Both matrices imported, what follows an import not run: the pairs are computed by the test."""
    run_import(UPR34, state="SVN", session=34)
    run_import(UPR48, state="SVN", session=48)
    return Recommendation.objects.originals().filter(state_code="SVN")


def pair(later, earlier):
    return RepeatedRecommendation.objects.get(
        recommendation__state_code="SVN",
        recommendation__number=later,
        earlier__state_code="SVN",
        earlier__number=earlier,
    )


def test_stems_fold_case_and_accents_and_drop_common_words():
    assert stems("Ratifying the Conventions on Statelessness") == ["ratifi", "convent", "stateless"]
    assert stems("Ratifier les conventions", "fr") == stems("ratifiér la convention", "fr")
    weights = vectors({1: ("Ratify the convention", "en"), 2: ("ratify THE Convention.", "en")})
    assert score(weights[1], weights[2]) == 1.0


def test_known_repeats_are_found_with_a_high_score(slovenia):
    changes = find_repetitions("SVN")

    assert changes.created > 100
    for later, earlier, at_least in KNOWN_REPEATS:
        assert pair(later, earlier).score >= at_least, (later, earlier)
        assert pair(later, earlier).status == RepeatedRecommendation.Status.SUGGESTED
    pairs = RepeatedRecommendation.objects.select_related("recommendation", "earlier")
    for repeat in pairs:
        assert THRESHOLD <= repeat.score <= 1
        assert repeat.recommendation.session_number == 48
        assert repeat.earlier.session_number == 34
    # At most TOP earlier ones for each.
    counts = {}
    for recommendation_id in pairs.values_list("recommendation_id", flat=True):
        counts[recommendation_id] = counts.get(recommendation_id, 0) + 1
    assert max(counts.values()) <= TOP
    # Unrelated asks are not paired: the Istanbul Convention is not the Migrant Workers Convention.
    assert not RepeatedRecommendation.objects.filter(
        recommendation__number="140.1", earlier__text__icontains="domestic violence"
    ).exists()


def test_a_recomputation_changes_nothing(slovenia):
    first = find_repetitions("SVN")
    scores = dict(RepeatedRecommendation.objects.values_list("pk", "score"))

    again = find_repetitions("SVN")

    assert (again.created, again.updated, again.deleted) == (0, 0, 0)
    assert dict(RepeatedRecommendation.objects.values_list("pk", "score")) == scores
    assert len(scores) == first.created


def test_recommendations_made_to_another_state_are_never_paired(slovenia):
    # The same texts as Slovenia's third cycle, made to Croatia in an earlier cycle (session 20):
    # word for word, but to another state.
    run_import(UPR34_CSV, state="HRV", session=20)
    call_command("find_repeated_recommendations", verbosity=0)

    pairs = RepeatedRecommendation.objects.values_list("recommendation__state_code", "earlier__state_code")
    assert set(pairs) == {("SVN", "SVN")}
    assert not RepeatedRecommendation.objects.filter(recommendation__state_code="HRV").exists()
    assert pair("140.1", "122.2").score == 1.0


def test_staff_decisions_survive_a_recomputation_and_the_api_shows_confirmed_pairs_only(client, slovenia):
    find_repetitions("SVN")
    rejected, confirmed = pair("140.13", "122.7"), pair("140.1", "122.2")
    rejected.status = RepeatedRecommendation.Status.REJECTED
    rejected.save()
    confirmed.status = RepeatedRecommendation.Status.CONFIRMED
    confirmed.score = 0.5  # as it stood when it was confirmed: a recomputation leaves it so
    confirmed.save()
    # The text is reworded so that neither pair would be suggested any more.
    Recommendation.objects.filter(pk__in=[rejected.recommendation_id, confirmed.recommendation_id]).update(
        text="Protect the rights of beekeepers"
    )

    changes = find_repetitions("SVN")

    assert changes.decided == 2
    assert RepeatedRecommendation.objects.get(pk=rejected.pk).status == "rejected"
    assert RepeatedRecommendation.objects.get(pk=confirmed.pk).score == 0.5
    assert not RepeatedRecommendation.objects.filter(
        recommendation=rejected.recommendation, status="suggested"
    ).exists()

    def detail(recommendation_id):
        response = client.get(reverse("wagtailapi:recommendations:detail", args=[recommendation_id]))
        assert response.status_code == 200
        return response.json()

    later = detail(confirmed.recommendation_id)
    assert [(item["id"], item["status"], item["score"]) for item in later["repeats"]] == [
        (confirmed.earlier_id, "confirmed", 0.5)
    ]
    assert later["repeats"][0]["number"] == "122.2"
    assert later["repeats"][0]["session"] == 34
    assert later["repeats"][0]["cycle"] == 3
    assert later["repeats"][0]["text"].startswith("Ratify the International Convention")
    assert detail(rejected.recommendation_id)["repeats"] == []
    earlier = detail(confirmed.earlier_id)
    assert confirmed.recommendation_id in [item["id"] for item in earlier["repeated_by"]]
    assert rejected.recommendation_id not in [
        item["id"] for item in detail(rejected.earlier_id)["repeated_by"]
    ]

    # A decision taken in bulk empties the kept answer (the recommendations' version moves).
    from upr.admin_repeats import RejectBulkAction

    RejectBulkAction.execute_action([RepeatedRecommendation.objects.get(pk=confirmed.pk)], user=None)
    assert detail(confirmed.recommendation_id)["repeats"] == []


def test_an_import_computes_the_pairs_of_the_state_it_wrote_to(
    upr_vocabularies, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        run_import(UPR34, state="SVN", session=34)
    assert not RepeatedRecommendation.objects.exists()  # nothing earlier to repeat yet

    with django_capture_on_commit_callbacks(execute=True):
        run_import(UPR48, state="SVN", session=48)

    assert pair("140.70", "122.77").score == 1.0
    # Importing the third cycle again (a corrected file) keeps a decision taken meanwhile.
    decided = pair("140.1", "122.2")
    decided.status = RepeatedRecommendation.Status.REJECTED
    decided.save()
    with django_capture_on_commit_callbacks(execute=True):
        run_import(UPR34_CSV, state="SVN", session=34)
    assert RepeatedRecommendation.objects.get(pk=decided.pk).status == "rejected"


@pytest.fixture
def editor(client):
    """Staff who may change recommendations, and nothing about repeats as such."""
    group = Group.objects.create(name="UPR editors")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="change_recommendation"),
    )
    user = UserFactory(is_staff=True)
    user.groups.add(group)
    client.force_login(user)
    return user


def test_staff_who_change_recommendations_confirm_and_reject_in_the_admin(client, editor, slovenia):
    find_repetitions("SVN")
    listing = client.get(reverse("wagtailsnippets_upr_repeatedrecommendation:list"), {"status": "suggested"})
    assert listing.status_code == 200
    repeat, other = pair("140.1", "122.2"), pair("140.70", "122.77")
    assert str(repeat) in listing.content.decode()

    edit = client.get(reverse("wagtailsnippets_upr_repeatedrecommendation:edit", args=[repeat.pk]))
    assert edit.status_code == 200
    assert "Migrant Workers" in edit.content.decode()
    response = client.post(
        reverse("wagtailsnippets_upr_repeatedrecommendation:edit", args=[repeat.pk]), {"status": "confirmed"}
    )
    assert response.status_code == 302
    repeat.refresh_from_db()
    assert (repeat.status, repeat.decided_by) == ("confirmed", editor)
    assert repeat.decided_at is not None

    url = reverse("wagtail_bulk_action", args=["upr", "repeatedrecommendation", "reject_repeats"])
    response = client.post(f"{url}?id={other.pk}")
    assert response.status_code == 302
    other.refresh_from_db()
    assert (other.status, other.decided_by) == ("rejected", editor)

    # The recommendation's own edit screen lists its pairs.
    page = client.get(reverse("wagtailsnippets_upr_recommendation:edit", args=[repeat.recommendation_id]))
    assert page.status_code == 200
    assert "Repeats these earlier recommendations" in page.content.decode()
    assert (
        reverse("wagtailsnippets_upr_repeatedrecommendation:edit", args=[repeat.pk]) in page.content.decode()
    )


def test_staff_without_the_permission_to_change_recommendations_cannot_decide(client, slovenia):
    find_repetitions("SVN")
    group = Group.objects.create(name="Readers")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user = UserFactory(is_staff=True)
    user.groups.add(group)
    client.force_login(user)
    repeat = pair("140.1", "122.2")

    response = client.post(
        reverse("wagtailsnippets_upr_repeatedrecommendation:edit", args=[repeat.pk]), {"status": "confirmed"}
    )

    assert response.status_code in (302, 403)
    repeat.refresh_from_db()
    assert repeat.status == "suggested"
