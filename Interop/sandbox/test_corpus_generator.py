"""The committed corpus is exactly what scripts/generate-sandbox-corpus.py writes."""
import filecmp
import os
import subprocess
import sys

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
CORPUS = os.path.join(REPO, "Sources", "Sandbox", "Resources", "corpus")


def test_the_generator_reproduces_the_committed_corpus_byte_for_byte(tmp_path):
    subprocess.run([sys.executable, os.path.join(REPO, "scripts", "generate-sandbox-corpus.py"), str(tmp_path)],
                   check=True, capture_output=True)
    names = sorted(os.listdir(CORPUS))
    assert names == sorted(os.listdir(tmp_path))
    _, mismatch, errors = filecmp.cmpfiles(CORPUS, tmp_path, names, shallow=False)
    assert mismatch == [] and errors == []
