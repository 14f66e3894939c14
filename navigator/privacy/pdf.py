"""What a PDF Navigator makes says about itself: its title, and nothing about who, where or when.

Qt stamps every PDF with its producer ("Qt 6.x"), the creator, the time to the second with the
local time-zone offset (a hint of where the person lives), and an XMP packet with the same times
and a document id (security review F12). ``XMP`` replaces that packet (``QPdfWriter.setDocumentXmpMetadata``)
with one that holds the title only, and ``neutral_info`` blanks the producer, creator and both
dates in the document's information dictionary. It writes spaces over them, byte for byte, so
that every offset in the file stays true and the file stays valid.

Pure Python (no Qt). Proven by tests/unit/privacy/test_pdf.py (pdfinfo reads the result).
"""

from __future__ import annotations

import re
from html import escape

# Keys of the information dictionary that say more than the title: blanked.
BLANKED = (b"Producer", b"Creator", b"CreationDate", b"ModDate")

_INFO_REF = re.compile(rb"trailer\s*<<.*?/Info\s+(\d+)\s+0\s+R", re.S)
# A literal string: any bytes but unescaped parentheses; nested balanced parentheses are allowed
# by PDF but never written by Qt for these keys (it escapes them).
_STRING = rb"\((?:[^()\\]|\\.)*\)"


def xmp(title: str) -> bytes:
    """An XMP metadata packet that holds the document's title and nothing else."""
    return (
        "<?xpacket begin='' id='W5M0MpCehiHzreSzNTczkc9d'?>"
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/"><rdf:Description rdf:about="">'
        f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{escape(title)}</rdf:li></rdf:Alt></dc:title>'
        "</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end='w'?>"
    ).encode()


def neutral_info(pdf: bytes) -> bytes:
    """``pdf`` with the producer, creator and dates of its information dictionary blanked.

    Only the information dictionary named by the last trailer is touched; a PDF without one is
    returned as it is."""
    trailers = list(_INFO_REF.finditer(pdf))
    if not trailers:
        return pdf
    number = trailers[-1].group(1)
    start = re.search(rb"(?:^|[\r\n])" + number + rb"\s+0\s+obj\b", pdf)
    if start is None:
        return pdf
    end = pdf.find(b"endobj", start.end())
    if end < 0:
        return pdf
    info = pdf[start.end() : end]
    for key in BLANKED:
        info = re.sub(rb"/" + key + rb"\s*" + _STRING, lambda m: b" " * len(m.group(0)), info)
    return pdf[: start.end()] + info + pdf[end:]
