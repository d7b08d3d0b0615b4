"""The explorer's node, edge and option dicts are pyvis's, written without importing pyvis at build time.

``kg.readwrite._html_payload`` builds what ``pyvis.node.Node``/``pyvis.edge.Edge`` hold and the
``Network`` options after ``barnes_hut``; ``kg.readwrite.html`` finds pyvis's vis-network copy and
version without importing the package. These tests import pyvis and compare.
"""
from __future__ import annotations

import json
from pathlib import Path

import pyvis
from pyvis.edge import Edge
from pyvis.network import Network
from pyvis.node import Node

from kg.readwrite import _html_payload as payload
from kg.readwrite import html


def test_options_are_pyvis_barnes_hut() -> None:
    net = Network(directed=True, cdn_resources="in_line")
    net.barnes_hut(gravity=-6000, central_gravity=0.25, spring_length=120,
                   spring_strength=0.04, damping=0.3, overlap=0.2)
    assert json.loads(payload.PYVIS_OPTIONS) == json.loads(net.options.to_json())


def test_node_and_edge_dicts_are_pyvis_options() -> None:
    opts = {"group": "Organization", "size": 12, "x": 1.5, "y": -2.0}
    mine, theirs = payload.vis_node(3, "dot", "徐州市总工会", **opts), Node(3, "dot", "徐州市总工会", **opts).options
    assert mine == theirs and list(mine) == list(theirs)
    eopts = {"id": 7, "rel": "heldBy", "label": "heldBy", "width": 2.58}
    mine, theirs = payload.vis_edge(1, 2, **eopts), Edge(1, 2, **eopts).options
    assert mine == theirs and list(mine) == list(theirs)


def test_vis_network_copy_and_version_found_without_import() -> None:
    assert html._pyvis_dir() == Path(pyvis.__file__).resolve().parent
    assert html._pyvis_version() == pyvis.__version__
    assert "vis" in html._vis_js()[:2000]
