"""The case-file parser of the corpus recorder (corpus/caseformat.py)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("caseformat", REPO / "corpus" / "caseformat.py")
caseformat = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("caseformat", caseformat)  # dataclasses look their module up
_spec.loader.exec_module(caseformat)

HEADER = """# crash_type: key_error
# root_cause: data_confusion
# stage: data_preparation
# library: pandas
# ml_bug: true
# expect: KeyError
"""


def write(tmp_path: Path, text: str, name: str = "grp/case.case") -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def test_single_cell_case(tmp_path):
    path = write(tmp_path, HEADER + "# %%\ndf['x']\n")
    case = caseformat.parse_case(path, tmp_path)
    assert case.id == "grp/case"
    assert case.labels["ml_bug"] is True
    assert case.order == [0] and case.code == "df['x']"


def test_flags_and_default_order(tmp_path):
    text = HEADER + "# %%\na = 1\n# %% raises\nb = c\n# %% norun\nd = 2\n# %%\nprint(b)\n"
    case = caseformat.parse_case(write(tmp_path, text), tmp_path)
    assert case.order == [0, 1, 3]
    assert "raises" in case.cells[1].flags and case.code == "print(b)"


def test_crash_flag_stops_execution_before_later_cells(tmp_path):
    text = HEADER + "# %%\nimport x\n# %% crash\nuse(df)\n# %%\ndf = 1\n"
    case = caseformat.parse_case(write(tmp_path, text), tmp_path)
    assert case.order == [0, 1] and case.crash_index == 1 and len(case.cells) == 3


def test_explicit_order(tmp_path):
    text = HEADER.replace("# expect", "# order: 1,2,2\n# expect") + "# %%\na\n# %%\nb\n"
    case = caseformat.parse_case(write(tmp_path, text), tmp_path)
    assert case.order == [0, 1, 1]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (HEADER.replace("# stage: data_preparation\n", "") + "# %%\nx\n", "header lacks stage"),
        (HEADER + "# %% sometimes\nx\n", "unknown cell flag"),
        (HEADER.replace("# expect", "# order: 1,5\n# expect") + "# %%\nx\n", "does not exist"),
        (HEADER.replace("true", "maybe") + "# %%\nx\n", "ml_bug must be"),
        (HEADER + "x = 1\n# %%\nx\n", "code before"),
        (HEADER, "no cells"),
    ],
)
def test_malformed_cases_name_the_problem(tmp_path, text, message):
    with pytest.raises(caseformat.CaseError, match=message):
        caseformat.parse_case(write(tmp_path, text), tmp_path)
