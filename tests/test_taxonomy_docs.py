"""docs/TAXONOMY.md is the taxonomy of jupyterlab_nbcrash/taxonomy.py, generated from it."""

from __future__ import annotations

from pathlib import Path

from jupyterlab_nbcrash import taxonomy

DOC = Path(__file__).resolve().parent.parent / "docs" / "TAXONOMY.md"


def test_the_document_is_generated_from_the_module():
    assert DOC.read_text(encoding="utf-8") == taxonomy.as_markdown(), (
        "regenerate it: python -m jupyterlab_nbcrash.taxonomy > docs/TAXONOMY.md"
    )


def test_the_document_lists_every_id_with_its_title():
    text = DOC.read_text(encoding="utf-8")
    for table in taxonomy.LABELS.values():
        for label_id, (title, description) in table.items():
            assert f"| `{label_id}` | {title} | {description} |" in text
    for label_id, title in taxonomy.LIBRARY_TITLES.items():
        assert f"| `{label_id}` | {title} |" in text
