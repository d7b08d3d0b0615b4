"""Extraction on Dask gives the same graph as the single-process build."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.api import build, write_outputs

SAMPLES = Path(__file__).resolve().parents[1] / "samples"

pytest.importorskip("dask.bag", reason="dask is not installed (pip install -e '.[dask]')")


def _ttl(result, tmp: Path) -> bytes:
    write_outputs(result.graph, tmp, html=False, formats=("ttl",))
    return (tmp / "graph.ttl").read_bytes()


def test_dask_local_scheduler_matches_local_build(tmp_path: Path) -> None:
    local = build([SAMPLES])
    on_dask = build([SAMPLES], engine="dask", scheduler="processes")
    assert [r.article.id for r in on_dask.results] == [r.article.id for r in local.results]
    assert _ttl(on_dask, tmp_path / "dask") == _ttl(local, tmp_path / "local")


def test_dask_distributed_cluster_matches_local_build(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed", reason="distributed is not installed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None) as cluster:
        on_cluster = build([SAMPLES], engine="dask", scheduler=cluster.scheduler_address)
    local = build([SAMPLES])
    assert _ttl(on_cluster, tmp_path / "cluster") == _ttl(local, tmp_path / "local")


def test_unknown_engine_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown engine"):
        build(["市总工会召开主席办公会。"], engine="spark")
