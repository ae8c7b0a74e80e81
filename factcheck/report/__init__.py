"""Stage 6: render results. One module per format; ``json`` owns the JSON contract."""
