"""Printed output (PDF via QPdfWriter/QPainter): the matrix, blank worksheet, visit sheets, trip packs."""
