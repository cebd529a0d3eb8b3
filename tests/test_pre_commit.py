"""The pre-commit hook (.pre-commit-hooks.yaml) run by the real pre-commit, as a
repository that uses it would: `pre-commit try-repo` installs budgetlint from this
repository into its own environment and runs the hook on a faulty and a clean
document of a temporary git repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SEEDS

ROOT = Path(__file__).resolve().parent.parent


def _git(*argv, cwd):
    subprocess.run(["git", *argv], cwd=cwd, check=True, capture_output=True)


@pytest.mark.skipif(shutil.which("git") is None, reason="pre-commit needs git")
@pytest.mark.skipif(not (ROOT / ".git").exists(), reason="pre-commit try-repo needs this tree as a git checkout")
def test_the_hook_fails_a_faulty_document_and_passes_a_clean_one(tmp_path):
    documents = tmp_path / "documents"
    documents.mkdir()
    (documents / "汉阳.txt").write_bytes(SEEDS["000"].read_bytes())
    (documents / "说明.txt").write_text(
        "本单位 2020 年无政府性基金预算收入，也无国有资本经营预算收入。\n", encoding="utf-8"
    )
    (documents / "README.md").write_text("not a document\n", encoding="utf-8")
    (documents / "requirements.txt").write_bytes(SEEDS["000"].read_bytes())  # a .txt the hook leaves alone
    env = dict(
        os.environ,
        GIT_AUTHOR_NAME="t",
        GIT_AUTHOR_EMAIL="t@example.com",
        GIT_COMMITTER_NAME="t",
        GIT_COMMITTER_EMAIL="t@example.com",
    )
    _git("init", "-q", cwd=documents)
    _git("add", ".", cwd=documents)

    def hook(*files):
        return subprocess.run(
            [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "budgetlint", "--files", *files],
            cwd=documents,
            capture_output=True,
            text=True,
            env=env,
            timeout=900,
        )

    faulty = hook("汉阳.txt")
    assert faulty.returncode == 1, faulty.stdout + faulty.stderr
    assert "budgetlint" in faulty.stdout and "Failed" in faulty.stdout
    assert "汉阳.txt:188:18: BL305" in faulty.stdout
    clean = hook("说明.txt", "README.md", "requirements.txt")
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "Passed" in clean.stdout
