"""The re-check of mutants in code run at import picks the right mutants and tests."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tools.import_time_mutants import function_of, import_time_mutants, layer_tests

if TYPE_CHECKING:
    from pathlib import Path


def test_a_mutant_belongs_to_the_function_before_its_number() -> None:
    assert function_of("distribution.patient._rules.x_met__mutmut_12") == (
        "distribution.patient._rules.x_met"
    )
    assert function_of("distribution.engine.xǁDecisionǁ__init____mutmut_3") == (
        "distribution.engine.xǁDecisionǁ__init__"
    )


def test_a_module_is_tested_by_its_layer_folder_or_its_own_file(tmp_path: Path) -> None:
    (tmp_path / "tests" / "patient").mkdir(parents=True)
    (tmp_path / "tests" / "test_errors.py").touch()
    assert layer_tests("distribution.patient._rules", tmp_path) == "tests/patient"
    assert layer_tests("distribution._errors", tmp_path) == "tests/test_errors.py"
    # No folder for the layer, no file for the module: the whole suite.
    assert layer_tests("distribution.cli._lang", tmp_path) == "tests"
    assert layer_tests("distribution.engine", tmp_path) == "tests"


def test_only_the_unkilled_mutants_of_functions_run_at_import_are_picked() -> None:
    codes: dict[str, dict[str, int | None]] = {
        "distribution.patient._rules": {
            "distribution.patient._rules.x_met__mutmut_1": 0,
            "distribution.patient._rules.x_assess__mutmut_1": 0,
            "distribution.patient._rules.x_met__mutmut_2": None,
            "distribution.patient._rules.x_met__mutmut_3": 1,  # killed: its tests failed
        },
        "distribution.engine": {"distribution.engine.x_decide__mutmut_1": 1},
    }
    picked = import_time_mutants(codes, {"distribution.patient._rules.x_met"})
    assert picked == {
        "distribution.patient._rules": [
            "distribution.patient._rules.x_met__mutmut_1",
            "distribution.patient._rules.x_met__mutmut_2",
        ]
    }
