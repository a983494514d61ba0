"""Claim extraction: a pure library that turns an article into source metadata, speakers and
claims with quantities and resolved dates. No database access here.

    from claims.extract import read_article, extract_text, extract_path
"""
from claims.extract.article import read_article
from claims.extract.measures import MEASURES
from claims.extract.pipeline import extract_path, extract_text

__all__ = ["read_article", "extract_text", "extract_path", "MEASURES"]
