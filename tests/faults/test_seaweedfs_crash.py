"""The fault run's S3 crash: SeaweedFS killed with SIGKILL comes back on its data, and quickly.

Not part of the fault run itself (no ``faults`` marker): a server of its own, started,
crashed twice and started again, in about ten seconds.
"""

import random
import time

import pytest
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError

from tests.support.seaweedfs import SeaweedFSProcess

# The fault run crashes SeaweedFS during the submissions: each crash must be over in seconds, or
# too few faults fall while the requests are sent. (raft's default 10 s election timeout made it 12-23 s.)
RESTART_LIMIT_SECONDS = 10


@pytest.fixture
def weed():
    process = SeaweedFSProcess()
    try:
        process.start()
        yield process
    finally:
        process.stop()


def test_a_crashed_seaweedfs_comes_back_in_seconds_with_every_object_it_had_stored(weed):
    client = weed.server.client()
    client.create_bucket(Bucket="crash-bucket")
    rng = random.Random(17)
    # Small objects, and one larger than the filer's 4 MB chunks.
    stored = {f"legal-aid/{n}.bin": rng.randbytes(rng.randint(1, 50_000)) for n in range(20)}
    stored["legal-aid/large.bin"] = rng.randbytes(9 * 1024 * 1024)

    for key, data in stored.items():
        client.put_object(Bucket="crash-bucket", Key=key, Body=data)

    for crash in range(2):
        weed.kill()
        down = weed.server.client(config=Config(connect_timeout=1, retries={"total_max_attempts": 1}))
        with pytest.raises((BotoCoreError, ClientError)):
            down.head_bucket(Bucket="crash-bucket")

        began = time.monotonic()
        weed.restart()
        seconds = time.monotonic() - began
        assert seconds < RESTART_LIMIT_SECONDS, f"SeaweedFS took {seconds:.1f}s to come back"

        listed = client.list_objects_v2(Bucket="crash-bucket")
        assert sorted(item["Key"] for item in listed.get("Contents", [])) == sorted(stored)
        for key, data in stored.items():
            assert client.get_object(Bucket="crash-bucket", Key=key)["Body"].read() == data, key
        # It takes writes again, and the next crash keeps them too.
        key = f"legal-aid/after-crash-{crash}.bin"
        stored[key] = rng.randbytes(1000)
        client.put_object(Bucket="crash-bucket", Key=key, Body=stored[key])
