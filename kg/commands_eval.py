"""``kg eval``: measure the extractor on your own gold annotations (same matching as the reference scorer)."""
from __future__ import annotations

from pathlib import Path

import click


@click.command("eval")
@click.option("--gold", required=True, type=click.Path(exists=True, file_okay=False, path_type=Path), help="Folder of gold *.json.")
@click.option("--texts", required=True, type=click.Path(exists=True, file_okay=False, path_type=Path), help="Folder with NAME.txt for each NAME.json.")
@click.option("--verbose", "-v", is_flag=True, help="List every miss and false positive.")
@click.option("--json", "json_out", type=click.Path(dir_okay=False, path_type=Path), help="Also write the figures as JSON.")
def eval_cmd(gold: Path, texts: Path, verbose: bool, json_out: Path | None) -> None:
    """Per-class precision, recall and F1 of the extractors against gold annotations."""
    from kg.evaluate import evaluate, format_report

    report = evaluate(gold, texts)
    click.echo(format_report(report, verbose=verbose))
    if json_out:
        import json

        from kg.atomicfile import atomic_write

        atomic_write(json_out, json.dumps(report.as_dict(), ensure_ascii=False, indent=1))


@click.command("explain")
@click.argument("graph", metavar="DIR|GRAPH")
@click.argument("label")
def explain_cmd(graph: str, label: str) -> None:
    """Which rule made LABEL (an entity name, or "SUBJECT PREDICATE OBJECT"): rule ids, evidence sentences, offsets.

    \b
    kg explain outputs/ 五种风气
    kg explain outputs/ "徐州市总工会主席办公会 heldBy 徐州市总工会"
    """
    from kg.explain import explain_build

    try:
        lines = explain_build(graph, label)
    except (FileNotFoundError, ValueError) as e:
        raise click.ClickException(str(e)) from None
    if not lines:
        raise click.ClickException(f"no entity named {label!r} in {graph}")
    click.echo("\n".join(lines))
