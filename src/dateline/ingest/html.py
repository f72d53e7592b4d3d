"""HTML pages: the main text and metadata extracted with trafilatura."""

from __future__ import annotations

import logging
from typing import Any

from dateline.errors import ArticleError

# Conservative date extraction: only dates the page states as its own, no guessing from
# the body text (which is full of event dates, not the publication date).
_DATE_PARAMS = {"extensive_search": False, "original_date": True}
MIN_WORDS = 5  # less than this is a menu or a caption, not an article


def html_record(data: bytes | str, url: str | None = None) -> dict[str, Any]:
    """A record (text, title, url, source, date) for one HTML page; ArticleError without text.

    trafilatura repeats the headline as the first line of the text; it is dropped there
    (it is the title), so the article text starts with the body and its dateline.
    """
    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    doc = trafilatura.bare_extraction(
        data, url=url, with_metadata=True, include_comments=False, include_tables=False,
        favor_precision=True,  # related links and teasers would become false events
        date_extraction_params=_DATE_PARAMS,
    )
    text = getattr(doc, "text", None) or ""
    if len(text.split()) < MIN_WORDS:
        raise ArticleError("no main text found in the HTML page")
    title = (getattr(doc, "title", None) or "").strip() or None
    if title:
        first, _, rest = text.partition("\n")
        if " ".join(first.split()) == " ".join(title.split()) and rest.strip():
            text = rest.lstrip("\n")
    return {
        "text": text,
        "title": title,
        "url": getattr(doc, "url", None) or url,
        "source": getattr(doc, "sitename", None),
        "date": getattr(doc, "date", None),
    }
