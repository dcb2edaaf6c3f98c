"""A base plan from the full text of its approving resolution and annex (``amend import-base``)."""
