from django.core.management.base import BaseCommand, CommandError

from legal_aid import rotation


class Command(BaseCommand):
    help = (
        "Re-encrypt every legal-assistance request, note and attachment with the first key of LEGAL_AID_KEYS "
        "(what could not be is listed, the rest goes on; run again to finish). Then run it with --check: "
        "only when --check passes may the old key be removed."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--check",
            action="store_true",
            help="Change nothing: prove that every ciphertext opens with the newest key (exit 1 and list what does not).",
        )

    def handle(self, *args, check=False, **options):
        if check:
            problems = rotation.check()
            for what, why in problems:
                self.stderr.write(f"{what}: {why}")
            if problems:
                raise CommandError(
                    f"{len(problems)} ciphertexts do not open with the newest key: keep the old key in "
                    "LEGAL_AID_KEYS and run rotate_legal_aid_keys again."
                )
            self.stdout.write(self.style.SUCCESS("every case and attachment opens with the newest key"))
            return
        outcome = rotation.rotate(log=self.stdout.write)
        for what, why in outcome.problems:
            self.stderr.write(f"{what}: {why}")
        if outcome.problems:
            raise CommandError(
                f"{outcome.summary()}. Do not remove the old key: fix what is listed and run again, "
                "then rotate_legal_aid_keys --check."
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"{outcome.summary()}. Run rotate_legal_aid_keys --check before removing the old key."
            )
        )
