"""live-review: pre-broadcast compliance review of live-commerce scripts, hand cards and evidence."""

__version__ = "0.1.0"


def check(paths, broadcast_date=None, products=None):
    """Check files as one submission and return a `review.model.Report` (see review.engine.check)."""
    from .engine import check as _check

    return _check(paths, broadcast_date=broadcast_date, products=products)
