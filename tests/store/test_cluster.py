"""The store's view of a real Redis Cluster: 3 primaries and 3 replicas on loopback, formed
by the fixture with CLUSTER MEET, ADDSLOTS and REPLICATE.

- The topology found through the seed nodes: primaries, replicas, slot coverage.
- After a primary is SIGKILLed its replica takes its slots over, but has no replica of its
  own: with `wait_replicas: 1` that is a degraded cluster, reported (still served, with
  that primary's writes confirmed by the replicas it has), not a silent outage.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from redis_topologies import ClusterSetup, firstline, found_topology

from gateway.store import STORE_UNAVAILABLE, Store
from gateway.store.topology import CLUSTER_SLOTS, TopologyView


@pytest.fixture
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ClusterSetup]:
    setup = ClusterSetup.start(tmp_path_factory.mktemp("cluster"))
    yield setup
    setup.stop()


def cluster_env(setup: ClusterSetup, tmp_path: Path) -> dict[str, str]:
    """`firstline` settings for the cluster, seeded by a live node."""
    live = [n.address for n in setup.nodes if n.alive()]
    return {
        "FIRSTLINE__REDIS__TOPOLOGY": "cluster",
        "FIRSTLINE__REDIS__CLUSTER_NODES": json.dumps(live[:1]),
        "FIRSTLINE__REDIS__WAIT_REPLICAS": "1",
        "FIRSTLINE_DATA_DIR": str(tmp_path / "data"),
    }


async def view_of(setup: ClusterSetup, wait_replicas: int = 1) -> TopologyView:
    store = Store.connect(setup.target(wait_replicas))
    try:
        return await store.topology()
    finally:
        await store.close()


async def test_the_cluster_is_found_through_its_seeds(cluster: ClusterSetup) -> None:
    view = await view_of(cluster)
    primaries = sorted(p.address for p in cluster.primaries())
    assert view.primaries == primaries and len(primaries) == 3
    assert sorted(view.replicas) == sorted(set(cluster.addresses) - set(primaries))
    assert view.slots_covered == CLUSTER_SLOTS and view.primaries_without_replica == []
    assert view.ready


async def test_a_promoted_replica_without_a_replica_is_reported_degraded(
    cluster: ClusterSetup, tmp_path: Path
) -> None:
    victim = cluster.primaries()[0]
    victim.kill()
    deadline = time.monotonic() + 60
    while True:  # until a replica has taken the slots over (errors meanwhile: the gap)
        try:
            view = await view_of(cluster)
            if view.slots_covered == CLUSTER_SLOTS and victim.address not in view.primaries:
                break
        except STORE_UNAVAILABLE:
            pass
        assert time.monotonic() < deadline, "no failover"
        time.sleep(0.2)
    assert len(view.primaries) == 3 and len(view.primaries_without_replica) == 1
    assert view.ready and view.problems == []
    assert view.degraded == [
        f"primaries with fewer than 1 replicas: {view.primaries_without_replica}"
    ]
    assert view.as_dict()["degraded"] == view.degraded
    relaxed = await view_of(cluster, wait_replicas=0)
    assert relaxed.ready and relaxed.degraded == []
    assert relaxed.primaries_without_replica == view.primaries_without_replica
    check = firstline("config", "check", env=cluster_env(cluster, tmp_path))
    assert check.returncode == 0, check.stderr
    assert found_topology(check)["degraded"] == view.degraded
    assert f"WARNING: redis degraded: {view.degraded[0]}" in check.stderr


def test_config_check_shows_the_slot_coverage(
    cluster: ClusterSetup, tmp_path: Path
) -> None:
    check = firstline("config", "check", env=cluster_env(cluster, tmp_path))
    assert check.returncode == 0, check.stderr
    found = found_topology(check)
    assert found["slots_covered"] == found["slots_total"] == CLUSTER_SLOTS
    assert len(found["primaries"]) == 3 and len(found["replicas"]) == 3
    assert "degraded" not in found and "degraded" not in check.stderr
