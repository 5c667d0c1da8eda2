"""Case handling in the admin: the legal team reads, edits and exports cases, audited; nobody else gets in."""

import io
import json
import zipfile

import pytest

from django.contrib.auth.models import Group
from django.urls import reverse

from legal_aid.factories import make_case
from legal_aid.models import AuditEntry, CaseEvent, LegalAidRequest
from tests.support.files import png_bytes
from users.factories import UserFactory

pytestmark = pytest.mark.django_db

DESCRIPTION = "Soldiers seized my camera at a checkpoint near Musanze."


@pytest.fixture
def case(request_form):
    case, _secret = make_case(request_form, files=[("camera.png", "image/png", png_bytes())])
    return case


def case_urls(case):
    attachment = case.attachments.get()
    urls = [
        reverse("legal_aid_cases:index"),
        reverse("legal_aid_cases:index_results"),
        reverse("legal_aid_cases:add"),
        reverse("legal_aid_cases:inspect", args=[case.pk]),
        reverse("legal_aid_cases:edit", args=[case.pk]),
        reverse("legal_aid_cases:delete", args=[case.pk]),
        reverse("legal_aid_cases:history", args=[case.pk]),
        reverse("legal_aid_cases:usage", args=[case.pk]),
        reverse("legal_aid_cases:attachment", args=[attachment.pk]),
        reverse("legal_aid_cases:export", args=[case.pk]),
        reverse("legal_aid_audit:index"),
        reverse("legal_aid_audit:index_results"),
    ]
    return urls


def member_of(*groups):
    user = UserFactory()
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user


class TestOthersAreKeptOut:
    @pytest.mark.parametrize("groups", [("Editors",), ("Moderators",), ("Editors", "Moderators")])
    def test_editors_and_moderators_are_refused_every_path_to_a_case(self, client, case, groups):
        client.force_login(member_of(*groups))
        for url in case_urls(case):
            for method in (client.get, client.post):
                response = method(url)
                assert response.status_code in (302, 403), (url, response.status_code)
                assert DESCRIPTION.encode() not in response.content
                assert case.reference.encode() not in response.content
        assert (
            not AuditEntry.objects.exclude(action="edit")
            .filter(action__in=["view", "download", "export"])
            .exists()
        )
        LegalAidRequest.objects.get(pk=case.pk)  # not deleted

    def test_a_permission_given_by_mistake_to_another_group_is_not_enough(self, client, case):
        from django.contrib.auth.models import Permission

        editors = Group.objects.get(name="Editors")
        editors.permissions.add(Permission.objects.get(codename="view_legalaidrequest"))
        client.force_login(member_of("Editors"))
        assert client.get(reverse("legal_aid_cases:inspect", args=[case.pk])).status_code in (302, 403)

    def test_anonymous_visitors_are_sent_to_the_login(self, client, case):
        for url in case_urls(case):
            response = client.get(url)
            assert response.status_code in (302, 403)
            if response.status_code == 302:
                assert "login" in response["Location"]

    def test_the_menu_admin_search_and_forms_menu_show_no_case(self, client, case, request_form):
        client.force_login(member_of("Editors"))
        home = client.get(reverse("wagtailadmin_home")).content.decode()
        assert reverse("legal_aid_cases:index") not in home
        search = client.get(reverse("wagtailadmin_pages:search"), {"q": case.reference}).content.decode()
        # The query is only echoed back: no search area or result leads to the cases.
        assert "/admin/legal-aid/" not in search
        assert DESCRIPTION not in search
        forms = client.get(reverse("wagtailforms:index"))
        assert request_form.title not in forms.content.decode()
        submissions = client.get(reverse("wagtailforms:list_submissions", args=[request_form.pk]))
        assert submissions.status_code in (302, 403, 404)

    def test_even_a_superuser_finds_no_submission_of_the_request_form_in_forms(
        self, admin_client, request_form, case
    ):
        forms = admin_client.get(reverse("wagtailforms:index"))
        assert request_form.title not in forms.content.decode()
        export = admin_client.get(
            reverse("wagtailforms:list_submissions", args=[request_form.pk]), {"export": "csv"}
        )
        assert DESCRIPTION.encode() not in export.content

    def test_no_api_serves_cases(self, client, case):
        assert client.get(f"/api/v2/legal-aid/cases/{case.pk}/").status_code == 404
        pages = client.get("/api/v2/pages/", {"type": "legal_aid.LegalAidRequestPage", "fields": "*"})
        assert DESCRIPTION.encode() not in pages.content


class TestTheLegalTeam:
    def test_the_listing_filters_by_status(self, client, case, legal_team_member):
        client.force_login(legal_team_member)
        assert reverse("legal_aid_cases:index") in client.get(reverse("wagtailadmin_home")).content.decode()
        response = client.get(reverse("legal_aid_cases:index"), {"status": "new"})
        assert response.status_code == 200
        assert case.reference in response.content.decode()
        assert DESCRIPTION not in response.content.decode()
        closed = client.get(reverse("legal_aid_cases:index"), {"status": "closed"})
        assert case.reference not in closed.content.decode()

    def test_each_reference_opens_its_request_with_its_actions_beside(self, client, case, legal_team_member):
        client.force_login(legal_team_member)
        page = client.get(reverse("legal_aid_cases:index")).content.decode()
        inspect = reverse("legal_aid_cases:inspect", args=[case.pk])
        assert f'href="{inspect}"' in page
        assert f'href="{reverse("legal_aid_cases:edit", args=[case.pk])}"' in page

    def test_the_dashboard_counts_new_and_unassigned_requests_for_the_team_only(
        self, client, case, request_form, legal_team_member
    ):
        assigned, _secret = make_case(request_form)
        assigned.assignee = legal_team_member
        assigned.status = "assigned"
        assigned.save()
        closed, _secret = make_case(request_form)
        closed.status = "closed"
        closed.save()

        client.force_login(legal_team_member)
        dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
        assert "1 new request, not yet read" in dashboard
        assert "1 open request assigned to nobody" in dashboard
        unassigned = client.get(reverse("legal_aid_cases:index"), {"assignee": "null"}).content.decode()
        assert case.reference in unassigned
        assert assigned.reference not in unassigned
        assert f"{reverse('legal_aid_cases:index')}?assignee=null" in dashboard

        client.force_login(member_of("Editors", "Moderators"))
        dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
        assert "Requests for legal assistance" not in dashboard
        assert "new request" not in dashboard

    def test_viewing_a_case_decrypts_it_and_is_audited(self, client, case, legal_team_member):
        client.force_login(legal_team_member)
        response = client.get(reverse("legal_aid_cases:inspect", args=[case.pk]))
        assert response.status_code == 200
        page = response.content.decode()
        assert DESCRIPTION in page
        assert "camera.png" in page
        assert "Equipment seizure" in page
        entry = AuditEntry.objects.get(action="view")
        assert (entry.user, entry.reference) == (legal_team_member, case.reference)

    def test_downloading_an_attachment_is_audited(self, client, case, legal_team_member):
        client.force_login(legal_team_member)
        attachment = case.attachments.get()
        response = client.get(reverse("legal_aid_cases:attachment", args=[attachment.pk]))
        assert response.status_code == 200
        assert response.content == attachment_bytes(case)
        assert 'filename="camera.png"' in response["Content-Disposition"]
        assert AuditEntry.objects.filter(action="download", reference=case.reference).count() == 1

    def test_editing_records_each_change_in_the_history(self, client, case, legal_team_member):
        client.force_login(legal_team_member)
        response = client.post(
            reverse("legal_aid_cases:edit", args=[case.pk]),
            {"status": "assigned", "assignee": legal_team_member.pk, "note": "Called her back."},
        )
        assert response.status_code == 302, response.content.decode()[-3000:]
        case.refresh_from_db()
        assert case.status == "assigned" and case.assignee == legal_team_member
        assert [note["text"] for note in case.get_notes()] == ["Called her back."]
        assert "Called her back" not in case.notes
        kinds = list(case.events.values_list("kind", "old_value", "new_value"))
        assert kinds == [
            ("received", "", "new"),
            ("status", "new", "assigned"),
            ("assignee", "", "lawyer"),
            ("note", "", ""),
        ]
        client.post(reverse("legal_aid_cases:edit", args=[case.pk]), {"status": "closed", "assignee": ""})
        case.refresh_from_db()
        assert case.closed_at is not None and case.assignee is None
        assert CaseEvent.objects.filter(request=case).count() == 6

    def test_only_team_members_can_be_assigned(self, client, case, legal_team_member):
        client.force_login(legal_team_member)
        outsider = member_of("Editors")
        response = client.post(
            reverse("legal_aid_cases:edit", args=[case.pk]), {"status": "assigned", "assignee": outsider.pk}
        )
        assert response.status_code == 200  # the form again, with its error
        case.refresh_from_db()
        assert case.assignee is None

    def test_export_for_a_lawyer(self, client, case, legal_team_member):
        client.force_login(legal_team_member)
        response = client.get(reverse("legal_aid_cases:export", args=[case.pk]))
        assert response.status_code == 200
        assert response["Content-Type"] == "application/zip"
        archive = zipfile.ZipFile(io.BytesIO(response.content))
        document = json.loads(archive.read("request.json"))
        assert document["reference"] == case.reference
        assert document["answers"]["description"] == DESCRIPTION
        assert document["attachments"][0]["name"] == "camera.png"
        assert archive.read(document["attachments"][0]["path"]) == attachment_bytes(case)
        assert AuditEntry.objects.filter(action="export", reference=case.reference).exists()

    def test_no_one_adds_or_deletes_cases_in_the_admin_not_even_a_superuser(self, admin_client, case):
        assert admin_client.get(reverse("legal_aid_cases:add")).status_code in (302, 403)
        admin_client.post(reverse("legal_aid_cases:delete", args=[case.pk]))
        assert LegalAidRequest.objects.filter(pk=case.pk).exists()

    def test_the_team_reads_the_audit_log_and_nobody_edits_it(
        self, client, admin_client, case, legal_team_member
    ):
        client.force_login(legal_team_member)
        client.get(reverse("legal_aid_cases:inspect", args=[case.pk]))
        entry = AuditEntry.objects.get(action="view")
        listing = client.get(reverse("legal_aid_audit:index"))
        assert listing.status_code == 200
        assert case.reference in listing.content.decode()
        for who in (client, admin_client):
            assert who.get(reverse("legal_aid_audit:edit", args=[entry.pk])).status_code in (302, 403)
            who.post(reverse("legal_aid_audit:delete", args=[entry.pk]))
        assert AuditEntry.objects.filter(pk=entry.pk).exists()
        with pytest.raises(PermissionError):
            entry.save()
        with pytest.raises(PermissionError):
            entry.delete()
        with pytest.raises(PermissionError):
            AuditEntry.objects.filter(pk=entry.pk).update(username="someone")
        with pytest.raises(PermissionError):
            AuditEntry.objects.all().delete()


def attachment_bytes(case):
    from django.core.files.storage import default_storage

    from legal_aid import crypto

    with default_storage.open(case.attachments.get().object_name, "rb") as stored:
        return crypto.decrypt_bytes(stored.read())


def test_the_policy_names_only_the_team_and_superusers(case, legal_team_member):
    from legal_aid.admin_views import CASE_POLICY

    editor = member_of("Editors")
    boss = UserFactory(is_superuser=True)
    users = set(CASE_POLICY.users_with_permission("view"))
    assert legal_team_member in users and boss in users and editor not in users
    assert not CASE_POLICY.users_with_permission("delete").exists()


def test_the_site_history_report_shows_editors_no_case(client, case, legal_team_member):
    from django.test import Client

    client.force_login(legal_team_member)
    client.post(reverse("legal_aid_cases:edit", args=[case.pk]), {"status": "triaged", "assignee": ""})
    assert case.reference in client.get(reverse("legal_aid_cases:history", args=[case.pk])).content.decode()
    editor = Client()
    editor.force_login(member_of("Editors"))
    response = editor.get(reverse("wagtailadmin_reports:site_history"))
    assert response.status_code == 200
    assert case.reference not in response.content.decode()


def test_the_migrations_create_the_legal_team_with_its_permissions():
    group = Group.objects.get(name="Legal team")
    codenames = set(group.permissions.values_list("content_type__app_label", "codename"))
    assert {
        ("wagtailadmin", "access_admin"),
        ("legal_aid", "view_legalaidrequest"),
        ("legal_aid", "change_legalaidrequest"),
        ("legal_aid", "view_auditentry"),
    } <= codenames
    assert not {
        codename
        for app, codename in codenames
        if app == "legal_aid" and codename.startswith(("add_", "delete_"))
    }
