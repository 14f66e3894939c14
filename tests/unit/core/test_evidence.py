"""Evidence by description: fingerprints, later checks, and no picture ever recorded for a possible minor."""

from __future__ import annotations

import hashlib

import pytest

from navigator.core.case import Evidence
from navigator.core.evidence import CheckResult, check, fingerprint, is_picture_or_video, may_be_minor, refuse_reason

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 40
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF"
HEIC = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00"
MP4 = b"\x00\x00\x00\x20ftypisom\x00\x00\x02\x00"
WEBP = b"RIFF\x24\x00\x00\x00WEBPVP8 "
WEBM = b"\x1aE\xdf\xa3\x9fB\x86\x81\x01"
GIF = b"GIF89a\x01\x00"
SVG = b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg">'
PDF = b"%PDF-1.7\n"
TEXT = b"Report received. Ticket 123."


@pytest.mark.parametrize("answer", ["under-18", "not-sure", "prefer-not-to-say"])
def test_unsure_answers_count_as_possibly_under_18(answer):
    assert may_be_minor(answer)


@pytest.mark.parametrize("answer", ["adult", None, ""])
def test_adult_or_unanswered(answer):
    assert not may_be_minor(answer)


@pytest.mark.parametrize("head", [PNG, JPEG, HEIC, MP4, WEBP, WEBM, GIF, SVG])
def test_pictures_and_videos_are_known_by_their_bytes_whatever_their_name(head):
    assert is_picture_or_video("notes.txt", head)


@pytest.mark.parametrize("name", ["a.JPG", "b.png", "c.heic", "d.mov", "e.mp4", "f.webp", "scan.tiff"])
def test_and_by_their_name_whatever_their_bytes(name):
    assert is_picture_or_video(name, b"")


@pytest.mark.parametrize(("name", "head"), [("reply.pdf", PDF), ("ticket.txt", TEXT), ("mail.eml", b"From: x")])
def test_documents_are_not_pictures(name, head):
    assert not is_picture_or_video(name, head)


def test_refusal_reads_only_the_first_bytes(tmp_path, monkeypatch):
    picture = tmp_path / "renamed.txt"
    picture.write_bytes(JPEG + b"\x00" * 5_000_000)
    reads: list[int] = []
    real_open = type(picture).open

    def counting_open(self, *args, **kwargs):
        handle = real_open(self, *args, **kwargs)
        real_read = handle.read
        handle.read = lambda n=-1: reads.append(n) or real_read(n)
        return handle

    monkeypatch.setattr(type(picture), "open", counting_open)
    assert refuse_reason(picture, possibly_minor=True) == "picture-minor"
    assert reads == [64]
    assert refuse_reason(picture, possibly_minor=False) is None


def test_a_document_is_accepted_for_a_possible_minor(tmp_path):
    reply = tmp_path / "reply.pdf"
    reply.write_bytes(PDF)
    assert refuse_reason(reply, possibly_minor=True) is None


def test_fingerprint_and_check(tmp_path):
    shot = tmp_path / "shot.png"
    shot.write_bytes(PNG * 100_000)  # 4.8 MB: read in pieces
    print_ = fingerprint(shot)
    assert print_.sha256 == hashlib.sha256(shot.read_bytes()).hexdigest()
    assert print_.size == shot.stat().st_size
    assert print_.name == "shot.png"
    assert print_.modified.tzinfo is not None
    evidence = Evidence(id="e1", name=print_.name, path=print_.path, size=print_.size, sha256=print_.sha256)
    assert check(evidence) is CheckResult.UNCHANGED
    shot.write_bytes(PNG * 100_000 + b"!")
    assert check(evidence) is CheckResult.CHANGED
    shot.unlink()
    assert check(evidence) is CheckResult.MISSING
    shot.mkdir()
    assert check(evidence) is CheckResult.MISSING


def test_fingerprint_refuses_a_folder(tmp_path):
    with pytest.raises(OSError):
        fingerprint(tmp_path)
