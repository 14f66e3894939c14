"""The Qt layer: the only package that imports Qt widgets."""
